/**
 * `npm run bench` (builds first): what the SDK costs a partner page, in bytes and in time.
 *
 * 1. Sizes, gzip level 9 (1 KB = 1000 bytes, as Vite prints): the loader, every element and shared chunk, and
 *    every bank frame (its HTML plus every JS/CSS file it loads, followed through static imports).
 * 2. Per element tag: everything a partner page downloads for it (loader + core + element chunk + the chunks
 *    they import), against the budgets below. OVER is printed, not fatal: the exit code is 0 unless dist is missing.
 * 3. Timing, as ratios to baselines measured in the same run. Absolute milliseconds depend on the machine and
 *    its load; a ratio to "a bare Lit element loaded the same way" or "a plain loop" travels between machines
 *    and CI runs, so a regression shows up as a ratio that grows.
 *    - page loads: the sandbox bank and the demo partner run in-process; each load is a fresh browser context
 *      (cold cache), the time is performance.now() on the partner page (ms since navigation start);
 *    - loan maths (if src/domain/loan.ts exists): one 60-month quote with its APR vs summing 60 numbers, in Node.
 */
import { serve, type ServerType } from '@hono/node-server';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright';
import { build } from 'vite';
import { createDemo, partnerCsp } from '../demo/server.ts';
import { elementTags } from '../src/elements/tags.ts';
import { createSandbox } from '../src/sandbox/app.ts';
import { demoApp, openDatabase } from '../src/sandbox/db.ts';
import { chromiumArgs, chromiumPath } from './chromium.mjs';
import {
  afterDialogFiles, elementsDir, frameFiles, framesDir, gz, isBuilt, KB, kb, loaderFile, pageFiles, root, total,
} from './sizes.ts';

// ---------------------------------------------------------------------------------------------- budgets
const budgets = {
  loader: 3 * KB,
  pages: {
    'bank-login': 15 * KB, 'bank-pay': 18 * KB, 'bank-loan-apply': 20 * KB, 'bank-account-open': 12 * KB, 'bank-account': 10 * KB,
    'bank-invest': 10 * KB, 'bank-data-consent': 10 * KB, 'bank-merchant-onboard': 10 * KB,
  } as Record<string, number>,
  frames: {
    login: 20 * KB, pay: 20 * KB, 'account-open': 15 * KB, accounts: 15 * KB, invest: 15 * KB, 'invest-buy': 15 * KB,
    'invest-redeem': 15 * KB, consent: 15 * KB, merchant: 15 * KB,
  } as Record<string, number>,
};
const RUNS = 7;

if (!isBuilt()) {
  console.error(`No built SDK in ${root}: run \`npm run build\` first (\`npm run bench\` does).`);
  process.exit(1);
}

// ---------------------------------------------------------------------------------------------- sizes
type Row = [label: string, value: string, budget?: string, status?: string];
const rows: Row[] = [];
const section = (title: string) => rows.push([title, '']);
const check = (label: string, bytes: number, budget?: number) =>
  rows.push([label, kb(bytes), budget === undefined ? '' : `≤ ${kb(budget)}`, budget === undefined ? '' : bytes <= budget ? 'PASS' : 'OVER']);

section('Sizes (gzip -9)');
check('  loader    bank-sdk.js', gz(loaderFile), budgets.loader);
const elementFiles = ['core.js', ...readdirSync(elementsDir).filter((f) => f.endsWith('.js') && f !== 'core.js').sort()];
const isShared = (f: string) => !elementTags.some((tag) => f === `${tag}.js`) && f !== 'core.js';
for (const f of elementFiles.filter((f) => !isShared(f))) check(`  element   elements/${f}`, gz(join(elementsDir, f)));
for (const f of elementFiles.filter(isShared)) check(`  shared    elements/${f}`, gz(join(elementsDir, f)));
for (const html of readdirSync(framesDir).filter((f) => f.endsWith('.html')).sort()) {
  const name = html.replace(/\.html$/, '');
  const files = frameFiles(join(framesDir, html));
  check(`  frame     ${name} (html + ${files.size - 1} files)`, total(files), budgets.frames[name]);
}

