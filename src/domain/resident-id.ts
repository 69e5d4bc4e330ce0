/**
 * Chinese 18-digit resident identity numbers (GB 11643-1999): 17 digits and an
 * ISO 7064 MOD 11-2 check character (0-9 or X).
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/**
 * The check character for the first 17 digits; throws a RangeError if they are not 17 digits.
 * @example
 * residentIdCheckChar('11010519491231002'); // 'X'
 */
export function residentIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('Expected 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return '10X98765432'[sum % 11]!;
}

/**
 * True for a well-formed number (lowercase x accepted) with a correct check character and a
 * real birth date (digits 7–14) from 1900-01-01 to `today` (local date; defaults to now).
 * @example
 * isValidResidentId('11010519491231002x'); // true
 */
export function isValidResidentId(id: string, today: Date = new Date()): boolean {
  if (typeof id !== 'string' || !/^\d{17}[\dXx]$/.test(id)) return false;
  if (residentIdCheckChar(id.slice(0, 17)) !== id[17]!.toUpperCase()) return false;
  const ymd = Number(id.slice(6, 14));
  const y = Math.floor(ymd / 10000);
  const m = Math.floor(ymd / 100) % 100;
  const d = ymd % 100;
  const date = new Date(Date.UTC(y, m - 1, d));
  const real = date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  const now = today.getFullYear() * 10000 + (today.getMonth() + 1) * 100 + today.getDate();
  return real && ymd >= 19000101 && ymd <= now;
}

/**
 * Masks all but the first 3 and last 4 characters (short input is masked entirely).
 * @example
 * maskResidentId('110105199003070017'); // '110***********0017'
 */
export function maskResidentId(id: string): string {
  const n = id.length;
  return n < 8 ? '*'.repeat(n) : id.slice(0, 3) + '*'.repeat(n - 7) + id.slice(-4).toUpperCase();
}
