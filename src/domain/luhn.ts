/**
 * The Luhn (mod 10) check digit that bank card and account numbers carry (ISO/IEC 7812-1).
 */

/**
 * The check digit to append to `body` (digits only); throws a RangeError otherwise.
 * @example
 * luhnCheckDigit('622200000000000004'); // '6'
 */
export function luhnCheckDigit(body: string): string {
  if (!/^\d+$/.test(body)) throw new RangeError('Expected digits');
  let sum = 0;
  // From the right, every second digit of the body (starting with the rightmost) is doubled.
  for (let i = 0; i < body.length; i++) {
    let digit = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return String((10 - (sum % 10)) % 10);
}

/**
 * True for 12 to 19 digits whose last digit is the Luhn check digit of the rest.
 * @example
 * isLuhnValid('6222000000000000046'); // true
 */
export function isLuhnValid(number: string): boolean {
  if (typeof number !== 'string' || !/^\d{12,19}$/.test(number)) return false;
  return luhnCheckDigit(number.slice(0, -1)) === number.slice(-1);
}

/** `**** 0046`: never the full number outside the bank. */
export const maskCardNumber = (number: string) => `**** ${number.slice(-4)}`;
