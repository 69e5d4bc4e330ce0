import { expect } from '@open-wc/testing';
import { creditCodeAlphabet, creditCodeCheckChar, isValidCreditCode, maskCreditCode } from '../../src/domain/credit-code.ts';
import { intBetween, mulberry32 } from './prng.ts';

const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Independent oracle: the weights as powers of 3 mod 31 (GB 32100-2015 defines them so). */
function oracle(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += creditCodeAlphabet.indexOf(first17[i]!) * (3 ** i % 31);
  return creditCodeAlphabet[(31 - (sum % 31)) % 31]!;
}

describe('credit codes (GB 32100-2015)', () => {
  it('verifies the sandbox test codes', () => {
    expect(isValidCreditCode('91110105MA01ABCD13')).to.equal(true);
    expect(isValidCreditCode('91350100M000100Y43')).to.equal(true);
    expect(isValidCreditCode('91350100m000100y43')).to.equal(true);
  });

  it('matches a hand computation', () => {
    // 9·1 + 1·3 + 1·9 + 1·27 + 0 + 1·26 + 0 + 5·17 + 21(M)·20 + 10(A)·29 + 0 + 1·13 + 10(A)·8 + 11(B)·24 + 12(C)·10
    //   + 13(D)·30 + 1·28 = 1764; 1764 mod 31 = 28; 31 − 28 = 3.
    expect(creditCodeCheckChar('91110105MA01ABCD1')).to.equal('3');
  });

  it('the weights are 3^i mod 31', () => {
    expect(WEIGHTS).to.deep.equal(WEIGHTS.map((_, i) => 3 ** i % 31));
  });

  it('maps a check value of 31 to 0', () => {
    // Find a body whose sum is ≡ 0 mod 31: "00000000000000000" sums to 0 → 31 → '0'.
    expect(creditCodeCheckChar('00000000000000000')).to.equal('0');
    expect(isValidCreditCode('000000000000000000')).to.equal(true);
  });

  it('refuses wrong lengths, letters outside the alphabet and non-strings', () => {
    for (const bad of ['', '91110105MA01ABCD1', '91110105MA01ABCD133', '91110105MA01ABCDI3', '9111O105MA01ABCD13',
      '91110105MA01ABCD 3', '91110105MA01ABCDS3', '91110105MA01ABCDZ3']) {
      expect(isValidCreditCode(bad), bad).to.equal(false);
    }
    expect(isValidCreditCode(undefined as unknown as string)).to.equal(false);
    expect(() => creditCodeCheckChar('1234')).to.throw(RangeError);
    expect(() => creditCodeCheckChar('9111010SMA01ABCD1')).to.throw(RangeError);
  });

  it('accepts every generated code with the oracle check character, and refuses every other check character', () => {
    const rand = mulberry32(32100);
    for (let n = 0; n < 2000; n++) {
      let body = '';
      for (let i = 0; i < 17; i++) body += creditCodeAlphabet[intBetween(rand, 0, 30)];
      const check = oracle(body);
      expect(creditCodeCheckChar(body)).to.equal(check);
      expect(isValidCreditCode(body + check)).to.equal(true);
      const wrong = creditCodeAlphabet[(creditCodeAlphabet.indexOf(check) + intBetween(rand, 1, 30)) % 31]!;
      expect(isValidCreditCode(body + wrong), body + wrong).to.equal(false);
    }
  });

  it('detects every single-character change and every adjacent transposition of distinct characters', () => {
    const rand = mulberry32(7);
    for (let n = 0; n < 300; n++) {
      let body = '';
      for (let i = 0; i < 17; i++) body += creditCodeAlphabet[intBetween(rand, 0, 30)];
      const code = body + oracle(body);
      const i = intBetween(rand, 0, 16);
      const changed = creditCodeAlphabet[(creditCodeAlphabet.indexOf(code[i]!) + intBetween(rand, 1, 30)) % 31]!;
      expect(isValidCreditCode(code.slice(0, i) + changed + code.slice(i + 1))).to.equal(false);
      if (code[i] !== code[i + 1] && i < 16) {
        const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
        // Weights differ by a factor of 3 mod 31 for neighbours, so a swap always changes the sum mod 31.
        expect(isValidCreditCode(swapped), swapped).to.equal(false);
      }
    }
  });

  it('masks all but the first four and last six characters', () => {
    expect(maskCreditCode('91110105MA01ABCD13')).to.equal('9111********ABCD13');
  });
});
