import { expect } from '@open-wc/testing';
import {
  addMonthsChina, chinaDate, maxLeaseMonths, releasedBy, supervisionPlan, type RentTerms,
} from '../../src/domain/rent-supervision.ts';
import { intBetween, mulberry32 } from './prng.ts';

const at = (iso: string) => Date.parse(iso);

/** Independent calendar oracle: China-local (y, m, d) of the k-th anniversary, by counting months by hand. */
function anniversaryDate(y: number, m: number, d: number, k: number) {
  const total = (m - 1) + k;
  const year = y + Math.floor(total / 12);
  const month = (total % 12) + 1;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, days)).padStart(2, '0')}`;
}

describe('addMonthsChina', () => {
  it('clamps to month ends and knows leap years, in China time', () => {
    expect(chinaDate(addMonthsChina(at('2028-01-31T10:00:00+08:00'), 1))).to.equal('2028-02-29');
    expect(chinaDate(addMonthsChina(at('2027-01-31T10:00:00+08:00'), 1))).to.equal('2027-02-28');
    expect(chinaDate(addMonthsChina(at('2027-01-31T10:00:00+08:00'), 2))).to.equal('2027-03-31');
    expect(chinaDate(addMonthsChina(at('2100-01-29T10:00:00+08:00'), 1))).to.equal('2100-02-28');
    expect(chinaDate(addMonthsChina(at('2026-11-30T23:30:00+08:00'), 3))).to.equal('2027-02-28');
    // 01:00 in Beijing is the evening before in UTC: the China date counts.
    expect(addMonthsChina(at('2026-08-31T01:00:00+08:00'), 1)).to.equal(at('2026-09-30T01:00:00+08:00'));
  });
});

describe('supervisionPlan', () => {
  it('the worked example: ¥3,500 × 6 + ¥7,000 deposit', () => {
    const paidAt = at('2026-12-01T09:00:00+08:00');
    const plan = supervisionPlan({ monthlyRent: 350000, months: 6, deposit: 700000 }, paidAt);
    expect(plan.total).to.equal(2800000);
    expect(plan.releasedAtOnce).to.equal(1400000);
    expect(plan.held).to.equal(1400000);
    expect(plan.releases.map((r) => [r.date, r.amount, r.kind])).to.deep.equal([
      ['2027-03-01', 350000, 'rent'], ['2027-04-01', 350000, 'rent'], ['2027-05-01', 350000, 'rent'],
      ['2027-06-01', 350000, 'deposit'],
    ]);
    expect(releasedBy(plan, paidAt)).to.equal(1400000);
    expect(releasedBy(plan, at('2027-03-01T08:59:59+08:00'))).to.equal(1400000);
    expect(releasedBy(plan, at('2027-03-01T09:00:00+08:00'))).to.equal(1750000);
    expect(releasedBy(plan, at('2030-01-01T00:00:00Z'))).to.equal(2800000);
  });

  it('holds nothing for a short lease with a small deposit', () => {
    const plan = supervisionPlan({ monthlyRent: 350000, months: 3, deposit: 350000 }, at('2026-12-01T00:00:00Z'));
    expect(plan).to.deep.include({ total: 1400000, releasedAtOnce: 1400000, held: 0 });
    expect(plan.releases).to.deep.equal([]);
  });

  it('refuses impossible terms', () => {
    const now = Date.now();
    for (const terms of [{ monthlyRent: 0, months: 6, deposit: 0 }, { monthlyRent: 100, months: 0, deposit: 0 },
      { monthlyRent: 100, months: maxLeaseMonths + 1, deposit: 0 }, { monthlyRent: 100, months: 6, deposit: -1 },
      { monthlyRent: 100.5, months: 6, deposit: 0 }, { monthlyRent: 100, months: 1.5, deposit: 0 }]) {
      expect(() => supervisionPlan(terms as RentTerms, now), JSON.stringify(terms)).to.throw(RangeError);
    }
  });

  it('over random leases: held + released = paid, never early, never more than three months’ rent and one deposit at once', () => {
    const rand = mulberry32(2021);
    const start = at('2024-01-01T00:00:00+08:00');
    for (let n = 0; n < 600; n++) {
      const monthlyRent = intBetween(rand, 1, 5_000_000);
      const months = intBetween(rand, 1, maxLeaseMonths);
      const deposit = rand() < 0.2 ? 0 : intBetween(rand, 0, monthlyRent * 3);
      const paidAt = start + intBetween(rand, 0, 6 * 366) * 86_400_000 + intBetween(rand, 0, 86_399) * 1000;
      const paidLocal = new Date(paidAt + 8 * 3_600_000);
      const y = paidLocal.getUTCFullYear();
      const m = paidLocal.getUTCMonth() + 1;
      const d = paidLocal.getUTCDate();
      const plan = supervisionPlan({ monthlyRent, months, deposit }, paidAt);
      expect(plan.total).to.equal(monthlyRent * months + deposit);
      expect(plan.releasedAtOnce + plan.held).to.equal(plan.total);
      expect(plan.releases.reduce((a, r) => a + r.amount, 0)).to.equal(plan.held);
      expect(plan.releasedAtOnce).to.be.at.most(monthlyRent * 3 + Math.min(deposit, monthlyRent));
      expect(plan.held).to.equal(monthlyRent * Math.max(0, months - 3) + Math.max(0, deposit - monthlyRent));
      const rents = plan.releases.filter((r) => r.kind === 'rent');
      expect(rents.length).to.equal(Math.max(0, months - 3));
      // Month i+4 begins on anniversary i+3: not a moment before (checked in plain code, asserted once: fast).
      const rentProblems = rents.filter((r, i) => r.date !== anniversaryDate(y, m, d, i + 3) || r.at <= paidAt ||
        r.at - paidAt < (i + 3) * 28 * 86_400_000 || r.amount !== monthlyRent);
      expect(rentProblems).to.deep.equal([]);
      const deposits = plan.releases.filter((r) => r.kind === 'deposit');
      if (deposit > monthlyRent) expect(deposits.map((r) => r.date)).to.deep.equal([anniversaryDate(y, m, d, months)]);
      else expect(deposits).to.have.length(0);
      expect(plan.releases.every((r, i) => i === 0 || r.at > plan.releases[i - 1]!.at)).to.equal(true);
      // Walking the clock: released never decreases, never exceeds the total, and held + released = paid.
      let last = -1;
      let walkOk = true;
      for (const probe of [paidAt, ...plan.releases.flatMap((r) => [r.at - 1, r.at]), paidAt + 40 * 31 * 86_400_000]) {
        const released = releasedBy(plan, probe);
        walkOk &&= released >= last && released <= plan.total;
        last = released;
      }
      expect(walkOk).to.equal(true);
      expect(last).to.equal(plan.total);
    }
  });
});
