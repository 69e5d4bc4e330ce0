/**
 * Data claims (CONTRACT §5): the narrow yes/no questions a partner may ask the bank about a customer, with the
 * customer's consent. The bank never shares the facts behind them (income, balance, identity), only the answers.
 *
 * Grammar, space-separated in `<bank-data-consent claims>`:
 * - `identity` — the customer is real-name verified by the bank;
 * - `balance-at-least:<amount>` — the total balance of the customer's accounts now is at least the amount;
 * - `income-at-least:<amount>` — the average monthly income over the 6 calendar months before this one is at
 *   least the amount.
 * Amounts are decimal strings in yuan (`10500`, `3500.5`), normalised to two decimals (`income-at-least:10500.00`).
 */
import { formatAmount, readAmount } from './money.ts';

/** The purposes the bank knows; an app may ask only for those it is registered for. */
export const purposes = ['rental-screening', 'car-rental-deposit-waiver', 'renovation-financing'] as const;
export type Purpose = (typeof purposes)[number];
export const isPurpose = (value: unknown): value is Purpose => (purposes as readonly unknown[]).includes(value);

/** A consent is valid this long after it is given (PIPL Art. 19: no longer than needed). */
export const consentValidityDays = 30;
export const consentValidityMs = consentValidityDays * 24 * 60 * 60_000;

/** The version of the `Share data` text the customer is shown; stored with every consent. */
export const consentTextVersion = 'share-data/2026-11';

/** At most this many claims in one request: a consent asks narrow questions, not everything. */
export const maxClaims = 5;

/** The largest amount a claim may name: ¥100,000,000.00. */
const maxClaimAmount = 10_000_000_000;

export type Claim =
  | { kind: 'identity'; key: 'identity' }
  | { kind: 'balance-at-least' | 'income-at-least'; amount: number; key: string };

export type ClaimErrorReason = 'empty' | 'unknown' | 'amount' | 'duplicate' | 'too_many';

/** Why a claim (or a claims list) was refused; `message` says which one, for `invalid_claim`. */
export class ClaimError extends Error {
  constructor(readonly reason: ClaimErrorReason, message: string) {
    super(message);
    this.name = 'ClaimError';
  }
}

/**
 * Parses one claim and normalises its amount.
 * @example
 * parseClaim('income-at-least:10500').key; // 'income-at-least:10500.00'
 */
export function parseClaim(text: string): Claim {
  if (text === 'identity') return { kind: 'identity', key: 'identity' };
  const match = /^(balance-at-least|income-at-least):(.*)$/.exec(text);
  if (!match) throw new ClaimError('unknown', `unknown claim "${text}"`);
  const kind = match[1] as 'balance-at-least' | 'income-at-least';
  const amount = readAmount(match[2]!, maxClaimAmount);
  if (typeof amount === 'string') {
    throw new ClaimError('amount', `"${text}": ${amount === 'zero'
      ? 'the amount must be above zero'
      : amount === 'too_large' ? 'the amount is above ¥100,000,000.00' : 'the amount must be a number like 10500 or 3500.50'}`);
  }
  return { kind, amount, key: `${kind}:${formatAmount(amount)}` };
}

/**
 * Parses the `claims` attribute: 1 to {@link maxClaims} space-separated claims, no two the same after
 * normalisation (`income-at-least:10500` and `income-at-least:10500.00` are the same question).
 */
export function parseClaims(text: string): Claim[] {
  const parts = text.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) throw new ClaimError('empty', 'no claims given');
  if (parts.length > maxClaims) throw new ClaimError('too_many', `at most ${maxClaims} claims at once`);
  const claims = parts.map(parseClaim);
  const keys = new Set<string>();
  for (const claim of claims) {
    if (keys.has(claim.key)) throw new ClaimError('duplicate', `"${claim.key}" is asked twice`);
    keys.add(claim.key);
  }
  return claims;
}

/** What the bank knows about the customer at the moment of consent; the partner never sees these. */
export interface CustomerFacts {
  realNameVerified: boolean;
  /** Total balance across the customer's accounts, in fen. */
  totalBalance: number;
  /** Average monthly income over the income window, in fen. */
  averageMonthlyIncome: number;
}

/** The yes/no answers, keyed by the normalised claim. */
export function evaluateClaims(claims: Claim[], facts: CustomerFacts): Record<string, boolean> {
  const answers: Record<string, boolean> = {};
  for (const claim of claims) {
    answers[claim.key] = claim.kind === 'identity'
      ? facts.realNameVerified
      : claim.kind === 'balance-at-least'
        ? facts.totalBalance >= claim.amount
        : facts.averageMonthlyIncome >= claim.amount;
  }
  return answers;
}

/** China Standard Time is UTC+8 all year (no daylight saving). */
const chinaOffsetMs = 8 * 60 * 60_000;
export const incomeWindowMonths = 6;

/** Midnight at the start of a calendar month in China time, as epoch ms (`month` may be out of 0…11). */
export function chinaMonthStart(year: number, month: number): number {
  return Date.UTC(year, month, 1) - chinaOffsetMs;
}

/**
 * The income window for `now`: the 6 whole calendar months (China time) before the current one,
 * `[from, to)` in epoch ms. On 2026-11-27 it is 2026-05-01 00:00 to 2026-11-01 00:00 (Beijing).
 */
export function incomeWindow(now: number): { from: number; to: number } {
  const local = new Date(now + chinaOffsetMs);
  const year = local.getUTCFullYear();
  const month = local.getUTCMonth();
  return { from: chinaMonthStart(year, month - incomeWindowMonths), to: chinaMonthStart(year, month) };
}

/** Average monthly income in fen (rounded down) from income inflows `{amount (fen), at (epoch ms)}`. */
export function averageMonthlyIncome(inflows: { amount: number; at: number }[], now: number): number {
  const { from, to } = incomeWindow(now);
  const total = inflows.filter((i) => i.amount > 0 && i.at >= from && i.at < to).reduce((sum, i) => sum + i.amount, 0);
  return Math.floor(total / incomeWindowMonths);
}

/**
 * Sandbox payroll: a monthly salary paid on the 15th at 09:00 China time, for each month of the income window.
 * Computed from the clock, so a sandbox created any day has the same six paydays behind it.
 */
export function salaryPaydays(now: number, months = incomeWindowMonths): number[] {
  const local = new Date(now + chinaOffsetMs);
  const days: number[] = [];
  for (let back = months; back >= 1; back--) {
    days.push(chinaMonthStart(local.getUTCFullYear(), local.getUTCMonth() - back) + (14 * 24 + 9) * 60 * 60_000);
  }
  return days;
}