section('Partner page, per element, until bank-ready (loader + core + one locale\'s texts + chunk + imports)');
for (const tag of elementTags) {
  const files = pageFiles(tag);
  check(`  <${tag}> (${files.size} files)`, total(files), budgets.pages[tag]);
}
section('The same page with the bank dialog\'s code (fetched right after bank-ready, or on a first tap)');
for (const tag of elementTags) check(`  <${tag}> + dialog`, total(afterDialogFiles(tag)));
for (const tag of Object.keys(budgets.pages).filter((t) => !(elementTags as readonly string[]).includes(t))) {
  rows.push([`  <${tag}>`, 'no such tag yet', `≤ ${kb(budgets.pages[tag]!)}`, '—']);
}

// ---------------------------------------------------------------------------------------------- timing: browser
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const ratio = (value: number, base: number) => `${(value / base).toFixed(1)}×`;

// The baseline bundle: a minimal Lit element, built like the SDK's chunks and served by the bank like them.
const baselineFile = join(root, 'bench-baseline.js');
await build({
  configFile: false,
  logLevel: 'warn',
  publicDir: false,
  build: {
    outDir: root,
    emptyOutDir: false,
    target: 'es2022',
    reportCompressedSize: false,
    lib: { entry: resolve('test/bench/baseline-element.ts'), formats: ['es'], fileName: () => 'bench-baseline.js' },
    rolldownOptions: { output: { minify: true } },
  },
});

const bankPort = Number(process.env.BENCH_BANK_PORT ?? 4510);
const partnerPort = Number(process.env.BENCH_PARTNER_PORT ?? 4500);
const bankOrigin = `http://127.0.0.1:${bankPort}`;
const partnerOrigin = `http://localhost:${partnerPort}`;

const listen = (fetch: (request: Request) => Response | Promise<Response>, port: number, hostname: string) =>
  new Promise<ServerType>((done, fail) => {
    const server = serve({ fetch, port, hostname }, () => done(server));
    server.once('error', fail);
  });

const db = openDatabase(':memory:', [partnerOrigin], `${partnerOrigin}/api/bank/webhooks`);
const servers: ServerType[] = [];
let browser: Browser | undefined;
const timings: Record<'baseline' | 'login' | 'pay', number[]> = { baseline: [], login: [], pay: [] };
let loan: { quote: number; loop: number; apr: string } | undefined;
/** Cumulative layout shift of the demo page while the SDK loads, per viewport (median of the runs). */
const shifts: Record<string, number[]> = { '375×667': [], '1280×800': [] };

