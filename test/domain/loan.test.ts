import { expect } from '@open-wc/testing';
import {
  apr,
  formatApr,
  loanQuote,
  loanSchedule,
  repaymentMethods,
  type LoanSchedule,
  type RepaymentMethod,
} from '../../src/domain/loan.ts';


/** Small seeded PRNG (mulberry32) so generated cases are reproducible. */
function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const payments = (s: LoanSchedule) => s.installments.map((x) => x.payment);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** Independent NPV (customer's view) at a periodic rate, for checking apr(). */
function npv(principal: number, flows: number[], periodic: number): number {
  return flows.reduce((v, p, k) => v + p / (1 + periodic) ** (k + 1), -principal);
}

describe('repaymentMethods', () => {
  it('lists the three methods and cannot be mutated', () => {
    expect([...repaymentMethods]).to.deep.equal(['equal-installment', 'equal-principal', 'interest-first']);
    expect(Object.isFrozen(repaymentMethods)).to.equal(true);
  });
});

describe('loanSchedule: hand-checked ¥36,000.00 over 12 months at 7.20%', () => {
  // r = 7.20% / 12 = 0.6% a month; P = 3,600,000 fen.
  const P = 3_600_000;

  it('equal-installment (等额本息)', () => {
    // 1.006^12 = 1.0744241677; payment = P·r·1.006^12 / (1.006^12 − 1)
    //   = 21600 × 1.0744241677 / 0.0744241677 = 21600 × 14.4365881 = 311828.30 fen → 3118.28.
    const s = loanSchedule(P, 12, 7.2, 'equal-installment');
    expect(s.firstPayment).to.equal(311_828);
    expect(s.typicalPayment).to.equal(311_828);
    // Month 1: interest 3,600,000 × 0.006 = 21600; principal 311828 − 21600 = 290228.
    expect(s.installments[0]).to.deep.equal({ period: 1, payment: 311_828, principal: 290_228, interest: 21_600, remaining: 3_309_772 });
    // Month 2: interest = round(3,309,772 × 0.006 = 19858.632) = 19859; principal 291969.
    expect(s.installments[1]).to.deep.equal({ period: 2, payment: 311_828, principal: 291_969, interest: 19_859, remaining: 3_017_803 });
    // 12 × 3118.283 − 36000 = 1419.40 by the formula; per-fen rounding moves it a little.
    expect(s.totalInterest).to.be.within(141_935, 141_945);
    expect(s.totalInterest).to.equal(141_941);
    expect(s.lastPayment).to.equal(311_833);
    expect(s.totalPayment).to.equal(P + 141_941);
  });

  it('equal-principal (等额本金)', () => {
    const s = loanSchedule(P, 12, 7.2, 'equal-principal');
    expect(s.firstPayment).to.equal(321_600); // 3000.00 + 216.00
    expect(s.typicalPayment).to.equal(321_600);
    expect(s.installments[1]!.payment).to.equal(319_800); // 3000.00 + 33000 × 0.6% = 3000.00 + 198.00
    expect(s.lastPayment).to.equal(301_800); // 3000.00 + 18.00
    expect(s.totalInterest).to.equal(140_400); // P·r·(n+1)/2 = 21600 × 6.5, exact here
  });

  it('interest-first (先息后本)', () => {
    const s = loanSchedule(P, 12, 7.2, 'interest-first');
    expect(payments(s).slice(0, 11)).to.deep.equal(Array(11).fill(21_600)); // 216.00
    expect(s.typicalPayment).to.equal(21_600);
    expect(s.lastPayment).to.equal(3_621_600); // 36216.00
    expect(s.totalInterest).to.equal(259_200);
    expect(s.installments[10]!.remaining).to.equal(P);
  });

  it('discloses APR 7.20 for every method', () => {
    for (const m of repaymentMethods) {
      const q = loanQuote(P, 12, 7.2, m);
      expect(q.apr, m).to.equal('7.20');
      expect(q.schedule).to.deep.equal(loanSchedule(P, 12, 7.2, m));
    }
  });
});

describe('loanSchedule: edge cases', () => {
  it('handles a zero rate without dividing by zero', () => {
    for (const m of repaymentMethods) {
      const s = loanSchedule(1_000_001, 3, 0, m);
      expect(s.totalInterest, m).to.equal(0);
      expect(sum(payments(s)), m).to.equal(1_000_001);
      expect(payments(s).every(Number.isInteger), m).to.equal(true);
    }
    expect(payments(loanSchedule(1_000_001, 3, 0, 'equal-principal'))).to.deep.equal([333_333, 333_333, 333_335]);
    expect(payments(loanSchedule(1_000_001, 3, 0, 'equal-installment'))).to.deep.equal([333_334, 333_334, 333_333]);
  });

  it('a one-month loan is principal plus one month of interest', () => {
    for (const m of repaymentMethods) {
      const s = loanSchedule(1_000_000, 1, 12, m);
      expect(payments(s), m).to.deep.equal([1_010_000]);
      expect(s.firstPayment).to.equal(s.lastPayment);
    }
  });

  it('rounds an exact half fen up', () => {
    // 250 fen × 7.2% / 12 = 1.5 fen exactly.
    expect(loanSchedule(250, 2, 7.2, 'interest-first').installments[0]!.interest).to.equal(2);
  });

  it('never overpays or goes negative on degenerate tiny loans', () => {
    for (const [p, n, rate] of [[100, 60, 0], [1, 600, 100], [100_000, 600, 100], [7, 600, 0.01]] as const) {
      for (const m of repaymentMethods) {
        const s = loanSchedule(p, n, rate, m);
        expect(sum(s.installments.map((x) => x.principal)), `${m} ${p}/${n}/${rate}`).to.equal(p);
        expect(s.installments.every((x) => x.principal >= 0 && x.interest >= 0 && x.remaining >= 0)).to.equal(true);
      }
    }
  });

  it('rejects bad input with RangeError', () => {
    const bad: [number, number, number, string][] = [
      [0, 12, 5, 'equal-installment'],
      [-100, 12, 5, 'equal-installment'],
      [100.5, 12, 5, 'equal-installment'],
      [NaN, 12, 5, 'equal-installment'],
      [100, 0, 5, 'equal-installment'],
      [100, 601, 5, 'equal-installment'],
      [100, 1.5, 5, 'equal-installment'],
      [100, 12, -0.01, 'equal-installment'],
      [100, 12, 100.01, 'equal-installment'],
      [100, 12, NaN, 'equal-installment'],
      [100, 12, 5, 'balloon'],
    ];
    for (const [p, n, rate, m] of bad) {
      expect(() => loanSchedule(p, n, rate, m as RepaymentMethod), `${p}/${n}/${rate}/${m}`).to.throw(RangeError);
    }
    expect(() => loanSchedule(100, 600, 100, 'equal-installment')).not.to.throw();
    expect(() => loanSchedule(1, 1, 0, 'interest-first')).not.to.throw();
  });
});

describe('loanSchedule: properties over 600 generated loans', () => {
  const rand = mulberry32(0x5eed);
  const loans = Array.from({ length: 600 }, (_, k) => ({
    method: repaymentMethods[k % 3]!,
    principal: 100_000 + Math.floor(rand() * (50_000_000 - 100_000 + 1)), // ¥1,000.00..¥500,000.00
    term: 1 + Math.floor(rand() * 60),
    rate: Math.round(rand() * 2400) / 100, // 0.00..24.00 %
  }));

  it('covers the intended ranges', () => {
    expect(loans.some((l) => l.rate < 1)).to.equal(true);
    expect(loans.some((l) => l.rate > 23)).to.equal(true);
    expect(loans.some((l) => l.term === 1)).to.equal(true);
    expect(loans.some((l) => l.term === 60)).to.equal(true);
  });

  it('repays the principal exactly, with consistent rows and totals', () => {
    for (const { method, principal, term, rate } of loans) {
      const label = `${method} ${principal}/${term}/${rate}`;
      const s = loanSchedule(principal, term, rate, method);
      const rows = s.installments;
      expect(rows.length, label).to.equal(term);
      expect(sum(rows.map((x) => x.principal)), label).to.equal(principal);
      expect(rows[term - 1]!.remaining, label).to.equal(0);
      let before = principal;
      rows.forEach((x, k) => {
        expect(x.period, label).to.equal(k + 1);
        expect(x.payment >= 0 && x.interest >= 0 && x.principal >= 0, label).to.equal(true);
        expect(x.payment, label).to.equal(x.principal + x.interest);
        expect(x.remaining, label).to.equal(before - x.principal);
        expect(x.remaining, label).to.be.at.most(before);
        // Interest is the opening balance (whole principal for interest-first) × r, to the fen.
        const base = method === 'interest-first' ? principal : before;
        expect(Math.abs(x.interest - (base * rate) / 1200), label).to.be.at.most(0.5 + 1e-6);
        before = x.remaining;
      });
      expect(s.totalInterest, label).to.equal(sum(rows.map((x) => x.interest)));
      expect(s.totalPayment, label).to.equal(principal + s.totalInterest);
      expect(s.totalPayment, label).to.equal(sum(payments(s)));
      expect(s.firstPayment, label).to.equal(rows[0]!.payment);
      expect(s.lastPayment, label).to.equal(rows[term - 1]!.payment);
      expect(s.method).to.equal(method);
      expect([s.principal, s.termMonths, s.annualRatePercent]).to.deep.equal([principal, term, rate]);
    }
  });

  it('has the shape of each method', () => {
    for (const { method, principal, term, rate } of loans) {
      const label = `${method} ${principal}/${term}/${rate}`;
      const rows = loanSchedule(principal, term, rate, method).installments.slice(0, -1);
      if (method === 'equal-installment') {
        expect(new Set(rows.map((x) => x.payment)).size, label).to.be.at.most(1);
      } else if (method === 'equal-principal') {
        expect(rows.every((x) => x.principal === Math.floor(principal / term)), label).to.equal(true);
        for (let k = 1; k < rows.length; k++) expect(rows[k]!.payment, label).to.be.at.most(rows[k - 1]!.payment);
      } else {
        expect(rows.every((x) => x.principal === 0 && x.remaining === principal), label).to.equal(true);
      }
    }
  });

  it('equal-installment payment matches the annuity formula within 1 fen', () => {
    for (const { principal, term, rate } of loans) {
      const r = rate / 1200;
      const annuity = r === 0 ? principal / term : (principal * r * (1 + r) ** term) / ((1 + r) ** term - 1);
      const s = loanSchedule(principal, term, rate, 'equal-installment');
      expect(Math.abs(s.typicalPayment - annuity), `${principal}/${term}/${rate}`).to.be.at.most(1);
      // The last payment only absorbs the rounding: at most 1 fen a month, compounded.
      expect(Math.abs(s.lastPayment - annuity), `${principal}/${term}/${rate}`).to.be.at.most(term * (1 + r) ** term);
    }
  });

  it('equal-principal total interest matches P·r·(n+1)/2 within n fen', () => {
    for (const { principal, term, rate } of loans) {
      const closed = (principal * (rate / 1200) * (term + 1)) / 2;
      const s = loanSchedule(principal, term, rate, 'equal-principal');
      expect(Math.abs(s.totalInterest - closed), `${principal}/${term}/${rate}`).to.be.at.most(term);
    }
  });

  it('apr() recovers the nominal rate within 0.01 points', () => {
    let worst = 0;
    for (const { method, principal, term, rate } of loans) {
      const got = apr(principal, payments(loanSchedule(principal, term, rate, method)));
      worst = Math.max(worst, Math.abs(got - rate));
      expect(Math.abs(got - rate), `${method} ${principal}/${term}/${rate}`).to.be.below(0.01);
    }
    expect(worst).to.be.above(0); // fen rounding does show, so this is not vacuous
  });
});

describe('apr', () => {
  it('is 12% nominal for 1% a month', () => {
    expect(apr(1_000_000, [1_010_000])).to.be.closeTo(12, 1e-9);
    expect(apr(1_000_000, [1_010_000], 1)).to.be.closeTo(1, 1e-9);
    expect(apr(1_000_000, [10_000, 1_010_000], 4)).to.be.closeTo(4, 1e-9);
  });

  it('is exactly 0 when the payments sum to the principal', () => {
    expect(apr(1_200_000, Array(12).fill(100_000))).to.equal(0);
    // Zero payments then a bullet, over 600 months.
    expect(apr(1_000_000, payments(loanSchedule(1_000_000, 600, 0, 'interest-first')))).to.equal(0);
  });

  it('rises above the nominal rate when a fee is deducted up front', () => {
    // ¥10,000.00 at 7.20% over 12 months, but the customer receives ¥9,900.00 (¥100 fee).
    const flows = payments(loanSchedule(1_000_000, 12, 7.2, 'equal-installment'));
    const got = apr(990_000, flows);
    expect(got).to.be.above(7.2);
    // A 1% fee over an average life of about half a year adds roughly 1.8 points.
    expect(got).to.be.within(8.8, 9.3);
    expect(npv(990_000, flows, got / 1200)).to.be.closeTo(0, 1e-6);
    expect(formatApr(got)).to.equal(got.toFixed(2));
  });

  it('falls back to bisection when Newton jumps out of the bracket', () => {
    // Payments far below the principal: from the start guess 0, Newton's first step is
    // 0 − npv/npv' = −9999/60 ≈ −167 per period, far outside the bracket.
    const flows = [...Array(59).fill(0), 1];
    const expected = ((1 / 10_000) ** (1 / 60) - 1) * 1200; // −170.7649…%
    expect(apr(10_000, flows)).to.be.closeTo(expected, 1e-6);
    expect(npv(10_000, flows, apr(10_000, flows) / 1200)).to.be.closeTo(0, 1e-6);
    // Spent most of it: a negative yield, found all the same.
    expect(apr(10_000, Array(12).fill(800))).to.be.below(0);
  });

  it('widens the bracket for extreme rates', () => {
    expect(apr(100, [1000])).to.be.closeTo(10_800, 1e-6); // 900% a month
  });

  it('throws when no rate fits', () => {
    expect(() => apr(10_000, [])).to.throw(RangeError);
    expect(() => apr(10_000, [0, 0, 0])).to.throw(RangeError);
  });
});

describe('formatApr', () => {
  it('gives two decimals', () => {
    expect(formatApr(7.2)).to.equal('7.20');
    expect(formatApr(7.199_999_9)).to.equal('7.20');
    expect(formatApr(0)).to.equal('0.00');
    expect(formatApr(15.4)).to.equal('15.40');
  });
});
