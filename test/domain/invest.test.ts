import { expect } from '@open-wc/testing';
import {
  assessmentExpiry, assessmentValid, checkAnswers, levelForScore, maxScore, maySubscribe, questionnaire, scoreAnswers,
  sevenDayYield, sharesFor, overSeventy, sharesToRedeem, valueOf, formatNav, formatShares, formatRate, type Answers, type RiskLevel,
} from '../../src/domain/invest.ts';

/** Small seeded PRNG (mulberry32) so generated cases are reproducible. */
function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(20261127);
const int = (max: number) => Math.floor(random() * max);
const randomAnswers = () => Object.fromEntries(questionnaire.map((q) => [q.id, int(q.options.length)])) as Answers;

describe('risk questionnaire', () => {
  it('has about ten questions, each scoring 0…4', () => {
    expect(questionnaire.length).to.equal(10);
    expect(maxScore).to.equal(40);
    for (const q of questionnaire) expect(Math.min(...q.options)).to.equal(0);
  });

  it('bands scores into C1…C5 at 8, 16, 24 and 32', () => {
    const expected: [number, RiskLevel][] = [[0, 1], [8, 1], [9, 2], [16, 2], [17, 3], [24, 3], [25, 4], [32, 4], [33, 5], [40, 5]];
    for (const [score, level] of expected) expect(levelForScore(score), `score ${score}`).to.equal(level);
    expect(() => levelForScore(41)).to.throw(RangeError);
    expect(() => levelForScore(-1)).to.throw(RangeError);
    expect(() => levelForScore(3.5)).to.throw(RangeError);
  });

  it('scores every generated answer set into the band of its score; higher scores never give lower levels', () => {
    for (let i = 0; i < 2000; i++) {
      const answers = randomAnswers();
      const { score, level } = scoreAnswers(answers);
      const sum = questionnaire.reduce((s, q) => s + q.options[answers[q.id]]!, 0);
      expect(score).to.equal(sum);
      if (answers.age !== overSeventy) expect(level).to.equal(levelForScore(score));
      else expect(level).to.equal(Math.min(3, levelForScore(score)));
      // One more point anywhere never lowers the level.
      if (score < maxScore) expect(levelForScore(score + 1)).to.be.at.least(levelForScore(score));
    }
  });

  it('reaches every level, and caps customers over 70 at C3', () => {
    const best = Object.fromEntries(questionnaire.map((q) => [q.id, (q.options as readonly number[]).indexOf(Math.max(...q.options))])) as Answers;
    const worst = Object.fromEntries(questionnaire.map((q) => [q.id, (q.options as readonly number[]).indexOf(0)])) as Answers;
    expect(scoreAnswers(best)).to.deep.equal({ score: 40, level: 5 });
    expect(scoreAnswers(worst)).to.deep.equal({ score: 0, level: 1 });
    expect(scoreAnswers({ ...best, age: overSeventy }).level).to.equal(3);
    const seen = new Set<number>();
    for (let i = 0; i < 3000; i++) seen.add(scoreAnswers(randomAnswers()).level);
    expect([...seen].sort()).to.deep.equal([1, 2, 3, 4, 5]);
  });

  it('refuses incomplete, unknown or out-of-range answers', () => {
    const good = randomAnswers();
    expect(checkAnswers(good)).to.equal(good);
    const { age: _age, ...missing } = good;
    expect(() => checkAnswers(missing)).to.throw(RangeError, 'age');
    expect(() => checkAnswers({ ...good, extra: 1 })).to.throw(RangeError, 'extra');
    expect(() => checkAnswers({ ...good, liquidity: 3 })).to.throw(RangeError, 'liquidity');
    expect(() => checkAnswers({ ...good, loss: 1.5 })).to.throw(RangeError, 'loss');
    expect(() => checkAnswers({ ...good, loss: '1' })).to.throw(RangeError, 'loss');
    expect(() => checkAnswers(null)).to.throw(RangeError);
    expect(() => checkAnswers([1, 2])).to.throw(RangeError);
  });
});

describe('suitability', () => {
  it('lets Cn buy Rm exactly when m ≤ n (the full 5 × 5 matrix)', () => {
    for (let c = 1; c <= 5; c++) {
      for (let r = 1; r <= 5; r++) expect(maySubscribe(c as RiskLevel, r as RiskLevel), `C${c} R${r}`).to.equal(r <= c);
    }
  });
});

