/**
 * `npm run load`: the sandbox bank's API under load (issue #14.4), in-process on this machine, driven by
 * autocannon in the same Node process (so the client's own work counts against the bank: a lower bound).
 *
 * 1. `POST /v1/orders` (the partner's server creating orders) — 200 connections, 10 s.
 * 2. `GET /v1/frame/orders/{id}` (a frame-API read: what the bridge asks for each `<bank-pay>`), spread over 20
 *    frame sessions of 20 pages — 200 connections, 10 s.
 *    Goal for both: 0 errors (no socket errors, no timeouts after 30 s, no non-2xx); requests/s and p99 reported.
 * 3. Payments: 200 concurrent confirmations of distinct orders, then 200 of one order with one idempotency key,
 *    then 200 of one order with a key each (test/bench/payment-burst.ts), over HTTP; exactly once checked in the
 *    bank's own books. The same check runs in `npm test` (test/e2e/payments-load.spec.ts).
 * 4. The client-token throttle: `POST /v1/client-tokens` at 200 connections for 5 s, as a partner's token URL
 *    would be hit by a crowd of page loads. The bank caps minting at 600 per app per minute (throttle `mint`), so
 *    this run is *expected* to get 429s: it reports how many were minted, how many refused, and the Retry-After.
 * The throttles run with the bank's production rules; nothing is loosened.
 * Ports: BENCH_BANK_PORT (default 4512).
 */
import { serve, type ServerType } from '@hono/node-server';
import autocannon, { type Result } from 'autocannon';
import { createSandbox } from '../src/sandbox/app.ts';
import { demoApp, openDatabase } from '../src/sandbox/db.ts';
import { paymentBurst, type BankCall } from './bench/payment-burst.ts';

const bankPort = Number(process.env.BENCH_BANK_PORT ?? 4512);
const bankOrigin = `http://127.0.0.1:${bankPort}`;
const partnerOrigin = 'http://localhost:4000'; // the pages the frame sessions belong to (no partner server needed)
const connections = 200;

const db = openDatabase(':memory:', [partnerOrigin]);
const sandbox = createSandbox({ db, bankOrigin, assetsDir: '/nonexistent' });
const server: ServerType = await new Promise((done, fail) => {
  const s = serve({ fetch: sandbox.fetch, port: bankPort, hostname: '127.0.0.1' }, () => done(s));
  s.once('error', fail);
});

