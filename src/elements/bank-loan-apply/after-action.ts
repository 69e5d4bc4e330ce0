import { css, html } from 'lit';
import type { Locale } from '../../i18n/locale.ts';
import type { LoanQuote } from '../../protocol/post-message.ts';
import type { BankCore, FrameResult, SessionState } from '../core/context.ts';
import { afterActionMessages, type AfterActionMessage } from './after-action-messages.ts';
import type { BankLoanApply } from './bank-loan-apply.ts';
import { bankEvent } from '../core/events.ts';

/**
 * What <bank-loan-apply> shows or does only after the customer acted: the repayment schedule's table (once
 * "Repayment schedule" is opened: most customers never do), the application (Apply) and the decision on it. A chunk
 * of its own, with its texts and styles, so the calculator's page does not carry it.
 */

/** The bank's decision, as `bank-loan-submitted` carries it. */
export interface Decision {
  applicationId: string;
  status: 'approved' | 'pending' | 'declined';
  amount: string;
  termMonths: number;
  apr: string;
}

/** What the element lends the views: its locale, its texts and its formats. */
export interface LoanView {
  locale: Locale;
  /** One of the element's own texts (`loanAmount`, `term`, `apr`, `schedule`). */
  text(key: string): string;
  money(amount: string): string;
  months(n: number): string;
}

/** Added to the element's shadow root (a constructed stylesheet: nothing inline for the page's CSP to refuse). */
export const afterActionStyles = css`
  table {
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
    font-size: 0.9em;
    width: 100%;
  }
  th,
  td {
    padding: 0.25em 0.5em;
    text-align: end;
    border-bottom: 1px solid var(--bank-color-border, light-dark(#d9e2ec, #334155));
    white-space: nowrap;
  }
  /* The schedule scrolls sideways on its own; the page never widens. Its width does not count towards the
     element's own (inline-size containment): in a partner's grid or flex item, whose minimum width is its content's,
     the table would otherwise widen the page, and a phone then shifts the bank's dialogs sideways. */
  .table-scroll {
    overflow-x: auto;
    max-width: 100%;
    contain: inline-size;
  }
  .table-scroll:focus-visible {
    outline: 3px solid var(--bank-color-focus, light-dark(#1a5fd0, #7fb2ff));
  }
  [part~='decision'] {
    display: grid;
    gap: 0.4em;
    border: 1px solid currentColor;
    border-radius: var(--bank-radius, 6px);
    padding: 0.75em 1em;
  }
`;

const own = (view: LoanView, key: AfterActionMessage) => afterActionMessages[view.locale][key];
const columns: readonly AfterActionMessage[] = ['period', 'payment', 'principal', 'interest', 'remaining'];

/** Every installment of the quote, in a table that scrolls sideways on its own. */
export function renderSchedule(view: LoanView, quote: LoanQuote) {
  const label = view.text('schedule');
  return html`<div class="table-scroll" tabindex="0" role="region" aria-label=${label}><table>
    <caption class="fine">${label}</caption>
    <thead><tr>${columns.map((k) => html`<th scope="col">${own(view, k)}</th>`)}</tr></thead>
    <tbody>${quote.installments.map((i) => html`<tr>
      <th scope="row">${i.period}</th><td>${view.money(i.payment)}</td><td>${view.money(i.principal)}</td>
      <td>${view.money(i.interest)}</td><td>${view.money(i.remaining)}</td></tr>`)}</tbody>
  </table></div>`;
}

/** The decision in place of Apply, where focus goes after the dialog, with the way to a new application. */
export function renderDecision(view: LoanView, decision: Decision, startOver: () => void) {
  return html`<div part="decision" role="status" tabindex="-1" data-focus-after-dialog>
    <strong>${own(view, `decision.${decision.status}`)}</strong>
    <dl>
      <dt>${own(view, 'applicationId')}</dt><dd>${decision.applicationId}</dd>
      <dt>${view.text('loanAmount')}</dt><dd>${view.money(decision.amount)}</dd>
      <dt>${view.text('term')}</dt><dd>${view.months(decision.termMonths)}</dd>
      <dt>${view.text('apr')}</dt><dd>${decision.apr}%</dd>
    </dl>
    <div class="row"><button part="button new" class="secondary" @click=${startOver}>${own(view, 'newApplication')}</button></div>
  </div>`;
}

/** The element's members the application works with: it is part of the element, in this chunk. */
interface Application {
  product?: string;
  merchantId?: string;
  reference?: string;
  decision?: Decision;
  session?: SessionState;
  bank: BankCore;
  emit(event: Event): void;
  openSecureFrame(name: string, titleKey: string, params?: Record<string, string>): Promise<FrameResult>;
}

/** Applies for `quote`: login first if nobody is, then the bank's `Loan application` frame; its decision is shown. */
export async function apply(element: BankLoanApply, quote: LoanQuote) {
  const loan = element as unknown as Application;
  if (!loan.session?.customer) {
    loan.bank.act(element);
    if (!(await loan.openSecureFrame('login', 'loginDialog'))) return;
  }
  const result = await loan.openSecureFrame('loan', 'loanDialog', {
    product: quote.product,
    amount: quote.amount,
    termMonths: String(quote.termMonths),
    repaymentMethod: quote.repaymentMethod,
    reference: loan.reference ?? '',
    ...(loan.product === 'merchant-loan' && loan.merchantId ? { merchantId: loan.merchantId } : {}),
  });
  if (result && typeof result.applicationId === 'string') {
    loan.decision = {
      applicationId: result.applicationId,
      status: result.status as Decision['status'],
      amount: String(result.amount),
      termMonths: Number(result.termMonths),
      apr: String(result.apr),
    };
    loan.emit(bankEvent('bank-loan-submitted', { ...loan.decision }));
  }
}
