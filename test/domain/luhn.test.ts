import { expect } from '@open-wc/testing';
import { isLuhnValid, luhnCheckDigit } from '../../src/domain/card.ts';
import { intBetween, mulberry32 } from './prng.ts';

/** Independent oracle: the textbook algorithm over the whole number, doubling every second digit from the right. */
function oracleValid(number: string): boolean {
  const digits = [...number].reverse().map(Number);
  const sum = digits.reduce((acc, d, i) => acc + (i % 2 === 1 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d), 0);
  return sum % 10 === 0;
}

describe('Luhn (isLuhnValid: the strict form the bank stores)', () => {
  it('accepts the sandbox test numbers and known card numbers', () => {
    for (const n of ['6222000000000000046', '6222000000000000012', '6222000000000000020', '4111111111111111', '79927398713']
      .filter((x) => x.length >= 12)) {
      expect(isLuhnValid(n), n).to.equal(true);
    }
    expect(luhnCheckDigit('7992739871')).to.equal('3');
  });

  it('refuses wrong check digits, letters, and lengths outside 12–19', () => {
    for (const bad of ['6222000000000000047', '622200000000000004a', '62220000000', '62220000000000000000046', '', ' 6222000000000000046']) {
      expect(isLuhnValid(bad), bad).to.equal(false);
    }
    expect(() => luhnCheckDigit('12a')).to.throw(RangeError);
  });

  it('agrees with the oracle on generated numbers; every single-digit change is caught', () => {
    const rand = mulberry32(1954);
    for (let n = 0; n < 3000; n++) {
      const length = intBetween(rand, 12, 19);
      let body = '';
      for (let i = 0; i < length - 1; i++) body += String(intBetween(rand, 0, 9));
      const valid = body + luhnCheckDigit(body);
      expect(oracleValid(valid)).to.equal(true);
      expect(isLuhnValid(valid)).to.equal(true);
      const i = intBetween(rand, 0, length - 1);
      const digit = String((Number(valid[i]) + intBetween(rand, 1, 9)) % 10);
      const changed = valid.slice(0, i) + digit + valid.slice(i + 1);
      expect(isLuhnValid(changed)).to.equal(false);
      expect(oracleValid(changed)).to.equal(false);
    }
  });
});
