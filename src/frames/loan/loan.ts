/**
 * The `Loan application` frame: name, ID number, income, employer and credit-check consent — personal
 * information that goes only to the bank, never to the partner page or its events. The terms come from the
 * bank's own quote; the bank recomputes them again when it receives the application.
 */
import { css, html, nothing, type PropertyDeclarations } from 'lit';
import { formatMoney, minorUnits, parseAmount } from '../../domain/money.ts';
import { isValidResidentId } from '../../domain/resident-id.ts';
import type { LoanQuote } from '../../protocol/post-message.ts';
import { SecureForm } from '../common/secure-form.ts';
import { dialogStyles } from '../common/dialog-styles.ts';
import { identityMessages, type FrameMessage } from '../common/messages.ts';
import { loanFrameMessages, type LoanMessage } from './messages.ts';
import { pluralForm } from '../../i18n/locale.ts';

type Field = 'fullName' | 'idNumber' | 'monthlyIncome' | 'employer' | 'consent';

export class BankLoanForm extends SecureForm<LoanMessage> {
  static properties: PropertyDeclarations = { quote: { state: true }, invalid: { state: true }, existing: { state: true }, offer: { state: true } };
  static styles = css`${SecureForm.styles}${dialogStyles}`;
  protected readonly titleKey = 'loanTitle';
  protected readonly formMessages = [identityMessages];
  protected readonly ownMessages = loanFrameMessages;
  private readonly terms = Object.fromEntries(
    ['product', 'amount', 'termMonths', 'repaymentMethod', 'reference', 'merchantId'].map((k) => [k, new URLSearchParams(location.search).get(k) ?? '']),
  );
  private quote?: LoanQuote;
  private invalid: Partial<Record<Field, FrameMessage | LoanMessage>> = {};
  /** An application for the same reference that is still open: shown instead of the form. */
  private existing?: 'approved' | 'pending';
  /** For a merchant loan: the bank's offer to the merchant, shown before the applicant types anything. */
  private offer?: { limit: string; apr: string; basis: { from: string; to: string } };

  connectedCallback() {
    super.connectedCallback();
    if (this.bridge) void this.load();
  }

  private async load() {
    // Before the applicant types anything: is an application for this reference already open?
    if (this.terms.reference) {
      const open = await this.call<{ open: boolean; status?: 'approved' | 'pending' }>('openApplication', { reference: this.terms.reference });
      if (!open) return;
      if (open.open) this.existing = open.status ?? 'pending';
    }
    if (this.terms.product === 'merchant-loan') {
      this.offer = await this.call('merchantCreditOffer', { merchantId: this.terms.merchantId });
      if (!this.offer) return;
    }
    const quote = await this.call<LoanQuote>('loanQuote', this.terms);
    if (quote) this.quote = quote;
    await this.updateComplete;
    this.focusFirst();
  }

  private money(amount: string) {
    return formatMoney(minorUnits(amount));
  }

