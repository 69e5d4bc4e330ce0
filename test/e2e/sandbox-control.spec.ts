import { expect, test } from '@playwright/test';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { findApp } from '../../src/sandbox/apps.ts';
import { demoApp } from '../../src/sandbox/db.ts';
import { enqueueWebhook, signWebhook } from '../../src/sandbox/webhooks.ts';
import { sandboxControl } from '../../packages/testing/src/index.ts';
import { inprocessBank, minutes, said } from './inprocess.ts';

/**
 * Sandbox control for partner CI, in-process: `POST /v1/sandbox/clock`, `/reset`, `/webhooks/{id}/resend`. Each
 * with the app's secret key (401 without), and absent in production mode (404).
 */
// Logins and PINs are real scrypt hashes, and a reset re-creates the seeded customers: slow on a busy machine.
test.describe.configure({ timeout: 120_000 });

const secret = demoApp.secretKey;
const start = Date.parse('2026-12-01T09:00:00Z');

test('the clock moves forward for token expiry, and back to its base with reset', async () => {
  const { call } = inprocessBank({ start });
  const minted = await call('/v1/client-tokens', { secret, body: {} });
  expect(Date.parse(minted.body.expiresAt)).toBe(start + minutes(5));
  const fresh = minted.body.clientToken as string;
  const moved = await call('/v1/sandbox/clock', { secret, body: { advanceSeconds: 301 } });
  expect(moved.status, moved.text).toBe(200);
  expect(moved.body).toEqual({ now: new Date(start + 301_000).toISOString() });
  // The same clock spends client tokens: five minutes and a second later, the token is stale.
  const late = await call('/v1/frame/sessions', { body: { clientToken: fresh, appId: demoApp.id, origin: 'http://localhost:4999', locale: 'en' } });
  expect(said(late)).toMatchObject({ status: 401, code: 'client_token_invalid' });
  // It adds up, fractions of a second included, and a new token is dated on it.
  expect((await call('/v1/sandbox/clock', { secret, body: { advanceSeconds: 0.5 } })).body.now).toBe(new Date(start + 301_500).toISOString());
  expect(Date.parse((await call('/v1/client-tokens', { secret, body: {} })).body.expiresAt)).toBe(start + 301_500 + minutes(5));
  expect((await call('/v1/sandbox/clock', { secret, body: { reset: true } })).body).toEqual({ now: new Date(start).toISOString() });
  for (const body of [{ advanceSeconds: -1 }, { advanceSeconds: '60' }, {}, { reset: false }, { reset: true, advanceSeconds: 1 }]) {
    expect(said(await call('/v1/sandbox/clock', { secret, body })), JSON.stringify(body)).toMatchObject({ status: 400, code: 'invalid_request' });
  }
});

test('the ledger, limits and webhooks read the same clock: a day moved, a transaction dated on it', async () => {
  const { call, db } = inprocessBank({ start });
  await call('/v1/sandbox/clock', { secret, body: { advanceSeconds: 86_400 } });
  const created = await call('/v1/sandbox/customers', { secret, body: { phone: '13900000077' } });
  expect(created.status, created.text).toBe(201);
  const last = db.prepare('SELECT created_at FROM ledger_transactions ORDER BY rowid DESC LIMIT 1').get() as { created_at: number };
  expect(last.created_at).toBe(start + 86_400_000);
  // A webhook enqueued now is due on the moved clock, not on wall time.
  const order = await call('/v1/orders', { secret, body: { amount: '1.00', currency: 'CNY', description: 'Clock' } });
  expect(Date.parse(order.body.createdAt)).toBe(start + 86_400_000);
});

