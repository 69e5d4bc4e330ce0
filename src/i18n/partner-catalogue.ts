import type { Locale } from './locale.ts';
import type { PartnerMessage } from './partner.en.ts';

export type { PartnerMessage };

type Texts = Record<PartnerMessage, string>;

const loaded: Partial<Record<Locale, Texts>> = {};
const loading: Partial<Record<Locale, Promise<Texts>>> = {};

/**
 * The partner-side texts of one locale, each its own chunk: a page downloads its locale's texts at start
 * (`start()` waits for them before the session is ready) and another locale's only when an element asks for it
 * (a `locale` attribute, a later switch), then re-renders.
 */
export function loadPartnerCatalogue(locale: Locale): Promise<Texts> {
  return (loading[locale] ??= (locale === 'en' ? import('./partner.en.ts') : import('./partner.zh-CN.ts'))
    .then((module) => (loaded[locale] = module.default)));
}

/** The texts of `locale` if they have loaded, else undefined (then load them and render again). */
export const partnerCatalogue = (locale: Locale): Texts | undefined => loaded[locale];
