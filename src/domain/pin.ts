/** Payment PINs: six digits that are not trivially guessable. */

export type PinProblem = 'format' | 'repeated' | 'sequence';

/**
 * Why a new payment PIN is not acceptable, or null when it is: not six digits (`format`), one digit six times
 * (`repeated`), or a run up or down such as 123456 or 654321, wrapping 9→0 included (`sequence`).
 * @example
 * pinProblem('135790'); // null
 * pinProblem('234567'); // 'sequence'
 */
export function pinProblem(pin: string): PinProblem | null {
  if (!/^\d{6}$/.test(pin)) return 'format';
  const digits = [...pin].map(Number);
  if (digits.every((d) => d === digits[0])) return 'repeated';
  const steps = digits.slice(1).map((d, i) => (d - digits[i]! + 10) % 10);
  if (steps.every((s) => s === 1) || steps.every((s) => s === 9)) return 'sequence';
  return null;
}
