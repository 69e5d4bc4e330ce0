import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { registerApp } from '../../src/sandbox/apps.ts';
import { createSandboxCustomer } from '../../src/sandbox/customers.ts';
import { demoApp, migrate, migrationCount, openDatabase } from '../../src/sandbox/db.ts';
import { inprocessBank, partnerOrigin, said } from './inprocess.ts';

/** Production mode seeds nothing; the SMS code is random and sent; the bridge's CSP and the loader's origin. */

test('production mode seeds nothing: no demo app, no demo secret, no test customers, no sandbox endpoints', async () => {
  const db = openDatabase(':memory:', [partnerOrigin], `${partnerOrigin}/hooks`, { production: true });
  const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  expect({ apps: count('apps'), customers: count('customers'), accounts: count('accounts') }).toEqual({ apps: 0, customers: 0, accounts: 0 });
  const { call } = inprocessBank({ db, production: true });
  const minted = await call('/v1/client-tokens', { secret: demoApp.secretKey, body: {} });
  expect(said(minted).code).toBe('unauthorized');
  for (const path of ['/v1/sandbox/apps', '/v1/sandbox/customers']) {
    const answer = await call(path, { secret: demoApp.secretKey, body: { name: 'x', origins: [partnerOrigin], phone: '13800000001' } });
    expect(said(answer), path).toMatchObject({ status: 404, code: 'not_found' });
  }
  // The sandbox, by contrast, seeds them.
  const sandbox = openDatabase(':memory:', [partnerOrigin]);
  expect((sandbox.prepare('SELECT COUNT(*) AS n FROM customers').get() as { n: number }).n).toBeGreaterThanOrEqual(5);
});

test('production SMS codes are random and sent through the gateway; 123456 is refused', async () => {
  const db = openDatabase(':memory:', [], null, { production: true });
  const { appId, secretKey } = registerApp(db, 'Bank partner', [partnerOrigin], null, Date.now());
  createSandboxCustomer(db, '13600000001', 'Wu Yi', '吴一');
  const sent: { phone: string; code: string }[] = [];
  const { call, session } = inprocessBank({ db, production: true, sendSms: (phone, code) => sent.push({ phone, code }) });
  const token = await session({ appId, secret: secretKey });
  const first = await call('/v1/frame/login', { token, body: { phone: '13600000001', password: 'Passw0rd!' } });
  expect(first.status, first.text).toBe(200);
  expect(sent).toHaveLength(1);
  expect(sent[0].phone).toBe('13600000001');
  expect(sent[0].code).toMatch(/^\d{6}$/);
  if (sent[0].code !== '123456') {
    const fixed = await call('/v1/frame/login/verify', { token, body: { challengeId: first.body.challengeId, code: '123456' } });
    expect(said(fixed).code).toBe('invalid_credentials');
  }
  const verified = await call('/v1/frame/login/verify', { token, body: { challengeId: first.body.challengeId, code: sent[0].code } });
  expect(verified.status, verified.text).toBe(200);
  expect(verified.body.customer.displayName).toBe('Wu *');
  // Each challenge gets its own code.
  const second = await call('/v1/frame/login', { token, body: { phone: '13600000001', password: 'Passw0rd!' } });
  expect(second.status).toBe(200);
  expect(sent).toHaveLength(2);
});

test('an upgrade from the previous schema keeps the data and adds the new tables', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bank-upgrade-'));
  try {
    const path = join(dir, 'sandbox.db');
    const old = new Database(path);
    migrate(old, migrationCount - 1);
    expect(old.pragma('user_version', { simple: true })).toBe(migrationCount - 1);
    old.close();
    // A database as the previous version left it, with its data (seeded by the previous version's code path).
    const before = openDatabaseAt(path, migrationCount - 1);
    before.prepare("UPDATE customers SET name_en = 'Zhang San (kept)' WHERE phone = '13800000001'").run();
    const kept = () => before.prepare(
      `SELECT c.id, c.name_en, a.id AS account, a.balance FROM customers c JOIN accounts a ON a.customer_id = c.id WHERE c.phone = '13800000001'`,
    ).get();
    const row = kept();
    before.close();

    const upgraded = openDatabase(path, [partnerOrigin]);
    expect(upgraded.pragma('user_version', { simple: true })).toBe(migrationCount);
    expect(upgraded.prepare(
      `SELECT c.id, c.name_en, a.id AS account, a.balance FROM customers c JOIN accounts a ON a.customer_id = c.id WHERE c.phone = '13800000001'`,
    ).get()).toEqual(row);
    expect(row).toMatchObject({ name_en: 'Zhang San (kept)', balance: 5_000_000 });
    // The upgraded bank works: a login, and the new throttles table counts a wrong password.
    const { call, session, logIn } = inprocessBank({ db: upgraded });
    const customer = await logIn(await session(), '13800000001');
    expect(customer.displayName).toBe('Zhang *');
    expect(said(await call('/v1/frame/login', { token: await session(), body: { phone: '13800000001', password: 'nope' } })).code).toBe('invalid_credentials');
    expect((upgraded.prepare("SELECT failures FROM throttles WHERE key = 'login:13800000001'").get() as { failures: number }).failures).toBe(1);
    upgraded.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** The previous version's openDatabase: its migrations, then the sandbox seed (customers, demo app). */
function openDatabaseAt(path: string, steps: number) {
  const db = new Database(path);
  migrate(db, steps);
  createSandboxCustomer(db, '13800000001', 'Zhang San', '张三');
  return db;
}

test.describe('the bridge and frame pages', () => {
  const assets = resolve('dist/sdk/v1');

  test('frame-ancestors names only the embedding origin, if the app registered it; else none', async () => {
    const db = openDatabase(':memory:', [partnerOrigin, 'http://second.example']);
    const { call } = inprocessBank({ db, assetsDir: assets });
    const csp = async (query: string) => {
      const answer = await call(`/sdk/v1/frames/bridge.html?${query}`);
      expect(answer.status).toBe(200);
      return /frame-ancestors ([^;]+)/.exec(answer.headers.get('Content-Security-Policy') ?? '')?.[1];
    };
    expect(await csp(`app=${demoApp.id}&origin=${encodeURIComponent(partnerOrigin)}`)).toBe(partnerOrigin);
    expect(await csp(`app=${demoApp.id}&origin=${encodeURIComponent('http://second.example')}`)).toBe('http://second.example');
    expect(await csp(`app=${demoApp.id}`)).toBe("'none'");
    expect(await csp(`app=${demoApp.id}&origin=${encodeURIComponent('https://evil.example')}`)).toBe("'none'");
    expect(await csp(`app=app_nope&origin=${encodeURIComponent(partnerOrigin)}`)).toBe("'none'");
  });

  test('the loader is served with the bank\'s own origin built in', async () => {
    const { call } = inprocessBank({ assetsDir: assets });
    const loader = await call('/sdk/v1/bank-sdk.js');
    expect(loader.status).toBe(200);
    expect(loader.text).toContain('http://127.0.0.1:4998');
    expect(loader.text).not.toContain('__BANK_ORIGIN_PLACEHOLDER__');
  });
});
