/**
 * Split settlement (分账) in integer fen: each merchant gets exactly the amount the platform named, the platform
 * keeps the rest, and the parts always add up to the order — nothing is rounded away.
 */

export interface Split {
  merchantId: string;
  amount: number;
}

export type SplitProblem = 'empty' | 'amount' | 'duplicate' | 'exceeds';

/** Thrown by {@link allocateSplits}; `problem` says which rule failed. */
export class SplitError extends Error {
  constructor(readonly problem: SplitProblem, message: string) {
    super(message);
    this.name = 'SplitError';
  }
}

/** At most this many merchants share one order. */
export const maxSplits = 10;

/**
 * Checks the splits of an order of `total` fen and answers the platform's remainder: the splits are 1 to
 * {@link maxSplits} positive integer amounts to distinct merchants that together do not exceed `total`.
 * @example
 * allocateSplits(350000, [{ merchantId: 'mer_1', amount: 332500 }]); // { parts: [...], platform: 17500 }
 */
export function allocateSplits(total: number, splits: Split[]): { parts: Split[]; platform: number } {
  if (!Number.isSafeInteger(total) || total <= 0) throw new SplitError('amount', 'The order amount must be positive fen.');
  if (splits.length === 0 || splits.length > maxSplits) {
    throw new SplitError('empty', `An order has 1 to ${maxSplits} splits.`);
  }
  const seen = new Set<string>();
  let sum = 0;
  for (const split of splits) {
    if (!Number.isSafeInteger(split.amount) || split.amount <= 0) {
      throw new SplitError('amount', 'Each split amount must be positive.');
    }
    if (seen.has(split.merchantId)) throw new SplitError('duplicate', `Merchant ${split.merchantId} appears twice.`);
    seen.add(split.merchantId);
    sum += split.amount;
  }
  if (sum > total) throw new SplitError('exceeds', 'The splits add up to more than the order.');
  return { parts: splits.map((s) => ({ ...s })), platform: total - sum };
}

/**
 * Divides `total` fen by weights without losing a fen: each part is its exact share rounded down, and the fen
 * left over go one each to the largest remainders (ties to the earlier part). Parts always sum to `total`.
 * @example
 * proportionalParts(100, [1, 1, 1]); // [34, 33, 33]
 */
export function proportionalParts(total: number, weights: number[]): number[] {
  if (!Number.isSafeInteger(total) || total < 0) throw new RangeError('total must be non-negative fen');
  if (weights.length === 0 || weights.some((w) => !Number.isSafeInteger(w) || w < 0)) {
    throw new RangeError('weights must be non-negative integers');
  }
  const weightSum = weights.reduce((a, b) => a + b, 0);
  if (weightSum === 0) throw new RangeError('weights must not all be zero');
  // BigInt keeps total·weight exact even when it passes 2^53.
  const exact = weights.map((w) => BigInt(total) * BigInt(w));
  const parts = exact.map((e) => Number(e / BigInt(weightSum)));
  const remainders = exact.map((e, i) => ({ i, r: e % BigInt(weightSum) }));
  let left = total - parts.reduce((a, b) => a + b, 0);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (let k = 0; left > 0; k++, left--) parts[remainders[k]!.i]! += 1;
  return parts;
}
