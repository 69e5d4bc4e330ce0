/**
 * The benchmark's physical floor of this architecture, partner side (built by test/bench.ts into
 * dist/sdk/v1/bench-floor.js, a classic script served by the sandbox bank like the SDK's loader).
 *
 * What no SDK of this shape can skip, all started at once as the script runs: the hidden bank-origin iframe, the
 * client token from the partner's token URL, and a bare Lit element (bench-baseline.js). When the frame is
 * listening and the token has arrived, the token is posted to the frame, which spends it with one fetch to the
 * bank (test/bench/floor-frame.ts). `window.benchDone` is the moment both the element has rendered and the frame
 * has its session.
 */
(() => {
  type BenchWindow = Window & { benchDone?: number; benchError?: string; benchFloor?: boolean; benchRendered?: number };
  const w = window as BenchWindow;
  w.benchFloor = true; // the baseline element then leaves benchDone to us
  const script = document.currentScript as HTMLScriptElement;
  const base = new URL('.', script.src).href;
  const bankOrigin = new URL(base).origin;
  const appId = script.dataset.appId ?? '';
  const fail = (why: string) => (w.benchError ??= why);

  const frame = document.createElement('iframe');
  frame.hidden = true;
  frame.title = 'Bank connection';
  frame.tabIndex = -1;
  // `data-frame="inline"`: the frame page with its script inline (allowed by its hash), as the bridge is now.
  const page = script.dataset.frame === 'inline' ? 'bench-floor-inline.html' : 'bench-floor.html';
  frame.src = `${base}${page}?${new URLSearchParams({ app: appId, origin: location.origin })}`;
  let frameListening!: () => void;
  let sessionStarted!: () => void;
  const listening = new Promise<void>((resolve) => (frameListening = resolve));
  const session = new Promise<void>((resolve) => (sessionStarted = resolve));
  addEventListener('message', (event) => {
    if (event.origin !== bankOrigin || event.source !== frame.contentWindow) return;
    const data = event.data as { floor?: string; status?: number };
    if (data.floor === 'ready') frameListening();
    else if (data.floor === 'session') sessionStarted();
    else if (data.floor === 'error') fail(`token exchange: HTTP ${data.status}`);
  });
  (document.body ?? document.documentElement).append(frame);

  const token = fetch(script.dataset.tokenUrl ?? '', { method: 'POST', credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then((response) => response.json() as Promise<{ clientToken?: string }>)
    .then((body) => body.clientToken ?? Promise.reject(new Error('no clientToken')));
  const rendered = new Promise<void>((resolve) => {
    if (w.benchRendered !== undefined) resolve();
    else document.addEventListener('bench-rendered', () => resolve(), { once: true });
  });
  import(`${base}bench-baseline.js`).catch((error) => fail(`element: ${error}`));

  Promise.all([token, listening])
    .then(([clientToken]) => frame.contentWindow!.postMessage({ floor: 'start', clientToken }, bankOrigin))
    .catch((error) => fail(`token: ${error}`));
  Promise.all([session, rendered]).then(() => (w.benchDone ??= performance.now()));
})();
