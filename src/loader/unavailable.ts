import { loaderMessages } from './messages.ts';

/**
 * An element whose chunk could not be loaded never upgrades, so it would stay blank: the loader shows the error in
 * it and fires the contract's `bank-error` (`bank_unavailable`, as for a bank that does not answer) from it. The
 * partner page cannot tell a network failure from a blocked integrity check, and neither can the loader. Only the
 * pinned loader carries this (`__SDK_INTEGRITY__`): the evergreen one stays as small as it can.
 */
export function showUnavailable(tag: string, scriptLocale = document.documentElement.lang) {
  for (const element of document.getElementsByTagName(tag)) {
    if (element.shadowRoot) continue;
    const message = loaderMessages[(element.getAttribute('locale') || scriptLocale).startsWith('en') ? 'en' : 'zh-CN'].unavailable;
    // The elements' own error box is `part="error"` with `role="alert"`: partners style both with `::part(error)`.
    const box = Object.assign(document.createElement('div'), { role: 'alert', textContent: message });
    box.setAttribute('part', 'error');
    element.attachShadow({ mode: 'open' }).append(box);
    element.dispatchEvent(new CustomEvent('bank-error', {
      bubbles: true, composed: true, detail: { code: 'bank_unavailable', message, retryable: true },
    }));
  }
}
