/**
 * The `Buy` dialog frame. A customer without a valid risk assessment (none, or older than 12 months) answers the
 * questionnaire first and sees what the result allows. A product above the customer's level stops here, before
 * any PIN, with a way to be assessed again. Otherwise: amount, account, the product terms and risk disclosure in
 * full (their versions are recorded with the sale), the acknowledgement (and, for a private product, the
 * qualified-investor declaration), then the payment PIN. Everything but the PIN is checked with the bank first.
 */
import { html, nothing, type PropertyDeclarations } from 'lit';
import { AmountError, formatAmount, minorUnits, parseAmount } from '../../domain/money.ts';
import type { SdkError } from '../../protocol/post-message.ts';
import { InvestDialog } from '../common/invest-dialog.ts';
import {
  money, riskOrder, yieldText, type Account, type Assessment, type InvestKey,
  type Overview, type ProductView,
} from '../common/invest.ts';
import type { AssessmentHost } from './assessment.ts';
import type { FrameMessage } from '../common/messages.ts';
import { investBuyMessages } from './messages.ts';

type Step = 'loading' | 'assess' | 'result' | 'mismatch' | 'buy' | 'failed';
type Problem = { key: InvestKey; params?: Record<string, string> };

class BankInvestBuyForm extends InvestDialog {
  static properties: PropertyDeclarations = { step: { state: true }, product: { state: true }, accounts: { state: true }, assessment: { state: true }, unanswered: { state: true }, amountProblem: { state: true }, ackProblem: { state: true }, qualifiedProblem: { state: true }, pinProblem: { state: true } };
  protected readonly titleKey = 'buyTitle' as FrameMessage;
  protected readonly ownMessages = investBuyMessages;
  private readonly productId = new URLSearchParams(location.search).get('product') ?? '';
  private step: Step = 'loading';
  private product?: ProductView;
  private accounts: Account[] = [];
  private assessment: Assessment | null = null;
  protected unanswered = 0;
  /** The risk assessment's code (./assessment.ts), loaded when the customer has to be assessed. */
  private assessmentView?: typeof import('./assessment.ts');
  private amountProblem?: Problem;
  private ackProblem = false;
  private qualifiedProblem = false;
  private shownAt = '';


  protected async load() {
    const [products, overview] = await Promise.all([
      this.call<{ products: ProductView[] }>('investProducts', {}),
      this.call<Overview>('investOverview', {}),
    ]);
    this.product = products?.products.find((p) => p.id === this.productId);
    if (!products || !overview || !this.product) {
      this.error ??= { code: 'not_found', message: 'No such product.', retryable: false };
      this.step = 'failed';
      return;
    }
    this.accounts = overview.accounts;
    this.assessment = overview.assessment;
    this.decide();
  }

  /** Where the customer stands: assess first, stop here, or buy. */
  protected async decide(after: Step = 'buy') {
    const a = this.assessment;
    const step = !a || !a.valid ? 'assess' : riskOrder(this.product!.risk) > riskOrder(a.level) ? 'mismatch' : after;
    if (step === 'assess') this.assessmentView ??= await import('./assessment.ts');
    this.step = step;
    if (this.step === 'buy') this.shownAt ||= new Date().toISOString();
    await this.updateComplete;
    this.focusFirst();
  }

  protected renderBody() {
    switch (this.step) {
      case 'loading':
        return html`<p role="status">${this.t('loading')}</p>`;
      case 'failed':
        return html`${this.renderError()}<div class="actions"><button type="button" @click=${this.cancel}>${this.t('close')}</button></div>`;
      case 'assess':
        return this.assessmentView!.renderQuestionnaire(this.assessmentHost);
      case 'result':
        return this.assessmentView!.renderResult(this.assessmentHost);
      case 'mismatch':
        return this.renderMismatch();
      case 'buy':
        return this.renderPurchase();
    }
  }