describe('assessment validity', () => {
  it('lasts twelve calendar months (China time), then ends', () => {
    const at = Date.parse('2026-03-15T10:00:00+08:00');
    expect(assessmentExpiry(at)).to.equal(Date.parse('2027-03-15T10:00:00+08:00'));
    expect(assessmentValid(at, at)).to.equal(true);
    expect(assessmentValid(at, Date.parse('2027-03-15T09:59:59+08:00'))).to.equal(true);
    expect(assessmentValid(at, Date.parse('2027-03-15T10:00:00+08:00'))).to.equal(false);
    expect(assessmentValid(at, at - 1)).to.equal(false);
    // 29 February ends on 28 February; a day that is 31 December in UTC+8 but 30 December in UTC stays China's.
    expect(assessmentExpiry(Date.parse('2028-02-29T12:00:00+08:00'))).to.equal(Date.parse('2029-02-28T12:00:00+08:00'));
    expect(assessmentExpiry(Date.parse('2026-12-31T02:00:00+08:00'))).to.equal(Date.parse('2027-12-31T02:00:00+08:00'));
  });

  it('is valid for generated instants within the year and not after thirteen months', () => {
    for (let i = 0; i < 500; i++) {
      const at = Date.parse('2024-01-01T00:00:00Z') + int(3 * 365) * 86_400_000 + int(86_400_000);
      expect(assessmentValid(at, at + int(364) * 86_400_000)).to.equal(true);
      expect(assessmentValid(at, at + 396 * 86_400_000)).to.equal(false);
    }
  });
});

describe('NAV and shares', () => {
  it('rounds shares and money down', () => {
    expect(sharesFor(100_000, 10_234)).to.equal(97_713); // ¥1,000 at 1.0234 → 977.13 shares (977.135…)
    expect(valueOf(97_713, 10_234)).to.equal(99_999); // → ¥999.99 (999.9948…)
    expect(sharesFor(1, 10_000)).to.equal(1);
    expect(sharesFor(1, 20_000)).to.equal(0);
    expect(formatNav(10_234)).to.equal('1.0234');
    expect(formatShares(97_713)).to.equal('977.13');
    expect(formatRate(185)).to.equal('1.85');
    expect(formatRate(5)).to.equal('0.05');
    expect(() => sharesFor(100, 0)).to.throw(RangeError);
    expect(() => sharesFor(-1, 10_000)).to.throw(RangeError);
  });

  it('never creates money: subscribing then redeeming at the same NAV returns at most the amount (generated)', () => {
    for (let i = 0; i < 5000; i++) {
      const amount = 1 + int(100_000_000_00);
      const nav = 5_000 + int(30_000);
      const shares = sharesFor(amount, nav);
      const back = valueOf(shares, nav);
      expect(back).to.be.at.most(amount);
      // …and loses less than one share's worth plus a fen.
      expect(amount - back).to.be.below(Math.ceil(nav / 100) + 1);
      expect(sharesToRedeem(back, shares, nav)).to.equal(shares);
    }
  });

  it('sells the fewest shares that cover a partial redemption, never more than held', () => {
    for (let i = 0; i < 3000; i++) {
      const held = 1 + int(10_000_000);
      const nav = 5_000 + int(30_000);
      const value = valueOf(held, nav);
      if (value === 0) continue;
      const amount = 1 + int(value);
      const shares = sharesToRedeem(amount, held, nav)!;
      expect(shares).to.be.at.most(held);
      expect(valueOf(shares, nav)).to.be.at.least(amount);
      if (shares < held && shares > 0) expect(valueOf(shares - 1, nav)).to.be.below(amount);
      expect(sharesToRedeem(value + 1, held, nav)).to.equal(undefined);
    }
  });
});

describe('7-day annualised yield', () => {
  it('annualises the mean daily income per 10,000 shares', () => {
    expect(sevenDayYield([5068, 5068, 5068, 5068, 5068, 5068, 5068])).to.equal(185); // 1.85%
    expect(sevenDayYield([0, 0, 0, 0, 0, 0, 0])).to.equal(0);
    expect(sevenDayYield([10000, 10000, 10000, 10000, 10000, 10000, 10000])).to.equal(365);
    expect(() => sevenDayYield([1, 2, 3])).to.throw(RangeError);
    expect(() => sevenDayYield([1, 2, 3, 4, 5, 6, -7])).to.throw(RangeError);
  });

  it('matches the exact formula, rounded half up, for generated weeks', () => {
    for (let i = 0; i < 1000; i++) {
      const week = Array.from({ length: 7 }, () => int(20_000));
      const exact = (week.reduce((a, b) => a + b, 0) * 365) / 70_000;
      expect(sevenDayYield(week)).to.equal(Math.floor(exact + 0.5 + 1e-9));
    }
  });
});
