/**
 * `npx tsx test/bench/trace.ts [login|pay|many] [runs]` (after `npm run build`): where one cold page load spends its
 * time, to find what to make faster. Prints, for the median run, the Resource Timing waterfall of the partner page
 * and of the bridge frame (on the page's clock), when each element kind fired its first and last `bank-ready` and the
 * page's long tasks; then, from one more run with a Chromium trace and a CPU profile of the partner page, each
 * renderer's longest tasks and main-thread time by trace event, and the functions with the most self time.
 * Ports: BENCH_BANK_PORT / BENCH_PARTNER_PORT (defaults 4510 / 4500, as `npm run bench`).
 */
import { serve, type ServerType } from '@hono/node-server';
import { resolve } from 'node:path';
import { chromium } from 'playwright';
import { createDemo, partnerCsp } from '../../demo/server.ts';
import { createSandbox } from '../../src/sandbox/app.ts';
import { demoApp, openDatabase } from '../../src/sandbox/db.ts';
import { chromiumArgs, chromiumPath } from '../chromium.mjs';
import { elementMarkup, mixedKinds, mixedMarkup } from './pages.ts';

const which = (process.argv[2] ?? 'many') as 'login' | 'pay' | 'many';
const runs = Number(process.argv[3] ?? 5);
const bankPort = Number(process.env.BENCH_BANK_PORT ?? 4510);
const partnerPort = Number(process.env.BENCH_PARTNER_PORT ?? 4500);
const bankOrigin = `http://127.0.0.1:${bankPort}`;
const partnerOrigin = `http://localhost:${partnerPort}`;
const db = openDatabase(':memory:', [partnerOrigin], `${partnerOrigin}/api/bank/webhooks`);
const listen = (fetch: (request: Request) => Response | Promise<Response>, port: number, hostname: string) =>
  new Promise<ServerType>((done) => {
    const server = serve({ fetch, port, hostname }, () => done(server));
  });
