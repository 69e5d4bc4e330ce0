import { html, nothing, type PropertyValues } from 'lit';
import { formatMoney, minorUnits } from '../../domain/money.ts';
import { sdkError, type BankContact, type BankEventMessage, type OrderDisplay, type SdkError } from '../../protocol/post-message.ts';
import type { BankPayElement } from '../../types/public.ts';
import { BankElement } from '../core/bank-element.ts';
import { once } from '../core/once.ts';
import type { PayFailureMessage } from './failure-messages.ts';
import { payMessages, type PayMessage } from './messages.ts';
import type { PayAttributeMessage } from './attribute-messages.ts';
import { bankPayStyles } from './bank-pay.styles.ts';

export type Phase = 'idle' | 'paying' | 'checking' | 'failed';

/**
 * What happens once the customer pressed Pay, and the texts of how a payment can end (payment.ts, its failure texts
 * added to the element's messages): fetched on a first sign that the customer is about to pay (a pointer down or
 * focus on Pay), or on the click, once a page. Should it not come, the element says the bank is unavailable, with
 * Try again.
 */
let paymentFlow: typeof import('./payment.ts') | undefined;
const loadPayment = once(() => import('./payment.ts').then((flow) => {
  Object.assign(payMessages.en, flow.payFailureMessages.en);
  Object.assign(payMessages['zh-CN'], flow.payFailureMessages['zh-CN']);
  return (paymentFlow = flow);
}));
const preloadPayment = () => void loadPayment().catch(() => {});

/**
 * Pays one order that the partner's server created (`POST /v1/orders`). The amount, payee and description shown
 * are the bank's record of the order; the customer confirms with the payment PIN in the bank's `Confirm payment`
 * frame. Attributes changed later by the page change nothing in what is paid.
 *
 * @attr order-id - the order's id (`ord_…`), required.
 * @event bank-pay-success - `{orderId, paymentId, status: "paid"}`. A hint: confirm with `GET /v1/orders/{id}`.
 * @event bank-pay-failure - `{orderId, code, message}`: insufficient_funds, account_frozen, limit_exceeded,
 *   invalid_credentials (wrong PIN), locked, already_paid, order_cancelled, session_expired, network.
 * @csspart button - the Pay button.
 * @csspart order - the order summary.
 * @csspart amount - the amount.
 * @csspart receipt - the receipt after payment.
 * @csspart status - progress and failure messages.
 *
 * @tagname bank-pay
 */
export class BankPay extends BankElement<PayMessage | PayFailureMessage | PayAttributeMessage> implements BankPayElement {
  static properties = {
    orderId: { attribute: 'order-id', reflect: true },
    order: { state: true },
    phase: { state: true },
    lastFailure: { state: true },
  };
  static messages = payMessages;
  static attributeMessages = () => import('../core/attribute-texts.ts').then((texts) => texts.pay);
  static styles = [
    BankElement.styles,
    bankPayStyles,
  ];

  /** The order to pay, as created by the partner's server. */
  orderId?: string;

  // The state below is the element's and its payment flow's (payment.ts), so not #private.
  private order?: OrderDisplay;
  private phase: Phase = 'idle';
  private lastFailure?: SdkError;
  /** The bank's hotline, sent by the bank frame with a lock (public facts of the bank, never the customer's). */
  private lockContact?: BankContact;
  private loadedFor?: string;

  protected attributeProblems() {
    const problems = super.attributeProblems();
    if (!this.orderId) problems.push({ key: 'attr.orderIdRequired' });
    else if (!/^ord_[\w-]{6,64}$/.test(this.orderId)) problems.push({ key: 'attr.orderIdInvalid', params: { value: this.orderId } });
    return problems;
  }

  protected get hasData() {
    return this.order !== undefined;
  }

