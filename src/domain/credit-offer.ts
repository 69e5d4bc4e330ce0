/**
 * The working-capital offer (经营贷) the bank makes a merchant from its settled split income on one platform —
 * money the bank has itself credited, so the evidence is the bank's own ledger:
 *
 * - basis: the six full calendar months before the current one (China time);
 * - none below three months of that window with settled income (too little history);
 * - limit: 30% of the settled income in the window, rounded down to whole yuan, capped at ¥500,000.00;
 * - the APR is fixed per product (the `merchant-loan` product's rate), not priced per merchant.
 */

export const creditOfferRule = {
  windowMonths: 6,
  minMonthsWithIncome: 3,
  /** Of the window's settled income, in basis points (3000 = 30%). */
  shareBp: 3000,
  /** Fen: ¥500,000.00. */
  cap: 50_000_000,
} as const;

export interface Settlement {
  /** Epoch milliseconds when the bank credited the merchant. */
  at: number;
  /** Fen, positive. */
  amount: number;
}

export interface CreditOffer {
  /** Fen; 0 means no offer. */
  limit: number;
  basis: { from: string; to: string; monthsWithIncome: number; settled: number };
}

const chinaOffset = 8 * 3_600_000;
const monthKey = (year: number, month0: number) => {
  const d = new Date(Date.UTC(year, month0, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
};

/**
 * The offer at `now` for a merchant's settlements.
 * @example
 * creditOffer([...fourMonthsOf(1_000_000)], now); // { limit: 1_200_000, basis: { from: '2026-05', to: '2026-10', … } }
 */
export function creditOffer(settlements: Settlement[], now: number): CreditOffer {
  const local = new Date(now + chinaOffset);
  const year = local.getUTCFullYear();
  const month0 = local.getUTCMonth();
  const windowStart = Date.UTC(year, month0 - creditOfferRule.windowMonths, 1) - chinaOffset;
  const windowEnd = Date.UTC(year, month0, 1) - chinaOffset;
  const months = new Set<string>();
  let settled = 0;
  for (const s of settlements) {
    if (s.at < windowStart || s.at >= windowEnd || s.amount <= 0) continue;
    const d = new Date(s.at + chinaOffset);
    months.add(monthKey(d.getUTCFullYear(), d.getUTCMonth()));
    settled += s.amount;
  }
  const eligible = months.size >= creditOfferRule.minMonthsWithIncome;
  const share = Math.floor((settled * creditOfferRule.shareBp) / 10_000 / 100) * 100;
  return {
    limit: eligible ? Math.min(creditOfferRule.cap, share) : 0,
    basis: {
      from: monthKey(year, month0 - creditOfferRule.windowMonths),
      to: monthKey(year, month0 - 1),
      monthsWithIncome: months.size,
      settled,
    },
  };
}
