/**
 * Personal account classes (PBOC 银发〔2015〕392号, 〔2016〕261号): what Class II and Class III e-accounts may do.
 * Amounts are integer fen. Days and years are China's calendar (Asia/Shanghai, UTC+8 all year, no DST).
 */

export type AccountClass = 'I' | 'II' | 'III';

export interface ClassRules {
  /** Payments (and transfers to unbound accounts) per China calendar day. */
  readonly daily: number;
  /** The same per China calendar year. */
  readonly yearly: number;
  /** The most the account may hold, or null. */
  readonly balanceCap: number | null;
}

/** Class I: no limit in the sandbox. Money from the bound card is never limited, only the Class III balance cap. */
export const classRules: Readonly<Record<AccountClass, ClassRules | null>> = {
  I: null,
  II: { daily: 1_000_000, yearly: 20_000_000, balanceCap: null },
  III: { daily: 200_000, yearly: 5_000_000, balanceCap: 200_000 },
};

const chinaOffset = 8 * 3_600_000;
const day = 86_400_000;

/** The instant China's calendar day containing `now` began. */
export const chinaDayStart = (now: number) => Math.floor((now + chinaOffset) / day) * day - chinaOffset;

/** The instant China's calendar year containing `now` began. */
export function chinaYearStart(now: number) {
  return Date.UTC(new Date(now + chinaOffset).getUTCFullYear(), 0, 1) - chinaOffset;
}

/** `YYYY-MM-DD` of `now` in China. */
export const chinaDate = (now: number) => new Date(now + chinaOffset).toISOString().slice(0, 10);

/** `YYYY-MM` of `now` in China. */
export const chinaMonth = (now: number) => chinaDate(now).slice(0, 7);

/** [start, end) of a China calendar month `YYYY-MM`; throws a RangeError for anything else. */
export function chinaMonthRange(month: string): [number, number] {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!m) throw new RangeError(`Not a month: ${month}`);
  const year = Number(m[1]);
  const index = Number(m[2]) - 1;
  return [Date.UTC(year, index, 1) - chinaOffset, Date.UTC(year, index + 1, 1) - chinaOffset];
}

export interface Usage {
  /** Paid out today and this year (China calendar), in fen. */
  today: number;
  year: number;
}

export interface Allowance {
  /** What may still be paid today: the smaller of what is left of the day's and the year's limit. */
  today: number;
  /** What is left of the year's limit. */
  year: number;
}

/** What an account of `accountClass` may still pay, given what it paid; null when unlimited (Class I). */
export function paymentAllowance(accountClass: AccountClass, used: Usage): Allowance | null {
  const rules = classRules[accountClass];
  if (!rules) return null;
  const year = Math.max(0, rules.yearly - used.year);
  return { today: Math.min(Math.max(0, rules.daily - used.today), year), year };
}

/** Whether a payment of `amount` stays within the class's daily and yearly limits. */
export function paymentAllowed(accountClass: AccountClass, used: Usage, amount: number): boolean {
  const allowance = paymentAllowance(accountClass, used);
  return allowance === null || amount <= allowance.today;
}

/**
 * Whether money from the customer's own bound card may come in: never limited by amount, but a Class III account
 * may not hold more than its cap afterwards.
 */
export function inflowAllowed(accountClass: AccountClass, balance: number, amount: number): boolean {
  const cap = classRules[accountClass]?.balanceCap;
  return cap == null || balance + amount <= cap;
}
