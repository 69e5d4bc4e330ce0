/**
 * Loan mathematics in integer minor units (fen). Each month's interest is rounded to the fen
 * (half up) and the last payment absorbs the remainder, so the principal is repaid exactly.
 */

/** 等额本息 (equal installments), 等额本金 (equal principal), 先息后本 (interest first). */
export type RepaymentMethod = 'equal-installment' | 'equal-principal' | 'interest-first';

/**
 * Every {@link RepaymentMethod}, in display order.
 * @example
 * repaymentMethods.includes('equal-principal'); // true
 */
export const repaymentMethods: readonly RepaymentMethod[] = Object.freeze([
  'equal-installment',
  'equal-principal',
  'interest-first',
] as const);

/**
 * One month of a schedule, all in minor units; `remaining` is the principal still owed after it.
 * @example
 * const { payment, principal, interest } = schedule.installments[0]; // payment === principal + interest
 */
export interface Installment {
  period: number;
  payment: number;
  principal: number;
  interest: number;
  remaining: number;
}

/**
 * A full repayment schedule and its totals (minor units). `typicalPayment` is the regular
 * payment: the fixed one, the first one (equal-principal), or the interest-only one.
 * @example
 * loanSchedule(3_600_000, 12, 7.2, 'interest-first').typicalPayment; // 21600
 */
export interface LoanSchedule {
  method: RepaymentMethod;
  principal: number;
  termMonths: number;
  annualRatePercent: number;
  installments: Installment[];
  totalInterest: number;
  totalPayment: number;
  firstPayment: number;
  typicalPayment: number;
  lastPayment: number;
}

/**
 * Builds the monthly schedule for `principal` fen over `termMonths` at a nominal annual rate
 * in percent. Throws a RangeError for a non-integer or non-positive principal, a term outside
 * 1..600 months, or a rate outside 0..100.
 * @example
 * loanSchedule(3_600_000, 12, 7.2, 'equal-principal').firstPayment; // 321600 (3000.00 + 216.00)
 */
export function loanSchedule(
  principal: number,
  termMonths: number,
  annualRatePercent: number,
  method: RepaymentMethod,
): LoanSchedule {
  if (!Number.isSafeInteger(principal) || principal <= 0) throw new RangeError(`Bad principal: ${principal}`);
  if (!Number.isInteger(termMonths) || termMonths < 1 || termMonths > 600) throw new RangeError(`Bad term: ${termMonths}`);
  if (!(annualRatePercent >= 0 && annualRatePercent <= 100)) throw new RangeError(`Bad rate: ${annualRatePercent}`);
  if (!repaymentMethods.includes(method)) throw new RangeError(`Bad method: ${method}`);

  const n = termMonths;
  const r = annualRatePercent / 1200;
  // Multiply before dividing: an exact half fen stays exact, so Math.round rounds it up.
  const interestOn = (amount: number) => Math.round((amount * annualRatePercent) / 1200);
  const fixed =
    method === 'equal-installment'
      ? Math.round(r === 0 ? principal / n : (principal * r) / (1 - (1 + r) ** -n))
      : Math.floor(principal / n);

  const installments: Installment[] = [];
  let remaining = principal;
  let totalInterest = 0;
  for (let period = 1; period <= n; period++) {
    const interest = interestOn(method === 'interest-first' ? principal : remaining);
    const part =
      period === n ? remaining
      : method === 'interest-first' ? 0
      : method === 'equal-principal' ? fixed
      : Math.max(0, Math.min(fixed - interest, remaining)); // only degenerate loans need the clamps
    remaining -= part;
    totalInterest += interest;
    installments.push({ period, payment: part + interest, principal: part, interest, remaining });
  }
  const first = installments[0]!.payment;
  return {
    method,
    principal,
    termMonths,
    annualRatePercent,
    installments,
    totalInterest,
    totalPayment: principal + totalInterest,
    firstPayment: first,
    // The last payment is the only irregular one, so the first is also the most common.
    typicalPayment: first,
    lastPayment: installments[n - 1]!.payment,
  };
}

/**
 * Nominal annual percentage rate (percent) of a loan: the internal rate of return of receiving
 * `principal` now and paying `payments[i]` at the end of period i+1, times `periodsPerYear`.
 * Safeguarded Newton: a step that leaves the bracket becomes a bisection step.
 * Throws a RangeError when there is no payment or no periodic rate between -0.5 and 16384 fits.
 * @example
 * apr(1_000_000, [1_010_000]); // ≈ 12 (1% a month)
 */
export function apr(principal: number, payments: number[], periodsPerYear = 12): number {
  // Net present value at periodic rate i, and its derivative.
  const npv = (i: number): [number, number] => {
    let v = -principal;
    let dv = 0;
    let d = 1;
    payments.forEach((p, k) => {
      d /= 1 + i;
      v += p * d;
      dv -= ((k + 1) * p * d) / (1 + i);
    });
    return [v, dv];
  };
  // npv falls as i rises (for non-negative payments): keep it positive at lo, negative at hi.
  let lo = -0.5;
  let hi = 1;
  while (npv(hi)[0] > 0 && hi < 1e4) hi *= 2;
  if (!payments.length || !(npv(lo)[0] >= 0) || !(npv(hi)[0] <= 0)) {
    throw new RangeError('No rate of return fits these cash flows');
  }
  let i = 0;
  for (let k = 0; k < 200 && hi - lo > 1e-15; k++) {
    const [v, dv] = npv(i);
    if (v > 0) lo = i;
    else hi = i;
    const next = i - v / dv;
    if (Math.abs(next - i) <= 1e-13 * (1 + Math.abs(i))) return next * periodsPerYear * 100;
    i = next > lo && next < hi ? next : (lo + hi) / 2;
  }
  return i * periodsPerYear * 100;
}

/**
 * An APR in percent with two decimals, as disclosed.
 * @example
 * formatApr(7.2); // '7.20'
 */
export function formatApr(percent: number): string {
  return percent.toFixed(2);
}

/**
 * A schedule plus its disclosed APR, for the UI and the server.
 * @example
 * loanQuote(3_600_000, 12, 7.2, 'equal-installment').apr; // '7.20'
 */
export function loanQuote(
  principal: number,
  termMonths: number,
  annualRatePercent: number,
  method: RepaymentMethod,
): { schedule: LoanSchedule; apr: string } {
  const schedule = loanSchedule(principal, termMonths, annualRatePercent, method);
  return { schedule, apr: formatApr(apr(principal, schedule.installments.map((x) => x.payment))) };
}
