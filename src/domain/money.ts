/**
 * Money as integer minor units (fen): never a float. Amounts stay far below 2^53,
 * so plain `number` integers are exact.
 */

/** Why {@link parseAmount} rejected its input. */
export type AmountErrorReason = 'format' | 'zero' | 'too_large';

/**
 * Thrown by {@link parseAmount}; `reason` says which rule failed.
 * @example
 * try { parseAmount('1.234'); } catch (e) { if (e instanceof AmountError) e.reason; } // 'format'
 */
export class AmountError extends Error {
  readonly reason: AmountErrorReason;
  constructor(reason: AmountErrorReason, text: string) {
    super(`Invalid amount (${reason}): ${JSON.stringify(text)}`);
    this.name = 'AmountError';
    this.reason = reason;
  }
}

/**
 * Parses a decimal string in major units (yuan) into minor units (fen).
 * Accepts only `^\d+(\.\d{1,2})?$`; rejects zero and anything above `max`
 * (minor units, default 100000000000 = ¥1,000,000,000.00) with an {@link AmountError}.
 * @example
 * parseAmount('3500.50'); // 350050
 */
export function parseAmount(text: string, opts: { max?: number } = {}): number {
  const read = readAmount(text, opts.max);
  if (typeof read === 'string') throw new AmountError(read, text);
  return read;
}

/**
 * {@link parseAmount} without the exception: the minor units, or the reason the text is not an amount (for callers
 * that turn the reason into a message and need no `AmountError`).
 * @example
 * readAmount('3500.50'); // 350050
 * readAmount('0.00'); // 'zero'
 */
export function readAmount(text: string, max = 100_000_000_000): number | AmountErrorReason {
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) return 'format';
  // Integer arithmetic only: whole units and the fraction padded to two digits.
  const minor = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return minor === 0 ? 'zero' : minor > max ? 'too_large' : minor;
}

/**
 * Minor units to the wire form: plain digits, exactly two decimals, `-` when negative.
 * Throws a RangeError for a value that is not a safe integer.
 * @example
 * formatAmount(350050); // '3500.50'
 */
export function formatAmount(minor: number): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`Not an integer amount: ${minor}`);
  const abs = Math.abs(minor);
  return `${minor < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * Minor units of yuan (fen) for display: `¥3,500.00`, `-¥1.00`. Both of the SDK's locales write yuan so:
 * `Intl.NumberFormat` with the narrow symbol gives exactly this for `en` and `zh-CN` (a property test holds it to
 * that). It is written here because the browser's first currency format loads its currency data, 15–40 ms of a
 * phone's main thread on the way from an order's arrival to showing it.
 * @example
 * formatMoney(350000); // '¥3,500.00'
 */
export function formatMoney(minor: number): string {
  return (minor < 0 ? '-¥' : '¥') + (Math.abs(minor) / 100).toFixed(2).replace(/\B(?=(\d{3})+\.)/g, ',');
}

/**
 * A wire amount from the bank (`"0.00"`, `"3500.50"`, `"-1.00"`) to minor units, for display. Unlike
 * {@link parseAmount}, which checks what a customer or partner typed, it accepts zero and a sign; it throws a
 * RangeError on anything that is not a wire amount.
 * @example
 * minorUnits('0.00'); // 0
 */
export function minorUnits(text: string): number {
  const m = /^(-?)(\d+)\.(\d{2})$/.exec(text);
  if (!m) throw new RangeError(`Not a wire amount: ${JSON.stringify(text)}`);
  const minor = Number(m[2]) * 100 + Number(m[3]);
  return m[1] ? -minor : minor;
}
