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
 * The plural form of `n` in `locale`, for catalogues with `key.one` / `key.other` entries (Intl.PluralRules:
 * English has both, Chinese only `other`).
 * @example
 * pluralForm('en', 1); // 'one'
 */
export function pluralForm(locale: Locale, n: number): 'one' | 'other' {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  return rules.select(n) === 'one' ? 'one' : 'other';
}

const pluralRules = new Map<Locale, Intl.PluralRules>();
