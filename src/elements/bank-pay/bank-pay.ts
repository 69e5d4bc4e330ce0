import { html, nothing, type PropertyValues } from 'lit';
import { formatMoney, minorUnits } from '../../domain/money.ts';
import type { ErrorCode, ErrorRule } from '../../protocol/errors.ts';
import { sdkError, type BankContact, type BankEventMessage, type OrderDisplay, type SdkError } from '../../protocol/post-message.ts';
import type { BankPayElement } from '../../types/public.ts';
import { BankElement } from '../core/bank-element.ts';
import { BankPayFailureEvent, BankPaySuccessEvent } from './events.ts';
import type { PayFailureMessage } from './failure-messages.ts';
import { payMessages, type PayMessage } from './messages.ts';
import type { PayAttributeMessage } from './attribute-messages.ts';
import { bankPayStyles } from './bank-pay.styles.ts';

type Phase = 'idle' | 'paying' | 'checking' | 'failed';

/** Failures after which trying again can succeed (another account, a top-up, a fresh login). */
let rules: Readonly<Record<ErrorCode, ErrorRule>> | undefined;
/**
 * What a payment can end with, fetched when a payment starts (long before it can fail), not with the page: the
 * error table and the failure texts (failure-messages.ts, added to the element's messages). Should they not come,
 * a failure shows the bank's own message.
 */
let afterPay: Promise<unknown> | undefined;
const loadAfterPay = () => (afterPay ??= Promise.all([
  import('../../protocol/errors.ts').then((m) => (rules = m.errorRules)),
  import('./failure-messages.ts').then(({ payFailureMessages }) => {
    Object.assign(payMessages.en, payFailureMessages.en);
    Object.assign(payMessages['zh-CN'], payFailureMessages['zh-CN']);
  }),
]).catch(() => (afterPay = undefined)));
const canPayAgain = (code: string) => rules?.[code as ErrorCode]?.payAgain === true;

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
  static attributeMessages = () => import('./attribute-messages.ts');
  static styles = [
    BankElement.styles,
    bankPayStyles,
  ];

  /** The order to pay, as created by the partner's server. */
  orderId?: string;

  private order?: OrderDisplay;
  private phase: Phase = 'idle';
  private lastFailure?: SdkError;
  /** The bank's hotline, sent by the bank frame with a lock (public facts of the bank, never the customer's). */
  #lockContact?: BankContact;
  #loadedFor?: string;
  /** The order the open bank dialog is paying, whatever order-id says now. */
  #payingFor?: string;

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
    if (!this.failure && this.orderId && this.session?.status === 'ready' && this.#loadedFor !== this.orderId) {
      void this.#loadOrder(this.orderId);
    }
  }

  async #loadOrder(orderId: string) {
    this.#loadedFor = orderId;
    this.order = undefined;
    this.phase = 'idle';
    this.lastFailure = undefined;
    try {
      const order = await this.bank.call<OrderDisplay>('getOrder', { orderId });
      if (this.#loadedFor === orderId) this.order = order;
    } catch (error) {
      if (this.#loadedFor === orderId) {
        this.#loadedFor = undefined;
        this.failure = error as SdkError;
      }
    }
  }

  #money(amount: string) {
    return formatMoney(minorUnits(amount), this.activeLocale);
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
        <button part="button" aria-disabled=${busy ? 'true' : 'false'} @click=${this.#pay}>${this.t('pay', { amount: this.#money(order.amount) })}</button>
      </div>`}`;
  }

  #renderFailure(failure: SdkError) {
    const text = failure.code === 'locked' && this.#lockContact ? this.t('lockedContact', { ...this.#lockContact }) : this.errorText(failure);
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
    void loadAfterPay();
    this.#payingFor = order.id;
    this.lastFailure = undefined;
    if (!this.session?.customer) {
      this.bank.act(this);
      const login = await this.openSecureFrame('login', 'loginDialog');
      if (!login) {
        this.phase = 'idle';
        return;
      }
    }
    // The frame is bound to this order id now; the page changing attributes later changes nothing here.
    const result = await this.openSecureFrame('pay', 'payDialog', { order: order.id });
    if (result?.outcome === 'paid') {
      const paymentId = String(result.paymentId);
      if (this.#loadedFor === order.id) this.order = { ...order, status: 'paid', paymentId, paidAt: String(result.paidAt) };
      this.phase = 'idle';
      this.emit(new BankPaySuccessEvent({ orderId: order.id, paymentId, status: 'paid' }));
    } else if (result === null) {
      await this.#checkAfterClose(order.id);
    }
  }

  /**
   * The customer closed the dialog: perhaps after an answer was lost, so the order may be paid all the same.
   * Ask the bank, never assume.
   */
  async #checkAfterClose(orderId: string) {
    this.phase = 'checking';
    const order = await this.#refreshOrder(orderId);
    // If the bank cannot say, nothing was confirmed: the button stays.
    this.phase = 'idle';
    if (order?.status === 'paid') this.emit(new BankPaySuccessEvent({ orderId, paymentId: String(order.paymentId), status: 'paid' }));
  }

  /** The bank's current record of the order (undefined if it cannot be had right now). */
  async #refreshOrder(orderId: string): Promise<OrderDisplay | undefined> {
    try {
      const order = await this.bank.call<OrderDisplay>('getOrder', { orderId });
      if (this.#loadedFor === orderId) this.order = order;
      return order;
    } catch {
      return undefined;
    }
  }

  protected onFrameEvent(message: BankEventMessage) {
    if (message.event !== 'payment-failed') return;
    const { code, message: text, final, contact } = message.data;
    this.#lockContact = contact;
    const orderId = this.#payingFor ?? '';
    this.emit(new BankPayFailureEvent({ orderId, code, message: text }));
    if (final) {
      // Shown once the failure texts are in (fetched when the payment started; at once if they cannot come).
      void loadAfterPay().then(() => this.#failPayment(sdkError(code, text, canPayAgain(code))));
      this.closeSecureFrame({ outcome: 'failed' });
      if (code === 'already_paid') void this.#refreshOrder(orderId);
    }
  }

  #failPayment(error: SdkError) {
    this.phase = 'failed';
    this.lastFailure = error;
  }
}
