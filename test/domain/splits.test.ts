import { expect } from '@open-wc/testing';
import { allocateSplits, maxSplits, proportionalParts, SplitError } from '../../src/domain/splits.ts';
import { intBetween, mulberry32 } from './prng.ts';

const problem = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof SplitError) return e.problem;
    throw e;
  }
  return null;
};

describe('allocateSplits', () => {
  it('leaves the platform the rest', () => {
    expect(allocateSplits(350000, [{ merchantId: 'a', amount: 332500 }])).to.deep.equal({
      parts: [{ merchantId: 'a', amount: 332500 }], platform: 17500,
    });
    expect(allocateSplits(100, [{ merchantId: 'a', amount: 60 }, { merchantId: 'b', amount: 40 }]).platform).to.equal(0);
  });

  it('refuses splits over the order, duplicates, non-positive or fractional amounts, none or too many', () => {
    expect(problem(() => allocateSplits(100, [{ merchantId: 'a', amount: 60 }, { merchantId: 'b', amount: 41 }]))).to.equal('exceeds');
    expect(problem(() => allocateSplits(100, [{ merchantId: 'a', amount: 1 }, { merchantId: 'a', amount: 1 }]))).to.equal('duplicate');
    expect(problem(() => allocateSplits(100, [{ merchantId: 'a', amount: 0 }]))).to.equal('amount');
    expect(problem(() => allocateSplits(100, [{ merchantId: 'a', amount: 1.5 }]))).to.equal('amount');
    expect(problem(() => allocateSplits(100, []))).to.equal('empty');
    const many = Array.from({ length: maxSplits + 1 }, (_, i) => ({ merchantId: `m${i}`, amount: 1 }));
    expect(problem(() => allocateSplits(100, many))).to.equal('empty');
  });

  it('on random orders: parts + platform = order, platform ≥ 0, or the order is refused exactly when it exceeds', () => {
    const rand = mulberry32(42);
    for (let n = 0; n < 3000; n++) {
      const total = intBetween(rand, 1, 100_000_000);
      const count = intBetween(rand, 1, maxSplits);
      const splits = Array.from({ length: count }, (_, i) => ({ merchantId: `m${i}`, amount: intBetween(rand, 1, Math.ceil((total * 1.3) / count)) }));
      const sum = splits.reduce((a, s) => a + s.amount, 0);
      if (sum > total) {
        expect(problem(() => allocateSplits(total, splits))).to.equal('exceeds');
      } else {
        const { parts, platform } = allocateSplits(total, splits);
        expect(platform).to.be.at.least(0);
        expect(parts.reduce((a, s) => a + s.amount, 0) + platform).to.equal(total);
        expect(parts).to.deep.equal(splits);
      }
    }
  });
});

describe('proportionalParts', () => {
  it('hands the left-over fen to the largest remainders', () => {
    expect(proportionalParts(100, [1, 1, 1])).to.deep.equal([34, 33, 33]);
    expect(proportionalParts(350000, [95, 5])).to.deep.equal([332500, 17500]);
    expect(proportionalParts(1, [1, 2])).to.deep.equal([0, 1]);
  });

  it('never loses or invents a fen, and no part is off its exact share by a whole fen', () => {
    const rand = mulberry32(99);
    for (let n = 0; n < 3000; n++) {
      const total = intBetween(rand, 0, 1_000_000_000_000);
      const weights = Array.from({ length: intBetween(rand, 1, 8) }, () => intBetween(rand, 0, 10_000));
      if (weights.reduce((a, b) => a + b, 0) === 0) weights[0] = 1;
      const parts = proportionalParts(total, weights);
      expect(parts.reduce((a, b) => a + b, 0)).to.equal(total);
      const weightSum = weights.reduce((a, b) => a + b, 0);
      parts.forEach((p, i) => {
        const exact = (BigInt(total) * BigInt(weights[i]!)) / BigInt(weightSum);
        expect(BigInt(p) - exact >= 0n && BigInt(p) - exact <= 1n).to.equal(true);
      });
    }
  });

  it('refuses bad input', () => {
    expect(() => proportionalParts(-1, [1])).to.throw(RangeError);
    expect(() => proportionalParts(1, [])).to.throw(RangeError);
    expect(() => proportionalParts(1, [0, 0])).to.throw(RangeError);
  });
});
