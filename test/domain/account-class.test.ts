import { expect } from '@open-wc/testing';
import {
  chinaDate, chinaDayStart, chinaMonthRange, chinaYearStart, classRules, inflowAllowed, paymentAllowance, paymentAllowed,
} from '../../src/domain/account-class.ts';

function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Independent oracle for China's calendar: Intl with the Asia/Shanghai time zone. */
const shanghai = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

describe('China calendar days and years', () => {
  it('puts 16:00 UTC on the next China day, and 15:59:59.999 on the one before', () => {
    const midnight = Date.parse('2026-12-01T16:00:00Z');
    expect(chinaDate(midnight)).to.equal('2026-12-02');
    expect(chinaDate(midnight - 1)).to.equal('2026-12-01');
    expect(chinaDayStart(midnight)).to.equal(midnight);
    expect(chinaDayStart(midnight - 1)).to.equal(midnight - 86_400_000);
    expect(chinaYearStart(Date.parse('2026-12-31T16:00:00Z'))).to.equal(Date.parse('2026-12-31T16:00:00Z'));
    expect(chinaYearStart(Date.parse('2026-12-31T15:59:59Z'))).to.equal(Date.parse('2025-12-31T16:00:00Z'));
  });

  it('agrees with Intl (Asia/Shanghai) on thousands of random instants', () => {
    const random = mulberry32(3);
    for (let i = 0; i < 3000; i++) {
      const now = Date.parse('2000-01-01T00:00:00Z') + Math.floor(random() * 40 * 365 * 86_400_000);
      const date = shanghai.format(now);
      expect(chinaDate(now)).to.equal(date);
      const start = chinaDayStart(now);
      expect(start <= now && now < start + 86_400_000).to.equal(true);
      expect(shanghai.format(start)).to.equal(date);
      expect(shanghai.format(start - 1)).to.not.equal(date);
      const year = chinaYearStart(now);
      expect(shanghai.format(year)).to.equal(`${date.slice(0, 4)}-01-01`);
      expect(shanghai.format(year - 1).slice(0, 4)).to.equal(String(Number(date.slice(0, 4)) - 1));
      const [from, to] = chinaMonthRange(date.slice(0, 7));
      expect(from <= now && now < to).to.equal(true);
    }
    expect(() => chinaMonthRange('2026-13')).to.throw(RangeError);
  });
});

describe('account-class limits', () => {
  it('has the contract figures', () => {
    expect(classRules.II).to.deep.equal({ daily: 1_000_000, yearly: 20_000_000, balanceCap: null });
    expect(classRules.III).to.deep.equal({ daily: 200_000, yearly: 5_000_000, balanceCap: 200_000 });
    expect(classRules.I).to.equal(null);
    expect(paymentAllowance('I', { today: 9e9, year: 9e9 })).to.equal(null);
    expect(paymentAllowed('I', { today: 9e9, year: 9e9 }, 1e9)).to.equal(true);
  });

  it('allows a payment exactly when the day and the year both have room, for generated usage', () => {
    const random = mulberry32(11);
    for (const cls of ['II', 'III'] as const) {
      const { daily, yearly } = classRules[cls]!;
      for (let i = 0; i < 3000; i++) {
        const year = Math.floor(random() * (yearly + 100));
        const today = Math.min(year, Math.floor(random() * (daily + 100)));
        const amount = 1 + Math.floor(random() * daily * 1.2);
        const allowed = today + amount <= daily && year + amount <= yearly;
        expect(paymentAllowed(cls, { today, year }, amount)).to.equal(allowed);
        const left = paymentAllowance(cls, { today, year })!;
        expect(left.today).to.equal(Math.max(0, Math.min(daily - today, yearly - year)));
        expect(left.today >= 0 && left.today <= daily && left.year >= left.today).to.equal(true);
        // The allowance is exactly the largest payment allowed.
        if (left.today > 0) expect(paymentAllowed(cls, { today, year }, left.today)).to.equal(true);
        expect(paymentAllowed(cls, { today, year }, left.today + 1)).to.equal(false);
      }
    }
  });

  it('never limits bound-card inflow except by the Class III balance cap', () => {
    const random = mulberry32(5);
    for (let i = 0; i < 3000; i++) {
      const balance = Math.floor(random() * 300_000);
      const amount = 1 + Math.floor(random() * 100_000_000);
      expect(inflowAllowed('II', balance, amount)).to.equal(true);
      expect(inflowAllowed('I', balance, amount)).to.equal(true);
      expect(inflowAllowed('III', balance, amount)).to.equal(balance + amount <= 200_000);
    }
    expect(inflowAllowed('III', 199_999, 1)).to.equal(true);
    expect(inflowAllowed('III', 200_000, 1)).to.equal(false);
  });
});