/** A bank call over HTTP, as the partner's server (secret) or a bank frame (session token) makes it. */
const call: BankCall = async (path, { token, secret, body, headers = {} } = {}) => {
  const all: Record<string, string> = { 'Content-Type': 'application/json', 'X-Bank-Frame': '1', ...headers };
  if (token ?? secret) all.Authorization = `Bearer ${token ?? secret}`;
  const response = await fetch(`${bankOrigin}${path}`, {
    method: body === undefined ? 'GET' : 'POST', headers: all, body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: Record<string, any> = {};
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: response.status, text, body: parsed };
};
const secretHeaders = { Authorization: `Bearer ${demoApp.secretKey}`, 'Content-Type': 'application/json' };

const lines: string[] = [];
const report = (label: string, result: Result, goal = '0 errors') => {
  // autocannon counts a timeout as an error too: errors already include timeouts.
  const errors = result.errors + result.non2xx;
  const codes = Object.entries(result.statusCodeStats).map(([code, { count }]) => `${code}×${count}`).join(' ');
  lines.push(
    `  ${label.padEnd(46)} ${result.requests.average.toFixed(0).padStart(6)} req/s   p50 ${String(result.latency.p50).padStart(4)} ms   p99 ${String(result.latency.p99).padStart(5)} ms   ` +
      `${result.requests.total} answers (${codes}), ${result.errors} errors (${result.timeouts} of them timeouts)   ${goal === '0 errors' ? (errors === 0 ? 'PASS (0 errors)' : `FAIL (${errors} errors)`) : goal}`,
  );
  return errors;
};

let failures = 0;
try {
  // A request counts as failed after 30 s without an answer (a partner server's usual HTTP client timeout).
  const run = (options: Parameters<typeof autocannon>[0]) => autocannon({ connections, duration: 10, timeout: 30, ...options });

  // 1. Order creation, the partner's server's busiest call.
  process.stderr.write('load: POST /v1/orders …\n');
  failures += report('POST /v1/orders (create an order)', await run({
    url: `${bankOrigin}/v1/orders`,
    method: 'POST',
    headers: secretHeaders,
    body: JSON.stringify({ amount: '3500.00', currency: 'CNY', description: 'Load test order' }),
  }));

  // 2. Frame-API reads: 20 pages (frame sessions), each reading its order.
  process.stderr.write('load: GET /v1/frame/orders/{id} …\n');
  const readers: { path: string; headers: Record<string, string> }[] = [];
  for (let i = 0; i < 20; i++) {
    const { clientToken } = (await call('/v1/client-tokens', { secret: demoApp.secretKey, body: {} })).body;
    const { sessionToken } = (await call('/v1/frame/sessions', { body: { clientToken, appId: demoApp.id, origin: partnerOrigin, locale: 'en' } })).body;
    const { id } = (await call('/v1/orders', { secret: demoApp.secretKey, body: { amount: `${10 + i}.00`, currency: 'CNY', description: `Read ${i}` } })).body;
    readers.push({ path: `/v1/frame/orders/${id}`, headers: { Authorization: `Bearer ${sessionToken}`, 'X-Bank-Frame': '1' } });
  }
  failures += report('GET /v1/frame/orders/{id} (frame-API read)', await run({
    url: bankOrigin,
    requests: readers.map((r) => ({ method: 'GET', ...r })),
  }));

  // 3. Payments, exactly once.
  process.stderr.write('load: payment bursts (each confirmation checks a scrypt PIN) …\n');
  const burst = await paymentBurst(call, db, { origin: partnerOrigin, sizes: { distinct: 200, sameKey: 200, differentKeys: 200 }, customers: 20 });
  const codes = (tally: Record<number, number>) => Object.entries(tally).map(([code, n]) => `${code}×${n}`).join(' ');
  lines.push(`  200 confirmations of 200 distinct orders         ${burst.ms.distinct.toFixed(0).padStart(6)} ms for all (${codes(burst.statuses.distinct)})`);
  lines.push(`  200 confirmations of one order, one key          ${burst.ms.sameKey.toFixed(0).padStart(6)} ms for all (${codes(burst.statuses.sameKey)})`);
  lines.push(`  200 confirmations of one order, 200 keys         ${burst.ms.differentKeys.toFixed(0).padStart(6)} ms for all (${codes(burst.statuses.differentKeys)})`);
  for (const [check, ok] of Object.entries(burst.checks)) {
    lines.push(`    ${ok ? 'PASS' : 'FAIL'}  ${check}`);
    if (!ok) failures++;
  }

  // 4. The mint throttle, on purpose: more client tokens than the bank allows an app per minute.
  process.stderr.write('load: POST /v1/client-tokens (throttled on purpose) …\n');
  const minted = await run({ url: `${bankOrigin}/v1/client-tokens`, method: 'POST', headers: secretHeaders, body: '{}', duration: 5 });
  const retryAfter = (await fetch(`${bankOrigin}/v1/client-tokens`, { method: 'POST', headers: secretHeaders, body: '{}' })).headers.get('Retry-After');
  report('POST /v1/client-tokens (mint throttle: 600/min)', minted, `expected 429s: ${minted['2xx']} minted, ${minted.statusCodeStats['429']?.count ?? 0} refused 429 (Retry-After ${retryAfter ?? '—'} s)`);
} finally {
  (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
  await new Promise((done) => server.close(done));
  db.close();
}

console.log(`\nSandbox bank under load (in-process, ${connections} concurrent connections; autocannon 9 in the same process)`);
for (const line of lines) console.log(line);
console.log(failures ? `\n${failures} FAILED` : '\nAll load goals met.');
process.exit(failures ? 1 : 0);
