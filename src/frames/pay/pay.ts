/**
 * The `Confirm payment` frame: shows the order as the bank stored it, the funding account and the payment PIN.
 * One idempotency key per attempt, reused if the customer retries after a lost answer; a lost answer leads to a
 * status check, never to a blind second payment.
 */
import { css, html, nothing, type PropertyDeclarations } from 'lit';
import { formatMoney, minorUnits } from '../../domain/money.ts';
import { pluralForm } from '../../i18n/locale.ts';
import { errorRules, isErrorCode } from '../../protocol/errors.ts';
import type { OrderDisplay, SdkError } from '../../protocol/post-message.ts';
import { SecureForm } from '../common/secure-form.ts';
import { dialogStyles } from '../common/dialog-styles.ts';
import { postToPartner } from '../common/frame-page.ts';
import { paymentMessages, type FrameMessage } from '../common/messages.ts';
import { payFrameMessages, type PayMessage } from './messages.ts';

interface Account {
  id: string;
  accountClass: 'I' | 'II' | 'III';
  number: string;
  balance: string;
  status: 'active' | 'frozen';
  /** Class II/III: what is left of today's limit (the bank's figure). */
  limits?: { daily: { left: string } } | null;
}

/** Answers after which another try in this dialog cannot help: the partner element takes over. */
const isFinal = (code: string) => isErrorCode(code) && errorRules[code].paymentFinal === true;

export class BankPayForm extends SecureForm<PayMessage> {
  static properties: PropertyDeclarations = { order: { state: true }, accounts: { state: true }, pinProblem: { state: true }, checking: { state: true }, unconfirmed: { state: true } };
  static styles = css`${SecureForm.styles}${dialogStyles}
    /* No account can pay: a warning above the form, in the colour of the frame's errors. */
    .warning {
      color: var(--bank-color-error);
      font-size: 0.9rem;
    }
  `;
  protected readonly titleKey = 'payTitle';
  protected readonly formMessages = [paymentMessages];
  protected readonly ownMessages = payFrameMessages;
  private readonly orderId = new URLSearchParams(location.search).get('order') ?? '';
  private order?: OrderDisplay;
  private accounts: Account[] = [];
  private pinProblem?: FrameMessage;
  private checking = false;
  private unconfirmed = false;
  /** The current attempt's key: made when the customer confirms, kept for retries of that same attempt. */
  private attemptKey?: string;

  connectedCallback() {
    super.connectedCallback();
    if (this.bridge) void this.load();
  }

  private async load() {
    const [order, accounts] = await Promise.all([
      this.call<OrderDisplay>('getOrder', { orderId: this.orderId }),
      this.call<{ accounts: Account[] }>('accounts', {}),
    ]);
    if (order) this.order = order;
    if (accounts) this.accounts = accounts.accounts;
    if (this.error) this.fail(this.error);
    else if (order?.status === 'paid') this.finish(order);
    await this.updateComplete;
    this.focusFirst();
  }

  private money(amount: string) {
    return formatMoney(minorUnits(amount));
  }

  /** An account this order can be paid from, as far as the frame can tell (the bank checks again, with limits). */
  private canPay(account: Account) {
    return this.accountState(account) === undefined;
  }

  /** Why an account cannot pay this order, if it cannot. */
  private accountState(account: Account): FrameMessage | PayMessage | undefined {
    if (account.status === 'frozen') return 'frozen';
    const amount = this.order ? minorUnits(this.order.amount) : Infinity;
    if (minorUnits(account.balance) < amount) return 'lowBalance';
    if (account.limits && minorUnits(account.limits.daily.left) < amount) return 'overLimit';
    return undefined;
  }

  /** `Class I ···· 0003 · ¥50,000.00`, and its state when it cannot pay: short enough for a phone's select. */
  private accountText(account: Account) {
    const option = this.t('accountOption', {
      class: this.t(account.accountClass === 'III' ? 'classIII' : account.accountClass === 'II' ? 'classII' : 'classI'),
      last4: account.number.slice(-4),
      balance: this.money(account.balance),
    }) + (account.limits ? ` · ${this.t('canPayToday', { amount: this.money(account.limits.daily.left) })}` : '');
    const state = this.accountState(account);
    return state ? this.t('accountState', { option, state: this.t(state) }) : option;
  }

