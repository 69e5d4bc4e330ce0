/**
 * The one script partners add. Built as a classic IIFE with no import/export, so it runs as a classic,
 * `async`, `defer` or `type="module"` script, in `<head>` or `<body>`. It stays tiny: it starts the core
 * chunk and imports an element's chunk from its own origin when that element's tag first appears.
 */
import { elementTags } from '../elements/tags.ts';
import type { LoaderInput } from '../elements/core/sdk.ts';
import { pinChunks } from './pinned.ts';
import { showUnavailable } from './unavailable.ts';

type CoreModule = typeof import('../elements/core/sdk.ts');

(() => {
  if ('BankSDK' in window) return;
  // The bank serves its own origin into this file (src/sandbox/sdk-assets.ts): the page cannot point us elsewhere.
  const bankOrigin = '__BANK_ORIGIN_PLACEHOLDER__';
  const ours = (el: Element | null): el is HTMLScriptElement =>
    el instanceof HTMLScriptElement && el.src.startsWith(`${bankOrigin}/`) && new URL(el.src).pathname.endsWith('/bank-sdk.js');
  // Module scripts have no currentScript: then find our tag, but only one whose src is on the bank's origin, so an
  // injected `<script type="text/plain" src="https://evil/…/bank-sdk.js">` is never taken for us.
  const candidates = [document.currentScript, ...document.querySelectorAll('script[src][data-app-id]')];
  const script = candidates.find(ours);
  if (!script) {
    console.error(`BankSDK: no <script src="${bankOrigin}/…/bank-sdk.js" data-app-id> found; the SDK did not start.`);
    return;
  }
  const base = new URL('.', script.src).href;
  const data = script.dataset;
  const input: LoaderInput = {
    appId: data.appId,
    tokenUrl: data.tokenUrl,
    clientToken: data.clientToken,
    locale: data.locale,
    base,
  };
  const chunks = __SDK_INTEGRITY__ ? pinChunks(base, script, __SDK_INTEGRITY__) : `${base}elements/`;
  const core: Promise<CoreModule> = import(`${chunks}core.js`);
  const ready = core.then((m) => m.start(input));
  ready.catch(() => {}); // rejections are for partners who await `ready`; the elements show them anyway.
  Object.defineProperty(window, 'BankSDK', {
    value: Object.freeze({ version: __SDK_VERSION__, ready, logout: () => core.then((m) => m.logout()) }),
  });

  const pending = new Set<string>(elementTags);
  const load = (tag: string) => {
    pending.delete(tag);
    const loaded = core.then(() => import(`${chunks}${tag}.js`));
    // A pinned release shows a chunk that failed its integrity check in the element (the evergreen loader, kept
    // small, leaves that to the browser's console).
    if (__SDK_INTEGRITY__) loaded.catch(() => showUnavailable(tag, data.locale));
    if (!pending.size) observer.disconnect();
  };
  const scan = (root: ParentNode) => {
    for (const tag of pending) if (root.querySelector(tag)) load(tag);
  };
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node instanceof Element) {
          if (pending.has(node.localName)) load(node.localName);
          scan(node);
        }
      }
    }
  });
  observer.observe(document, { childList: true, subtree: true });
  scan(document);
})();