  /** This frame as the assessment's host: what the assessment reads and sets is this frame's state. */
  private get assessmentHost() {
    return this as unknown as AssessmentHost;
  }

  protected renderMismatch() {
    const a = this.assessment!;
    const p = this.product!;
    return html`<div role="alert">
        <h2>${this.t('mismatchTitle')}</h2>
        <p>${this.t('mismatch', { product: p.name, risk: p.risk, level: this.t(`level.${a.level}`) })}</p>
      </div>
      <p>${this.t('mismatchHelp', { allowed: `R${a.level.slice(1)}` })}</p>
      <div class="actions">
        <button type="button" @click=${this.reassess}>${this.t('reassess')}</button>
        <button type="button" class="secondary" @click=${this.cancel}>${this.t('close')}</button>
      </div>`;
  }

  private reassess = async () => {
    this.assessmentView ??= await import('./assessment.ts');
    this.unanswered = 0;
    this.error = null;
    this.step = 'assess';
    await this.updateComplete;
    this.focusFirst();
  };

  private renderPurchase() {
    const p = this.product!;
    const usable = this.accounts.filter((a) => a.status === 'active');
    const amountDescribed = this.amountProblem ? 'amount-error amount-hint' : 'amount-hint';
    return html`<dl class="order">
        <dt>${p.name}</dt>
        <dd>${this.t(`risk.${p.risk}`)}</dd>
        <dt>${this.t('yield')}</dt>
        <dd>${yieldText(this.locale, p.yield)}</dd>
      </dl>
      <p class="warning" role="note">${this.t('warning')}</p>
      <form @submit=${this.confirm} novalidate>
        <label for="amount">${this.t('amount')}
          <input id="amount" name="amount" inputmode="decimal" autocomplete="off" maxlength="16"
            aria-invalid=${this.amountProblem ? 'true' : 'false'} aria-describedby=${amountDescribed} />
        </label>
        <p class="hint" id="amount-hint">${this.t('amountHint', { minimum: money(p.minimum, this.locale) })}</p>
        ${this.amountProblem ? html`<p class="field-error" id="amount-error">${this.t(this.amountProblem.key, this.amountProblem.params)}</p>` : nothing}
        <label for="account">${this.t('payFrom')}
          <select id="account" name="account">
            ${this.accounts.map((a) => html`<option value=${a.id} ?selected=${a === usable[0]} ?disabled=${a.status !== 'active'}>${this.t('accountOption', {
              class: this.t(a.accountClass === 'III' ? 'classIII' : a.accountClass === 'II' ? 'classII' : 'classI'),
              last4: a.number.slice(-4),
              balance: money(a.balance, this.locale),
            })}</option>`)}
          </select>
        </label>
        <section aria-labelledby="documents-title">
          <h2 id="documents-title">${this.t('documents')}</h2>
          ${p.documents.map((d) => html`<article class="document" aria-labelledby="doc-${d.id}">
            <h3 id="doc-${d.id}">${d.title}</h3>
            <p class="note">${this.t('version', { version: d.version })}</p>
            ${d.paragraphs.map((text) => html`<p>${text}</p>`)}
          </article>`)}
        </section>
        <label class="check"><input type="checkbox" id="ack" aria-invalid=${this.ackProblem ? 'true' : 'false'}
          aria-describedby=${this.ackProblem ? 'ack-error' : nothing} />${this.t('acknowledge')}</label>
        ${this.ackProblem ? html`<p class="field-error" id="ack-error">${this.t('invalid.acknowledge')}</p>` : nothing}
        ${p.kind === 'private'
          ? html`<label class="check"><input type="checkbox" id="qualified" aria-invalid=${this.qualifiedProblem ? 'true' : 'false'}
                aria-describedby="qualified-hint" />${this.t('qualified')}</label>
              <p class="hint" id="qualified-hint">${this.t('qualifiedHint')}</p>
              ${this.qualifiedProblem ? html`<p class="field-error">${this.t('invalid.qualified')}</p>` : nothing}
              <p>${this.t('coolingOffNote')}</p>`
          : p.kind === 'open' || p.kind === 'closed' ? html`<p class="hint">${this.t('settlementNote')}</p>` : nothing}
        ${this.renderPinField()}
        ${this.renderError()}
        <div class="actions">
          <button type="submit" ?disabled=${this.busy}>${this.t('confirmPurchase')}</button>
          <button type="button" class="secondary" @click=${this.cancel}>${this.t('cancel')}</button>
        </div>
      </form>`;
  }

