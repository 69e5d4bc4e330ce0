/**
 * What a customer types as an amount, read the way a Chinese customer writes it: full-width digits and
 * punctuation (`１２，０００．５０`), thousands separators, a currency sign or `元`, and `万` (ten thousand:
 * `3.6万` is 36,000). Pure and DOM-free; the result is integer fen, as from `parseAmount` (money.ts).
 */
import { readAmount } from './money.ts';

/** Why an amount could not be read: `format` (not a number), `precision` (more than two decimals in yuan), `zero`, `too_large`. */
export type AmountInputProblem = 'empty' | 'format' | 'precision' | 'zero' | 'too_large';

export type AmountInputResult = { ok: true; minor: number } | { ok: false; problem: AmountInputProblem };

/** Full-width forms (U+FF01…U+FF5E) to their ASCII twins; the ideographic space to a space. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/**
 * Reads a typed amount into fen. Accepts `36000`, `3,500.50`, `１２０００`, `¥3.6万`, `3.6 万元`; refuses more than
 * two decimals of a yuan (`3.12345万` is ¥31,234.50 and fine; `1.234` is not), zero, and anything above `max`.
 * @example
 * parseAmountInput('3.6万'); // { ok: true, minor: 3_600_000 }
 * parseAmountInput('１２０００'); // { ok: true, minor: 1_200_000 }
 */
export function parseAmountInput(text: string, opts: { max?: number } = {}): AmountInputResult {
  let s = toHalfWidth(text).replace(/[\s,]/g, '');
  if (!s) return { ok: false, problem: 'empty' };
  s = s.replace(/^[¥￥]/, '').replace(/元$/, '');
  const wan = s.endsWith('万');
  if (wan) s = s.slice(0, -1);
  const m = /^(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) return { ok: false, problem: 'format' };
  // Shift the decimal point by 4 places for 万, in the string: no float ever holds the amount.
  let whole = m[1];
  let fraction = m[2] ?? '';
  if (wan) {
    const padded = fraction.padEnd(4, '0');
    whole += padded.slice(0, 4);
    fraction = padded.slice(4);
  }
  fraction = fraction.replace(/0+$/, '');
  if (fraction.length > 2) return { ok: false, problem: 'precision' };
  const digits = whole.replace(/^0+(?=\d)/, '');
  if (digits.length > 13) return { ok: false, problem: 'too_large' };
  const read = readAmount(fraction ? `${digits}.${fraction}` : digits, opts.max);
  return typeof read === 'number' ? { ok: true, minor: read } : { ok: false, problem: read };
}
