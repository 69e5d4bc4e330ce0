import { expect } from '@open-wc/testing';
import {
  averageMonthlyIncome, chinaMonthStart, ClaimError, evaluateClaims, incomeWindow, isPurpose, parseClaim, parseClaims,
  salaryPaydays,
} from '../../src/domain/claims.ts';

/** Small seeded PRNG (mulberry32) so generated cases are reproducible. */
function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function reasonOf(text: string): string {
  try {
    parseClaims(text);
  } catch (e) {
    expect(e).to.be.instanceOf(ClaimError);
    return (e as ClaimError).reason;
  }
  return 'accepted';
}

const beijing = (iso: string) => Date.parse(`${iso}+08:00`);

describe('parseClaim', () => {
  it('normalises amounts to two decimals', () => {
    expect(parseClaim('income-at-least:10500').key).to.equal('income-at-least:10500.00');
    expect(parseClaim('balance-at-least:3500.5').key).to.equal('balance-at-least:3500.50');
    expect(parseClaim('balance-at-least:0.01').key).to.equal('balance-at-least:0.01');
    expect(parseClaim('income-at-least:007').key).to.equal('income-at-least:7.00');
    expect(parseClaim('identity')).to.deep.equal({ kind: 'identity', key: 'identity' });
    expect(parseClaim('income-at-least:10500')).to.include({ kind: 'income-at-least', amount: 1_050_000 });
  });

  it('rejects unknown claims, malformed, zero, negative and too large amounts', () => {
    for (const text of ['Identity', 'credit-score', 'income', 'income-at-least', 'income-at-most:100', 'identity:1', '']) {
      expect(() => parseClaim(text), text).to.throw(ClaimError).with.property('reason', 'unknown');
    }
    for (const text of [
      'income-at-least:', 'income-at-least:-1', 'income-at-least:1e4', 'income-at-least:10,500', 'income-at-least:1.234',
      'balance-at-least:0', 'balance-at-least:0.00', 'balance-at-least:abc', 'balance-at-least: 5', 'balance-at-least:¥5',
      'balance-at-least:100000000.01', 'income-at-least:.5', 'income-at-least:5.',
    ]) {
      expect(() => parseClaim(text), text).to.throw(ClaimError).with.property('reason', 'amount');
    }
  });

  it('property: any amount in fen round-trips to its two-decimal form, whatever trailing zeros were written', () => {
    const random = mulberry32(11);
    for (let i = 0; i < 2000; i++) {
      const fen = 1 + Math.floor(random() * 10_000_000_000);
      const yuan = Math.floor(fen / 100);
      const cents = fen % 100;
      const canonical = `${yuan}.${String(cents).padStart(2, '0')}`;
      const variants = [canonical];
      if (cents % 10 === 0) variants.push(`${yuan}.${cents / 10}`);
      if (cents === 0) variants.push(String(yuan), `00${yuan}`);
      for (const written of variants) {
        const claim = parseClaim(`income-at-least:${written}`);
        expect(claim.key, written).to.equal(`income-at-least:${canonical}`);
        expect(claim).to.include({ amount: fen });
      }
    }
  });

  it('property: a negative or signed amount is never accepted', () => {
    const random = mulberry32(5);
    for (let i = 0; i < 500; i++) {
      const amount = (random() * 1e6).toFixed(Math.floor(random() * 3));
      expect(reasonOf(`balance-at-least:-${amount}`)).to.equal('amount');
      expect(reasonOf(`balance-at-least:+${amount}`)).to.equal('amount');
    }
  });
});

describe('parseClaims', () => {
  it('parses a space-separated list', () => {
    expect(parseClaims(' identity  income-at-least:10500\tbalance-at-least:3500 ').map((c) => c.key)).to.deep.equal([
      'identity', 'income-at-least:10500.00', 'balance-at-least:3500.00',
    ]);
  });

  it('refuses empty lists, duplicates (also after normalisation) and too many claims', () => {
    expect(reasonOf('')).to.equal('empty');
    expect(reasonOf('   ')).to.equal('empty');
    expect(reasonOf('identity identity')).to.equal('duplicate');
    expect(reasonOf('income-at-least:10500 income-at-least:10500.00')).to.equal('duplicate');
    expect(reasonOf('balance-at-least:1 balance-at-least:2 balance-at-least:3 balance-at-least:4 balance-at-least:5 identity')).to.equal('too_many');
    expect(reasonOf('identity bogus')).to.equal('unknown');
    // Different amounts are different questions.
    expect(reasonOf('balance-at-least:1 balance-at-least:2')).to.equal('accepted');
  });

  it('knows the three purposes only', () => {
    expect(isPurpose('rental-screening')).to.equal(true);
    expect(isPurpose('car-rental-deposit-waiver')).to.equal(true);
    expect(isPurpose('renovation-financing')).to.equal(true);
    expect(isPurpose('marketing')).to.equal(false);
    expect(isPurpose('Rental-screening')).to.equal(false);
  });
});

