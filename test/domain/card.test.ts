import { expect } from '@open-wc/testing';
import { isValidCardNumber, luhnCheckDigit, maskCardNumber, normalizeCardNumber } from '../../src/domain/card.ts';

/** Small seeded PRNG (mulberry32) so generated cases are reproducible. */
function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Independent oracle: the textbook Luhn sum over the full number must be a multiple of 10. */
function luhnSumOk(number: string): boolean {
  const sum = [...number].reverse().reduce((acc, ch, i) => {
    const d = Number(ch) * (i % 2 === 1 ? 2 : 1);
    return acc + Math.floor(d / 10) + (d % 10);
  }, 0);
  return sum % 10 === 0;
}

const digits = (random: () => number, n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');

describe('card numbers (Luhn)', () => {
  it('knows the sandbox test cards and a well-known valid number', () => {
    expect(isValidCardNumber('6222000000000000012')).to.equal(true);
    expect(isValidCardNumber('6222000000000000020')).to.equal(true);
    expect(isValidCardNumber('4111111111111111')).to.equal(true);
    expect(isValidCardNumber('6222000000000000013')).to.equal(false);
    expect(isValidCardNumber('6222 0000 0000 0000 012')).to.equal(true);
    expect(isValidCardNumber('6222-0000-0000-0000-012')).to.equal(true);
  });

  it('refuses what is not 12 to 19 digits', () => {
    for (const bad of ['', '0', '12345678901', '62220000000000000120', '6222a00000000000012', '６２２２000000000000012', ' ']) {
      expect(isValidCardNumber(bad), bad).to.equal(false);
    }
  });

  it('accepts every generated number completed with its check digit, and agrees with an independent oracle', () => {
    const random = mulberry32(42);
    for (let i = 0; i < 2000; i++) {
      const body = digits(random, 11 + Math.floor(random() * 8));
      const number = body + luhnCheckDigit(body);
      expect(isValidCardNumber(number), number).to.equal(true);
      expect(luhnSumOk(number), number).to.equal(true);
    }
  });

  it('refuses every other check digit, and every single-digit typo', () => {
    const random = mulberry32(7);
    for (let i = 0; i < 1000; i++) {
      const body = digits(random, 15 + Math.floor(random() * 4));
      const good = luhnCheckDigit(body);
      for (let d = 0; d < 10; d++) if (String(d) !== good) expect(isValidCardNumber(body + d)).to.equal(false);
      const number = body + good;
      const at = Math.floor(random() * number.length);
      const changed = (Number(number[at]) + 1 + Math.floor(random() * 9)) % 10;
      const typo = number.slice(0, at) + changed + number.slice(at + 1);
      expect(isValidCardNumber(typo), typo).to.equal(false);
    }
  });

  it('agrees with the oracle on random numbers, valid or not', () => {
    const random = mulberry32(99);
    for (let i = 0; i < 3000; i++) {
      const number = digits(random, 12 + Math.floor(random() * 8));
      expect(isValidCardNumber(number), number).to.equal(luhnSumOk(number));
    }
  });

  it('masks to the last four digits only', () => {
    expect(maskCardNumber('6222000000000000012')).to.equal('···· 0012');
    expect(maskCardNumber('6222 0000 0000 0000 012')).to.equal('···· 0012');
    expect(normalizeCardNumber(' 62-22 ')).to.equal('6222');
    expect(() => luhnCheckDigit('12a')).to.throw(RangeError);
  });
});
