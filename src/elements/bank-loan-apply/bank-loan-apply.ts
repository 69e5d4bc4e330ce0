import { html, nothing, type PropertyValues } from 'lit';
import { parseAmountInput } from '../../domain/amount-input.ts';
import { formatAmount, formatMoney, minorUnits } from '../../domain/money.ts';
import { pluralForm } from '../../i18n/locale.ts';
import { sdkError, type LoanProduct, type LoanQuote, type SdkError } from '../../protocol/post-message.ts';
import { bankEvent } from '../core/events.ts';
import type { BankLoanApplyElement } from '../../types/public.ts';
import type { Decision, LoanView } from './after-action.ts';
import { BankElement } from '../core/bank-element.ts';
import { once } from '../core/once.ts';
import { loanMessages, type LoanMessage } from './messages.ts';
import type { LoanAttributeMessage } from './attribute-messages.ts';
import { bankLoanApplyStyles } from './bank-loan-apply.styles.ts';

const methods = ['equal-installment', 'equal-principal', 'interest-first'] as const;
type Method = (typeof methods)[number];

// Shared by every <bank-loan-apply> on the page: products are asked once, each quote once.
let products: Promise<LoanProduct[]> | undefined;
const quotes = new Map<string, Promise<LoanQuote>>();

const quoteDelayMs = 300;

/** The quote's payments and totals, in the order shown under the APR. */
const quoteFigures = ['typicalPayment', 'firstPayment', 'lastPayment', 'totalInterest', 'totalPayment'] as const;

/**
 * What is seen or done only after acting (after-action.ts: the schedule's table, the application and its decision):
 * fetched on opening the schedule, or on a first pointer down or focus on Apply (or its click), once a page.
 */
type AfterAction = typeof import('./after-action.ts');
const loadAfterActionModule = once(() => import('./after-action.ts'));
/** On a first pointer down or focus on Apply: what Apply does is in the after-action chunk too. */
const preloadAfterAction = () => void loadAfterActionModule().catch(() => {});

/**
 * A loan calculator and application for a partner's customers: the bank's quote (APR first, as PBOC
 * Announcement [2021] No. 3 requires), the full schedule, and an application whose personal data is typed only
 * in the bank's `Loan application` frame.
 *
 * @attr product - `rent-loan`, `renovation-loan` or `merchant-loan` (required).
 * @attr amount - the amount to start with, a decimal string in yuan ("36000").
 * @attr term - the term to start with, in months.
 * @attr reference - the partner's reference (e.g. a lease id); one open application per reference.
 * @attr merchant-id - for `merchant-loan` (required there): the merchant whose verified legal representative applies.
 * @event bank-loan-submitted - `{applicationId, status: "approved"|"pending"|"declined", amount, termMonths, apr}`.
 * @csspart calculator - the calculator.
 * @csspart apr - the APR.
 * @csspart quote - the payments summary.
 * @csspart schedule - the repayment schedule.
 * @csspart button - the Apply button.
 * @csspart decision - the result.
 *
 * @tagname bank-loan-apply
 */
export class BankLoanApply extends BankElement<LoanMessage | LoanAttributeMessage> implements BankLoanApplyElement {
  static properties = {
    product: {},
    amount: {},
    term: {},
    reference: {},
    merchantId: { attribute: 'merchant-id' },
    productList: { state: true },
    amountText: { state: true },
    termMonths: { state: true },
    method: { state: true },
    quote: { state: true },
    quoting: { state: true },
    quoteError: { state: true },
    decision: { state: true },
    applying: { state: true },
    afterAction: { state: true },
  };
  static messages = loanMessages;
  static attributeMessages = () => import('../core/attribute-texts.ts').then((texts) => texts.loan);
  static styles = [
    BankElement.styles,
    bankLoanApplyStyles,
  ];

  product?: string;
  amount?: string;
  term?: string;
  reference?: string;
  /** For `merchant-loan`: the merchant (`mer_…`) whose legal representative applies. */
  merchantId?: string;

