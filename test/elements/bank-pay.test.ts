// <bank-pay> in isolation: what the element decides without a bank (attribute checks, loading, error display,
// events, theming), then with the harness's fake bank (the order, paying, success, failure). Paying against the
// real bank is covered by test/e2e/pay.spec.ts.
//
// Without canned answers the harness's fake bank is not connected: every call rejects with the SDK's 'network' error
// ("The bank is not connected.", retryable), which is what any order load runs into.
import { expect, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/bank-pay/define.ts';
import type { BankPay } from '../../src/elements/bank-pay/bank-pay.ts';
import {
  alertOf, brokenConfig, buttons, configError, configErrorText, errorPart, expectButtonAndErrorParts, expectErrorEventsBubble,
  expectLoading, expectSame, loggedInSession, loggedOutSession, mountWithContext, networkText, notConnected, shadow, startingSession,
  statusOf, text, bankEvents, expectBankEvent, loginAs, paymentFailed, type FakeBankOptions, type FrameAnswer, type MountOptions,
} from './harness.ts';
import type { OrderDisplay } from '../../src/protocol/post-message.ts';

const validOrderId = 'ord_demo01';

const mount = (orderId: string | null = validOrderId, options: MountOptions = {}) =>
  mountWithContext<BankPay>(
    orderId === null ? html`<bank-pay></bank-pay>` : html`<bank-pay order-id=${orderId}></bank-pay>`,
    options,
  );

const alertsOf = (element: HTMLElement) => shadow(element).querySelectorAll('[role="alert"]');

function buttonNames(element: HTMLElement) {
  return buttons(element).map((button) => {
    expect(button.hasAttribute('aria-label'), 'no aria-label').to.be.false;
    return text(button);
  });
}

/** Records uncaught errors and unhandled rejections (and console.error, where a render crash is logged). */
function watchFailures() {
  const failures: string[] = [];
  const onError = (event: ErrorEvent) => failures.push(`error: ${event.message}`);
  const onRejection = (event: PromiseRejectionEvent) => failures.push(`unhandled rejection: ${String(event.reason?.message ?? JSON.stringify(event.reason))}`);
  const consoleError = console.error;
  console.error = (...args: unknown[]) => {
    failures.push(`console.error: ${args.map(String).join(' ')}`);
    consoleError.apply(console, args);
  };
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    failures,
    stop() {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
      console.error = consoleError;
    },
  };
}


/**
 * A positive signal that all pending promise work has run (instead of sleeping and hoping): a message sent over a
 * MessageChannel arrives in a later task, and a task starts only once the microtask queue is empty, so every load,
 * retry, render or event chained on promises before it has happened by the time it arrives.
 */
async function drained() {
  await new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage('drained');
  });
}

/** Mounts with a ready session and waits for the (failing) order load to show its error. */
async function mountFailedLoad(options: MountOptions = {}) {
  const mounted = await mount(validOrderId, { session: loggedOutSession, ...options });
  await waitUntil(() => alertOf(mounted.element), 'the failed order load is shown', { timeout: 2000 });
  await mounted.element.updateComplete;
  return mounted;
}

