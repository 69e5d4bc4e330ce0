import { expect } from '@open-wc/testing';
import { AmountError, formatAmount, formatMoney, minorUnits, parseAmount, readAmount } from '../../src/domain/money.ts';


/** Small seeded PRNG (mulberry32) so generated cases are reproducible. */
function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function reasonOf(text: string, opts?: { max?: number }): string {
  try {
    parseAmount(text, opts);
  } catch (e) {
    expect(e).to.be.instanceOf(AmountError);
    expect(e).to.be.instanceOf(Error);
    return (e as AmountError).reason;
  }
  return 'accepted';
}

describe('parseAmount', () => {
  it('parses major units to minor units', () => {
    expect(parseAmount('36000')).to.equal(3_600_000);
    expect(parseAmount('3500.50')).to.equal(350_050);
    expect(parseAmount('3500.5')).to.equal(350_050);
    expect(parseAmount('0.01')).to.equal(1);
    expect(parseAmount('0.1')).to.equal(10);
    expect(parseAmount('007')).to.equal(700);
    expect(parseAmount('1000000000.00')).to.equal(100_000_000_000);
  });

  it('is exact where a float conversion is not', () => {
    // parseFloat('1.15') * 100 === 114.99999999999999, and 0.29 * 100 === 28.999999999999996.
    expect(parseAmount('1.15')).to.equal(115);
    expect(parseAmount('0.29')).to.equal(29);
    expect(parseAmount('999999999.99')).to.equal(99_999_999_999);
  });

  it('rejects malformed text with reason "format"', () => {
    for (const bad of ['', '1e5', '-1', '+1', '1.234', '.5', '5.', '1,000', ' 1', '1 ', 'NaN', 'Infinity', '0x10', '１']) {
      expect(reasonOf(bad), JSON.stringify(bad)).to.equal('format');
    }
  });

  it('rejects zero with reason "zero"', () => {
    for (const zero of ['0', '0.00', '0.0', '000']) expect(reasonOf(zero), zero).to.equal('zero');
  });

  it('rejects values over max with reason "too_large"', () => {
    expect(reasonOf('1000000000.01')).to.equal('too_large');
    expect(reasonOf('99999999999999999999999')).to.equal('too_large');
    expect(reasonOf('100.01', { max: 10_000 })).to.equal('too_large');
    expect(reasonOf('100.00', { max: 10_000 })).to.equal('accepted');
  });

  it('carries the reason and a message on the error', () => {
    const e = new AmountError('zero', '0');
    expect(e.reason).to.equal('zero');
    expect(e.name).to.equal('AmountError');
    expect(e.message).to.contain('"0"');
  });
});

describe('readAmount', () => {
  it('answers what parseAmount answers, as a value or the reason, for 2000 generated texts', () => {
    const random = mulberry32(20261128);
    const pieces = ['0', '1', '9', '.', '00', '5', '12', ',', '-', ' ', 'e'];
    for (let i = 0; i < 2000; i++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 8) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
      const max = random() < 0.3 ? 1_000 : undefined;
      const reason = reasonOf(text, { max });
      expect(readAmount(text, max), text).to.equal(reason === 'accepted' ? parseAmount(text, { max }) : reason);
    }
  });

  it('gives the reason without throwing', () => {
    expect(readAmount('3500.50')).to.equal(350_050);
    expect(readAmount('0.00')).to.equal('zero');
    expect(readAmount('1.234')).to.equal('format');
    expect(readAmount('10.01', 1_000)).to.equal('too_large');
  });
});

describe('formatAmount', () => {
  it('gives exactly two decimals', () => {
    expect(formatAmount(350_050)).to.equal('3500.50');
    expect(formatAmount(1)).to.equal('0.01');
    expect(formatAmount(10)).to.equal('0.10');
    expect(formatAmount(0)).to.equal('0.00');
    expect(formatAmount(-100)).to.equal('-1.00');
    expect(formatAmount(-5)).to.equal('-0.05');
    expect(formatAmount(100_000_000_000)).to.equal('1000000000.00');
  });

  it('refuses non-integers', () => {
    expect(() => formatAmount(1.5)).to.throw(RangeError);
    expect(() => formatAmount(NaN)).to.throw(RangeError);
  });

  it('round-trips 2000 generated amounts', () => {
    const rand = mulberry32(20240611);
    for (let k = 0; k < 2000; k++) {
      // Spread over magnitudes: 1 fen up to the default max.
      const minor = Math.max(1, Math.floor(rand() * 10 ** (1 + Math.floor(rand() * 11))));
      const text = formatAmount(minor);
      expect(text).to.match(/^\d+\.\d\d$/);
      expect(parseAmount(text), text).to.equal(minor);
      // Short forms parse to the same value.
      const short = text.replace(/\.?0+$/, '');
      if (short !== text) expect(parseAmount(short), short).to.equal(minor);
    }
  });
});

describe('formatMoney', () => {
  it('writes yuan with the narrow symbol, grouped, two decimals', () => {
    expect(formatMoney(350_000)).to.equal('¥3,500.00');
    expect(formatMoney(1)).to.equal('¥0.01');
    expect(formatMoney(0)).to.equal('¥0.00');
    expect(formatMoney(-100)).to.equal('-¥1.00');
    expect(formatMoney(100_000_000_000)).to.equal('¥1,000,000,000.00');
  });

  it('writes exactly what Intl.NumberFormat writes in en and zh-CN, for 2000 generated amounts of either sign', () => {
    const intl = (locale: string) => new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol' });
    const formats = [intl('en'), intl('zh-CN')];
    let seed = 11;
    for (let k = 0; k < 2000; k++) {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      // Every magnitude from 1 fen to 10^13 fen, so every grouping length is met.
      const minor = (seed % 2 ? -1 : 1) * (1 + Math.floor((seed % 100_000) * 10 ** (k % 9)));
      for (const format of formats) expect(formatMoney(minor), `${minor}`).to.equal(format.format(minor / 100));
    }
  });
});

describe('minorUnits', () => {
  it('reads the bank’s wire amounts, zero and negatives included', () => {
    expect(minorUnits('0.00')).to.equal(0);
    expect(minorUnits('3500.50')).to.equal(350_050);
    expect(minorUnits('-1.00')).to.equal(-100);
  });

  it('inverts formatAmount for 1000 generated values of either sign', () => {
    let seed = 7;
    for (let k = 0; k < 1000; k++) {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      const minor = (seed % 2 ? -1 : 1) * (seed % 10_000_000_000);
      expect(minorUnits(formatAmount(minor))).to.equal(minor);
    }
  });

  it('refuses what is not a wire amount', () => {
    for (const text of ['', '1', '1.5', '1.234', '+1.00', '1e5', ' 1.00', '1,000.00']) {
      expect(() => minorUnits(text), text).to.throw(RangeError);
    }
  });
});
