import type { Locale } from '../../i18n/locale.ts';
import { loadPartnerCatalogue } from '../../i18n/partner-catalogue.ts';

/**
 * Live language and look: when the page changes `<html lang>`, the script's `data-locale`, a class, style or
 * `data-theme` on `<html>` or `<body>`, or the preferred colour scheme, every element renders again (in the new
 * locale, once its texts are in) and open bank frames load again in the new locale and theme. A stylesheet swapped
 * in `<head>` is not seen: set a class or attribute as well.
 *
 * A lazy chunk of the core (`sdk.ts` loads it once the session has started, so it is not on the way to
 * `bank-ready`): a language changed before it arrived is caught up on arrival (`locale` is the SDK's current one).
 */
export function watchPage(base: string, locale: Locale, pageLocale: (scriptLocale?: string) => Locale, relocalize: (locale: Locale) => void) {
  const script = [...document.querySelectorAll<HTMLScriptElement>('script[data-app-id]')].find((el) => el.src.startsWith(base));
  const dark = matchMedia('(prefers-color-scheme: dark)');
  // What the page says about language and look; the SDK's own scroll-lock class is not the partner's.
  const state = () => [pageLocale(script?.dataset.locale), dark.matches, ...[document.documentElement, document.body].map((el) =>
    el && `${el.className.replace('bank-sdk-scroll-lock', '')}|${el.getAttribute('style')}|${el.dataset.theme}`)].join('\n');
  let last = state();
  const apply = () => {
    const next = pageLocale(script?.dataset.locale);
    loadPartnerCatalogue(next).then(() => relocalize(next), () => {});
  };
  const changed = () => {
    if (state() === last) return;
    last = state();
    apply();
  };
  if (pageLocale(script?.dataset.locale) !== locale) apply();
  const observer = new MutationObserver(changed);
  const look = { attributes: true, attributeFilter: ['class', 'style', 'data-theme'] };
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang', 'class', 'style', 'data-theme'] });
  if (document.body) observer.observe(document.body, look);
  else {
    addEventListener('DOMContentLoaded', () => {
      last = state();
      observer.observe(document.body, look);
    }, { once: true });
  }
  if (script) observer.observe(script, { attributes: true, attributeFilter: ['data-locale'] });
  dark.addEventListener('change', changed);
}