describe('<bank-pay>', () => {
  describe('order-id attribute', () => {
    it('without order-id: alert "order-id is required", invalid_attribute exactly once, no button', async () => {
      const { element, eventsOf, setSession } = await mount(null);
      const alert = alertOf(element);
      expect(alert).to.exist;
      expect(text(alert)).to.equal('This element is set up wrongly: order-id is required');
      expect(buttons(element), 'not retryable, nothing to pay').to.have.length(0);
      expectSame(statusOf(element), null, 'status');
      expect(eventsOf('bank-error').map((e) => e.detail)).to.deep.equal([
        { code: 'invalid_attribute', message: 'order-id is required', retryable: false },
      ]);

      element.requestUpdate();
      await element.updateComplete;
      await setSession({ customer: loggedInSession.customer });
      await setSession({ status: 'starting' });
      await setSession({ status: 'ready' });
      expect(eventsOf('bank-error'), 'not again on re-renders and session changes').to.have.length(1);
      expect(eventsOf('bank-ready')).to.have.length(0);
    });

    it('treats an empty order-id as missing', async () => {
      const { element, eventsOf } = await mount('');
      expect(text(alertOf(element))).to.contain('order-id is required');
      expect(eventsOf('bank-error')).to.have.length(1);
    });

    for (const bad of ['12345', 'ord_abc', 'ORD_demo01', ' ord_demo01', 'ord_demo01 ', 'ord_demo/01', `ord_${'x'.repeat(65)}`]) {
      it(`rejects order-id ${JSON.stringify(bad)} as not an order id`, async () => {
        const { element, eventsOf } = await mount(bad);
        expect(text(alertOf(element))).to.contain(`order-id "${bad}" is not an order id`);
        expect(buttons(element)).to.have.length(0);
        expect(eventsOf('bank-error').map((e) => e.detail.code)).to.deep.equal(['invalid_attribute']);
        expect(eventsOf('bank-error')[0].detail.message).to.equal(`order-id "${bad}" is not an order id`);
      });
    }

    it('accepts well-formed order ids (6 to 64 word characters or dashes after "ord_")', async () => {
      for (const good of ['ord_abc123', 'ord_A-b_C-9', `ord_${'x'.repeat(64)}`]) {
        const { element, eventsOf } = await mount(good, { session: startingSession });
        expectSame(alertOf(element), null, `alert for ${good}`);
        expect(eventsOf('bank-error'), good).to.have.length(0);
      }
    });

    it('with a valid order-id and a starting session: a loading status, no alert, no event', async () => {
      expectLoading(await mount(validOrderId, { session: startingSession }));
    });

    it('reports an order-id that becomes invalid, and clears the alert once corrected', async () => {
      const { element, eventsOf } = await mount(validOrderId, { session: startingSession });
      element.setAttribute('order-id', '12345');
      await element.updateComplete;
      expect(text(alertOf(element))).to.contain('order-id "12345" is not an order id');
      element.removeAttribute('order-id');
      await element.updateComplete;
      expect(text(alertOf(element)), 'the alert follows the new problem').to.contain('order-id is required');
      element.setAttribute('order-id', 'ord_other1');
      await element.updateComplete;
      expectSame(alertOf(element), null, 'alert after correcting');
      expect(text(statusOf(element))).to.equal('Connecting to the bank…');
      expect(eventsOf('bank-error').map((e) => e.detail.message)).to.deep.equal([
        'order-id "12345" is not an order id',
        'order-id is required',
      ]);
    });

    it('reflects the order-id property to the attribute', async () => {
      const { element } = await mount(validOrderId, { session: startingSession });
      element.orderId = 'ord_other1';
      await element.updateComplete;
      expect(element.getAttribute('order-id')).to.equal('ord_other1');
    });

    it('lists an invalid locale together with a bad order-id', async () => {
      const { element, eventsOf } = await mountWithContext<BankPay>(html`<bank-pay locale="fr" order-id="12345"></bank-pay>`, {
        session: startingSession,
      });
      expect(eventsOf('bank-error').map((e) => e.detail.message)).to.deep.equal([
        'locale "fr" must be "en" or "zh-CN"; order-id "12345" is not an order id',
      ]);
      expect(text(alertOf(element))).to.contain('locale "fr"');
    });
  });

  describe('config error', () => {
    it('shows the config error, not the loading state, when the SDK could not start', async () => {
      const { element, eventsOf } = await mount(validOrderId, brokenConfig());
      expect(text(alertOf(element))).to.equal(configErrorText);
      expect(buttons(element), 'not retryable').to.have.length(0);
      expectSame(statusOf(element), null, 'status');
      expect(eventsOf('bank-error').map((e) => e.detail)).to.deep.equal([configError]);
    });
    // invalid_attribute of a missing order-id) is preferred over `config.error`, so a page whose script tag is
    // broken shows "This element is set up wrongly: order-id is required" instead of the config error that
    // `SdkConfig.error` says every element shows. The config error should win over everything.
    it('lets a config error win over attribute problems', async () => {
      for (const template of [html`<bank-pay></bank-pay>`, html`<bank-pay order-id="12345" locale="fr"></bank-pay>`]) {
        const { element, eventsOf } = await mountWithContext<BankPay>(template, brokenConfig());
        expect(text(alertOf(element))).to.equal(configErrorText);
        expect(alertsOf(element)).to.have.length(1);
        expect(eventsOf('bank-error').map((e) => e.detail)).to.deep.equal([configError]);
      }
    });

    it('shows the config error in zh-CN', async () => {
      const { element } = await mount(validOrderId, brokenConfig({ locale: 'zh-CN' }));
      expect(text(alertOf(element))).to.equal('银行SDK配置有误：data-app-id is required');
    });
  });

  describe('zh-CN', () => {
    it('says the attribute problem, the loading state and the network failure in Chinese', async () => {
      const missing = await mount(null, { config: { locale: 'zh-CN' } });
      expect(text(alertOf(missing.element))).to.equal('组件配置有误：缺少order-id属性');
      expect(missing.eventsOf('bank-error').map((e) => e.detail.message), 'English for the developer').to.deep.equal(['order-id is required']);

      const loading = await mount(validOrderId, { config: { locale: 'zh-CN' }, session: startingSession });
      expect(text(statusOf(loading.element))).to.equal('正在连接银行…');

      const failed = await mountFailedLoad({ config: { locale: 'zh-CN' } });
      expect(text(alertOf(failed.element))).to.equal('无法连接银行，请检查网络后重试。 重试');
      expect(buttonNames(failed.element)).to.deep.equal(['重试']);
    });

    it('lets the locale attribute override the config', async () => {
      const { element } = await mountWithContext<BankPay>(html`<bank-pay locale="zh-CN"></bank-pay>`);
      expect(text(alertOf(element))).to.equal('组件配置有误：缺少order-id属性');
      element.locale = 'en';
      await element.updateComplete;
      expect(text(alertOf(element))).to.equal('This element is set up wrongly: order-id is required');
      expect(element.getAttribute('locale'), 'reflected').to.equal('en');
    });
  });

  describe('no bank connected (session ready)', () => {
    it('shows a visible, retryable network error and fires bank-error, without throwing', async () => {
      const watch = watchFailures();
      try {
        const { element, eventsOf } = await mountFailedLoad();
        const alert = alertOf(element)!;
        expect(alert.getAttribute('part')).to.equal('error');
        expect(text(alert)).to.equal(`${networkText} Try again`);
        expect(buttonNames(element)).to.deep.equal(['Try again']);
        const retry = buttons(element)[0];
        expect(alert.contains(retry), 'the button is part of the alert').to.be.true;
        expect(retry.getAttribute('part')?.split(/\s+/)).to.include.members(['button', 'retry']);
        expect(retry.disabled).to.be.false;
        expectSame(statusOf(element), null, 'no lingering loading status');
        expect(eventsOf('bank-error').map((e) => e.detail)).to.deep.equal([notConnected]);
        expect(eventsOf('bank-ready')).to.have.length(0);
        await drained();
        expect(watch.failures).to.deep.equal([]);
      } finally {
        watch.stop();
      }
    });

    it('behaves the same for a logged-in customer', async () => {
      const { element, eventsOf } = await mountFailedLoad({ session: loggedInSession });
      expect(text(alertOf(element))).to.contain(networkText);
      expect(eventsOf('bank-error').map((e) => e.detail.code)).to.deep.equal(['network']);
    });

    it('loads (and fails) only once the starting session becomes ready', async () => {
      const { element, eventsOf, setSession } = await mount(validOrderId, { session: startingSession });
      await drained();
      expectSame(alertOf(element), null, 'no load while starting');
      await setSession({ status: 'ready' });
      await waitUntil(() => alertOf(element), 'the failed load is shown', { timeout: 2000 });
      expect(text(alertOf(element))).to.contain(networkText);
      expect(eventsOf('bank-error')).to.have.length(1);
    });

    it('"Try again" loads the order again: the failure shows again and bank-error fires again', async () => {
      const watch = watchFailures();
      try {
        const { element, eventsOf } = await mountFailedLoad();
        buttons(element)[0].click();
        await waitUntil(() => eventsOf('bank-error').length === 2, 'a second failure is announced', { timeout: 2000 });
        await element.updateComplete;
        expect(text(alertOf(element))).to.contain(networkText);
        expect(buttonNames(element)).to.deep.equal(['Try again']);
        expect(eventsOf('bank-error').map((e) => e.detail)).to.deep.equal([notConnected, notConnected]);
        await drained();
        expect(eventsOf('bank-error'), 'no retry loop').to.have.length(2);
        expect(watch.failures).to.deep.equal([]);
      } finally {
        watch.stop();
      }
    });

    it('does not load again on re-renders or session changes alone', async () => {
      const { element, eventsOf, setSession } = await mountFailedLoad();
      element.requestUpdate();
      await element.updateComplete;
      await setSession({ customer: loggedInSession.customer });
      await drained();
      expect(eventsOf('bank-error')).to.have.length(1);
    });

    it('a bad order-id replaces the network failure, and a new valid one is loaded', async () => {
      const { element, eventsOf } = await mountFailedLoad();
      element.setAttribute('order-id', '12345');
      await element.updateComplete;
      expect(text(alertOf(element))).to.contain('order-id "12345" is not an order id');
      expect(buttons(element), 'no Try again for a setup mistake').to.have.length(0);
      element.setAttribute('order-id', 'ord_other1');
      await waitUntil(() => eventsOf('bank-error').length === 3, 'the new order is loaded (and fails)', { timeout: 2000 });
      await element.updateComplete;
      expect(text(alertOf(element))).to.contain(networkText);
      expect(eventsOf('bank-error').map((e) => e.detail.code)).to.deep.equal(['network', 'invalid_attribute', 'network']);
    });
    // order-id invalid and then restoring the same id clears the invalid_attribute failure but does not load the
    // order again (`loadedFor` still names it), so the element says "Connecting to the bank…" forever: no error,
    // no Try again, no event. It should load the order again (here: show the network error again).
    it('restoring the same valid order-id after an invalid one never leaves the element loading forever', async () => {
      const { element, eventsOf } = await mountFailedLoad();
      element.setAttribute('order-id', '12345');
      await element.updateComplete;
      element.setAttribute('order-id', validOrderId);
      await element.updateComplete;
      await drained();
      await element.updateComplete;
      expect(text(alertOf(element)), 'the order is loaded again and its failure shown').to.contain(networkText);
      expect(buttonNames(element)).to.deep.equal(['Try again']);
      expect(eventsOf('bank-error').map((e) => e.detail.code)).to.deep.equal(['network', 'invalid_attribute', 'network']);
    });
  });

  describe('events', () => {
    it('bank-error bubbles out of the document, is composed and has a plain JSON detail', async () => {
      const { failed } = await expectErrorEventsBubble(() => mount('12345'), () => mountFailedLoad());
      expectSame(failed.events[0].target, failed.element, 'target');
    });

    it('does not hand out its own error object: changing a detail changes nothing in the element', async () => {
      const { element, eventsOf } = await mountFailedLoad();
      const { detail } = eventsOf('bank-error')[0];
      detail.retryable = false;
      detail.code = 'locked';
      element.requestUpdate();
      await element.updateComplete;
      expect(text(alertOf(element))).to.contain(networkText);
      expect(buttonNames(element)).to.deep.equal(['Try again']);
    });
  });

  describe('theming', () => {
    it('exposes ::part(button) and ::part(error) to the page', async () => {
      const { element } = await mountFailedLoad();
      await expectButtonAndErrorParts(element);
    });

    it('uses --bank-color-primary for the Try again button', async () => {
      const { element } = await mountFailedLoad();
      const button = buttons(element)[0];
      expect(getComputedStyle(button).color).not.to.equal('rgb(1, 2, 3)');
      element.style.setProperty('--bank-color-primary', 'rgb(1, 2, 3)');
      await waitUntil(() => getComputedStyle(button).color === 'rgb(1, 2, 3)', 'colour follows the variable', { timeout: 2000 });
    });

    it('uses --bank-color-error for the error box', async () => {
      const { element } = await mount(null);
      const error = errorPart(element);
      expect(getComputedStyle(error).color).not.to.equal('rgb(4, 5, 6)');
      element.style.setProperty('--bank-color-error', 'rgb(4, 5, 6)');
      expect(getComputedStyle(error).color).to.equal('rgb(4, 5, 6)');
    });
  });

  describe('with a bank (fake): the order, paying, success and failure', () => {
    const order: OrderDisplay = {
      id: validOrderId, status: 'pending', amount: '3500.50', currency: 'CNY', description: 'Rent for May', payee: 'Demo Rentals',
    };
    const paid = { outcome: 'paid', orderId: validOrderId, paymentId: 'pay_demo01', paidAt: '2026-05-01T08:30:00.000Z' };

    /** Mounts for a logged-in customer (unless told otherwise) and waits for the order to show. */
    async function mountWithOrder(bank: FakeBankOptions = {}, options: MountOptions = {}) {
      const mounted = await mount(validOrderId, { session: loggedInSession, ...options, bank: { answers: { getOrder: order }, ...bank } });
      await waitUntil(() => mounted.eventsOf('bank-ready').length, 'bank-ready', { timeout: 2000 });
      await mounted.element.updateComplete;
      return mounted;
    }
    const payButton = (element: HTMLElement) => buttons(element).find((b) => text(b).startsWith('Pay'));
    const receipt = (element: HTMLElement) => shadow(element).querySelector('[part~="receipt"]');

    it('shows the bank\'s record of the order (payee, description, amount) and a "Pay ¥3,500.50" button', async () => {
      const { element, bank, eventsOf } = await mountWithOrder();
      expect(bank.calls).to.deep.equal([{ method: 'getOrder', params: { orderId: validOrderId } }]);
      expect(text(shadow(element).querySelector('[part~="order"]'))).to.equal('Payee Demo Rentals For Rent for May ¥3,500.50');
      expect(shadow(element).querySelector('[part~="amount"]')!.getAttribute('aria-label')).to.equal('Amount ¥3,500.50');
      expect(buttonNames(element)).to.deep.equal(['Pay ¥3,500.50']);
      expect(eventsOf('bank-ready')).to.have.length(1);
      expect(eventsOf('bank-error')).to.have.length(0);
    });

    it('Pay opens the Confirm payment frame for this order; "paid" fires bank-pay-success and shows the receipt', async () => {
      const { element, bank, events } = await mountWithOrder({ frames: { pay: { done: paid } } }, { record: [...bankEvents, 'bank-pay-success'] });
      payButton(element)!.click();
      await waitUntil(() => events.some((e) => e.type === 'bank-pay-success'), 'bank-pay-success', { timeout: 2000 });
      await element.updateComplete;
      expect(bank.opened.map((f) => [f.name, f.titleKey, f.params])).to.deep.equal([['pay', 'payDialog', { order: validOrderId }]]);
      const success = events.find((e) => e.type === 'bank-pay-success')!;
      expectBankEvent(success);
      expectSame(success.target, element, 'target');
      expect(success.detail).to.deep.equal({ orderId: validOrderId, paymentId: 'pay_demo01', status: 'paid' });
      expect(receipt(element)!.getAttribute('aria-label')).to.equal('Payment receipt');
      expect(text(shadow(element).querySelector('[part~="receipt"] [role="status"]'))).to.equal('Paid');
      expect(text(receipt(element))).to.contain('Payment ID pay_demo01');
      expect(payButton(element), 'nothing left to pay').to.equal(undefined);
      expect(events.filter((e) => e.type === 'bank-cancel' || e.type === 'bank-error')).to.have.length(0);
    });

    it('while the Confirm payment dialog is open the Pay button is busy, and a second click opens nothing', async () => {
      let answer!: (a: FrameAnswer) => void;
      const { element, bank } = await mountWithOrder({ frames: { pay: () => new Promise((resolve) => (answer = resolve)) } });
      payButton(element)!.click();
      await waitUntil(() => shadow(element).querySelector('dialog'), 'the dialog opens', { timeout: 2000 });
      expect(shadow(element).querySelector('dialog')!.getAttribute('aria-label')).to.equal('Confirm payment');
      expect(payButton(element)!.getAttribute('aria-disabled')).to.equal('true');
      payButton(element)!.click();
      answer({ done: paid });
      await waitUntil(() => receipt(element), 'the receipt', { timeout: 2000 });
      expect(bank.opened).to.have.length(1);
    });

    it('a final payment-failed answer fires bank-pay-failure {orderId, code, message} and shows why', async () => {
      const { element, events } = await mountWithOrder(
        { frames: { pay: { events: [paymentFailed('insufficient_funds', 'The account balance is too low.')] } } },
        { record: [...bankEvents, 'bank-pay-failure', 'bank-pay-success'] },
      );
      payButton(element)!.click();
      await waitUntil(() => events.some((e) => e.type === 'bank-pay-failure'), 'bank-pay-failure', { timeout: 2000 });
      await waitUntil(() => shadow(element).querySelector('[part~="status"][role="alert"]'), 'the failure is shown', { timeout: 2000 });
      const failure = events.find((e) => e.type === 'bank-pay-failure')!;
      expectBankEvent(failure);
      expectSame(failure.target, element, 'target');
      expect(failure.detail).to.deep.equal({ orderId: validOrderId, code: 'insufficient_funds', message: 'The account balance is too low.' });
      expect(text(shadow(element).querySelector('[part~="status"][role="alert"]')))
        .to.equal('The payment did not go through. Not enough money in the account.');
      expectSame(shadow(element).querySelector('dialog'), null, 'the dialog closed');
      expect(events.filter((e) => e.type === 'bank-pay-success' || e.type === 'bank-cancel')).to.have.length(0);
      expectSame(receipt(element), null, 'receipt');
    });

    it('a payment-failed answer that is not final (a wrong PIN) fires bank-pay-failure and leaves the dialog open', async () => {
      const { element, bank, events } = await mountWithOrder(
        { frames: { pay: { events: [paymentFailed('invalid_credentials', 'Wrong payment PIN.', false)] } } },
        { record: [...bankEvents, 'bank-pay-failure'] },
      );
      payButton(element)!.click();
      await waitUntil(() => events.some((e) => e.type === 'bank-pay-failure'), 'bank-pay-failure', { timeout: 2000 });
      await element.updateComplete;
      expect(events.find((e) => e.type === 'bank-pay-failure')!.detail.code).to.equal('invalid_credentials');
      expect(bank.openFrame(element)?.name, 'the customer may try again in the frame').to.equal('pay');
      expect(shadow(element).querySelector('dialog')).to.exist;
    });

    it('not logged in: Pay opens Bank login first, then Confirm payment; both events come from the element', async () => {
      const { element, bank, events } = await mountWithOrder(
        { frames: { login: loginAs(), pay: { done: paid } } },
        { session: loggedOutSession, record: [...bankEvents, 'bank-pay-success'] },
      );
      payButton(element)!.click();
      await waitUntil(() => events.some((e) => e.type === 'bank-pay-success'), 'bank-pay-success', { timeout: 2000 });
      expect(bank.opened.map((f) => f.name)).to.deep.equal(['login', 'pay']);
      expect(events.filter((e) => e.type !== 'bank-ready').map((e) => [e.type, e.target === element]))
        .to.deep.equal([['bank-login-success', true], ['bank-pay-success', true]]);
    });

    it('closing the login dialog fires bank-cancel and pays nothing', async () => {
      const { element, bank, eventsOf } = await mountWithOrder({ frames: { login: 'cancel' } }, { session: loggedOutSession });
      payButton(element)!.click();
      await waitUntil(() => eventsOf('bank-cancel').length, 'bank-cancel', { timeout: 2000 });
      await element.updateComplete;
      expect(bank.opened.map((f) => f.name)).to.deep.equal(['login']);
      expect(payButton(element)!.getAttribute('aria-disabled')).to.equal('false');
    });

    it('closing the payment dialog asks the bank: still pending keeps Pay; paid (an answer lost) fires bank-pay-success', async () => {
      const pending = await mountWithOrder({ frames: { pay: 'cancel' } }, { record: [...bankEvents, 'bank-pay-success'] });
      payButton(pending.element)!.click();
      await waitUntil(() => pending.bank.calls.length === 2, 'the order is read again', { timeout: 2000 });
      await waitUntil(() => payButton(pending.element)?.getAttribute('aria-disabled') === 'false', 'Pay again', { timeout: 2000 });
      expect(pending.eventsOf('bank-cancel')).to.have.length(1);
      expect(pending.eventsOf('bank-pay-success')).to.have.length(0);

      let reads = 0;
      const getOrder = () => (++reads === 1 ? order : { ...order, status: 'paid', paymentId: 'pay_lost01', paidAt: paid.paidAt });
      const lost = await mountWithOrder({ answers: { getOrder }, frames: { pay: 'cancel' } }, { record: [...bankEvents, 'bank-pay-success'] });
      payButton(lost.element)!.click();
      await waitUntil(() => lost.eventsOf('bank-pay-success').length, 'bank-pay-success', { timeout: 2000 });
      expect(lost.eventsOf('bank-pay-success')[0].detail).to.deep.equal({ orderId: validOrderId, paymentId: 'pay_lost01', status: 'paid' });
      await waitUntil(() => receipt(lost.element), 'the receipt', { timeout: 2000 });
    });

    it('an order already paid shows its receipt and no Pay button', async () => {
      const { element } = await mountWithOrder({ answers: { getOrder: { ...order, status: 'paid', paymentId: 'pay_old001', paidAt: paid.paidAt } } });
      expect(text(shadow(element).querySelector('[part~="receipt"] [role="status"]'))).to.equal('Paid');
      expect(payButton(element)).to.equal(undefined);
    });
  });
});