describe('evaluateClaims', () => {
  const claims = parseClaims('identity income-at-least:10500 balance-at-least:3500');

  it('answers yes/no from the facts, with at-least meaning greater or equal', () => {
    expect(evaluateClaims(claims, { realNameVerified: true, totalBalance: 350_000, averageMonthlyIncome: 1_050_000 })).to.deep.equal({
      identity: true, 'income-at-least:10500.00': true, 'balance-at-least:3500.00': true,
    });
    expect(evaluateClaims(claims, { realNameVerified: false, totalBalance: 349_999, averageMonthlyIncome: 1_049_999 })).to.deep.equal({
      identity: false, 'income-at-least:10500.00': false, 'balance-at-least:3500.00': false,
    });
  });
});

describe('income window', () => {
  it('is the 6 calendar months before the current one, in China time', () => {
    const window = incomeWindow(beijing('2026-11-27T12:00:00'));
    expect(new Date(window.from).toISOString()).to.equal('2026-04-30T16:00:00.000Z'); // 1 May 00:00 Beijing
    expect(new Date(window.to).toISOString()).to.equal('2026-10-31T16:00:00.000Z'); // 1 Nov 00:00 Beijing
  });

  it('turns at midnight Beijing time, not UTC', () => {
    // 2026-12-01 07:59 Beijing is still 30 November in UTC: the window has already moved to June–November.
    const early = incomeWindow(beijing('2026-12-01T00:30:00'));
    expect(early.to).to.equal(beijing('2026-12-01T00:00:00'));
    const late = incomeWindow(beijing('2026-11-30T23:59:59'));
    expect(late.to).to.equal(beijing('2026-11-01T00:00:00'));
  });

  it('crosses year ends', () => {
    const window = incomeWindow(beijing('2027-02-10T10:00:00'));
    expect(window.from).to.equal(beijing('2026-08-01T00:00:00'));
    expect(window.to).to.equal(beijing('2027-02-01T00:00:00'));
  });

  it('counts inflows inside the window only, and averages over six months', () => {
    const now = beijing('2026-11-27T12:00:00');
    const inflows = [
      { amount: 600_000, at: beijing('2026-05-01T00:00:00') }, // first instant: in
      { amount: 600_000, at: beijing('2026-10-31T23:59:59') }, // last second: in
      { amount: 999_999, at: beijing('2026-11-01T00:00:00') }, // this month: out
      { amount: 999_999, at: beijing('2026-04-30T23:59:59') }, // before: out
      { amount: -500, at: beijing('2026-06-10T00:00:00') }, // outflows are not income
    ];
    expect(averageMonthlyIncome(inflows, now)).to.equal(200_000);
  });

  it('property: six monthly salaries on their paydays average to the salary on any day, across month and year ends', () => {
    const random = mulberry32(42);
    const start = beijing('2024-01-01T00:00:00');
    for (let i = 0; i < 1000; i++) {
      // Any instant over four years, with month ends and the last seconds of a month drawn more often.
      let now = start + Math.floor(random() * 4 * 365 * 86_400_000);
      if (i % 4 === 0) {
        const d = new Date(now + 8 * 3_600_000);
        now = chinaMonthStart(d.getUTCFullYear(), d.getUTCMonth() + 1) - 1 - Math.floor(random() * 2000);
      }
      const salary = 1 + Math.floor(random() * 5_000_000);
      const paydays = salaryPaydays(now);
      expect(paydays).to.have.length(6);
      const { from, to } = incomeWindow(now);
      for (const day of paydays) expect(day >= from && day < to, new Date(now).toISOString()).to.equal(true);
      expect(averageMonthlyIncome(paydays.map((at) => ({ amount: salary, at })), now)).to.equal(salary);
      // One more payday in the current month changes nothing.
      expect(averageMonthlyIncome([...paydays, now].map((at) => ({ amount: salary, at })), now)).to.equal(salary);
    }
  });

  it('property: the window is exactly six consecutive whole months ending where the current month starts', () => {
    const random = mulberry32(7);
    for (let i = 0; i < 1000; i++) {
      const now = beijing('2020-01-01T00:00:00') + Math.floor(random() * 10 * 365 * 86_400_000);
      const { from, to } = incomeWindow(now);
      expect(now >= to, 'now is after the window').to.equal(true);
      const local = (t: number) => new Date(t + 8 * 3_600_000);
      expect(local(from).getUTCDate()).to.equal(1);
      expect(local(from).getUTCHours()).to.equal(0);
      expect(local(to).getUTCDate()).to.equal(1);
      const months = (local(to).getUTCFullYear() - local(from).getUTCFullYear()) * 12 + local(to).getUTCMonth() - local(from).getUTCMonth();
      expect(months).to.equal(6);
      expect(local(now).getUTCMonth()).to.equal(local(to).getUTCMonth());
    }
  });
});