  protected renderBody() {
    const order = this.order;
    if (!order) return this.error ? this.renderError() : html`<p role="status">${this.t('loading')}</p>`;
    const usable = this.accounts.filter((a) => this.canPay(a));
    if (!this.accounts.length) {
      return html`<p role="alert">${this.t('noAccounts')}</p>
        <div class="actions"><button type="button" class="secondary" @click=${this.cancel}>${this.t('cancel')}</button></div>`;
    }
    const summary = html`<dl class="order">
        <dt>${this.t('payee')}</dt>
        <dd>${order.payee}</dd>
        <dt>${this.t('orderFor')}</dt>
        <dd>${order.description}</dd>
        <dt>${this.t('amount')}</dt>
        <dd class="amount">${this.money(order.amount)}</dd>
      </dl>`;
    // No account can pay, as far as the frame can tell: say so before any secret is asked, as the description of
    // `Pay from` (read out with it, where focus lands first). A warning, not a refusal: the bank decides (its figures
    // may be newer than these), so the customer may still confirm, and the bank's answer is the failure.
    const none = !usable.length;
    return html`${summary}
      ${none ? html`<div id="no-usable" class="warning">
          <p>${this.t('noUsableAccount', { amount: this.money(order.amount) })}</p>
          <ul class="accounts">${this.accounts.map((a) => html`<li>${this.accountText(a)}</li>`)}</ul>
          <p class="hint">${this.t('noUsableHint')}</p>
        </div>` : nothing}
      <form @submit=${this.confirm} novalidate>
        <label for="account">${this.t('payFrom')}
          <select id="account" name="account" ?disabled=${this.busy} aria-describedby=${none ? 'no-usable' : nothing}>
            ${this.accounts.map((a) => html`<option value=${a.id} ?selected=${a === (usable[0] ?? this.accounts[0])} ?disabled=${!none && !this.canPay(a)}>${this.accountText(a)}</option>`)}
          </select>
        </label>
        <label for="pin">${this.t('pin')}
          <input id="pin" name="pin" type="password" inputmode="numeric" autocomplete="off" maxlength="6"
            pattern="[0-9]*" required aria-invalid=${this.pinProblem ? 'true' : 'false'}
            aria-describedby=${this.pinProblem ? 'pin-error pin-hint' : 'pin-hint'} />
        </label>
        <p class="hint" id="pin-hint">${this.t('pinHint')}</p>
        ${this.pinProblem ? html`<p class="field-error" id="pin-error">${this.t(this.pinProblem)}</p>` : nothing}
        ${this.checking ? html`<p role="status">${this.t('checking')}</p>` : nothing}
        ${this.unconfirmed ? html`<p role="alert">${this.t('notConfirmed')}</p>` : this.renderError()}
        <div class="actions">
          <button type="submit" ?disabled=${this.busy}>${this.t('confirmPay')}</button>
          <button type="button" class="secondary" @click=${this.cancel}>${this.t('cancel')}</button>
        </div>
      </form>`;
  }

  protected errorKey(error: SdkError): FrameMessage | PayMessage {
    if (error.code !== 'invalid_credentials') return super.errorKey(error);
    // The count is optional: a bank that does not send it gets the plain message.
    return error.attemptsLeft === undefined ? 'error.invalid_pin' : `error.invalid_pin.${pluralForm(this.framePage.locale, error.attemptsLeft)}`;
  }

  private async confirm(event: Event) {
    event.preventDefault();
    if (this.busy || !this.order) return;
    const pinInput = this.renderRoot.querySelector('#pin') as HTMLInputElement;
    const pin = pinInput.value;
    this.pinProblem = /^\d{6}$/.test(pin) ? undefined : 'invalid.pin';
    if (this.pinProblem) {
      await this.updateComplete;
      pinInput.focus();
      return;
    }
    this.attemptKey ??= crypto.randomUUID();
    this.unconfirmed = false;
    const accountId = (this.renderRoot.querySelector('#account') as HTMLSelectElement).value;
    const result = await this.call<{ payment: { id: string }; order: OrderDisplay }>('pay', {
      orderId: this.order.id,
      accountId,
      pin,
      expectedAmount: this.order.amount,
      idempotencyKey: this.attemptKey,
    });
    if (result) return this.finish(result.order);
    const error = this.error!;
    if (error.retryable) return this.check();
    // A definite answer ends this attempt: a new confirmation is a new attempt with a new key.
    this.attemptKey = undefined;
    pinInput.value = '';
    this.fail(error);
    if (!isFinal(error.code)) pinInput.focus();
  }

  /** The answer was lost (timeout, dropped connection, 5xx): ask the order's status; never re-send blindly. */
  private async check() {
    this.error = null;
    this.checking = true;
    const order = await this.call<OrderDisplay>('getOrder', { orderId: this.orderId });
    this.checking = false;
    if (order?.status === 'paid') return this.finish(order);
    this.error = null;
    this.unconfirmed = true; // the same attempt key is kept: trying again cannot pay twice
  }

  private fail(error: SdkError) {
    postToPartner(this.framePage, {
      event: 'payment-failed',
      // A lock is explained on the partner's side after the dialog closes: with the bank's hotline.
      data: { code: error.code, message: error.message, final: isFinal(error.code), ...(this.contact && error.code === 'locked' ? { contact: this.contact } : {}) },
    });
  }

  private finish(order: OrderDisplay) {
    this.done({ outcome: 'paid', orderId: order.id, paymentId: order.paymentId ?? '', paidAt: order.paidAt ?? '' });
  }
}
customElements.define('bank-pay-form', BankPayForm);