const servers = [
  await listen(createSandbox({ db, bankOrigin, assetsDir: resolve('dist/sdk/v1') }).fetch, bankPort, '127.0.0.1'),
  await listen(createDemo({ bankOrigin, appId: demoApp.id, secretKey: demoApp.secretKey, webhookSecret: demoApp.webhookSecret }).fetch, partnerPort, 'localhost'),
];
const partnerApi = async (path: string, body: object) => {
  const response = await fetch(`${bankOrigin}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${demoApp.secretKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return ((await response.json()) as { id: string }).id;
};
const order = () => partnerApi('/v1/orders', { amount: '3500.00', currency: 'CNY', description: 'Trace order' });
const merchantId = await partnerApi('/v1/merchants', { type: 'business', name: 'Trace Ltd' });
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });

interface Result {
  ready: number;
  rows: { label: string; start: number; end: number }[];
  kinds: Record<string, [number, number]>;
  longTasks: [number, number][];
  profile: [string, number][];
}

async function once(profile: boolean): Promise<Result> {
  const count = which === 'many' ? 50 : 1;
  const markup = which === 'many'
    ? await (async () => {
      const kinds = mixedKinds(50);
      const ids = await Promise.all(kinds.filter((k) => k === 'bank-pay').map(() => order()));
      return mixedMarkup(kinds, ids, merchantId);
    })()
    : which === 'pay' ? elementMarkup['bank-pay']({ orderId: await order(), merchantId }) : '<bank-login></bank-login>';
  const context = await browser.newContext();
  const page = await context.newPage();
  const nonce = `n${Math.random().toString(36).slice(2)}`;
  await page.route(`${partnerOrigin}/bench`, (route) => route.fulfill({
    contentType: 'text/html',
    headers: { 'Content-Security-Policy': partnerCsp(nonce, bankOrigin) },
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>t</title><link rel="icon" href="data:,"></head><body>
    <script nonce="${nonce}">
      window.kinds = {}; window.longTasks = [];
      new PerformanceObserver((l) => { for (const e of l.getEntries()) longTasks.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true });
      const ready = new Set();
      document.addEventListener('bank-ready', (e) => {
        const el = e.composedPath()[0]; ready.add(el); const t = performance.now();
        const k = kinds[el.localName] ??= [t, t]; k[1] = t;
        if (ready.size === ${count}) window.benchDone ??= t;
      });
      document.addEventListener('bank-error', (e) => { window.benchError ??= JSON.stringify(e.detail); });
    </script>
    <script nonce="${nonce}" src="${bankOrigin}/sdk/v1/bank-sdk.js" data-app-id="${demoApp.id}" data-token-url="/api/bank/client-token" data-locale="en"></script>
    ${markup}</body></html>`,
  }));
  const cdp = profile ? await context.newCDPSession(page) : undefined;
  if (profile) await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'] });
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  await page.goto(`${partnerOrigin}/bench`);
  await page.waitForFunction(() => (window as any).benchDone ?? (window as any).benchError, null, { timeout: 20000 });
  const self: [string, number][] = [];
  if (profile) {
    // Main-thread work of the partner page's renderer, by trace event (complete events, nested ones counted apart).
    const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: { name: string; ph: string; dur?: number; pid: number; tid: number; args?: { data?: { frame?: string; url?: string } } }[] };
    const webUi = new Set(trace.traceEvents.filter((e) => e.name === 'process_name' && JSON.stringify((e as unknown as { args: unknown }).args).includes('WebUI')).map((e) => e.pid));
    const pageThread = trace.traceEvents.filter((e) => e.name === 'thread_name' && !webUi.has(e.pid) && (e as unknown as { args: { name: string } }).args.name === 'CrRendererMain');
    for (const e of trace.traceEvents) {
      if (e.ph === 'M' && (e.name === 'process_labels' || e.name === 'process_name')) console.log(`  process ${e.pid}: ${JSON.stringify((e as unknown as { args: unknown }).args)}`);
    }
    for (const e of trace.traceEvents.filter((e) => e.name === 'Layout' && (e.dur ?? 0) > 5000 && pageThread.some((t) => t.pid === e.pid && t.tid === e.tid))) {
      console.log(`  layout ${(e.dur! / 1000).toFixed(1)} ms ${JSON.stringify(e.args).slice(0, 300)}`);
    }
    // The longest tasks per renderer, with what they ran (the first nested event's name and URL).
    const tasks = trace.traceEvents.filter((e) => e.ph === 'X' && e.name === 'RunTask' && (e.dur ?? 0) > 8000 && pageThread.some((t) => t.pid === e.pid && t.tid === e.tid));
    for (const t of tasks.sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0)).slice(0, 12)) {
      const ts = (t as unknown as { ts: number }).ts;
      const inner = trace.traceEvents.filter((e) => e.pid === t.pid && e.tid === t.tid && e.ph === 'X' && e.name !== 'RunTask' && (e as unknown as { ts: number }).ts >= ts && (e as unknown as { ts: number }).ts < ts + (t.dur ?? 0) && (e.dur ?? 0) > 2000);
      console.log(`  task pid ${t.pid} ${(t.dur! / 1000).toFixed(1)} ms: ${inner.slice(0, 6).map((e) => `${e.name}${e.args?.data?.url ? ` ${e.args.data.url.replace(/^.*\/sdk\/v1\//, '').slice(0, 40)}` : ''} ${(e.dur! / 1000).toFixed(1)}`).join(' | ')}`);
    }
    if (process.env.TRACE_TIMELINE) {
      // Every task of the partner page's main thread over 2 ms, on the page's clock (ms since its navigationStart).
      const at = (e: unknown) => (e as { ts: number }).ts;
      const nav = trace.traceEvents.find((e) => e.name === 'navigationStart' && pageThread.some((t) => t.pid === e.pid) &&
        (e as unknown as { args: { data?: { isLoadingMainFrame?: boolean } } }).args.data?.isLoadingMainFrame);
      // The partner page's renderer is the one that ran the loader.
      const main = trace.traceEvents.find((e) => e.name === 'EvaluateScript' && e.args?.data?.url?.endsWith('/bank-sdk.js'));
      const all = trace.traceEvents.filter((e) => e.ph === 'X' && e.name === 'RunTask' && (e.dur ?? 0) > 2000 && main && e.pid === main.pid && e.tid === main.tid);
      for (const t of all.sort((a, b) => at(a) - at(b))) {
        const inner = trace.traceEvents.filter((e) => e.pid === t.pid && e.tid === t.tid && e.ph === 'X' && e.name !== 'RunTask' && at(e) >= at(t) && at(e) < at(t) + (t.dur ?? 0) && (e.dur ?? 0) > 1000);
        console.log(`  @${nav ? ((at(t) - at(nav)) / 1000).toFixed(0) : '?'} ${(t.dur! / 1000).toFixed(1)} ms: ${inner.slice(0, 5).map((e) => `${e.name}${e.args?.data?.url ? ` ${e.args.data.url.replace(/^.*\/sdk\/v1\//, '').slice(0, 30)}` : ''} ${(e.dur! / 1000).toFixed(1)}`).join(' | ')}`);
      }
    }
    const byName = new Map<string, number>();
    for (const e of trace.traceEvents) {
      if (e.ph !== 'X' || !e.dur || !pageThread.some((t) => t.pid === e.pid && t.tid === e.tid)) continue;
      const key = `${e.pid} ${e.name}`;
      byName.set(key, (byName.get(key) ?? 0) + e.dur / 1000);
    }
    self.push(...[...byName].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([k, v]) => [`trace ${k}`, v] as [string, number]));
  }
  if (cdp) {
    const { profile: p } = await cdp.send('Profiler.stop');
    const dt = new Map<number, number>();
    p.samples!.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (p.timeDeltas![i] ?? 0) / 1000));
    const byName = new Map<string, number>();
    for (const node of p.nodes) {
      const f = node.callFrame;
      const key = `${f.functionName || '(anon)'} ${f.url.replace(/^.*\/sdk\/v1\//, '')}:${f.lineNumber}:${f.columnNumber}`;
      byName.set(key, (byName.get(key) ?? 0) + (dt.get(node.id) ?? 0));
    }
    self.push(...[...byName].sort((a, b) => b[1] - a[1]).slice(0, 25));
  }
  const read = () => ({
    origin: performance.timeOrigin,
    entries: performance.getEntriesByType('resource').map((e) => [e.name, e.startTime, (e as PerformanceResourceTiming).responseEnd] as const),
    ready: (window as any).benchDone ?? 0,
    kinds: (window as any).kinds ?? {},
    longTasks: (window as any).longTasks ?? [],
    nav: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.responseEnd ?? 0,
  });
  const partner = await page.evaluate(read);
  const bridgeFrame = page.frames().find((f) => f.url().includes('/frames/bridge.html'));
  const bridge = bridgeFrame ? await bridgeFrame.evaluate(read) : undefined;
  const shift = bridge ? bridge.origin - partner.origin : 0;
  const label = (url: string, where: string) => `${where} → ${new URL(url).pathname.replace('/sdk/v1/', '')}`;
  const rows = [
    ...partner.entries.map(([n, s, e]) => ({ label: label(n, 'page'), start: s, end: e })),
    ...(bridge ? [{ label: 'bridge document (navigation, responseEnd)', start: shift, end: shift + bridge.nav }] : []),
    ...(bridge?.entries ?? []).map(([n, s, e]) => ({ label: label(n, 'bridge'), start: s + shift, end: e + shift })),
  ].sort((a, b) => a.start - b.start);
  await context.close();
  return { ready: partner.ready, rows, kinds: partner.kinds, longTasks: partner.longTasks, profile: self };
}

