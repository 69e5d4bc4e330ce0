/**
 * The `Buy` dialog frame. A customer without a valid risk assessment (none, or older than 12 months) answers the
 * questionnaire first and sees what the result allows. A product above the customer's level stops here, before
 * any PIN, with a way to be assessed again. Otherwise: amount, account, the product terms and risk disclosure in
 * full (their versions are recorded with the sale), the acknowledgement (and, for a private product, the
 * qualified-investor declaration), then the payment PIN. Everything but the PIN is checked with the bank first.
 */
import { adoptStyles, html, nothing, type PropertyDeclarations } from 'lit';
import { sdkError } from '../../protocol/post-message.ts';
import { InvestDialog } from '../common/invest-dialog.ts';
import {
  money, riskOrder, yieldText, type Account, type Assessment, type InvestKey,
  type Overview, type ProductView,
} from '../common/invest.ts';
import type { AssessmentHost } from './assessment.ts';
import type { PurchaseHost } from './purchase.ts';
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
  protected accounts: Account[] = [];
  private assessment: Assessment | null = null;
  protected unanswered = 0;
  /** The purchase's checks and bank calls (./purchase.ts), loaded when the customer first confirms. */
  private purchase?: typeof import('./purchase.ts');
  /** The risk assessment's code (./assessment.ts), loaded when the customer has to be assessed. */
  private assessmentView?: typeof import('./assessment.ts');
  protected amountProblem?: Problem;
  protected ackProblem = false;
  protected qualifiedProblem = false;
  protected shownAt = '';


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
    if (step === 'assess' && !(await this.loadAssessment())) return;
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

  /** Loads the risk assessment once, and adds its styles to this frame's. */
  private async loadAssessment() {
    if (this.assessmentView) return true;
    try {
      this.assessmentView = await import('./assessment.ts');
    } catch {
      this.error = sdkError('network', 'The risk assessment could not be loaded.', true);
      this.step = 'failed';
      return false;
    }
    adoptStyles(this.renderRoot as ShadowRoot, [...BankInvestBuyForm.elementStyles, this.assessmentView.assessmentStyles]);
    return true;
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
    if (!(await this.loadAssessment())) return;
    this.unanswered = 0;
    this.error = null;
    this.step = 'assess';
    await this.updateComplete;
    this.focusFirst();
  };

  protected renderPurchase() {
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
        <p class="hint" id="amount-hint">${this.t('amountHint', { minimum: money(p.minimum) })}</p>
        ${this.amountProblem ? html`<p class="field-error" id="amount-error">${this.t(this.amountProblem.key, this.amountProblem.params)}</p>` : nothing}
        <label for="account">${this.t('payFrom')}
          <select id="account" name="account">
            ${this.accounts.map((a) => html`<option value=${a.id} ?selected=${a === usable[0]} ?disabled=${a.status !== 'active'}>${this.t('accountOption', {
              class: this.t(a.accountClass === 'III' ? 'classIII' : a.accountClass === 'II' ? 'classII' : 'classI'),
              last4: a.number.slice(-4),
              balance: money(a.balance),
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

  private async confirm(event: Event) {
    event.preventDefault();
    try {
      this.purchase ??= await import('./purchase.ts');
    } catch {
      this.error = sdkError('network', 'The purchase could not be loaded.', true);
      return;
    }
    // This frame is the purchase's host: what it reads and sets is this frame's state (see PurchaseHost).
    await this.purchase.confirmPurchase(this as unknown as PurchaseHost);
  }
}
customElements.define('bank-invest-buy-form', BankInvestBuyForm);
