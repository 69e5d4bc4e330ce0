/**
 * Housing-rental fund supervision (建房规〔2021〕2号 and city rules) as a pure function: a rental company receives
 * at once at most three months' rent and a deposit of at most one month's rent; the rest is held in the
 * platform's supervised account and released month by month, the excess deposit when the lease ends.
 *
 * Releases fall on the lease's monthly anniversaries in China time (UTC+8, no daylight saving): a lease paid on
 * 31 January has its anniversaries on 28 (or 29) February, 31 March, 30 April … — the day is kept where the
 * month has it, else the month's last day, and the time of day is kept, so nothing is released early.
 */

export interface RentTerms {
  /** Fen, positive. */
  monthlyRent: number;
  /** Whole months, 1 to {@link maxLeaseMonths}. */
  months: number;
  /** Fen, zero or more. */
  deposit: number;
}

export interface SupervisedRelease {
  /** Epoch milliseconds of the release: the lease's `anniversary`-th monthly anniversary. */
  at: number;
  /** The release's date in China time, `YYYY-MM-DD`. */
  date: string;
  amount: number;
  kind: 'rent' | 'deposit';
}

export interface SupervisionPlan {
  /** What the tenant pays: monthlyRent × months + deposit. */
  total: number;
  /** Released to the platform when the order is paid. */
  releasedAtOnce: number;
  /** Held in the supervised account when the order is paid: the sum of `releases`. */
  held: number;
  /** In date order. */
  releases: SupervisedRelease[];
}

export const maxLeaseMonths = 36;
/** Rent a company may collect at once, in months. */
export const rentMonthsAtOnce = 3;

const chinaOffset = 8 * 3_600_000;

const daysIn = (year: number, month0: number) => new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();

/**
 * `from` moved `months` calendar months on in China time, clamped to the target month's last day.
 * @example
 * addMonthsChina(Date.parse('2028-01-31T10:00:00+08:00'), 1); // 2028-02-29T10:00:00+08:00
 */
export function addMonthsChina(from: number, months: number): number {
  const local = new Date(from + chinaOffset);
  const target = local.getUTCMonth() + months;
  const year = local.getUTCFullYear() + Math.floor(target / 12);
  const month0 = ((target % 12) + 12) % 12;
  const day = Math.min(local.getUTCDate(), daysIn(year, month0));
  const timeOfDay = (from + chinaOffset) - Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  return Date.UTC(year, month0, day) + timeOfDay - chinaOffset;
}

/** `YYYY-MM-DD` of an instant in China time. */
export const chinaDate = (at: number) => new Date(at + chinaOffset).toISOString().slice(0, 10);

/** Throws a RangeError unless the terms are positive whole fen and 1 to {@link maxLeaseMonths} months. */
export function checkRentTerms(terms: RentTerms) {
  const { monthlyRent, months, deposit } = terms;
  if (!Number.isSafeInteger(monthlyRent) || monthlyRent <= 0) throw new RangeError('monthlyRent must be positive fen');
  if (!Number.isInteger(months) || months < 1 || months > maxLeaseMonths) {
    throw new RangeError(`months must be 1 to ${maxLeaseMonths}`);
  }
  if (!Number.isSafeInteger(deposit) || deposit < 0) throw new RangeError('deposit must be zero or more fen');
  if (!Number.isSafeInteger(monthlyRent * months + deposit)) throw new RangeError('the lease total is too large');
}

/**
 * The supervision plan of a lease paid at `paidAt`: released at once min(3, months) months' rent and
 * min(deposit, monthlyRent); then month m's rent (m ≥ 4) on the (m−1)-th anniversary, when month m begins; the
 * excess deposit on the `months`-th anniversary, when the lease ends. `releasedAtOnce + held === total` always.
 * @example
 * supervisionPlan({ monthlyRent: 350000, months: 6, deposit: 700000 }, paidAt);
 * // { total: 2800000, releasedAtOnce: 1400000, held: 1400000, releases: [3 × 350000 rent, 350000 deposit] }
 */
export function supervisionPlan(terms: RentTerms, paidAt: number): SupervisionPlan {
  checkRentTerms(terms);
  const { monthlyRent, months, deposit } = terms;
  const total = monthlyRent * months + deposit;
  const depositAtOnce = Math.min(deposit, monthlyRent);
  const releasedAtOnce = monthlyRent * Math.min(rentMonthsAtOnce, months) + depositAtOnce;
  const releases: SupervisedRelease[] = [];
  const release = (anniversary: number, amount: number, kind: SupervisedRelease['kind']) => {
    const at = addMonthsChina(paidAt, anniversary);
    releases.push({ at, date: chinaDate(at), amount, kind });
  };
  for (let month = rentMonthsAtOnce + 1; month <= months; month++) release(month - 1, monthlyRent, 'rent');
  if (deposit > depositAtOnce) release(months, deposit - depositAtOnce, 'deposit');
  return { total, releasedAtOnce, held: total - releasedAtOnce, releases };
}

/** What the plan has released by `now`, including what was released at once. Never more than `total`. */
export function releasedBy(plan: SupervisionPlan, now: number): number {
  return plan.releases.reduce((sum, r) => (r.at <= now ? sum + r.amount : sum), plan.releasedAtOnce);
}