  private input<T extends HTMLElement = HTMLInputElement>(id: string) {
    return this.renderRoot.querySelector(`#${id}`) as T;
  }

  private async confirm(event: Event) {
    event.preventDefault();
    if (this.busy) return;
    const p = this.product!;
    this.error = null;
    const amountInput = this.input('amount');
    const accountId = this.input<HTMLSelectElement>('account').value;
    const pinInput = this.input('pin');
    let amount = 0;
    this.amountProblem = undefined;
    try {
      amount = parseAmount(amountInput.value.trim());
    } catch (error) {
      if (!(error instanceof AmountError)) throw error;
      this.amountProblem = { key: 'invalid.amount' };
    }
    const account = this.accounts.find((a) => a.id === accountId);
    if (!this.amountProblem && amount < minorUnits(p.minimum)) {
      this.amountProblem = { key: 'error.below_minimum', params: { minimum: money(p.minimum, this.locale) } };
    } else if (!this.amountProblem && account && amount > minorUnits(account.balance)) {
      this.amountProblem = { key: 'error.insufficient_funds' };
    }
    this.ackProblem = !this.input('ack').checked;
    this.qualifiedProblem = p.kind === 'private' && !this.input('qualified').checked;
    this.pinProblem = /^\d{6}$/.test(pinInput.value) ? undefined : 'invalid.pin';
    const first = this.amountProblem ? amountInput : this.ackProblem ? this.input('ack')
      : this.qualifiedProblem ? this.input('qualified') : this.pinProblem ? pinInput : undefined;
    if (first) {
      await this.updateComplete;
      first.focus();
      return;
    }
    const wire = formatAmount(amount);
    // Everything but the PIN, checked by the bank first: a purchase that cannot happen never asks for the PIN.
    const checked = await this.call('investCheck', { productId: p.id, amount: wire, accountId });
    if (!checked) return this.explain(this.error!, amountInput);
    this.attemptKey ??= crypto.randomUUID();
    const result = await this.call<{ subscription: { id: string; status: 'confirmed' | 'cooling-off' } }>('investBuy', {
      productId: p.id, amount: wire, accountId, pin: pinInput.value, idempotencyKey: this.attemptKey,
      documents: p.documents.map(({ id, version }) => ({ id, version })), termsAcknowledged: true,
      qualifiedInvestor: p.kind === 'private', shownAt: this.shownAt,
    });
    if (result) {
      this.done({ subscriptionId: result.subscription.id, productId: p.id, amount: wire, status: result.subscription.status });
      return;
    }
    if (!this.error!.retryable) this.attemptKey = undefined;
    pinInput.value = '';
    this.explain(this.error!, pinInput);
  }

  /** Puts a refusal where it belongs: by the amount, as a mismatch, or under the form. */
  private async explain(error: SdkError, focus: HTMLInputElement) {
    if (error.code === 'suitability_mismatch') {
      this.error = null;
      const overview = await this.call<Overview>('investOverview', {});
      if (overview) this.assessment = overview.assessment;
      return this.decide();
    }
    if (error.code === 'below_minimum' || error.code === 'insufficient_funds') {
      this.error = null;
      this.amountProblem = { key: `error.${error.code}`, params: { minimum: money(this.product!.minimum, this.locale) } };
      focus = this.input('amount');
    }
    await this.updateComplete;
    focus.focus();
  }
}
customElements.define('bank-invest-buy-form', BankInvestBuyForm);
