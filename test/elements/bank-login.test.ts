import { expect, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/bank-login/define.ts';
import type { BankLogin } from '../../src/elements/bank-login/bank-login.ts';
import { partnerMessages } from '../../src/i18n/partner.ts';
import {
  alertOf, buttons, configError, configErrorText, demoCustomer, expectBankEvent, expectSame, listenOnDocument, loggedInSession,
  loggedOutSession, loginAs, mountWithContext, networkError, shadow, startingSession, statusOf, text, withPageStyle,
  type FrameAnswer, type MountOptions,
} from './harness.ts';

const mount = (options: MountOptions = {}) => mountWithContext<BankLogin>(html`<bank-login></bank-login>`, options);

/** The button's accessible name, from its content (no ARIA labelling that could override it). */
function accessibleName(button: HTMLButtonElement): string {
  expect(button.hasAttribute('aria-label'), 'no aria-label').to.be.false;
  expect(button.hasAttribute('aria-labelledby'), 'no aria-labelledby').to.be.false;
  expect(button.hasAttribute('aria-hidden'), 'not hidden from assistive tech').to.be.false;
  return text(button);
}

function onlyButton(element: HTMLElement, name: string): HTMLButtonElement {
  const all = buttons(element);
  expect(all.map(accessibleName)).to.deep.equal([name]);
  return all[0];
}

const originError = {
  code: 'origin_not_allowed',
  message: 'http://localhost:8000 is not a registered origin of app_demo_rental.',
  retryable: false,
} as const;

describe('<bank-login>', () => {
  describe('loading', () => {
    it('shows a status "Connecting to the bank…" and no button while the session is starting', async () => {
      const { element, eventsOf } = await mount({ session: startingSession });
      const status = statusOf(element);
      expect(status).to.exist;
      expect(text(status)).to.equal('Connecting to the bank…');
      expect(buttons(element)).to.have.length(0);
      expectSame(alertOf(element), null, 'alert');
      expect(eventsOf('bank-ready')).to.have.length(0);
      expect(eventsOf('bank-error')).to.have.length(0);
    });

    it('leaves the loading state once the session is ready', async () => {
      const { element, setSession } = await mount({ session: startingSession });
      await setSession({ status: 'ready' });
      expectSame(statusOf(element), null, 'status');
      onlyButton(element, 'Log in');
    });
  });

  describe('logged out', () => {
    it('shows a "Log in" button with part="button"', async () => {
      const { element } = await mount({ session: loggedOutSession });
      const button = onlyButton(element, 'Log in');
      expect(button.getAttribute('part')?.split(/\s+/)).to.include('button');
      expect(button.disabled).to.be.false;
      expectSame(statusOf(element), null, 'status');
      expectSame(alertOf(element), null, 'alert');
      expect(text(shadow(element))).not.to.contain('Logged in');
    });

    it('fires bank-ready exactly once, not again on later session updates', async () => {
      const { eventsOf, setSession } = await mount({ session: startingSession });
      expect(eventsOf('bank-ready'), 'not while starting').to.have.length(0);
      await setSession({ status: 'ready' });
      expect(eventsOf('bank-ready')).to.have.length(1);
      await setSession({ customer: demoCustomer });
      await setSession({ customer: null });
      await setSession({ status: 'starting' });
      await setSession({ status: 'ready' });
      expect(eventsOf('bank-ready')).to.have.length(1);
      expect(eventsOf('bank-ready')[0].detail).to.deep.equal({});
    });

    it('fires bank-ready once when mounted with a ready session', async () => {
      const { element, eventsOf } = await mount({ session: loggedOutSession });
      element.requestUpdate();
      await element.updateComplete;
      expect(eventsOf('bank-ready')).to.have.length(1);
      expect(eventsOf('bank-error')).to.have.length(0);
    });
  });

  describe('logged in', () => {
    it('shows "Logged in as Zhang *" and a "Log out" button', async () => {
      const { element } = await mount({ session: loggedInSession });
      const customer = shadow(element).querySelector('[part~="customer"]');
      expect(text(customer)).to.equal('Logged in as Zhang *');
      const button = onlyButton(element, 'Log out');
      expect(button.getAttribute('part')?.split(/\s+/)).to.include('button');
    });

    it('flips back to "Log in" when the session customer becomes null, and again on login', async () => {
      const { element, setSession } = await mount({ session: loggedInSession });
      onlyButton(element, 'Log out');
      await setSession({ customer: null });
      onlyButton(element, 'Log in');
      expectSame(shadow(element).querySelector('[part~="customer"]'), null, 'customer');
      expect(text(shadow(element))).not.to.contain('Zhang');
      await setSession({ customer: { ...demoCustomer, displayName: 'Li *' } });
      expect(text(shadow(element).querySelector('[part~="customer"]'))).to.equal('Logged in as Li *');
      onlyButton(element, 'Log out');
    });

    it('Log in opens the Bank login dialog; a login there shows the customer and fires bank-login-success from it', async () => {
      const { element, bank, eventsOf } = await mount({ bank: { frames: { login: loginAs() } } });
      onlyButton(element, 'Log in').click();
      await waitUntil(() => eventsOf('bank-login-success').length, 'bank-login-success', { timeout: 2000 });
      await element.updateComplete;
      expect(bank.opened.map((f) => [f.name, f.params])).to.deep.equal([['login', {}]]);
      const [success] = eventsOf('bank-login-success');
      expectBankEvent(success);
      expectSame(success.target, element, 'announced from the element where the customer acted');
      expect(success.detail).to.deep.equal({ ...demoCustomer });
      expect(text(shadow(element).querySelector('[part~="customer"]'))).to.equal('Logged in as Zhang *');
      onlyButton(element, 'Log out');
      expect(eventsOf('bank-cancel')).to.have.length(0);
    });

    it('shows the open dialog by its name while the customer logs in, and none after', async () => {
      let answer!: (a: FrameAnswer) => void;
      const { element, eventsOf } = await mount({ bank: { frames: { login: () => new Promise((resolve) => (answer = resolve)) } } });
      onlyButton(element, 'Log in').click();
      await waitUntil(() => shadow(element).querySelector('dialog'), 'the dialog opens', { timeout: 2000 });
      expect(shadow(element).querySelector('dialog')!.getAttribute('aria-label')).to.equal('Bank login');
      answer(loginAs());
      await waitUntil(() => eventsOf('bank-login-success').length, 'bank-login-success', { timeout: 2000 });
      await element.updateComplete;
      expectSame(shadow(element).querySelector('dialog'), null, 'dialog after login');
    });

    it('closing the login dialog fires bank-cancel and keeps "Log in"', async () => {
      const { element, bank, eventsOf } = await mount({ bank: { frames: { login: 'cancel' } } });
      onlyButton(element, 'Log in').click();
      await waitUntil(() => eventsOf('bank-cancel').length, 'bank-cancel', { timeout: 2000 });
      await element.updateComplete;
      expectBankEvent(eventsOf('bank-cancel')[0]);
      expect(eventsOf('bank-cancel')[0].detail).to.deep.equal({});
      expect(bank.opened.map((f) => f.name)).to.deep.equal(['login']);
      onlyButton(element, 'Log in');
      expect(eventsOf('bank-login-success')).to.have.length(0);
    });

    it('Log out logs out at the bank, fires bank-logout {} from the element and shows "Log in" again', async () => {
      const { element, bank, eventsOf } = await mount({ session: loggedInSession });
      onlyButton(element, 'Log out').click();
      await waitUntil(() => eventsOf('bank-logout').length, 'bank-logout', { timeout: 2000 });
      await element.updateComplete;
      expect(bank.calls.map((c) => c.method)).to.deep.equal(['logout']);
      const [logout] = eventsOf('bank-logout');
      expectBankEvent(logout);
      expectSame(logout.target, element, 'target');
      expect(logout.detail).to.deep.equal({});
      onlyButton(element, 'Log in');
      expect(text(shadow(element))).not.to.contain('Zhang');
    });

    it('a logout the bank refuses is shown with Try again, and the customer stays logged in', async () => {
      const { element, eventsOf } = await mount({
        session: loggedInSession,
        bank: { answers: { logout: () => { throw { ...networkError }; } } },
      });
      onlyButton(element, 'Log out').click();
      await waitUntil(() => eventsOf('bank-error').length, 'bank-error', { timeout: 2000 });
      await element.updateComplete;
      expect(eventsOf('bank-error').map((e) => e.detail)).to.deep.equal([networkError]);
      expect(text(alertOf(element))).to.contain('Could not reach the bank.');
      expect(eventsOf('bank-logout')).to.have.length(0);
    });

    it('a logout elsewhere on the page (another element, BankSDK.logout) shows "Log in" and is announced from it', async () => {
      const { element, bank, eventsOf } = await mount({ session: loggedInSession });
      await bank.customerChanged(null);
      onlyButton(element, 'Log in');
      expect(eventsOf('bank-logout').map((e) => e.target)).to.deep.equal([element]);
    });
  });

  describe('locale', () => {
    it('speaks the config locale: zh-CN → "登录"', async () => {
      const { element } = await mount({ config: { locale: 'zh-CN' } });
      onlyButton(element, '登录');
    });

    it('speaks zh-CN when logged in and while loading', async () => {
      const { element, setSession } = await mount({ config: { locale: 'zh-CN' }, session: loggedInSession });
      expect(text(shadow(element).querySelector('[part~="customer"]'))).to.equal('已登录：Zhang *');
      onlyButton(element, '退出登录');
      await setSession({ status: 'starting' });
      expect(text(statusOf(element))).to.equal('正在连接银行…');
    });

    it('follows a config locale change', async () => {
      const { element, setConfig } = await mount();
      onlyButton(element, 'Log in');
      await setConfig({ locale: 'zh-CN' });
      onlyButton(element, '登录');
    });

    it('lets the locale attribute override the config', async () => {
      const { element } = await mountWithContext<BankLogin>(html`<bank-login locale="en"></bank-login>`, {
        config: { locale: 'zh-CN' },
      });
      onlyButton(element, 'Log in');
      element.locale = 'zh-CN';
      await element.updateComplete;
      onlyButton(element, '登录');
      expect(element.getAttribute('locale'), 'reflected').to.equal('zh-CN');
    });

    it('reports an invalid locale attribute as invalid_attribute, and clears it once fixed', async () => {
      const { element, eventsOf } = await mountWithContext<BankLogin>(html`<bank-login locale="fr"></bank-login>`);
      const alert = alertOf(element);
      expect(alert).to.exist;
      expect(text(alert)).to.contain('locale "fr"');
      expect(text(alert)).to.contain('This element is set up wrongly');
      expect(buttons(element), 'no Log in, no Try again').to.have.length(0);
      expect(eventsOf('bank-error')).to.have.length(1);
      const { detail } = eventsOf('bank-error')[0];
      expect(detail.code).to.equal('invalid_attribute');
      expect(detail.retryable).to.equal(false);
      expect(detail.message).to.contain('locale "fr"');
      expect(eventsOf('bank-ready'), 'not ready while broken').to.have.length(0);

      element.requestUpdate();
      await element.updateComplete;
      expect(eventsOf('bank-error'), 'not again on a re-render').to.have.length(1);

      element.setAttribute('locale', 'en');
      await element.updateComplete;
      expectSame(alertOf(element), null, 'alert');
      onlyButton(element, 'Log in');
      expect(eventsOf('bank-error')).to.have.length(1);
      expect(eventsOf('bank-ready'), 'ready once fixed').to.have.length(1);
    });

    it('reports a locale attribute that becomes invalid after being ready', async () => {
      const { element, eventsOf } = await mount();
      expect(eventsOf('bank-ready')).to.have.length(1);
      element.setAttribute('locale', 'fr');
      await element.updateComplete;
      expect(text(alertOf(element))).to.contain('locale "fr"');
      expect(eventsOf('bank-error').map((e) => e.detail.code)).to.deep.equal(['invalid_attribute']);
      element.setAttribute('locale', 'zh-CN');
      await element.updateComplete;
      expectSame(alertOf(element), null, 'alert');
      onlyButton(element, '登录');
    });

    // Removing the attribute makes Lit set the property to null: that means "not set", not an invalid locale.
    it('falls back to the config locale when the locale attribute is removed', async () => {
      const { element, eventsOf } = await mountWithContext<BankLogin>(html`<bank-login locale="zh-CN"></bank-login>`);
      onlyButton(element, '登录');
      element.removeAttribute('locale');
      await element.updateComplete;
      expectSame(alertOf(element), null, 'alert');
      onlyButton(element, 'Log in');
      expect(eventsOf('bank-error')).to.have.length(0);

      element.setAttribute('locale', 'fr');
      await element.updateComplete;
      element.removeAttribute('locale');
      await element.updateComplete;
      expectSame(alertOf(element), null, 'alert after fixing fr by removal');
      expect(eventsOf('bank-error').map((e) => e.detail.message)).to.deep.equal(['locale "fr" must be "en" or "zh-CN"']);
    });
  });

  describe('config error', () => {
    it('shows the localized config error with its detail and fires bank-error once', async () => {
      const { element, eventsOf, setSession } = await mount({ config: { error: configError } });
      const alert = alertOf(element);
      expect(alert).to.exist;
      expect(text(alert)).to.contain(configErrorText);
      expect(buttons(element), 'not retryable').to.have.length(0);
      expect(eventsOf('bank-error')).to.have.length(1);
      expect(eventsOf('bank-error')[0].detail).to.deep.equal(configError);

      element.requestUpdate();
      await element.updateComplete;
      // What BankSDK.start does with a config error: the session shows it too.
      await setSession({ status: 'error', error: configError });
      await setSession({ status: 'error' });
      expect(eventsOf('bank-error'), 'once, even after re-renders').to.have.length(1);
      expect(eventsOf('bank-ready')).to.have.length(0);
    });

    it('shows the config error in zh-CN', async () => {
      const { element } = await mount({ config: { locale: 'zh-CN', error: configError } });
      expect(text(alertOf(element))).to.contain('银行SDK配置有误：data-app-id is required');
    });
  });

  describe('session error', () => {
    it('shows a retryable error with a "Try again" button', async () => {
      const { element, eventsOf } = await mount({ session: { status: 'error', error: networkError } });
      const alert = alertOf(element);
      expect(text(alert)).to.contain('Could not reach the bank. Check your connection and try again.');
      const retry = onlyButton(element, 'Try again');
      expect(alert!.contains(retry), 'the button is part of the alert').to.be.true;
      expect(retry.getAttribute('part')?.split(/\s+/)).to.include.members(['button', 'retry']);
      expect(eventsOf('bank-error').map((e) => e.detail)).to.deep.equal([networkError]);
      expect(eventsOf('bank-ready')).to.have.length(0);
    });

    it('shows a non-retryable error without a "Try again" button', async () => {
      const { element, eventsOf } = await mount({ session: { status: 'error', error: originError } });
      expect(text(alertOf(element))).to.contain('This website is not allowed to use the bank’s services.');
      expect(buttons(element)).to.have.length(0);
      expect(eventsOf('bank-error').map((e) => e.detail)).to.deep.equal([originError]);
    });

    it('says origin_not_allowed in zh-CN as "本网站未获准使用银行服务。"', async () => {
      const { element } = await mount({ config: { locale: 'zh-CN' }, session: { status: 'error', error: originError } });
      expect(text(alertOf(element))).to.equal('本网站未获准使用银行服务。');
    });

    it('recovers when the session becomes ready, and fires bank-ready then', async () => {
      const { element, eventsOf, setSession } = await mount({ session: { status: 'error', error: networkError } });
      await setSession({ status: 'starting', error: null });
      expectSame(alertOf(element), null, 'alert');
      expect(statusOf(element)).to.exist;
      await setSession({ status: 'ready' });
      onlyButton(element, 'Log in');
      expect(eventsOf('bank-ready')).to.have.length(1);
      expect(eventsOf('bank-error')).to.have.length(1);
    });

    it('fires bank-error again for a new failure', async () => {
      const { eventsOf, setSession } = await mount({ session: { status: 'error', error: networkError } });
      await setSession({ status: 'starting', error: null });
      await setSession({ status: 'error', error: { ...networkError } });
      expect(eventsOf('bank-error')).to.have.length(2);
    });
  });

  describe('events', () => {
    it('every bank-* event bubbles, is composed and has a plain JSON detail', async () => {
      await listenOnDocument(['bank-ready', 'bank-error'], async (seenOnDocument) => {
        const ready = await mount();
        const broken = await mountWithContext<BankLogin>(html`<bank-login locale="fr"></bank-login>`);
        const failed = await mount({ session: { status: 'error', error: networkError } });
        const events = [...ready.events, ...broken.events, ...failed.events];
        expect(events.map((e) => e.type)).to.deep.equal(['bank-ready', 'bank-error', 'bank-error']);
        // Listened for without capture on the wrapper and on the document: they arrived by bubbling.
        expect(seenOnDocument).to.have.length(3);
        for (const event of events) expectBankEvent(event);
        expectSame(ready.events[0].target, ready.element, 'target');
      });
    });
  });

  describe('theming', () => {
    it('exposes ::part(button) to the page', async () => {
      await withPageStyle('bank-login::part(button) { letter-spacing: 7px; }', async () => {
        const { element } = await mount();
        const button = onlyButton(element, 'Log in');
        expect(getComputedStyle(button).letterSpacing).to.equal('7px');
      });
    });

    it('uses --bank-color-primary for the button background', async () => {
      const { element } = await mount();
      const button = onlyButton(element, 'Log in');
      const before = getComputedStyle(button).backgroundColor;
      expect(before).not.to.equal('rgb(1, 2, 3)');
      element.style.setProperty('--bank-color-primary', 'rgb(1, 2, 3)');
      await waitUntil(() => getComputedStyle(button).backgroundColor === 'rgb(1, 2, 3)', 'background follows the variable');
      expect(getComputedStyle(button).backgroundColor).to.equal('rgb(1, 2, 3)');
    });
  });

  describe('keyboard', () => {
    it('puts the Log in button in the tab order', async () => {
      const { element, wrapper } = await mount();
      const button = onlyButton(element, 'Log in');
      expect(button.getAttribute('tabindex')).not.to.equal('-1');
      expect(button.tabIndex).to.be.at.least(0);
      expect(element.getAttribute('tabindex')).not.to.equal('-1');

      const before = document.createElement('button');
      before.textContent = 'before';
      wrapper.before(before);
      try {
        before.focus();
        expectSame(document.activeElement, before, 'focused before Tab');
        await sendKeys({ press: 'Tab' });
        expectSame(document.activeElement, element, 'focus moved into the element');
        expectSame(shadow(element).activeElement, button, 'onto its button');
      } finally {
        before.remove();
      }
    });

    it('puts the Log out and Try again buttons in the tab order', async () => {
      const { element, setSession } = await mount({ session: loggedInSession });
      for (const name of ['Log out', 'Try again']) {
        if (name === 'Try again') await setSession({ status: 'error', error: networkError });
        const button = onlyButton(element, name);
        expect(button.getAttribute('tabindex'), name).not.to.equal('-1');
        button.focus();
        expectSame(shadow(element).activeElement, button, name);
      }
    });
  });
});

describe('partner message catalogue', () => {
  const en = partnerMessages.en;
  const zh = partnerMessages['zh-CN'];

  it('has the same keys in en and zh-CN', () => {
    expect(Object.keys(zh).sort()).to.deep.equal(Object.keys(en).sort());
  });

  it('translates every en message to a non-empty, different zh-CN message', () => {
    const keys = Object.keys(en) as (keyof typeof en)[];
    expect(keys.length).to.be.greaterThan(0);
    const problems = keys.filter((key) => typeof zh[key] !== 'string' || !zh[key].trim() || zh[key] === en[key]);
    expect(problems).to.deep.equal([]);
  });

  it('keeps the same placeholders in both locales', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(zh[key]), key).to.deep.equal(placeholders(en[key]));
    }
  });
});