  protected willUpdate(changed: PropertyValues) {
    // Another order: the last one's problem is not this one's.
    if (changed.has('orderId') && this.failure?.code !== 'invalid_attribute') this.failure = null;
    super.willUpdate(changed);
    // Loads only without a standing failure, so a failed load waits for "Try again" instead of looping.
    if (!this.failure && this.orderId && this.session?.status === 'ready' && this.loadedFor !== this.orderId) {
      void this.#loadOrder(this.orderId);
    }
  }

  async #loadOrder(orderId: string) {
    this.loadedFor = orderId;
    this.order = undefined;
    this.phase = 'idle';
    this.lastFailure = undefined;
    try {
      const order = await this.bank.call<OrderDisplay>('getOrder', { orderId });
      if (this.loadedFor === orderId) this.order = order;
    } catch (error) {
      if (this.loadedFor === orderId) {
        this.loadedFor = undefined;
        this.failure = error as SdkError;
      }
    }
  }

  #money(amount: string) {
    return formatMoney(minorUnits(amount));
  }

  protected renderReady() {
    const order = this.order!;
    if (order.status === 'paid') return this.#renderReceipt(order);
    const summary = html`<div part="order">
      <dl>
        <dt>${this.t('payee')}</dt>
        <dd>${order.payee}</dd>
        <dt>${this.t('orderFor')}</dt>
        <dd>${order.description}</dd>
      </dl>
      <span part="amount" aria-label="${this.t('amount')} ${this.#money(order.amount)}">${this.#money(order.amount)}</span>
    </div>`;
    if (order.status === 'cancelled') {
      return html`${summary}<p part="status" role="status">${this.t('error.order_cancelled')}</p>`;
    }
    const busy = this.phase === 'paying' || this.phase === 'checking';
    return html`${summary}
      ${this.phase === 'checking' ? this.renderLoading(this.t('checking')) : nothing}
      ${this.phase === 'failed' && this.lastFailure ? this.#renderFailure(this.lastFailure) : nothing}
      ${this.phase === 'failed' && !this.lastFailure?.retryable ? nothing : html`<div class="row">
        <button part="button" aria-disabled=${busy ? 'true' : 'false'} @click=${this.#pay}
          @pointerdown=${preloadPayment} @focus=${preloadPayment}>${this.t('pay', { amount: this.#money(order.amount) })}</button>
      </div>`}`;
  }

  #renderFailure(failure: SdkError) {
    const text = failure.code === 'locked' && this.lockContact ? this.t('lockedContact', { ...this.lockContact }) : this.errorText(failure);
    return html`<p part="status error" role="alert" tabindex="-1" data-focus-after-dialog>${this.t('payFailed')} ${text}</p>`;
  }

  #renderReceipt(order: OrderDisplay) {
    const paidAt = order.paidAt
      ? new Intl.DateTimeFormat(this.activeLocale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(order.paidAt))
      : '';
    return html`<section part="receipt" aria-label=${this.t('receipt')}>
      <h3 role="status" tabindex="-1" data-focus-after-dialog>${this.t('paid')}</h3>
      <span part="amount">${this.#money(order.amount)}</span>
      <dl>
        <dt>${this.t('payee')}</dt>
        <dd>${order.payee}</dd>
        <dt>${this.t('orderFor')}</dt>
        <dd>${order.description}</dd>
        <dt>${this.t('paymentId')}</dt>
        <dd>${order.paymentId}</dd>
        <dt>${this.t('paidAt')}</dt>
        <dd>${paidAt}</dd>
      </dl>
    </section>`;
  }

  async #pay() {
    const order = this.order;
    if (!order || this.phase === 'paying' || this.phase === 'checking') return;
    this.phase = 'paying';
    try {
      await loadPayment();
    } catch {
      // The payment's code did not come (the bank's CDN is unreachable): say so, with Try again.
      this.phase = 'idle';
      this.failure = sdkError('bank_unavailable', 'The bank did not answer.', true);
      return;
    }
    await paymentFlow!.pay(this, order);
  }

  protected onFrameEvent(message: BankEventMessage) {
    paymentFlow?.paymentFailed(this, message);
  }
}
