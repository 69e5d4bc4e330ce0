/**
 * Bank card numbers (ISO/IEC 7812): 12 to 19 digits whose last digit is a Luhn (mod 10) check digit.
 */

/**
 * The Luhn check digit for a card number without its last digit; throws a RangeError for anything but digits.
 * @example
 * luhnCheckDigit('622200000000000001'); // '2'
 */
export function luhnCheckDigit(body: string): string {
  if (!/^\d{1,30}$/.test(body)) throw new RangeError('Expected digits');
  let sum = 0;
  // Doubling starts at the digit left of the check digit, i.e. the body's last digit.
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

/** Spaces and hyphens as people type them ("6222 0000 …") removed. */
export const normalizeCardNumber = (input: string) => input.replace(/[\s-]/g, '');

/**
 * True for 12 to 19 digits with a correct Luhn check digit (spaces and hyphens allowed).
 * @example
 * isValidCardNumber('6222 0000 0000 0000 012'); // true
 */
export function isValidCardNumber(input: string): boolean {
  const digits = normalizeCardNumber(input);
  return /^\d{12,19}$/.test(digits) && luhnCheckDigit(digits.slice(0, -1)) === digits.slice(-1);
}

/**
 * Exactly 12 to 19 digits, nothing else, with a correct Luhn check digit: a number as the bank stores it.
 * @example
 * isLuhnValid('6222000000000000046'); // true
 */
export function isLuhnValid(number: string): boolean {
  return typeof number === 'string' && /^\d{12,19}$/.test(number) && isValidCardNumber(number);
}

/**
 * The last four digits behind four dots: all a customer needs to recognise a card or account, and all that may
 * leave the bank.
 * @example
 * maskCardNumber('6222000000000000012'); // '···· 0012'
 */
export function maskCardNumber(number: string): string {
  return `···· ${normalizeCardNumber(number).slice(-4)}`;
}