try {
  servers.push(await listen(createSandbox({ db, bankOrigin, assetsDir: root }).fetch, bankPort, '127.0.0.1'));
  servers.push(
    await listen(
      createDemo({ bankOrigin, appId: demoApp.id, secretKey: demoApp.secretKey, webhookSecret: demoApp.webhookSecret }).fetch,
      partnerPort,
      'localhost',
    ),
  );
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });

  /** An order of the demo partner, created server to server as its backend would. */
  const createOrder = async () => {
    const response = await fetch(`${bankOrigin}/v1/orders`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${demoApp.secretKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ amount: '3500.00', currency: 'CNY', description: 'Bench order' }),
    });
    if (response.status !== 201) throw new Error(`POST /v1/orders: HTTP ${response.status} ${await response.text()}`);
    return ((await response.json()) as { id: string }).id;
  };

  /**
   * Loads a partner page of our own making (the demo's strict CSP, fulfilled by Playwright at the partner origin)
   * in a fresh context and returns `window.benchDone`: performance.now() when the page said it was ready.
   */
  const timePage = async (name: string, body: (nonce: string) => string) => {
    const context = await browser!.newContext();
    try {
      const page = await context.newPage();
      // For the error message if the page never gets ready: what failed to load, what the page complained about.
      const problems: string[] = [];
      page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
      page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
      page.on('requestfailed', (r) => problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`));
      page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
      const nonce = `bench-${Math.random().toString(36).slice(2)}`;
      await page.route(`${partnerOrigin}/bench`, (route) =>
        route.fulfill({
          contentType: 'text/html',
          headers: { 'Content-Security-Policy': partnerCsp(nonce, bankOrigin) },
          body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bench partner page</title><link rel="icon" href="data:,"></head><body>${body(nonce)}</body></html>`,
        }),
      );
      await page.goto(`${partnerOrigin}/bench`);
      const value = await page
        .waitForFunction(
          () => {
            const w = window as unknown as { benchDone?: number; benchError?: string };
            return w.benchDone ?? w.benchError;
          },
          null,
          { timeout: 20_000 },
        )
        .then((result) => result.jsonValue())
        .catch(() => 'not ready after 20 s');
      if (typeof value !== 'number') throw new Error(`${name}: ${value}\n  ${problems.join('\n  ') || '(no errors logged)'}`);
      return value;
    } finally {
      await context.close();
    }
  };

  /** An inline script, before the SDK tag, that records the element's `bank-ready` (or `bank-error`). */
  const sdkPage = (tag: string, element: string) => (nonce: string) => `
    <script nonce="${nonce}">
      document.addEventListener('bank-ready', (e) => { if (e.composedPath()[0].localName === '${tag}') window.benchDone ??= performance.now(); });
      document.addEventListener('bank-error', (e) => { window.benchError ??= JSON.stringify(e.detail); });
    </script>
    <script nonce="${nonce}" src="${bankOrigin}/sdk/v1/bank-sdk.js" data-app-id="${demoApp.id}" data-token-url="/api/bank/client-token" data-locale="en"></script>
    ${element}`;

  const scenarios = {
    baseline: async () =>
      timePage('bare Lit', (nonce) => `<script type="module" nonce="${nonce}" src="${bankOrigin}/sdk/v1/bench-baseline.js"></script><bench-baseline></bench-baseline>`),
    login: async () => timePage('<bank-login>', sdkPage('bank-login', '<bank-login></bank-login>')),
    pay: async () => {
      const orderId = await createOrder();
      return timePage('<bank-pay>', sdkPage('bank-pay', `<bank-pay order-id="${orderId}"></bank-pay>`));
    },
  };
  // One unrecorded warm-up round (server code paths, Chromium's first process), then interleaved rounds, so
  // any drift in the machine's load touches every scenario alike.
  for (const run of Object.values(scenarios)) await run();
  for (let round = 0; round < RUNS; round++) {
    for (const [name, run] of Object.entries(scenarios)) timings[name as keyof typeof timings].push(await run());
  }

  // -------------------------------------------------------------------------------------------- layout shift
  /**
   * The demo page loaded cold at a phone and a laptop width: the sum of its `layout-shift` entries (without
   * recent input), from navigation until every element fired bank-ready and the page had a second to settle.
   */
  const measureShift = async (width: number, height: number) => {
    const context = await browser!.newContext({ viewport: { width, height }, isMobile: width < 640, hasTouch: width < 640 });
    try {
      const page = await context.newPage();
      await page.addInitScript(() => {
        const w = window as unknown as { cls: number; readyTags: Set<string> };
        w.cls = 0;
        w.readyTags = new Set();
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
            if (!entry.hadRecentInput) w.cls += entry.value;
          }
        }).observe({ type: 'layout-shift', buffered: true });
        document.addEventListener('bank-ready', (e) => w.readyTags.add((e.composedPath()[0] as Element).localName));
      });
      await page.goto(`${partnerOrigin}/?lang=en`);
      await page.waitForFunction(() => (window as unknown as { readyTags: Set<string> }).readyTags.size >= 3, null, { timeout: 20_000 });
      // The loan calculator's first quote arrives after its bank-ready: wait for it, then a settle.
      await page.locator('bank-loan-apply [part~="quote"]').waitFor({ timeout: 20_000 });
      await page.waitForTimeout(1000);
      return await page.evaluate(() => (window as unknown as { cls: number }).cls);
    } finally {
      await context.close();
    }
  };
  for (let round = 0; round < 3; round++) {
    shifts['375×667'].push(await measureShift(375, 667));
    shifts['1280×800'].push(await measureShift(1280, 800));
  }

  // -------------------------------------------------------------------------------------------- timing: node
  const loanPath = resolve('src/domain/loan.ts');
  if (existsSync(loanPath)) {
    type LoanQuote = (principal: number, months: number, ratePercent: number, method: 'equal-installment') => {
      apr: string;
      schedule: { totalInterest: number };
    };
    const { loanQuote } = (await import(loanPath)) as { loanQuote: LoanQuote };
    const numbers = Array.from({ length: 60 }, (_, i) => 5000 + i * 17.25);
    const sumLoop = () => {
      let sum = 0;
      for (let i = 0; i < numbers.length; i++) sum += numbers[i]!;
      return sum;
    };
    const quote = () => loanQuote(30_000_000, 60, 4.35, 'equal-installment').schedule.totalInterest; // ¥300,000.00
    loan = { quote: perOp(quote), loop: perOp(sumLoop), apr: loanQuote(30_000_000, 60, 4.35, 'equal-installment').apr };
  }
} finally {
  await browser?.close();
  for (const server of servers) {
    (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
    await new Promise((done) => server.close(done));
  }
  db.close();
}

/**
 * Median time of one call, in ms. A 100 ms warm-up (so the JIT has optimized `fn`) also estimates the batch
 * size that takes ~10 ms; a stall on a busy machine then skews the estimate a little, not the whole measurement.
 */
function perOp(fn: () => number): number {
  let sink = 0;
  let calls = 0;
  const warmUp = performance.now();
  while (performance.now() - warmUp < 100) for (let i = 0; i < 100; i++, calls++) sink += fn();
  const n = Math.max(100, Math.ceil((10 * calls) / (performance.now() - warmUp)));
  const samples: number[] = [];
  for (let s = 0; s < 15; s++) {
    const start = performance.now();
    for (let i = 0; i < n; i++) sink += fn();
    samples.push((performance.now() - start) / n);
  }
  if (Number.isNaN(sink)) console.log(''); // keeps the results observable, so no call is optimized away
  return median(samples);
}

// ---------------------------------------------------------------------------------------------- report
const base = median(timings.baseline);
section(`Timing (median of ${RUNS}, fresh browser context each; ratio to a baseline from this run)`);
rows.push([`  bare Lit element rendered (baseline, ${kb(gz(baselineFile))})`, `${base.toFixed(0)} ms`, '', '1.0×']);
rows.push(['  <bank-login> bank-ready', `${median(timings.login).toFixed(0)} ms`, '', `${ratio(median(timings.login), base)} bare Lit`]);
rows.push(['  <bank-pay> bank-ready (order shown)', `${median(timings.pay).toFixed(0)} ms`, '', `${ratio(median(timings.pay), base)} bare Lit`]);
section('Layout shift while the SDK loads (demo page, CLS, median of 3; goal ≤ 0.02)');
for (const [viewport, values] of Object.entries(shifts)) {
  const cls = median(values);
  rows.push([`  demo page at ${viewport}`, cls.toFixed(3), '≤ 0.020', cls <= 0.02 ? 'ok' : 'OVER']);
}
if (loan) {
  const us = (ms: number) => (ms >= 0.01 ? `${(ms * 1000).toFixed(1)} µs` : `${(ms * 1e6).toFixed(0)} ns`);
  rows.push([`  loanQuote 60 months + APR (${loan.apr}%)`, us(loan.quote), '', `${ratio(loan.quote, loan.loop)} summing 60 numbers`]);
  rows.push(['  summing 60 numbers (baseline)', us(loan.loop), '', '1.0×']);
}

const width = (i: number) => Math.max(...rows.filter((r) => r[1] !== '').map((r) => (r[i] ?? '').length));
const [w0, w1, w2] = [width(0), width(1), width(2)];
console.log(`\nBank SDK benchmark  (gzip level 9, 1 KB = ${KB} bytes)`);
for (const [label, value, budget = '', status = ''] of rows) {
  if (value === '') console.log(`\n${label}`);
  else console.log(`${label.padEnd(w0)}  ${value.padStart(w1)}  ${budget.padEnd(w2)}  ${status}`.trimEnd());
}
const over = rows.filter((r) => r[3] === 'OVER').length;
console.log(`\n${over ? `${over} OVER budget (reported, not fatal)` : 'All sizes within budget.'}`);