async function receiver(status: () => number) {
  const received: { body: string; signature: string }[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({ body, signature: String(req.headers['bank-signature']) });
      res.writeHead(status()).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`, received,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

test('a webhook event is delivered again, signed as usual, and the answer says how it went', async () => {
  let answer = 200;
  const hook = await receiver(() => answer);
  try {
    const bank = inprocessBank({ start });
    const { call, db } = bank;
    const registered = await call('/v1/sandbox/apps', { body: { name: 'Hooked', origins: ['http://127.0.0.1:9'], webhookUrl: hook.url } });
    expect(registered.status, registered.text).toBe(201);
    const { appId, secretKey, webhookSecret } = registered.body as { appId: string; secretKey: string; webhookSecret: string };
    enqueueWebhook(db, findApp(db, appId)!, 'order.paid', { id: 'ord_1', status: 'paid' }, start);
    const { id } = db.prepare('SELECT id FROM webhook_deliveries WHERE app_id = ?').get(appId) as { id: string };

    const first = await call(`/v1/sandbox/webhooks/${id}/resend`, { secret: secretKey, method: 'POST' });
    expect(first.status, first.text).toBe(200);
    expect(first.body).toEqual({ id, status: 'delivered' });
    expect(hook.received).toHaveLength(1);
    const { body, signature } = hook.received[0];
    expect(JSON.parse(body)).toMatchObject({ id, type: 'order.paid', data: { id: 'ord_1' } });
    const t = Number(/t=(\d+)/.exec(signature)![1]);
    expect(t).toBe(Math.floor(start / 1000));
    expect(signature).toBe(signWebhook(webhookSecret, body, t));

    // Again, on a later clock: the same event (same id), a fresh signature timestamp.
    await call('/v1/sandbox/clock', { secret: secretKey, body: { advanceSeconds: 60 } });
    answer = 500;
    const failing = await call(`/v1/sandbox/webhooks/${id}/resend`, { secret: secretKey, method: 'POST' });
    expect(failing.body).toEqual({ id, status: 'pending' }); // the receiver failed: retried with backoff
    expect(hook.received).toHaveLength(2);
    expect(JSON.parse(hook.received[1].body).id).toBe(id);
    expect(hook.received[1].signature).toContain(`t=${Math.floor(start / 1000) + 60},`);

    // Another app's event does not exist for this key; an unknown id neither.
    expect(said(await call(`/v1/sandbox/webhooks/${id}/resend`, { secret, method: 'POST' }))).toMatchObject({ status: 404, code: 'not_found' });
    expect(said(await call('/v1/sandbox/webhooks/evt_nope/resend', { secret: secretKey, method: 'POST' }))).toMatchObject({ status: 404, code: 'not_found' });
    expect(hook.received).toHaveLength(2);
  } finally {
    await hook.close();
  }
});

test('reset: orders, payments, sessions and customers made are gone; seeded customers, apps and keys stay', async () => {
  const bank = inprocessBank({ start });
  const { call, db } = bank;
  const balance = (phone: string) => (db.prepare(
    `SELECT a.balance FROM accounts a JOIN customers c ON c.id = a.customer_id WHERE c.phone = ?`,
  ).get(phone) as { balance: number } | undefined)?.balance;
  const other = await call('/v1/sandbox/apps', { body: { name: 'Other', origins: ['http://other.test'] } });
  // Pay an order as Zhang San (¥50,000.00 seeded), make a customer of one's own, move the clock.
  const order = await call('/v1/orders', { secret, body: { amount: '100.00', currency: 'CNY', description: 'Before reset' } });
  const token = await bank.session();
  await bank.logIn(token, '13800000001');
  const accountId = (await call('/v1/frame/accounts', { token })).body.accounts[0].id as string;
  const paid = await call('/v1/frame/payments', {
    token, headers: { 'Idempotency-Key': 'reset-test-0123456789' }, body: { orderId: order.body.id, accountId, pin: '135790', expectedAmount: '100.00' },
  });
  expect(paid.status, paid.text).toBe(200);
  expect(balance('13800000001')).toBe(4_990_000);
  expect((await call('/v1/sandbox/customers', { body: { phone: '13900000088' } })).status).toBe(201);
  await call('/v1/sandbox/clock', { secret, body: { advanceSeconds: 3600 } });

  const reset = await call('/v1/sandbox/reset', { secret, method: 'POST' });
  expect(reset.status, reset.text).toBe(200);
  expect(reset.body).toEqual({ reset: true });

  expect(said(await call(`/v1/orders/${order.body.id}`, { secret }))).toMatchObject({ status: 404, code: 'not_found' });
  expect(said(await call('/v1/frame/session', { token }))).toMatchObject({ status: 401 });
  expect(balance('13800000001')).toBe(5_000_000);
  expect(balance('13900000088')).toBeUndefined();
  expect((db.prepare('SELECT COUNT(*) AS n FROM customers').get() as { n: number }).n).toBe(7);
  expect((await call('/v1/sandbox/ledger')).body.ok).toBe(true);
  // The clock is back to its base; the demo app, its key and registered apps work as before.
  expect((await call('/v1/sandbox/clock', { secret, body: { advanceSeconds: 0 } })).body.now).toBe(new Date(start).toISOString());
  expect((await call('/v1/client-tokens', { secret, body: {} })).status).toBe(201);
  expect((await call('/v1/client-tokens', { secret: other.body.secretKey, body: {} })).status).toBe(201);
  // The seeded customer logs in again (a fresh state: nothing locked).
  const again = await bank.session();
  expect((await bank.logIn(again, '13800000001')).displayName).toBe('Zhang *');
});

test('each control endpoint needs an app secret key (401) and does not exist in production mode (404)', async () => {
  const sandbox = inprocessBank({ start });
  const production = inprocessBank({ start, production: true });
  const endpoints: [string, unknown][] = [
    ['/v1/sandbox/clock', { advanceSeconds: 60 }], ['/v1/sandbox/reset', {}], ['/v1/sandbox/webhooks/evt_1/resend', {}],
  ];
  for (const [path, body] of endpoints) {
    for (const key of [undefined, 'sk_sandbox_wrong_key_0000000000000000']) {
      expect(said(await sandbox.call(path, { secret: key, body })), `${path} ${key}`).toMatchObject({ status: 401, code: 'unauthorized' });
    }
    for (const key of [undefined, secret]) {
      expect(said(await production.call(path, { secret: key, body })), `production ${path}`).toMatchObject({ status: 404, code: 'not_found' });
    }
  }
  // Nothing moved: the sandbox's clock is where it was.
  expect((await sandbox.call('/v1/sandbox/clock', { secret, body: { advanceSeconds: 0 } })).body.now).toBe(new Date(start).toISOString());
});

test('the testing kit’s sandboxControl drives the real endpoints: clock, reset, refusals', async () => {
  const { app, call } = inprocessBank({ start });
  const inprocessFetch = ((url: string, init?: RequestInit) =>
    app.fetch(new Request(url, init), { incoming: { socket: { remoteAddress: '198.51.100.9' } } })) as typeof fetch;
  const sandbox = sandboxControl({ bankOrigin: 'http://bank.test', secretKey: secret, fetch: inprocessFetch });
  expect(await sandbox.advanceClock(90)).toEqual({ now: new Date(start + 90_000).toISOString() });
  expect(Date.parse((await call('/v1/client-tokens', { secret, body: {} })).body.expiresAt)).toBe(start + 90_000 + minutes(5));
  expect(await sandbox.resetClock()).toEqual({ now: new Date(start).toISOString() });
  const created = await call('/v1/orders', { secret, body: { amount: '10.00', currency: 'CNY', description: 'Kit reset' } });
  expect(created.status).toBe(201);
  expect(await sandbox.reset()).toEqual({ reset: true });
  expect(said(await call(`/v1/orders/${created.body.id}`, { secret }))).toMatchObject({ status: 404 });
  // An unknown webhook and a wrong key are refused with the bank's codes, as SandboxError.
  await expect(sandbox.resendWebhook('whd_unknown')).rejects.toMatchObject({ status: 404, code: 'not_found' });
  const stranger = sandboxControl({ bankOrigin: 'http://bank.test', secretKey: 'sk_test_wrong', fetch: inprocessFetch });
  await expect(stranger.advanceClock(1)).rejects.toMatchObject({ status: 401 });
});
