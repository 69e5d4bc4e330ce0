/**
 * The `Buy` dialog frame. A customer without a valid risk assessment (none, or older than 12 months) answers the
 * questionnaire first and sees what the result allows. A product above the customer's level stops here, before
 * any PIN, with a way to be assessed again. Otherwise: amount, account, the product terms and risk disclosure in
 * full (their versions are recorded with the sale), the acknowledgement (and, for a private product, the
 * qualified-investor declaration), then the payment PIN. Everything but the PIN is checked with the bank first.
 */
import { html, nothing, type PropertyDeclarations } from 'lit';
import { questionnaire } from '../../domain/invest.ts';
import { AmountError, formatAmount, minorUnits, parseAmount } from '../../domain/money.ts';
import type { SdkError } from '../../protocol/post-message.ts';
import { InvestDialog } from '../common/invest-dialog.ts';
import {
  money, riskOrder, yieldText, type Account, type Assessment, type InvestKey,
  type Overview, type ProductView,
} from '../common/invest.ts';
import { questionTexts } from './questions.ts';
import type { FrameMessage } from '../common/messages.ts';
import { investBuyMessages } from './messages.ts';

type Step = 'loading' | 'assess' | 'result' | 'mismatch' | 'buy' | 'failed';
type Problem = { key: InvestKey; params?: Record<string, string> };

export class BankInvestBuyForm extends InvestDialog {
  static properties: PropertyDeclarations = { step: { state: true }, product: { state: true }, accounts: { state: true }, assessment: { state: true }, unanswered: { state: true }, amountProblem: { state: true }, ackProblem: { state: true }, qualifiedProblem: { state: true }, pinProblem: { state: true } };
  protected readonly titleKey = 'buyTitle' as FrameMessage;
  protected readonly ownMessages = investBuyMessages;
  private readonly productId = new URLSearchParams(location.search).get('product') ?? '';
  private step: Step = 'loading';
  private product?: ProductView;
  private accounts: Account[] = [];
  private assessment: Assessment | null = null;
  private unanswered = 0;
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
  private async decide(after: Step = 'buy') {
    const a = this.assessment;
    if (!a || !a.valid) this.step = 'assess';
    else if (riskOrder(this.product!.risk) > riskOrder(a.level)) this.step = 'mismatch';
    else this.step = after;
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
        return this.renderQuestionnaire();
      case 'result':
        return this.renderResult();
      case 'mismatch':
        return this.renderMismatch();
      case 'buy':
        return this.renderPurchase();
    }
  }

  private renderQuestionnaire() {
    const texts = questionTexts[this.locale];
    return html`<h2 id="assess-title">${this.t('assessTitle')}</h2>
      <p>${this.t(this.assessment ? 'assessExpiredIntro' : 'assessIntro')}</p>
      <form @submit=${this.assess} novalidate aria-labelledby="assess-title">
        ${questionnaire.map((q, i) => {
          const [question, ...options] = texts[q.id]!;
          return html`<fieldset role="radiogroup" aria-labelledby="legend-${q.id}">
            <legend id="legend-${q.id}">${i + 1}. ${question}</legend>
            ${options.map((option, j) => html`<label class="option"><input type="radio" name=${q.id} value=${j} />${option}</label>`)}
          </fieldset>`;
        })}
        ${this.unanswered ? html`<p role="alert">${this.t('answerAll', { n: this.unanswered })}</p>` : this.renderError()}
        <div class="actions">
          <button type="submit" ?disabled=${this.busy}>${this.t('seeResult')}</button>
          <button type="button" class="secondary" @click=${this.cancel}>${this.t('cancel')}</button>
        </div>
      </form>`;
  }

  private async assess(event: Event) {
    event.preventDefault();
    if (this.busy) return;
    const form = event.target as HTMLFormElement;
    const answers: Record<string, number> = {};
    const missing: HTMLElement[] = [];
    for (const q of questionnaire) {
      const checked = form.querySelector<HTMLInputElement>(`input[name="${q.id}"]:checked`);
      if (checked) answers[q.id] = Number(checked.value);
      else missing.push(form.querySelector<HTMLInputElement>(`input[name="${q.id}"]`)!);
    }
    this.unanswered = missing.length;
    if (missing.length) {
      missing[0]!.focus();
      return;
    }
    const result = await this.call<{ assessment: Assessment }>('investAssess', { answers });
    if (!result) return;
    this.assessment = result.assessment;
    this.step = 'result';
    await this.updateComplete;
    this.focusFirst();
  }

  private renderResult() {
    const a = this.assessment!;
    const allowed = riskOrder(this.product!.risk) <= riskOrder(a.level);
    return html`<div role="status">
        <h2>${this.t('resultTitle', { level: this.t(`level.${a.level}`) })}</h2>
        <p>${this.t('resultAllows', { risk: `R${a.level.slice(1)}` })}</p>
      </div>
      ${allowed
        ? html`<div class="actions">
            <button type="button" @click=${() => this.decide()}>${this.t('continueToBuy')}</button>
            <button type="button" class="secondary" @click=${this.cancel}>${this.t('cancel')}</button>
          </div>`
        : this.renderMismatch()}`;
  }

  private renderMismatch() {
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