  protected renderBody() {
    const quote = this.quote;
    if (!quote) return this.error ? this.renderError() : html`<p role="status">${this.t('loading')}</p>`;
    const locale = this.framePage.locale;
    const summary = html`<p class="hint summary">
        <strong>${this.t(`product.${quote.product}` as LoanMessage)}</strong>${locale === 'en' ? ': ' : '：'}${this.t('loanSummary', {
          amount: this.money(quote.amount),
          term: this.t(`months.${pluralForm(locale, quote.termMonths)}`, { n: quote.termMonths }),
          apr: quote.apr,
          payment: this.money(quote.typicalPayment),
        })}
      </p>`;
    if (this.existing) {
      return html`${summary}
        <p role="status" id="existing">${this.t('existingApplication', { status: this.t(`status.${this.existing}`) })}</p>
        <div class="actions"><button type="button" @click=${this.cancel}>${this.t('close')}</button></div>`;
    }
    return html`${summary}
      ${this.offer ? html`<p class="hint summary" id="offer">${this.t('merchantOffer', {
        limit: this.money(this.offer.limit), apr: this.offer.apr, from: this.offer.basis.from, to: this.offer.basis.to,
      })}</p>` : nothing}
      <form @submit=${this.submit} novalidate>
        ${this.field('fullName', 'text', 'name')}
        ${this.field('idNumber', 'text', 'off', 'idHint')}
        ${this.field('monthlyIncome', 'text', 'off')}
        ${this.field('employer', 'text', 'organization')}
        <label class="check" for="consent">
          <input id="consent" type="checkbox" aria-describedby=${this.invalid.consent ? 'consent-error consent-hint' : 'consent-hint'}
            aria-invalid=${this.invalid.consent ? 'true' : 'false'} />
          ${this.t('consent')}
        </label>
        <p class="hint" id="consent-hint">${this.t('consentHint')}</p>
        ${this.invalid.consent ? html`<p class="field-error" id="consent-error">${this.t(this.invalid.consent)}</p>` : nothing}
        ${this.renderError()}
        <div class="actions">
          <button type="submit" ?disabled=${this.busy}>${this.t('submitApplication')}</button>
          <button type="button" class="secondary" @click=${this.cancel}>${this.t('cancel')}</button>
        </div>
      </form>`;
  }

  private field(id: Exclude<Field, 'consent'>, type: string, autocomplete: string, hint?: FrameMessage) {
    const problem = this.invalid[id];
    const described = [problem ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ');
    return html`<label for=${id}>${this.t(id)}
        <input id=${id} type=${type} autocomplete=${autocomplete} inputmode=${id === 'monthlyIncome' ? 'decimal' : 'text'}
          maxlength=${id === 'idNumber' ? 18 : 60} aria-invalid=${problem ? 'true' : 'false'}
          aria-describedby=${described || nothing} />
      </label>
      ${hint ? html`<p class="hint" id="${id}-hint">${this.t(hint)}</p>` : nothing}
      ${problem ? html`<p class="field-error" id="${id}-error">${this.t(problem)}</p>` : nothing}`;
  }

  private value(id: string) {
    return (this.renderRoot.querySelector(`#${id}`) as HTMLInputElement).value.trim();
  }

  private async submit(event: Event) {
    event.preventDefault();
    if (this.busy) return;
    const fullName = this.value('fullName');
    const idNumber = this.value('idNumber').toUpperCase();
    const income = this.value('monthlyIncome').replace(/[,，\s]/g, '');
    const employer = this.value('employer');
    const consent = (this.renderRoot.querySelector('#consent') as HTMLInputElement).checked;
    let incomeOk = true;
    try {
      parseAmount(income);
    } catch {
      incomeOk = false;
    }
    this.invalid = {
      fullName: [...fullName].length >= 2 ? undefined : 'invalid.fullName',
      idNumber: isValidResidentId(idNumber) ? undefined : 'invalid.idNumber',
      monthlyIncome: incomeOk ? undefined : 'invalid.monthlyIncome',
      employer: employer.length >= 2 ? undefined : 'invalid.employer',
      consent: consent ? undefined : 'invalid.consent',
    };
    if (Object.values(this.invalid).some(Boolean)) {
      await this.updateComplete;
      (this.renderRoot.querySelector('[aria-invalid="true"]') as HTMLElement | null)?.focus();
      return;
    }
    const result = await this.call<{ id: string; status: string; amount: string; termMonths: number; apr: string }>(
      'applyLoan',
      { ...this.terms, fullName, idNumber, monthlyIncome: income, employer, consent },
    );
    // Only the decision goes to the page: never the name, ID number, income or employer.
    if (result) {
      this.done({ applicationId: result.id, status: result.status, amount: result.amount, termMonths: result.termMonths, apr: result.apr });
    }
  }
}
customElements.define('bank-loan-form', BankLoanForm);
