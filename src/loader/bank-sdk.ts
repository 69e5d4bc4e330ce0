/**
 * The one script partners add. Built as a classic IIFE with no import/export, so it runs as a classic,
 * `async`, `defer` or `type="module"` script, in `<head>` or `<body>`. It stays tiny: it starts the core
 * chunk, the bridge frame and the client token at once; the core imports an element's chunk from its own origin
 * when that element's tag first appears.
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
  // What the session needs starts now, while the core loads: the bridge frame (with the messages it sends before
  // the core listens) and the client token. The core checks both as before; nothing here is trusted more.
  if (/^app_\w{1,64}$/.test(data.appId ?? '')) {
    const frame = document.createElement('iframe');
    const messages: MessageEvent[] = [];
    const keep = (event: MessageEvent) => event.source === frame.contentWindow && messages.push(event);
    frame.src = `${base}frames/bridge.html?app=${data.appId}&origin=${encodeURIComponent(location.origin)}&channel=`;
    frame.hidden = true; // the core gives it its title and takes it out of the focus order
    addEventListener('message', keep);
    (document.body ?? document.documentElement).append(frame);
    input.bridge = { frame, messages, stop: () => removeEventListener('message', keep) };
  }
  if (data.tokenUrl && !data.clientToken) {
    input.token = fetch(data.tokenUrl, { method: 'POST', credentials: 'same-origin', headers: { Accept: 'application/json' } });
    input.token.catch(() => {}); // the core reports a failure (or a broken script tag) itself
  }
  const ready = core.then((m) => m.start(input));
  ready.catch(() => {}); // rejections are for partners who await `ready`; the elements show them anyway.
  Object.defineProperty(window, 'BankSDK', {
    value: Object.freeze({ version: __SDK_VERSION__, ready, logout: () => core.then((m) => m.logout()) }),
  });
  // A pinned release shows a chunk that failed its integrity check in the element (the evergreen loader, kept
  // small, leaves that to the browser's console): the core when it fails, an element's chunk through the core.
  if (__SDK_INTEGRITY__) {
    input.chunkFailed = (tag) => showUnavailable(tag, data.locale);
    core.catch(() => {
      // The import can fail before the parser reaches the tags: show it in those that come with the document too.
      const show = () => elementTags.forEach((tag) => showUnavailable(tag, data.locale));
      show();
      if (document.readyState === 'loading') addEventListener('DOMContentLoaded', show);
    });
  }
})();