try {
  await once(false);
  const results: Result[] = [];
  for (let i = 0; i < runs; i++) results.push(await once(false));
  results.sort((a, b) => a.ready - b.ready);
  console.log(`${which}: ready ${results.map((r) => r.ready.toFixed(0)).join(', ')} ms`);
  const median = results[Math.floor(results.length / 2)]!;
  for (const r of median.rows) console.log(`  ${r.label.padEnd(60)} ${r.start.toFixed(0).padStart(5)} – ${r.end.toFixed(0).padStart(5)}`);
  for (const [kind, [first, last]] of Object.entries(median.kinds)) console.log(`  ready ${kind.padEnd(24)} ${first.toFixed(0).padStart(5)} – ${last.toFixed(0).padStart(5)}`);
  console.log(`  all ready ${median.ready.toFixed(0)}`);
  console.log(`  long tasks: ${median.longTasks.map(([s, d]) => `${s.toFixed(0)}+${d.toFixed(0)}`).join(', ') || 'none'}`);
  const profiled = await once(true);
  console.log(`profiled run (slower: sampling), ready ${profiled.ready.toFixed(0)} ms; self time:`);
  for (const [name, ms] of profiled.profile) console.log(`  ${ms.toFixed(1).padStart(6)} ms  ${name}`);
} finally {
  await browser.close();
  for (const s of servers) {
    (s as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
    s.close();
  }
}
