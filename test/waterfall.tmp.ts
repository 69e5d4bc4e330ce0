import { serve } from '@hono/node-server';
import { chromium } from 'playwright';
import { createDemo, partnerCsp } from '../demo/server.ts';
import { createSandbox } from '../src/sandbox/app.ts';
import { demoApp, openDatabase } from '../src/sandbox/db.ts';
import { chromiumArgs, chromiumPath } from './chromium.mjs';
import { root } from './sizes.ts';
const bankPort = 4312, partnerPort = 4313;
const bankOrigin = `http://127.0.0.1:${bankPort}`, partnerOrigin = `http://localhost:${partnerPort}`;
const db = openDatabase(':memory:', [partnerOrigin], `${partnerOrigin}/api/bank/webhooks`);
const s1 = serve({ fetch: createSandbox({ db, bankOrigin, assetsDir: root }).fetch, port: bankPort, hostname: '127.0.0.1' });
const s2 = serve({ fetch: createDemo({ bankOrigin, appId: demoApp.id, secretKey: demoApp.secretKey, webhookSecret: demoApp.webhookSecret }).fetch, port: partnerPort, hostname: 'localhost' });
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
const runs = Number(process.env.RUNS ?? 5);
const readies: number[] = [];
let last = '';
for (let i = 0; i < runs + 1; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const nonce = 'n' + i;
  await page.route(`${partnerOrigin}/bench`, (route) => route.fulfill({ contentType: 'text/html', headers: { 'Content-Security-Policy': partnerCsp(nonce, bankOrigin) },
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>b</title><link rel="icon" href="data:,"></head><body>
    <script nonce="${nonce}">document.addEventListener('bank-ready', (e) => { window.benchDone ??= performance.now(); });</script>
    <script nonce="${nonce}" src="${bankOrigin}/sdk/v1/bank-sdk.js" data-app-id="${demoApp.id}" data-token-url="/api/bank/client-token" data-locale="en"></script>
    <bank-login></bank-login></body></html>` }));
  const frames: string[] = [];
  page.on('request', (r) => { if (r.frame() !== page.mainFrame()) frames.push(r.url()); });
  await page.goto(`${partnerOrigin}/bench`);
  const done = await (await page.waitForFunction(() => (window as any).benchDone, null, { timeout: 20000 })).jsonValue() as number;
  const entries = await page.evaluate(() => performance.getEntriesByType('resource').map((e: any) => [e.name.replace(/http:\/\/[^/]+/, ''), Math.round(e.startTime), Math.round(e.responseEnd)]));
  if (i > 0) readies.push(done);
  last = `ready ${done.toFixed(0)} ms\n` + entries.map(([n, s, e]) => `  ${String(s).padStart(4)} → ${String(e).padStart(4)}  ${n}`).join('\n');
  await context.close();
}
readies.sort((a, b) => a - b);
console.log(last);
console.log('median ready', readies[Math.floor(readies.length / 2)].toFixed(0), 'all', readies.map((r) => r.toFixed(0)).join(' '));
await browser.close(); s1.close(); s2.close(); db.close(); process.exit(0);
