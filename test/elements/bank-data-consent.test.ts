// <bank-data-consent> in isolation: what it decides before asking the bank (attribute and claim checks, in both
// locales) and how it shows them, then sharing with the harness's fake bank. Sharing against the real bank is
// covered by test/e2e/data-consent.spec.ts.
//
// Without canned answers the fake bank is not connected: every call rejects with the SDK's 'network' error, which
// is what the purpose check of a valid element runs into.
import { expect, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/bank-data-consent/define.ts';
import type { BankDataConsent } from '../../src/elements/bank-data-consent/bank-data-consent.ts';
import {
  alertOf, bankEvents, buttons, expectBankEvent, expectSame, loggedInSession, loggedOutSession, loginAs, mountWithContext, networkText,
  shadow, text, type FakeBankOptions, type MountOptions,
} from './harness.ts';

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

describe('<bank-data-consent> with a bank (fake)', () => {
  const purpose = 'rental-screening';
  const claims = 'identity income-at-least:10000';
  const granted = {
    outcome: 'granted', consentId: 'con_demo01', purpose, createdAt: '2026-05-01T12:00:00.000Z', expiresAt: '2026-08-01T12:00:00.000Z',
  };
  const record = [...bankEvents, 'bank-consent-granted', 'bank-consent-declined'];

  /** Mounted for a logged-in customer (unless told otherwise), once the bank allowed the request. */
  async function mountAllowed(frames: FakeBankOptions['frames'] = {}, options: MountOptions = {}) {
    const mounted = await mount(purpose, claims, {
      session: loggedInSession, record, ...options, bank: { answers: { checkConsentRequest: { allowed: true } }, frames },
    });
    await waitUntil(() => mounted.eventsOf('bank-ready').length, 'bank-ready', { timeout: 2000 });
    await mounted.element.updateComplete;
    return mounted;
  }

  it('asks the bank whether the app may ask this, then shows "Share my data"', async () => {
    const { element, bank } = await mountAllowed();
    expect(bank.calls).to.deep.equal([{ method: 'checkConsentRequest', params: { purpose, claims } }]);
    expect(buttons(element).map((b) => text(b))).to.deep.equal(['Share my data']);
  });

  it('a purpose the app is not registered for is purpose_not_allowed, shown and announced', async () => {
    const { element, eventsOf } = await mount(purpose, claims, { bank: { answers: { checkConsentRequest: { allowed: false } } } });
    await waitUntil(() => eventsOf('bank-error').length, 'bank-error', { timeout: 2000 });
    await element.updateComplete;
    expect(eventsOf('bank-error').map((e) => e.detail.code)).to.deep.equal(['purpose_not_allowed']);
    expect(alertOf(element)).to.exist;
    expect(buttons(element).map((b) => text(b))).to.not.include('Share my data');
  });

  it('Share opens the Share data frame; "granted" fires bank-consent-granted and shows when it was shared', async () => {
    const { element, bank, eventsOf } = await mountAllowed({ consent: { done: granted } });
    buttons(element)[0].click();
    await waitUntil(() => eventsOf('bank-consent-granted').length, 'bank-consent-granted', { timeout: 2000 });
    await element.updateComplete;
    expect(bank.opened.map((f) => [f.name, f.titleKey, f.params])).to.deep.equal([['consent', 'consentDialog', { purpose, claims }]]);
    const [event] = eventsOf('bank-consent-granted');
    expectBankEvent(event);
    expectSame(event.target, element, 'target');
    expect(event.detail).to.deep.equal({ consentId: 'con_demo01', purpose, expiresAt: '2026-08-01T12:00:00.000Z' });
    const status = shadow(element).querySelector('[part~="status"]')!;
    expect(status.getAttribute('role')).to.equal('status');
    expect(text(status)).to.equal('Shared on May 1, 2026 · valid until Aug 1, 2026');
    expect(buttons(element), 'nothing more to share').to.have.length(0);
    expect(eventsOf('bank-consent-declined')).to.have.length(0);
  });

  it('"Don\'t share" in the frame fires bank-consent-declined {purpose}; closing the dialog does too, with bank-cancel', async () => {
    const declined = await mountAllowed({ consent: { done: { outcome: 'declined' } } });
    buttons(declined.element)[0].click();
    await waitUntil(() => declined.eventsOf('bank-consent-declined').length, 'declined', { timeout: 2000 });
    expectBankEvent(declined.eventsOf('bank-consent-declined')[0]);
    expect(declined.eventsOf('bank-consent-declined')[0].detail).to.deep.equal({ purpose });
    expect(declined.eventsOf('bank-cancel')).to.have.length(0);

    const closed = await mountAllowed({ consent: 'cancel' });
    buttons(closed.element)[0].click();
    await waitUntil(() => closed.eventsOf('bank-consent-declined').length, 'declined', { timeout: 2000 });
    await closed.element.updateComplete;
    expect(closed.events.filter((e) => e.type !== 'bank-ready').map((e) => e.type)).to.deep.equal(['bank-cancel', 'bank-consent-declined']);
    expect(buttons(closed.element).map((b) => text(b)), 'the customer may still share').to.deep.equal(['Share my data']);
  });

  it('not logged in: Share opens Bank login first; closing it is a decline', async () => {
    const loggedIn = await mountAllowed({ login: loginAs(), consent: { done: granted } }, { session: loggedOutSession });
    buttons(loggedIn.element)[0].click();
    await waitUntil(() => loggedIn.eventsOf('bank-consent-granted').length, 'granted', { timeout: 2000 });
    expect(loggedIn.bank.opened.map((f) => f.name)).to.deep.equal(['login', 'consent']);
    expect(loggedIn.eventsOf('bank-login-success').map((e) => e.target === loggedIn.element)).to.deep.equal([true]);

    const gaveUp = await mountAllowed({ login: 'cancel' }, { session: loggedOutSession });
    buttons(gaveUp.element)[0].click();
    await waitUntil(() => gaveUp.eventsOf('bank-consent-declined').length, 'declined', { timeout: 2000 });
    expect(gaveUp.bank.opened.map((f) => f.name)).to.deep.equal(['login']);
  });
});
