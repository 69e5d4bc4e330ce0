/**
 * Issue #14.3: a partner page with 50 elements of every kind shares ONE bridge frame, ONE client token from the
 * partner's token URL and ONE token exchange with the bank, and every element gets ready. The bank and the demo
 * partner run in this worker (on ports the OS picks), so the requests are counted where they arrive, on the
 * partner's server and on the bank's, as well as in the browser. (Its timing, 50 against 1, is in `npm run bench`.)
 */
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { createDemo, partnerCsp } from '../../demo/server.ts';
import { elementTags } from '../../src/elements/tags.ts';
import { createSandbox } from '../../src/sandbox/app.ts';
import { demoApp, openDatabase, type Db } from '../../src/sandbox/db.ts';
import { mixedKinds, mixedMarkup } from '../bench/pages.ts';
import { expect } from '@playwright/test';
import { test } from './helpers.ts';

type Handler = (request: Request, env: unknown) => Response | Promise<Response>;

/** Listens on a free port; the handler is looked up per request, so it can be made after both origins are known. */
const listen = (hostname: string, handler: () => Handler) =>
  new Promise<ServerType>((done) => {
    const server = serve({ fetch: (request, env) => handler()(request, env), port: 0, hostname }, () => done(server));
  });
const portOf = (server: ServerType) => (server.address() as AddressInfo).port;

let bankServer: ServerType;
let partnerServer: ServerType;
let db: Db;
let bankOrigin = '';
let partnerOrigin = '';
/** Requests as they reach each server: `POST /api/bank/client-token`, `POST /v1/frame/sessions`, `GET …/bridge.html`. */
const arrived: string[] = [];

test.beforeAll(async () => {
  let bank: Handler = () => new Response(null, { status: 503 });
  let partner: Handler = () => new Response(null, { status: 503 });
  bankServer = await listen('127.0.0.1', () => bank);
  partnerServer = await listen('localhost', () => partner);
  bankOrigin = `http://127.0.0.1:${portOf(bankServer)}`;
  partnerOrigin = `http://localhost:${portOf(partnerServer)}`;
  db = openDatabase(':memory:', [partnerOrigin]);
  const sandbox = createSandbox({ db, bankOrigin, assetsDir: resolve('dist/sdk/v1') });
  const demo = createDemo({ bankOrigin, appId: demoApp.id, secretKey: demoApp.secretKey, webhookSecret: demoApp.webhookSecret });
  const counted = (app: { fetch: Handler }): Handler => (request, env) => {
    arrived.push(`${request.method} ${new URL(request.url).pathname}`);
    return app.fetch(request, env);
  };
  bank = counted(sandbox as unknown as { fetch: Handler });
  partner = counted(demo as unknown as { fetch: Handler });
});

test.afterAll(async () => {
  for (const server of [bankServer, partnerServer]) {
    (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
    await new Promise((done) => server.close(done));
  }
  db.close();
});

test('50 mixed elements on one page: one bridge frame, one client token, one token exchange, every element ready', async ({ page }) => {
  test.setTimeout(60_000);
  const kinds = mixedKinds(50);
  expect(new Set(kinds)).toEqual(new Set(elementTags));
  // The partner's server creates what the page shows: an order per <bank-pay>, and a merchant.
  const partnerApi = async (path: string, body: object) => {
    const response = await fetch(`${bankOrigin}${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${demoApp.secretKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { id: string }).id;
  };
  const orderIds = await Promise.all(
    kinds.filter((k) => k === 'bank-pay').map((_, i) => partnerApi('/v1/orders', { amount: `${100 + i}.00`, currency: 'CNY', description: `Order ${i}` })),
  );
  const merchantId = await partnerApi('/v1/merchants', { type: 'business', name: 'Many Elements Ltd' });

  // What the browser asks for, from the page and from every frame.
  const requested: string[] = [];
  page.on('request', (request) => requested.push(`${request.method()} ${new URL(request.url()).pathname}`));
  const nonce = `many-${Math.random().toString(36).slice(2)}`;
  await page.route(`${partnerOrigin}/many`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      headers: { 'Content-Security-Policy': partnerCsp(nonce, bankOrigin) },
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Many elements</title><link rel="icon" href="data:,"></head><body>
        <script nonce="${nonce}">
          window.readyElements = new Set();
          window.failures = [];
          document.addEventListener('bank-ready', (e) => window.readyElements.add(e.composedPath()[0]));
          document.addEventListener('bank-error', (e) => window.failures.push(e.composedPath()[0].localName + ' ' + e.detail.code));
        </script>
        <script nonce="${nonce}" src="${bankOrigin}/sdk/v1/bank-sdk.js" data-app-id="${demoApp.id}" data-token-url="/api/bank/client-token" data-locale="en"></script>
        ${mixedMarkup(kinds, orderIds, merchantId)}
      </body></html>`,
    }),
  );
  arrived.length = 0;
  await page.goto(`${partnerOrigin}/many`);

  // The positive signal: every one of the 50 elements fired bank-ready, none fired bank-error.
  await expect
    .poll(() => page.evaluate(() => {
      const w = window as unknown as { readyElements: Set<Element>; failures: string[] };
      return { ready: w.readyElements.size, failures: w.failures };
    }), { timeout: 30_000 })
    .toEqual({ ready: 50, failures: [] });
  const readyKinds = await page.evaluate(() =>
    [...(window as unknown as { readyElements: Set<Element> }).readyElements].map((el) => el.localName).sort());
  expect(readyKinds).toEqual([...kinds].sort());

  // One bridge: in the DOM, and as fetched.
  await expect(page.locator('iframe[src*="/frames/bridge.html"]')).toHaveCount(1);
  const count = (list: string[], what: string) => list.filter((r) => r === what).length;
  const bridgePath = '/sdk/v1/frames/bridge.html';
  for (const [side, list] of [['browser', requested], ['servers', arrived]] as const) {
    expect(count(list, `GET ${bridgePath}`), `${side}: bridge frame loads`).toBe(1);
    // One client token from the partner's token URL, spent in one exchange with the bank.
    expect(count(list, 'POST /api/bank/client-token'), `${side}: client-token fetches`).toBe(1);
    expect(count(list, 'POST /v1/frame/sessions'), `${side}: token exchanges`).toBe(1);
  }
  // And the bank minted exactly one client token, and opened one frame session, for this page.
  expect(db.prepare('SELECT COUNT(*) AS n FROM client_tokens').get()).toEqual({ n: 1 });
  expect(db.prepare('SELECT COUNT(*) AS n FROM frame_sessions').get()).toEqual({ n: 1 });
});
