// <bank-merchant-onboard> in isolation: attribute checks, loading, the error shown when the bank cannot be asked,
// and recovery when the attribute is fixed. Verifying against the real bank is covered by
// test/e2e/merchants.spec.ts. No bank is connected here: `callBank` rejects with the SDK's 'network' error.
import { expect, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/bank-merchant-onboard/define.ts';
import type { BankMerchantOnboard } from '../../src/elements/bank-merchant-onboard/bank-merchant-onboard.ts';
import {
  alertOf, buttons, expectErrorEventsBubble, expectLoading, mountWithContext, networkText, startingSession, text, type MountOptions,
} from './harness.ts';

const mount = (merchantId: string | null, options: MountOptions = {}) =>
  mountWithContext<BankMerchantOnboard>(
    merchantId === null ? html`<bank-merchant-onboard></bank-merchant-onboard>` : html`<bank-merchant-onboard merchant-id=${merchantId}></bank-merchant-onboard>`,
    options,
  );

describe('<bank-merchant-onboard>', () => {
  it('a missing merchant-id is invalid_attribute, shown and announced once', async () => {
    const mounted = await mount(null);
    expect(text(alertOf(mounted.element))).to.contain('merchant-id is required');
    const errors = mounted.eventsOf('bank-error');
    expect(errors).to.have.length(1);
    expect(errors[0]!.detail).to.deep.equal({ code: 'invalid_attribute', message: 'merchant-id is required', retryable: false });
    expect(buttons(mounted.element).map((b) => text(b))).to.not.include('Verify business');
  });

  for (const bad of ['12345', 'mer_', 'ord_abcdef1', 'mer_abc def', `mer_${'x'.repeat(65)}`]) {
    it(`merchant-id "${bad.slice(0, 12)}" is not a merchant id`, async () => {
      const mounted = await mount(bad);
      expect(mounted.eventsOf('bank-error')[0]!.detail.code).to.equal('invalid_attribute');
      expect(text(alertOf(mounted.element))).to.contain('is not a merchant id');
    });
  }

  it('loads while the session starts: a status, no button, no event', async () => {
    const mounted = await mount('mer_abcdef123', { session: startingSession });
    expectLoading(mounted);
  });

  it('a bank it cannot reach is a visible, retryable network error; fixing the attribute clears an attribute error', async () => {
    const mounted = await mount('mer_abcdef123');
    await waitUntil(() => alertOf(mounted.element), 'an alert');
    expect(text(alertOf(mounted.element))).to.contain(networkText);
    expect(mounted.eventsOf('bank-error')[0]!.detail).to.include({ code: 'network', retryable: true });
    const broken = await mount('nope');
    expect(broken.eventsOf('bank-error')[0]!.detail.code).to.equal('invalid_attribute');
    broken.element.setAttribute('merchant-id', 'mer_abcdef123');
    await waitUntil(() => text(alertOf(broken.element)).includes(networkText), 'the attribute error gives way to the load');
  });

  it('its bank-error events bubble out of the document, composed, with plain details', async () => {
    await expectErrorEventsBubble(() => mount('nope'), () => mount('mer_abcdef123'));
  });
});
