// <bank-data-consent> in isolation: what it decides before asking the bank (attribute and claim checks, in both
// locales) and how it shows them. Sharing against the real bank is covered by test/e2e/data-consent.spec.ts.
//
// No bank is connected here: `callBank` rejects with the SDK's 'network' error, which is what the purpose check of
// a valid element runs into.
import { expect, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/bank-data-consent/define.ts';
import type { BankDataConsent } from '../../src/elements/bank-data-consent/bank-data-consent.ts';
import { alertOf, buttons, mountWithContext, networkText, shadow, text, type MountOptions } from './harness.ts';

const mount = (purpose: string | null, claims: string | null, options: MountOptions = {}) =>
  mountWithContext<BankDataConsent>(
    html`<bank-data-consent purpose=${purpose ?? undefined} claims=${claims ?? undefined}></bank-data-consent>`,
    options,
  );

describe('<bank-data-consent> attribute checks', () => {
  it('refuses claims outside the grammar with invalid_claim, naming the claim, and shows no Share button', async () => {
    for (const [claims, message] of [
      ['identity credit-score', 'unknown claim "credit-score"'],
      ['income-at-least:1e4', 'the amount must be a number'],
      ['balance-at-least:-3500', 'the amount must be a number'],
      ['balance-at-least:0', 'the amount must be above zero'],
      ['identity identity', '"identity" is asked twice'],
    ]) {
      const { element, eventsOf } = await mount('rental-screening', claims);
      expect(text(alertOf(element)), claims).to.contain('This data request is set up wrongly: claims:');
      expect(text(alertOf(element)), claims).to.contain(message);
      expect(buttons(element).map((b) => text(b)), claims).to.not.include('Share my data');
      const errors = eventsOf('bank-error');
      expect(errors.map((e) => e.detail.code), claims).to.deep.equal(['invalid_claim']);
      expect(errors[0].detail.retryable).to.equal(false);
    }
  });

  it('refuses a missing or unknown purpose and missing claims with invalid_attribute', async () => {
    for (const [purpose, claims, message] of [
      ['marketing', 'identity', 'purpose "marketing" is not one of rental-screening, car-rental-deposit-waiver, renovation-financing'],
      [null, 'identity', 'purpose is required'],
      ['rental-screening', null, 'claims is required'],
      ['rental-screening', '   ', 'claims is required'],
    ] as const) {
      const { element, eventsOf } = await mount(purpose, claims);
      expect(text(alertOf(element))).to.equal(`This element is set up wrongly: ${message}`);
      expect(eventsOf('bank-error').map((e) => e.detail.code)).to.deep.equal(['invalid_attribute']);
    }
  });

  it('says it in Chinese too', async () => {
    const { element } = await mount('rental-screening', 'identity bogus', { config: { locale: 'zh-CN' } });
    expect(text(alertOf(element))).to.contain('数据授权请求配置有误');
  });

  it('recovers when the attribute is fixed, then asks the bank whether the purpose is allowed', async () => {
    const { element, eventsOf } = await mount('rental-screening', 'income-at-least:abc');
    expect(eventsOf('bank-error')[0].detail.code).to.equal('invalid_claim');
    element.claims = 'income-at-least:10500';
    // No bank in this test: the purpose check fails as a network error, which shows Try again.
    await waitUntil(() => text(alertOf(element)).startsWith(networkText));
    expect(eventsOf('bank-error').map((e) => e.detail.code)).to.deep.equal(['invalid_claim', 'network']);
    expect(shadow(element).querySelector('[part~="retry"]')).to.exist;
  });
});
