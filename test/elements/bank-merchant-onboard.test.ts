// <bank-merchant-onboard> in isolation: attribute checks, loading, the error shown when the bank cannot be asked,
// and recovery when the attribute is fixed. Verifying against the real bank is covered by
// test/e2e/merchants.spec.ts. Without canned answers the harness's fake bank is not connected: every call rejects with the SDK's 'network'
// error. With answers (the last block): the merchant's state, verification and its event.
import { expect, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/bank-merchant-onboard/define.ts';
import type { BankMerchantOnboard } from '../../src/elements/bank-merchant-onboard/bank-merchant-onboard.ts';
import {
  alertOf, bankEvents, buttons, expectBankEvent, expectErrorEventsBubble, expectLoading, expectSame, loggedInSession, loggedOutSession,
  loginAs, mountWithContext, networkText, shadow, startingSession, text, type FakeBankOptions, type MountOptions,
} from './harness.ts';
import type { MerchantState } from '../../src/protocol/post-message.ts';

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

describe('<bank-merchant-onboard> with a bank (fake)', () => {
  const merchantId = 'mer_demo01';
  const unverified: MerchantState = { merchantId, status: 'unverified', type: 'business' };

  async function mountLoaded(bank: FakeBankOptions, options: MountOptions = {}) {
    const mounted = await mount(merchantId, {
      session: loggedInSession, record: [...bankEvents, 'bank-merchant-verified'], ...options,
      bank: { ...bank, answers: { getMerchant: unverified, ...bank.answers } },
    });
    await waitUntil(() => mounted.eventsOf('bank-ready').length, 'bank-ready', { timeout: 2000 });
    await mounted.element.updateComplete;
    return mounted;
  }
  const status = (element: HTMLElement) => shadow(element).querySelector('[part~="status"]')!;

  it('shows the merchant\'s state from the bank and a "Verify business" button', async () => {
    const { element, bank } = await mountLoaded({});
    expect(bank.calls).to.deep.equal([{ method: 'getMerchant', params: { merchantId } }]);
    expect(status(element).getAttribute('role')).to.equal('status');
    expect(text(status(element))).to.equal('Business: Not verified by the bank yet. Verify to receive payments and payouts.');
    expect(buttons(element).map((b) => text(b))).to.deep.equal(['Verify business']);
  });

  it('Verify opens the Merchant verification frame; "verified" fires bank-merchant-verified and shows it', async () => {
    const { element, bank, eventsOf } = await mountLoaded({ frames: { merchant: { done: { status: 'verified' } } } });
    buttons(element)[0].click();
    await waitUntil(() => eventsOf('bank-merchant-verified').length, 'bank-merchant-verified', { timeout: 2000 });
    await element.updateComplete;
    expect(bank.opened.map((f) => [f.name, f.titleKey, f.params])).to.deep.equal([['merchant', 'merchantDialog', { merchant: merchantId }]]);
    const [event] = eventsOf('bank-merchant-verified');
    expectBankEvent(event);
    expectSame(event.target, element, 'target');
    expect(event.detail).to.deep.equal({ merchantId, status: 'verified' });
    expect(text(status(element))).to.equal('Business: Verified by the bank.');
    expect(buttons(element), 'nothing left to verify').to.have.length(0);
  });

  it('"pending" is announced too; a rejection is shown with its reason and announced as nothing', async () => {
    const pending = await mountLoaded({ frames: { merchant: { done: { status: 'pending' } } } });
    buttons(pending.element)[0].click();
    await waitUntil(() => pending.eventsOf('bank-merchant-verified').length, 'pending', { timeout: 2000 });
    expect(pending.eventsOf('bank-merchant-verified')[0].detail).to.deep.equal({ merchantId, status: 'pending' });

    const rejected = await mountLoaded({ frames: { merchant: { done: { status: 'rejected', reason: 'settlement_account_check_failed' } } } });
    buttons(rejected.element)[0].click();
    await waitUntil(() => status(rejected.element).getAttribute('data-status') === 'rejected', 'rejected', { timeout: 2000 });
    expect(text(status(rejected.element))).to.equal(
      'Business: The bank could not verify this merchant. The settlement account failed the bank’s account check. Try another account.');
    expect(buttons(rejected.element).map((b) => text(b)), 'may try again').to.deep.equal(['Verify business']);
    expect(rejected.eventsOf('bank-merchant-verified')).to.have.length(0);
  });

  it('not logged in: Verify opens Bank login first; closing it verifies nothing', async () => {
    const { element, bank, eventsOf } = await mountLoaded({ frames: { login: 'cancel' } }, { session: loggedOutSession });
    buttons(element)[0].click();
    await waitUntil(() => eventsOf('bank-cancel').length, 'bank-cancel', { timeout: 2000 });
    expect(bank.opened.map((f) => f.name)).to.deep.equal(['login']);
    expect(eventsOf('bank-merchant-verified')).to.have.length(0);

    const loggedIn = await mountLoaded({ frames: { login: loginAs(), merchant: { done: { status: 'verified' } } } }, { session: loggedOutSession });
    buttons(loggedIn.element)[0].click();
    await waitUntil(() => loggedIn.eventsOf('bank-merchant-verified').length, 'verified', { timeout: 2000 });
    expect(loggedIn.bank.opened.map((f) => f.name)).to.deep.equal(['login', 'merchant']);
  });
});