  private productList?: LoanProduct[];
  private amountText = '';
  private termMonths = 12;
  private method: Method = 'equal-installment';
  private quote?: LoanQuote;
  private quoting = false;
  /** The last quote request failed: shown inline, the calculator stays usable. */
  private quoteError?: SdkError;
  private decision?: Decision;
  private applying = false;
  #quoteTimer?: ReturnType<typeof setTimeout>;
  #productsLoading = false;
  #quoteFor = '';
  /** The after-action views once asked for (`null` while they load). */
  private afterAction?: AfterAction | null;

  get #productInfo() {
    return this.productList?.find((p) => p.id === this.product);
  }

  protected attributeProblems() {
    const problems = super.attributeProblems();
    if (this.product === 'merchant-loan' && !this.merchantId) problems.push({ key: 'attr.merchantIdRequired' });
    if (this.merchantId && !/^mer_[\w-]{6,64}$/.test(this.merchantId)) problems.push({ key: 'attr.merchantIdInvalid', params: { value: this.merchantId } });
    if (!this.product) problems.push({ key: 'attr.productRequired' });
    else if (this.productList && !this.#productInfo) {
      problems.push({ key: 'attr.productUnknown', params: { value: this.product, list: this.productList.map((p) => p.id).join(', ') } });
    }
    if (this.amount != null && !/^\d+(\.\d{1,2})?$/.test(this.amount)) problems.push({ key: 'attr.amount', params: { value: this.amount } });
    if (this.term != null && !/^[1-9]\d{0,2}$/.test(this.term)) problems.push({ key: 'attr.term', params: { value: this.term } });
    return problems;
  }

  protected get hasData() {
    return this.productList !== undefined;
  }

  protected willUpdate(changed: PropertyValues) {
    super.willUpdate(changed);
    // Without a standing failure only, so a failed load waits for "Try again" instead of looping.
    if (!this.failure && this.session?.status === 'ready' && !this.productList && !this.#productsLoading) this.#loadProducts();
    // A decision is shown by the after-action views (normally fetched on Apply already).
    if (this.decision && !this.failure && this.afterAction === undefined) void this.#loadAfterAction();
    const product = this.#productInfo;
    if (!product || this.failure) return;
    if (changed.has('product') || changed.has('amount') || changed.has('term') || changed.has('productList')) {
      // The attributes set the starting point; attributes changed later move the calculator too.
      this.amountText = this.amount ?? product.minAmount.replace(/\.00$/, '');
      const term = this.term ? Number(this.term) : 12;
      this.termMonths = Math.min(product.maxTermMonths, Math.max(product.minTermMonths, term));
      this.#requestQuote(0);
    }
  }

  #loadProducts() {
    this.#productsLoading = true;
    products ??= this.bank.call<{ products: LoanProduct[] }>('loanProducts').then((r) => r.products);
    products.then(
      (list) => {
        this.#productsLoading = false;
        this.productList = list;
      },
      (error: SdkError) => {
        products = undefined;
        this.#productsLoading = false;
        this.failure = error;
      },
    );
  }

  /**
   * The amount in fen when it is valid for the product, else the message explaining why not. Typed the way
   * customers type it: full-width digits, separators, `¥`, `元` and `万` are read (src/domain/amount-input.ts).
   */
  get #amountCheck(): number | LoanMessage {
    const product = this.#productInfo!;
    const read = parseAmountInput(this.amountText);
    if (!read.ok) return read.problem === 'precision' ? 'amountPrecision' : read.problem === 'format' || read.problem === 'empty' ? 'amountFormat' : 'amountRange';
    const minor = read.minor;
    return minor < minorUnits(product.minAmount) || minor > minorUnits(product.maxAmount) ? 'amountRange' : minor;
  }

  /** `{n} month` / `{n} months` by the locale's plural rules. */
  #months(n: number) {
    return this.t(`termMonths.${pluralForm(this.activeLocale, n)}`, { n });
  }

  #requestQuote(delay = quoteDelayMs) {
    clearTimeout(this.#quoteTimer);
    const amount = this.#amountCheck;
    if (typeof amount !== 'number') {
      this.quote = undefined;
      this.quoting = false;
      return;
    }
    const params = {
      product: this.product!,
      amount: formatAmount(amount),
      termMonths: String(this.termMonths),
      repaymentMethod: this.method,
    };
    const key = JSON.stringify(params);
    this.#quoteFor = key;
    this.quoting = true;
    this.quoteError = undefined;
    this.#quoteTimer = setTimeout(async () => {
      let pending = quotes.get(key);
      if (!pending) {
        pending = this.bank.call<LoanQuote>('loanQuote', params);
        quotes.set(key, pending);
        pending.catch(() => quotes.delete(key));
      }
      try {
        const quote = await pending;
        if (this.#quoteFor === key) this.quote = quote;
      } catch (error) {
        if (this.#quoteFor === key) {
          this.quoteError = error as SdkError;
          this.emit(bankEvent('bank-error', { ...(error as SdkError) }));
        }
      } finally {
        if (this.#quoteFor === key) this.quoting = false;
      }
    }, delay);
  }

  protected retry() {
    super.retry();
    if (this.#productInfo) this.#requestQuote(0);
  }

  #money(amount: string) {
    return formatMoney(minorUnits(amount));
  }

  protected renderReady() {
    const product = this.#productInfo!;
    const check = this.#amountCheck;
    const problem = typeof check === 'number' ? undefined : check;
    const terms = Array.from({ length: product.maxTermMonths - product.minTermMonths + 1 }, (_, i) => product.minTermMonths + i);
    // After a decision the calculator shows what was applied for: read-only until a new application starts.
    const decided = this.decision !== undefined;
    return html`<section part="calculator" aria-labelledby="loan-title">
      <h3 id="loan-title">${product.name[this.activeLocale]}</h3>
      <div class="field">
        <label for="amount">${this.t('loanAmount')}</label>
        <input id="amount" inputmode="decimal" autocomplete="off" .value=${this.amountText} @input=${this.#onAmount}
          @change=${this.#onAmountDone} ?disabled=${decided}
          aria-invalid=${problem ? 'true' : 'false'} aria-describedby=${problem ? 'amount-error' : nothing} />
        ${problem ? html`<p class="field-error" id="amount-error">${this.t(problem, {
          min: this.#money(product.minAmount), max: this.#money(product.maxAmount),
        })}</p>` : nothing}
      </div>
      <div class="field">
        <label for="term">${this.t('term')}</label>
        <select id="term" @change=${this.#onTerm} ?disabled=${decided}>
          ${terms.map((n) => html`<option value=${n} ?selected=${n === this.termMonths}>${this.#months(n)}</option>`)}
        </select>
      </div>
      <fieldset>
        <legend>${this.t('repaymentMethod')}</legend>
        ${methods.map((m) => html`<label><input type="radio" name="method" value=${m} .checked=${m === this.method}
          ?disabled=${decided} @change=${this.#onMethod} /> ${this.t(`method.${m}`)}</label>`)}
      </fieldset>
      ${this.#renderQuote(problem !== undefined)}
      ${this.decision ? this.afterAction?.renderDecision(this.#view, this.decision, () => this.#startOver()) ?? this.renderLoading() : html`<div class="row">
        <button part="button" ?disabled=${!this.quote || this.quoting || !!this.quoteError || this.applying || problem !== undefined}
          @click=${this.#apply} @pointerdown=${preloadAfterAction} @focus=${preloadAfterAction}>${this.t('apply')}</button>
      </div>`}
    </section>`;
  }

  #renderQuote(invalid: boolean) {
    if (invalid) return nothing;
    const error = this.quoteError;
    if (error) {
      return html`<div part="quote-error" class="row" role="alert">
        <p>${this.t('quoteFailed')} ${this.errorText(error)}</p>
        ${error.retryable ? html`<button class="secondary" part="button retry" @click=${() => this.#requestQuote(0)}>${this.t('retry')}</button>` : nothing}
      </div>`;
    }
    const quote = this.quote;
    if (!quote) return this.renderLoading(this.t('quoting'));
    const monthly = (Number(quote.annualRate) / 12).toFixed(2);
    // While a new quote is asked for, the old one stays visible but dimmed and marked busy: never a blank jump.
    const stale = this.quoting ? 'stale' : '';
    return html`<div part="quote" class=${stale} aria-busy=${this.quoting ? 'true' : 'false'}>
        <p part="apr"><span class="apr-label">${this.t('apr')}</span><span class="apr-value">${quote.apr}%</span></p>
        <p class="fine">${this.t('aprNote')} · ${this.t('monthlyRate', { rate: `${monthly}%` })}</p>
        <dl>${quoteFigures.map((k) => html`<dt>${this.t(k)}</dt><dd>${this.#money(quote[k])}</dd>`)}</dl>
      </div>
      <details part="schedule" class=${stale} @toggle=${this.#onScheduleToggle}>
        <summary>${this.t('schedule')}</summary>
        ${this.#renderSchedule(quote)}
      </details>`;
  }

  /** The table once its chunk is in, its skeleton until then. */
  #renderSchedule(quote: LoanQuote) {
    if (this.afterAction === undefined) return nothing;
    return this.afterAction ? this.afterAction.renderSchedule(this.#view, quote) : this.renderLoading(this.t('schedule'));
  }

  /** What the after-action views borrow from the element. */
  get #view(): LoanView {
    return {
      locale: this.activeLocale,
      text: (key) => this.t(key as LoanMessage),
      money: (amount) => this.#money(amount),
      months: (n) => this.#months(n),
    };
  }

  #onScheduleToggle(event: Event) {
    if ((event.target as HTMLDetailsElement).open) void this.#loadAfterAction();
  }

  /**
   * Fetches the after-action views once (the chunk, and its styles into this element's shadow root). If the bank's
   * CDN does not answer, the element says so, with Try again, as when the dialog's code does not come.
   */
  async #loadAfterAction() {
    if (this.afterAction !== undefined) return;
    this.afterAction = null;
    try {
      const views = await loadAfterActionModule();
      const root = this.shadowRoot!;
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, views.afterActionStyles.styleSheet!];
      this.afterAction = views;
    } catch {
      this.afterAction = undefined; // asking again fetches again
      this.failure = sdkError('bank_unavailable', 'The bank did not answer.', true);
    }
  }

  /** A new application: the calculator is editable again, from the terms just decided. */
  async #startOver() {
    this.decision = undefined;
    await this.updateComplete;
    (this.renderRoot.querySelector('#amount') as HTMLInputElement | null)?.focus();
  }

  #onAmount(event: Event) {
    this.amountText = (event.target as HTMLInputElement).value;
    this.#requestQuote();
  }

  /** Leaving the field: a readable amount is shown the way the bank reads it (`3.6万` → `36000`). */
  #onAmountDone() {
    const read = parseAmountInput(this.amountText);
    if (read.ok) this.amountText = formatAmount(read.minor).replace(/\.00$/, '');
  }

  #onTerm(event: Event) {
    this.termMonths = Number((event.target as HTMLSelectElement).value);
    this.#requestQuote(0);
  }

  #onMethod(event: Event) {
    this.method = (event.target as HTMLInputElement).value as Method;
    this.#requestQuote(0);
  }

  async #apply() {
    const quote = this.quote;
    if (!quote || this.applying) return;
    this.applying = true;
    void this.#loadAfterAction(); // the application's code and the decision's view (if it cannot come: bank_unavailable)
    try {
      await (await loadAfterActionModule()).apply(this, quote);
    } catch {
      // #loadAfterAction says the bank is unavailable, with Try again.
    } finally {
      this.applying = false;
    }
  }
}
