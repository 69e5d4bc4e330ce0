/**
 * The `Redeem` dialog frame: how much of a holding to redeem, when the money arrives (Cash Plus: at once up to
 * ¥10,000 a day, the rest tomorrow; open funds: tomorrow, at today's NAV), and the payment PIN. With `cancel`, it
 * cancels a private product's purchase in its cooling-off period instead, for a full refund.
 */
import { html, nothing, type PropertyDeclarations } from 'lit';
import { AmountError, formatAmount, minorUnits, parseAmount } from '../../domain/money.ts';
import type { SdkError } from '../../protocol/post-message.ts';
import { InvestDialog } from '../common/invest-dialog.ts';
import { money, type Holding, type InvestKey, type Overview } from '../common/invest.ts';
import type { FrameMessage } from '../common/messages.ts';
import { investRedeemMessages } from './messages.ts';

export class BankInvestRedeemForm extends InvestDialog {
  static properties: PropertyDeclarations = { holding: { state: true }, fastLeft: { state: true }, loaded: { state: true }, amountProblem: { state: true }, pinProblem: { state: true } };
  private readonly params = new URLSearchParams(location.search);
  private readonly productId = this.params.get('product') ?? '';
  private readonly cancelId = this.params.get('cancel') ?? '';
  protected readonly titleKey = (this.cancelId ? 'cancelTitle' : 'redeemTitle') as FrameMessage;
  protected readonly ownMessages = investRedeemMessages;
  private holding?: Holding;
  private fastLeft = '0.00';
  private loaded = false;
  private amountProblem?: InvestKey;


  protected async load() {
    const overview = await this.call<Overview>('investOverview', {});
    this.holding = overview?.holdings.find((h) => h.productId === this.productId);
    this.fastLeft = overview?.fastRedemption.left ?? '0.00';
    this.loaded = true;
    await this.updateComplete;
    this.focusFirst();
  }

  protected renderBody() {
    if (!this.loaded) return html`<p role="status">${this.t('loading')}</p>`;
    const h = this.holding;
    const closeOnly = (text: unknown) => html`${text}<div class="actions">
      <button type="button" @click=${this.cancel}>${this.t('close')}</button></div>`;
    if (!h) return closeOnly(this.error ? this.renderError() : html`<p role="alert">${this.t('notRedeemable')}</p>`);
    if (this.cancelId) {
      const lot = h.coolingOff.find((c) => c.id === this.cancelId);
      if (!lot) return closeOnly(html`<p role="alert">${this.t('notRedeemable')}</p>`);
      return html`<p>${this.t('cancelExplain', { product: h.name, amount: money(lot.amount) })}</p>
        ${this.renderError()}
        <div class="actions">
          <button type="button" ?disabled=${this.busy} @click=${this.cancelPurchase}>${this.t('cancelPurchase')}</button>
          <button type="button" class="secondary" @click=${this.cancel}>${this.t('keep')}</button>
        </div>`;
    }
    if (!h.redeemable) return closeOnly(html`<p role="alert">${this.t('notRedeemable')}</p>`);
    const cash = h.productId === 'cash-plus';
    return html`<h2>${h.name}</h2>
      <dl class="order">
        <dt>${this.t('holdingValue')}</dt>
        <dd class="amount">${money(h.redeemableValue)}</dd>
      </dl>
      <p id="arrival">${cash ? this.t('arrivalCash', { left: money(this.fastLeft) }) : this.t('arrivalNextDay')}</p>
      <form @submit=${this.confirm} novalidate>
        <label for="amount">${this.t('amount')}
          <input id="amount" name="amount" inputmode="decimal" autocomplete="off" maxlength="16"
            aria-invalid=${this.amountProblem ? 'true' : 'false'}
            aria-describedby=${this.amountProblem ? 'amount-error amount-hint arrival' : 'amount-hint arrival'} />
        </label>
        <p class="hint" id="amount-hint">${this.t('redeemAmountHint', { max: money(h.redeemableValue) })}</p>
        ${this.amountProblem ? html`<p class="field-error" id="amount-error">${this.t(this.amountProblem)}</p>` : nothing}
        ${this.renderPinField()}
        ${this.renderError()}
        <div class="actions">
          <button type="submit" ?disabled=${this.busy}>${this.t('confirmRedemption')}</button>
          <button type="button" class="secondary" @click=${this.cancel}>${this.t('cancel')}</button>
        </div>
      </form>`;
  }

  private async confirm(event: Event) {
    event.preventDefault();
    if (this.busy || !this.holding) return;
    const amountInput = this.renderRoot.querySelector('#amount') as HTMLInputElement;
    const pinInput = this.renderRoot.querySelector('#pin') as HTMLInputElement;
    let amount = 0;
    this.amountProblem = undefined;
    this.error = null;
    try {
      amount = parseAmount(amountInput.value.trim());
      if (amount > minorUnits(this.holding.redeemableValue)) this.amountProblem = 'error.redeem_insufficient';
    } catch (error) {
      if (!(error instanceof AmountError)) throw error;
      this.amountProblem = 'invalid.amount';
    }
    this.pinProblem = /^\d{6}$/.test(pinInput.value) ? undefined : 'invalid.pin';
    if (this.amountProblem || this.pinProblem) {
      await this.updateComplete;
      (this.amountProblem ? amountInput : pinInput).focus();
      return;
    }
    const wire = formatAmount(amount);
    const productId = this.holding.productId;
    if (!(await this.call('investRedeemCheck', { productId, amount: wire }))) {
      if ((this.error as SdkError | null)?.code === 'insufficient_funds') {
        this.error = null;
        this.amountProblem = 'error.redeem_insufficient';
      }
      await this.updateComplete;
      amountInput.focus();
      return;
    }
    this.attemptKey ??= crypto.randomUUID();
    const result = await this.call<{ redemption: { id: string; amount: string; arrival: 'instant' | 'next-day' } }>('investRedeem', {
      productId, amount: wire, pin: pinInput.value, idempotencyKey: this.attemptKey,
    });
    if (result) {
      const r = result.redemption;
      this.done({ redemptionId: r.id, productId, amount: r.amount, arrival: r.arrival });
      return;
    }
    if (!this.error!.retryable) this.attemptKey = undefined;
    pinInput.value = '';
    await this.updateComplete;
    pinInput.focus();
  }

  private cancelPurchase = async () => {
    if (this.busy) return;
    const result = await this.call<{ subscription: { id: string; status: string } }>('investCancel', { subscriptionId: this.cancelId });
    if (result) this.done({ cancelled: true, subscriptionId: result.subscription.id, productId: this.productId });
  };
}
customElements.define('bank-invest-redeem-form', BankInvestRedeemForm);
