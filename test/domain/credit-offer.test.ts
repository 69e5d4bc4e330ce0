import { expect } from '@open-wc/testing';
import { creditOffer, creditOfferRule } from '../../src/domain/credit-offer.ts';
import { intBetween, mulberry32 } from './prng.ts';

const at = (iso: string) => Date.parse(iso);
const now = at('2026-11-27T12:00:00+08:00');

describe('creditOffer', () => {
  it('30% of the six full months before this one, in whole yuan', () => {
    const settlements = [
      { at: at('2026-05-01T00:00:00+08:00'), amount: 1_000_000 },
      { at: at('2026-07-15T12:00:00+08:00'), amount: 1_000_000 },
      { at: at('2026-10-31T23:59:59+08:00'), amount: 1_000_033 },
      // Outside the window: before May, and this month.
      { at: at('2026-04-30T23:59:59+08:00'), amount: 9_000_000 },
      { at: at('2026-11-01T00:00:00+08:00'), amount: 9_000_000 },
    ];
    const offer = creditOffer(settlements, now);
    expect(offer.basis).to.deep.equal({ from: '2026-05', to: '2026-10', monthsWithIncome: 3, settled: 3_000_033 });
    expect(offer.limit).to.equal(900_000);
  });

  it('no offer below three months with income', () => {
    const offer = creditOffer([
      { at: at('2026-09-01T00:00:00+08:00'), amount: 50_000_000 },
      { at: at('2026-10-01T00:00:00+08:00'), amount: 50_000_000 },
    ], now);
    expect(offer.limit).to.equal(0);
    expect(offer.basis.monthsWithIncome).to.equal(2);
  });

  it('caps at ¥500,000.00', () => {
    const big = ['2026-06', '2026-07', '2026-08'].map((m) => ({ at: at(`${m}-10T00:00:00+08:00`), amount: 90_000_000 }));
    expect(creditOffer(big, now).limit).to.equal(creditOfferRule.cap);
  });

  it('spans a year end', () => {
    const offer = creditOffer([], at('2027-01-05T00:00:00+08:00'));
    expect(offer.basis).to.include({ from: '2026-07', to: '2026-12' });
  });

  it('on random histories: 0 ≤ limit ≤ min(cap, 30% of the window), whole yuan, and 0 exactly when fewer than 3 months', () => {
    const rand = mulberry32(500000);
    for (let n = 0; n < 1000; n++) {
      const settlements = Array.from({ length: intBetween(rand, 0, 12) }, () => ({
        at: now - intBetween(rand, 0, 300) * 86_400_000, amount: intBetween(rand, 1, 20_000_000),
      }));
      const offer = creditOffer(settlements, now);
      const windowStart = at('2026-05-01T00:00:00+08:00');
      const windowEnd = at('2026-11-01T00:00:00+08:00');
      const inside = settlements.filter((s) => s.at >= windowStart && s.at < windowEnd);
      const months = new Set(inside.map((s) => new Date(s.at + 8 * 3_600_000).toISOString().slice(0, 7)));
      expect(offer.basis.settled).to.equal(inside.reduce((a, s) => a + s.amount, 0));
      expect(offer.basis.monthsWithIncome).to.equal(months.size);
      expect(offer.limit % 100).to.equal(0);
      expect(offer.limit).to.be.at.most(Math.min(creditOfferRule.cap, (offer.basis.settled * 3) / 10));
      if (months.size < 3) expect(offer.limit).to.equal(0);
      else expect(offer.limit).to.equal(Math.min(creditOfferRule.cap, Math.floor((offer.basis.settled * 3) / 1000) * 100));
    }
  });
});
