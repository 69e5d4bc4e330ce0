// <bank-loan-apply> in isolation: what the element decides without a bank (attribute checks, loading, error
// display, events, theming). The calculator, quotes and applications against the real bank are covered by
// test/e2e/loan.spec.ts.
//
// No bank is connected here (the harness's fake bank has no answers), so every bank call rejects with the SDK's 'network' error
// ("The bank is not connected.", retryable). Most tests keep the session 'starting' (or 'error'), where the
// element asks the bank for nothing; the 'no bank connected' tests make it ready.
import { aTimeout, expect, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../../src/elements/bank-loan-apply/define.ts';
import type { BankLoanApply } from '../../src/elements/bank-loan-apply/bank-loan-apply.ts';
import {
  alertOf, brokenConfig, buttons, configError, configErrorText, errorPart, expectButtonAndErrorParts, expectErrorEventsBubble,
  expectLoading, expectSame, loggedOutSession, mountWithContext, networkError, networkText, notConnected, shadow, startingSession,
  statusOf, text, type Mounted, type MountOptions,
} from './harness.ts';

/** Mounts `template` with a starting session unless told otherwise. */
const mount = (template: TemplateResult = html`<bank-loan-apply product="rent-loan"></bank-loan-apply>`, options: MountOptions = {}) =>
  mountWithContext<BankLoanApply>(template, { session: startingSession, ...options });

const buttonNames = (element: HTMLElement) => buttons(element).map((button) => text(button));

const setupText = 'This element is set up wrongly: ';

/** The invalid_attribute messages announced so far. */
const problemMessages = (events: CustomEvent[]) =>
  events.filter((e) => e.type === 'bank-error').map((e) => (e.detail.code === 'invalid_attribute' ? e.detail.message : e.detail.code));

/** Valid: no alert, no event. Invalid: `message` shown as a setup mistake and announced as the one problem. */
function expectVerdict({ element, eventsOf }: Mounted<BankLoanApply>, valid: boolean, message: string) {
  if (valid) {
    expectSame(alertOf(element), null, 'alert');
    expect(eventsOf('bank-error')).to.have.length(0);
  } else {
    expect(text(alertOf(element))).to.equal(`${setupText}${message}`);
    expect(problemMessages(eventsOf('bank-error'))).to.deep.equal([message]);
  }
}

/**
 * Makes the session ready without a bank, with a brake: should the element announce more than `limit` errors
 * (a retry loop that never yields to the event loop), its session is set back to 'starting' from inside the
 * event listener, which stops it asking the bank, so a test fails instead of hanging the browser.
 */
async function mountReadyWithoutBank(template: TemplateResult, limit = 10) {
  let count = 0;
  const brake = (event: Event) => {
    if (++count === limit) (event.target as unknown as { session: unknown }).session = startingSession;
  };
  document.addEventListener('bank-error', brake);
  try {
    const mounted = await mount(template, { session: loggedOutSession });
    await waitUntil(() => alertOf(mounted.element), 'an error is shown', { timeout: 2000 });
    await aTimeout(50);
    await mounted.element.updateComplete;
    return mounted;
  } finally {
    document.removeEventListener('bank-error', brake);
  }
}

describe('<bank-loan-apply>', () => {
  describe('attributes', () => {
    it('without product: alert "product is required", invalid_attribute exactly once, no button', async () => {
      const { element, eventsOf, setSession } = await mount(html`<bank-loan-apply></bank-loan-apply>`);
      const alert = alertOf(element);
      expect(alert).to.exist;
      expect(alert!.getAttribute('part')).to.equal('error');
      expect(text(alert)).to.equal(`${setupText}product is required`);
      expect(buttons(element), 'not retryable').to.have.length(0);
      expectSame(statusOf(element), null, 'status');
      expect(eventsOf('bank-error').map((e) => e.detail)).to.deep.equal([
        { code: 'invalid_attribute', message: 'product is required', retryable: false },
      ]);
      element.requestUpdate();
      await element.updateComplete;
      await setSession({ status: 'error', error: networkError });
      await setSession({ status: 'starting', error: null });
      expect(eventsOf('bank-error'), 'not again on re-renders and session changes').to.have.length(1);
      expect(eventsOf('bank-ready')).to.have.length(0);
    });

    it('treats an empty product as missing', async () => {
      const { element } = await mount(html`<bank-loan-apply product=""></bank-loan-apply>`);
      expect(text(alertOf(element))).to.equal(`${setupText}product is required`);
    });

    it('with valid attributes and a starting session: a loading status, no alert, no event', async () => {
      expectLoading(await mount(html`<bank-loan-apply product="rent-loan" amount="36000" term="12" reference="lease-42"></bank-loan-apply>`));
    });

    for (const [amount, valid] of [
      ['abc', false], ['-5', false], ['1e5', false], ['', false], ['36,000', false], [' 36000', false],
      ['36000.505', false], ['36000.', false], ['.5', false], ['0x10', false],
      ['36000', true], ['3500.5', true], ['3500.50', true],
    ] as const) {
      it(`${valid ? 'accepts' : 'rejects'} amount=${JSON.stringify(amount)}`, async () => {
        const mounted = await mount(html`<bank-loan-apply product="rent-loan" amount=${amount}></bank-loan-apply>`);
        expectVerdict(mounted, valid, `amount "${amount}" is not an amount in yuan like "36000"`);
      });
    }

    for (const [term, valid] of [
      ['0', false], ['-1', false], ['1.5', false], ['012', false], ['1000', false], ['twelve', false], ['', false],
      ['1', true], ['12', true], ['360', true],
    ] as const) {
      it(`${valid ? 'accepts' : 'rejects'} term=${JSON.stringify(term)}`, async () => {
        const mounted = await mount(html`<bank-loan-apply product="rent-loan" term=${term}></bank-loan-apply>`);
        expectVerdict(mounted, valid, `term "${term}" is not a whole number of months`);
      });
    }

    it('lists every problem at once, in one alert and one event', async () => {
      const { element, eventsOf } = await mount(html`<bank-loan-apply locale="fr" amount="abc" term="0"></bank-loan-apply>`);
      const shown = text(alertOf(element));
      const announced = eventsOf('bank-error');
      expect(announced).to.have.length(1);
      expect(shadow(element).querySelectorAll('[role="alert"]')).to.have.length(1);
      for (const problem of ['locale "fr"', 'product is required', 'amount "abc"', 'term "0"']) {
        expect(shown, 'shown').to.contain(problem);
        expect(announced[0].detail.message, 'announced').to.contain(problem);
      }
      expect(announced[0].detail.code).to.equal('invalid_attribute');
    });

    it('clears the alert as the attributes are corrected, and shows the loading state after the last fix', async () => {
      const { element, eventsOf } = await mount(html`<bank-loan-apply amount="abc" term="0"></bank-loan-apply>`);
      element.setAttribute('product', 'rent-loan');
      await element.updateComplete;
      expect(text(alertOf(element))).not.to.contain('product');
      element.setAttribute('amount', '50000');
      await element.updateComplete;
      expect(text(alertOf(element))).to.equal(`${setupText}term "0" is not a whole number of months`);
      element.term = '24';
      await element.updateComplete;
      expectSame(alertOf(element), null, 'alert after the last fix');
      expect(text(statusOf(element))).to.equal('Connecting to the bank…');
      expect(problemMessages(eventsOf('bank-error'))).to.deep.equal([
        'product is required; amount "abc" is not an amount in yuan like "36000"; term "0" is not a whole number of months',
        'amount "abc" is not an amount in yuan like "36000"; term "0" is not a whole number of months',
        'term "0" is not a whole number of months',
      ]);
    });

    it('treats a removed amount or term as not set', async () => {
      const { element, eventsOf } = await mount(html`<bank-loan-apply product="rent-loan" amount="abc" term="0"></bank-loan-apply>`);
      element.removeAttribute('amount');
      element.removeAttribute('term');
      await element.updateComplete;
      expectSame(alertOf(element), null, 'alert');
      expect(eventsOf('bank-error')).to.have.length(1);
    });

    it('reports an attribute that becomes invalid later', async () => {
      const { element, eventsOf } = await mount();
      element.setAttribute('amount', '1e5');
      await element.updateComplete;
      expect(text(alertOf(element))).to.contain('amount "1e5"');
      expect(problemMessages(eventsOf('bank-error'))).to.deep.equal(['amount "1e5" is not an amount in yuan like "36000"']);
    });
  });

  describe('locale', () => {
    it('speaks zh-CN from the config: the attribute problem and the loading state', async () => {
      const broken = await mount(html`<bank-loan-apply></bank-loan-apply>`, { config: { locale: 'zh-CN' } });
      expect(text(alertOf(broken.element))).to.equal('组件配置有误：缺少product属性');
      // The customer reads Chinese; the developer's bank-error detail stays English.
      expect(problemMessages(broken.eventsOf('bank-error'))).to.deep.equal(['product is required']);
      const loading = await mount(undefined, { config: { locale: 'zh-CN' } });
      expect(text(statusOf(loading.element))).to.equal('正在连接银行…');
    });

    it('lets the locale attribute override the config, and falls back to it when removed', async () => {
      const { element, eventsOf } = await mount(html`<bank-loan-apply locale="zh-CN"></bank-loan-apply>`, { config: { locale: 'en' } });
      expect(text(alertOf(element))).to.equal('组件配置有误：缺少product属性');
      element.removeAttribute('locale');
      await element.updateComplete;
      expect(text(alertOf(element))).to.equal(`${setupText}product is required`);
      element.locale = 'zh-CN';
      await element.updateComplete;
      expect(text(alertOf(element))).to.equal('组件配置有误：缺少product属性');
      expect(element.getAttribute('locale'), 'reflected').to.equal('zh-CN');
      expect(eventsOf('bank-error'), 'the problem did not change').to.have.length(1);
    });

    it('reports an invalid locale attribute, and clears it once fixed or removed', async () => {
      const { element, eventsOf } = await mount(html`<bank-loan-apply product="rent-loan" locale="fr"></bank-loan-apply>`);
      expect(text(alertOf(element))).to.equal(`${setupText}locale "fr" must be "en" or "zh-CN"`);
      element.setAttribute('locale', 'en');
      await element.updateComplete;
      expectSame(alertOf(element), null, 'alert once fixed');
      element.setAttribute('locale', 'de');
      await element.updateComplete;
      expect(text(alertOf(element))).to.contain('locale "de"');
      element.removeAttribute('locale');
      await element.updateComplete;
      expectSame(alertOf(element), null, 'alert once removed');
      expect(text(statusOf(element))).to.equal('Connecting to the bank…');
      expect(problemMessages(eventsOf('bank-error'))).to.deep.equal([
        'locale "fr" must be "en" or "zh-CN"',
        'locale "de" must be "en" or "zh-CN"',
      ]);
    });
  });

  describe('config and session errors', () => {
    it('shows the config error when the SDK could not start', async () => {
      const { element, eventsOf } = await mount(undefined, brokenConfig());
      expect(text(alertOf(element))).to.equal(configErrorText);
      expect(buttons(element)).to.have.length(0);
      expect(eventsOf('bank-error').map((e) => e.detail)).to.deep.equal([configError]);
    });
    // preferred over `config.error`, so with a broken script tag a <bank-loan-apply> without product shows
    // "This element is set up wrongly: product is required" and never the config error that `SdkConfig.error`
    // says every element shows. The config error should win over everything.
    it('lets a config error win over attribute problems', async () => {
      const { element, eventsOf } = await mount(html`<bank-loan-apply amount="abc"></bank-loan-apply>`, brokenConfig());
      expect(text(alertOf(element))).to.equal(configErrorText);
      expect(eventsOf('bank-error').map((e) => e.detail)).to.deep.equal([configError]);
    });

    it('shows a session network error with a "Try again" button, and recovers to loading', async () => {
      const { element, eventsOf, setSession } = await mount(undefined, { session: { status: 'error', error: networkError } });
      const alert = alertOf(element)!;
      expect(text(alert)).to.equal(`${networkText} Try again`);
      expect(buttonNames(element)).to.deep.equal(['Try again']);
      expect(alert.contains(buttons(element)[0])).to.be.true;
      expect(buttons(element)[0].getAttribute('part')?.split(/\s+/)).to.include.members(['button', 'retry']);
      expect(eventsOf('bank-error').map((e) => e.detail)).to.deep.equal([networkError]);
      await setSession({ status: 'starting', error: null });
      expectSame(alertOf(element), null, 'alert');
      expect(text(statusOf(element))).to.equal('Connecting to the bank…');
    });
  });

  describe('no bank connected (session ready)', () => {
    it('shows one visible, retryable network error and fires bank-error once', async () => {
      const { element, eventsOf } = await mountReadyWithoutBank(html`<bank-loan-apply product="rent-loan"></bank-loan-apply>`);
      expect(eventsOf('bank-error').map((e) => e.detail)).to.deep.equal([notConnected]);
      expect(text(alertOf(element))).to.equal(`${networkText} Try again`);
      expect(buttonNames(element)).to.deep.equal(['Try again']);
      expect(eventsOf('bank-ready')).to.have.length(0);

      buttons(element)[0].click();
      await waitUntil(() => eventsOf('bank-error').length >= 2, 'the retry fails again, visibly', { timeout: 2000 });
      await aTimeout(50);
      expect(eventsOf('bank-error').map((e) => e.detail)).to.deep.equal([notConnected, notConnected]);
      expect(text(alertOf(element))).to.contain(networkText);
    });

    // Same bug as above, seen with a missing product: each failed load replaces the invalid_attribute failure,
    // `willUpdate` puts a new one back, and a fresh invalid_attribute bank-error is announced every round.
    it('with a missing product, announces invalid_attribute once and does not loop', async () => {
      const { element, eventsOf } = await mountReadyWithoutBank(html`<bank-loan-apply></bank-loan-apply>`);
      expect(text(alertOf(element))).to.equal(`${setupText}product is required`);
      expect(eventsOf('bank-error').map((e) => e.detail.code)).to.deep.equal(['invalid_attribute']);
    });
  });

  describe('events', () => {
    it('bank-error bubbles out of the document, is composed and has a plain JSON detail', async () => {
      const { failed } = await expectErrorEventsBubble(
        () => mount(html`<bank-loan-apply term="0"></bank-loan-apply>`),
        () => mount(undefined, { session: { status: 'error', error: networkError } }),
      );
      expect(failed.events[0].detail, 'a copy, not the session error object').not.to.equal(networkError);
    });
  });

  describe('theming', () => {
    it('exposes ::part(button) and ::part(error) to the page', async () => {
      const { element } = await mount(undefined, { session: { status: 'error', error: networkError } });
      await expectButtonAndErrorParts(element);
    });

    it('uses --bank-color-primary for the Try again button, and --bank-color-error for the error box', async () => {
      const { element } = await mount(undefined, { session: { status: 'error', error: networkError } });
      const button = buttons(element)[0];
      const error = errorPart(element);
      expect(getComputedStyle(button).color).not.to.equal('rgb(1, 2, 3)');
      expect(getComputedStyle(error).color).not.to.equal('rgb(4, 5, 6)');
      element.style.setProperty('--bank-color-primary', 'rgb(1, 2, 3)');
      element.style.setProperty('--bank-color-error', 'rgb(4, 5, 6)');
      expect(getComputedStyle(button).color).to.equal('rgb(1, 2, 3)');
      expect(getComputedStyle(error).color).to.equal('rgb(4, 5, 6)');
    });
  });
});
