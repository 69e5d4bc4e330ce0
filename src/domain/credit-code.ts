/**
 * Unified social credit codes (统一社会信用代码, GB 32100-2015): 18 characters from a 31-character alphabet
 * (digits and capitals without I, O, S, V, Z); the last is a check character over the first 17.
 */

export const creditCodeAlphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/**
 * The check character for the first 17 characters: 31 − (Σ value·weight mod 31), with 31 → 0.
 * Throws a RangeError if they are not 17 characters of the alphabet.
 * @example
 * creditCodeCheckChar('91110105MA01ABCD1'); // '3'
 */
export function creditCodeCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError('Expected 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = creditCodeAlphabet.indexOf(first17[i]!);
    if (value < 0) throw new RangeError(`Not a credit-code character: ${first17[i]}`);
    sum += value * WEIGHTS[i]!;
  }
  const check = 31 - (sum % 31);
  return creditCodeAlphabet[check === 31 ? 0 : check]!;
}

/**
 * True for 18 characters of the alphabet (lowercase accepted) whose last is the right check character.
 * @example
 * isValidCreditCode('91350100M000100Y43'); // true
 */
export function isValidCreditCode(code: string): boolean {
  if (typeof code !== 'string' || code.length !== 18) return false;
  const upper = code.toUpperCase();
  if (![...upper].every((ch) => creditCodeAlphabet.includes(ch))) return false;
  return creditCodeCheckChar(upper.slice(0, 17)) === upper[17];
}

/** `9111********ABCD13` style: the first four and last six are enough to recognise it. */
export const maskCreditCode = (code: string) => `${code.slice(0, 4)}********${code.slice(-6)}`;
