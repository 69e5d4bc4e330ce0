/** The two locales the SDK speaks, completely. */
export type Locale = 'en' | 'zh-CN';

export const isLocale = (value: unknown): value is Locale => value === 'en' || value === 'zh-CN';

/** `en-GB` → `en`, `zh`/`zh-Hans-CN` → `zh-CN`; anything else undefined. */
export function matchLocale(tag: string | null | undefined): Locale | undefined {
  const lower = (tag ?? '').toLowerCase();
  if (lower === 'en' || lower.startsWith('en-')) return 'en';
  if (lower === 'zh' || lower.startsWith('zh-')) return 'zh-CN';
  return undefined;
}

/** A message catalogue: every locale has every key (the type makes a missing translation a compile error). */
export type Catalogue<K extends string> = Record<Locale, Record<K, string>>;

/** `{name}` placeholders filled from `params`. */
export function format(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}

/**
 * The plural form of `n` in `locale`, for catalogues with `key.one` / `key.other` entries: English has both (`one`
 * for exactly 1 or -1), Chinese only `other`. What `Intl.PluralRules` says for these two locales (a property test holds it
 * to that), without loading the browser's plural data on the way to showing a quote.
 * @example
 * pluralForm('en', 1); // 'one'
 */
export const pluralForm = (locale: Locale, n: number): 'one' | 'other' => (locale === 'en' && Math.abs(n) === 1 ? 'one' : 'other');
