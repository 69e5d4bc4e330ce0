/**
 * Merchant services on the sandbox itself, in-process, with a clock the test moves (no browser, no waiting):
 * merchants and verification, order splits and supervised rent, payouts (T+1, exactly once under concurrency),
 * the credit offer and the merchant loan, isolation between apps, and the ledger's invariants after each step.
 */
import { expect, test } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { createSandbox } from '../../src/sandbox/app.ts';
import { luhnCheckDigit } from '../../src/domain/card.ts';
import { demoApp, openDatabase } from '../../src/sandbox/db.ts';

const origin = 'http://localhost:4999';
const day = 86_400_000;

type Answer = { status: number; body: Record<string, any> };

function bank() {
  let clock = Date.parse('2026-12-01T09:00:00+08:00');
  const db = openDatabase(':memory:', [origin], 'http://127.0.0.1:9/webhooks');
  const app = createSandbox({ db, bankOrigin: 'http://127.0.0.1:4999', assetsDir: '/nonexistent', now: () => clock });
  const call = async (path: string, opts: { token?: string; secret?: string | false; body?: unknown; headers?: Record<string, string> } = {}): Promise<Answer> => {
    const headers: Record<string, string> = { 'Content-Type': 'application/json', 'X-Bank-Frame': '1', ...opts.headers };
    if (opts.token) headers.Authorization = `Bearer ${opts.token}`;
    else if (opts.secret !== false) headers.Authorization = `Bearer ${opts.secret ?? demoApp.secretKey}`;
    const response = await app.fetch(new Request(`http://127.0.0.1:4999${path}`, {
      method: opts.body === undefined ? 'GET' : 'POST', headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    }));
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  };
  const session = async (appId = demoApp.id, secret?: string) => {
    const { clientToken } = (await call('/v1/client-tokens', { secret, body: {} })).body;
    return (await call('/v1/frame/sessions', { secret: false, body: { clientToken, appId, origin, locale: 'en' } })).body.sessionToken as string;
  };
  const login = async (phone: string, appId?: string, secret?: string) => {
    const token = await session(appId, secret);
    const { challengeId } = (await call('/v1/frame/login', { token, body: { phone, password: 'Passw0rd!' } })).body;
    expect((await call('/v1/frame/login/verify', { token, body: { challengeId, code: '123456' } })).status).toBe(200);
    return token;
  };
  let phones = 0;
  /** A new customer with ¥50,000.00, logged in. */
  const tenant = async () => {
    const phone = `139${String(Date.now() % 1e6).padStart(6, '0')}${String(phones++).padStart(2, '0')}`;
    expect((await call('/v1/sandbox/customers', { secret: false, body: { phone } })).status).toBe(201);
    return login(phone);
  };
  const ledger = async () => (await call('/v1/sandbox/ledger')).body;
  const merchant = async (type = 'business', name = 'Anju Renovation Ltd', secret?: string) => {
    const answer = await call('/v1/merchants', { secret, body: { type, name } });
    expect(answer.status).toBe(201);
    return answer.body.id as string;
  };
  const zhangSan = { name: 'Anju Renovation Ltd', creditCode: '91110105MA01ABCD13', representative: 'Zhang San', representativeId: '110105199003070017', settlementAccount: '6222000000000000012' };
  const verify = (token: string, id: string, fields: Record<string, string> = {}) =>
    call(`/v1/frame/merchants/${id}/verification`, { token, body: { ...zhangSan, ...fields } });
  const verified = async (token: string) => {
    const id = await merchant();
    expect((await verify(token, id)).body.status).toBe('verified');
    return id;
  };
  const pay = async (token: string, order: Record<string, any>) => {
    const { accounts } = (await call('/v1/frame/accounts', { token })).body;
    return call('/v1/frame/payments', {
      token, headers: { 'Idempotency-Key': `pay-${randomUUID()}` },
      body: { orderId: order.id, accountId: accounts[0].id, pin: '135790', expectedAmount: order.amount },
    });
  };
  const webhooks = (type: string) =>
    (db.prepare('SELECT payload FROM webhook_deliveries').all() as { payload: string }[]).map((r) => JSON.parse(r.payload)).filter((p) => p.type === type);
  return { db, call, session, login, tenant, ledger, merchant, verify, verified, pay, webhooks, move: (ms: number) => { clock += ms; }, now: () => clock };
}

function expectError(answer: Answer, status: number, code: string) {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  expect(answer.body.error.code).toBe(code);
}

test('merchants: created idempotently, unverified, with a zero balance', async () => {
  const { call } = bank();
  const key = { 'Idempotency-Key': `mer-${randomUUID()}` };
  const first = await call('/v1/merchants', { headers: key, body: { type: 'business', name: 'Anju Renovation Ltd', reference: 'firm-1' } });
  expect(first.status).toBe(201);
  expect(first.body).toMatchObject({ id: expect.stringMatching(/^mer_/), status: 'unverified', type: 'business', name: 'Anju Renovation Ltd', reference: 'firm-1', balance: '0.00' });
  const again = await call('/v1/merchants', { headers: key, body: { type: 'business', name: 'Anju Renovation Ltd', reference: 'firm-1' } });
  expect(again.body.id).toBe(first.body.id);
  expectError(await call('/v1/merchants', { headers: key, body: { type: 'business', name: 'Other Ltd' } }), 409, 'idempotency_conflict');
  expectError(await call('/v1/merchants', { body: { type: 'company', name: 'X Ltd' } }), 400, 'invalid_request');
  expectError(await call('/v1/merchants', { body: { type: 'individual', name: ' ' } }), 400, 'invalid_request');
  expectError(await call('/v1/merchants', { secret: 'sk_wrong', body: { type: 'individual', name: 'Wang' } }), 401, 'unauthorized');
  expect((await call(`/v1/merchants/${first.body.id}`)).body.status).toBe('unverified');
});

test('verification: only the logged-in legal representative with their own ID; the test account is rejected; merchant.verified webhook', async () => {
  const { call, session, login, merchant, verify, webhooks } = bank();
  const id = await merchant();
  expectError(await verify(await session(), id), 401, 'login_required');
  const zhang = await login('13800000001');
  expectError(await verify(zhang, id, { creditCode: '91110105MA01ABCD14' }), 400, 'invalid_request');
  expectError(await verify(zhang, id, { settlementAccount: '6222000000000000013' }), 400, 'invalid_request');
  expectError(await verify(zhang, id, { representativeId: '310115198805120034' }), 422, 'verification_failed');
  expectError(await verify(zhang, id, { representative: 'Li Si' }), 422, 'verification_failed');
  const rejected = await verify(zhang, id, { settlementAccount: '6222000000000000046' });
  expect(rejected.body).toEqual({ merchantId: id, status: 'rejected', type: 'business', reason: 'settlement_account_check_failed' });
  expect((await call(`/v1/merchants/${id}`)).body).toMatchObject({ status: 'rejected', rejectionReason: 'settlement_account_check_failed' });
  expect(webhooks('merchant.verified')).toHaveLength(0);
  // A rejected merchant may try again with another account.
  const ok = await verify(zhang, id, { creditCode: '91350100M000100Y43' });
  expect(ok.body).toEqual({ merchantId: id, status: 'verified', type: 'business' });
  const view = (await call(`/v1/merchants/${id}`)).body;
  expect(view).toMatchObject({ status: 'verified', settlementAccount: '**** 0012', creditCode: '9135********100Y43' });
  expect(JSON.stringify(view)).not.toContain('110105199003070017');
  expect(JSON.stringify(view)).not.toContain('6222000000000000012');
  expectError(await verify(zhang, id), 400, 'invalid_request');
  const [hook] = webhooks('merchant.verified');
  expect(hook.data).toMatchObject({ id, status: 'verified' });
  // The page's view of a merchant: state only.
  expect((await call(`/v1/frame/merchants/${id}`, { token: zhang })).body).toEqual({ merchantId: id, status: 'verified', type: 'business' });
  // An individual landlord: name, ID number and account; no credit code.
  const landlord = await merchant('individual', 'Zhang San');
  const individual = await call(`/v1/frame/merchants/${landlord}/verification`, {
    token: zhang, body: { name: 'Zhang San', representative: 'Zhang San', representativeId: '110105199003070017', settlementAccount: '6222000000000000012' },
  });
  expect(individual.body.status).toBe('verified');
});

test('orders: splits and rent are checked when the order is created', async () => {
  const { call, login, merchant, verified } = bank();
  const zhang = await login('13800000001');
  const good = await verified(zhang);
  const unverified = await merchant();
  const order = (extra: Record<string, unknown>, amount = '3500.00') =>
    call('/v1/orders', { body: { amount, currency: 'CNY', description: 'Rent', ...extra } });
  expectError(await order({ splits: [{ merchantId: unverified, amount: '100.00' }] }), 409, 'merchant_unverified');
  expectError(await order({ splits: [{ merchantId: good, amount: '3500.01' }] }), 422, 'split_exceeds_amount');
  expectError(await order({ splits: [{ merchantId: 'mer_nobody', amount: '1.00' }] }), 404, 'not_found');
  expectError(await order({ splits: [{ merchantId: good, amount: '1.00' }, { merchantId: good, amount: '1.00' }] }), 400, 'invalid_request');
  expectError(await order({ splits: [] }), 400, 'invalid_request');
  expectError(await order({ splits: [{ merchantId: good, amount: '-1' }] }), 400, 'invalid_request');
  const rent = { monthlyRent: '3500.00', months: 6, deposit: '7000.00' };
  expectError(await order({ rent }, '28000.01'), 400, 'invalid_request');
  expectError(await order({ rent: { ...rent, months: 0 } }, '7000.00'), 400, 'invalid_request');
  // With rent, only what is released at once (¥14,000 here) can be split.
  expectError(await order({ rent, splits: [{ merchantId: good, amount: '14000.01' }] }, '28000.00'), 422, 'split_exceeds_amount');
  const created = await order({ rent, splits: [{ merchantId: good, amount: '13300.00' }] }, '28000.00');
  expect(created.status).toBe(201);
  expect(created.body).toMatchObject({ status: 'pending', amount: '28000.00', splits: [{ merchantId: good, amount: '13300.00', settled: false }], rent: { monthlyRent: '3500.00', months: 6, deposit: '7000.00' } });
  // A plain order is as before.
  expect((await order({})).body).not.toHaveProperty('splits');
});

test('a split rent payment: the merchant is credited, the rest is supervised and released on the clock', async () => {
  const { call, login, tenant, verified, pay, ledger, move } = bank();
  const zhang = await login('13800000001');
  const landlord = await verified(zhang);
  const created = (await call('/v1/orders', {
    body: { amount: '28000.00', currency: 'CNY', description: 'Lease, 6 months', rent: { monthlyRent: '3500.00', months: 6, deposit: '7000.00' }, splits: [{ merchantId: landlord, amount: '13300.00' }] },
  })).body;
  const payer = await tenant();
  const paid = await pay(payer, created);
  expect(paid.status, JSON.stringify(paid.body)).toBe(200);
  expect((await call(`/v1/merchants/${landlord}`)).body.balance).toBe('13300.00');
  const order = async () => (await call(`/v1/orders/${created.id}`)).body;
  expect((await order()).supervision).toEqual({
    held: '14000.00', released: '14000.00',
    schedule: [
      { date: '2027-03-01', amount: '3500.00', kind: 'rent', released: false },
      { date: '2027-04-01', amount: '3500.00', kind: 'rent', released: false },
      { date: '2027-05-01', amount: '3500.00', kind: 'rent', released: false },
      { date: '2027-06-01', amount: '3500.00', kind: 'deposit', released: false },
    ],
  });
  expect((await order()).splits).toEqual([{ merchantId: landlord, amount: '13300.00', settled: true }]);
  expect(await ledger()).toMatchObject({ ok: true, negativeMerchantAccounts: 0, supervisedNotMatchingHeld: 0 });
  // Month 4 starts on 1 March 2027, 09:00 Beijing time: not a moment earlier.
  move(Date.parse('2027-03-01T08:59:59+08:00') - Date.parse('2026-12-01T09:00:00+08:00'));
  expect((await order()).supervision.held).toBe('14000.00');
  move(1000);
  expect((await order()).supervision).toMatchObject({ held: '10500.00', released: '17500.00' });
  expect((await ledger()).ok).toBe(true);
  move(100 * day);
  const end = (await order()).supervision;
  expect(end).toMatchObject({ held: '0.00', released: '28000.00' });
  expect(end.schedule.every((r: { released: boolean }) => r.released)).toBe(true);
  expect(await ledger()).toMatchObject({ ok: true, supervisedNotMatchingHeld: 0 });
});

test('payouts: refusals, T+1 on the clock, payout.paid', async () => {
  const { call, login, tenant, merchant, verify, verified, pay, ledger, move, webhooks } = bank();
  const zhang = await login('13800000001');
  const payout = (merchantId: string, amount: string, key?: string) =>
    call('/v1/payouts', { headers: key ? { 'Idempotency-Key': key } : {}, body: { merchantId, amount } });
  expectError(await payout(await merchant(), '1.00'), 409, 'merchant_unverified');
  const rejected = await merchant();
  await verify(zhang, rejected, { settlementAccount: '6222000000000000046' });
  expectError(await payout(rejected, '1.00'), 409, 'merchant_unverified');
  const firm = await verified(zhang);
  expectError(await payout(firm, '0.01'), 402, 'insufficient_funds');
  expectError(await payout(firm, 'ten'), 400, 'invalid_request');
  expectError(await payout('mer_nobody', '1.00'), 404, 'not_found');
  const order = (await call('/v1/orders', { body: { amount: '1000.00', currency: 'CNY', description: 'Renovation deposit', splits: [{ merchantId: firm, amount: '950.00' }] } })).body;
  expect((await pay(await tenant(), order)).status).toBe(200);
  expectError(await payout(firm, '950.01'), 402, 'insufficient_funds');
  const key = `po-${randomUUID()}`;
  const first = await payout(firm, '900.00', key);
  expect(first.status).toBe(201);
  expect(first.body).toMatchObject({ merchantId: firm, amount: '900.00', status: 'pending', arrivesAt: '2026-12-01T16:00:00.000Z' });
  expectError(await payout(firm, '10.00', key), 409, 'idempotency_conflict');
  expect((await call(`/v1/merchants/${firm}`)).body.balance).toBe('50.00');
  expect(webhooks('payout.paid')).toHaveLength(0);
  // T+1: at midnight Beijing time (16:00 UTC), not a second before.
  move(15 * 3_600_000 - 1000);
  expect((await call(`/v1/payouts/${first.body.id}`)).body.status).toBe('pending');
  move(1000);
  expect((await call(`/v1/payouts/${first.body.id}`)).body).toMatchObject({ status: 'paid', paidAt: expect.any(String) });
  expect(webhooks('payout.paid').map((w) => w.data.id)).toEqual([first.body.id]);
  expect((await payout(firm, '900.00', key)).body).toMatchObject({ id: first.body.id, status: 'paid' });
  expect((await ledger()).ok).toBe(true);
});

test('idempotent payouts under 50 concurrent requests with 10 keys: exactly 10 payouts, the balance never negative', async () => {
  const { db, call, login, tenant, verified, pay, ledger } = bank();
  const zhang = await login('13800000001');
  const firm = await verified(zhang);
  const payer = await tenant();
  const order = (await call('/v1/orders', { body: { amount: '2000.00', currency: 'CNY', description: 'Rent', splits: [{ merchantId: firm, amount: '1500.00' }] } })).body;
  expect((await pay(payer, order)).status).toBe(200);
  const keys = Array.from({ length: 10 }, () => `po-${randomUUID()}`);
  const answers = await Promise.all(Array.from({ length: 50 }, (_, i) =>
    call('/v1/payouts', { headers: { 'Idempotency-Key': keys[i % 10]! }, body: { merchantId: firm, amount: '100.00' } })));
  expect(answers.every((a) => a.status === 201)).toBe(true);
  expect(new Set(answers.map((a) => a.body.id)).size).toBe(10);
  const rows = db.prepare('SELECT COUNT(*) AS n, SUM(amount) AS total FROM payouts WHERE merchant_id = ?').get(firm) as { n: number; total: number };
  expect(rows).toEqual({ n: 10, total: 100000 });
  expect((await call(`/v1/merchants/${firm}`)).body.balance).toBe('500.00');
  // Now more than the balance allows: 10 keys × ¥100 against ¥500 — five are paid, five refused, never below zero.
  const more = Array.from({ length: 10 }, () => `po-${randomUUID()}`);
  const second = await Promise.all(Array.from({ length: 50 }, (_, i) =>
    call('/v1/payouts', { headers: { 'Idempotency-Key': more[i % 10]! }, body: { merchantId: firm, amount: '100.00' } })));
  const paidKeys = new Set(second.filter((a) => a.status === 201).map((a) => a.body.id));
  expect(paidKeys.size).toBe(5);
  expect(second.filter((a) => a.status !== 201).every((a) => a.body.error.code === 'insufficient_funds')).toBe(true);
  expect((await call(`/v1/merchants/${firm}`)).body.balance).toBe('0.00');
  expect(await ledger()).toMatchObject({ ok: true, negativeMerchantAccounts: 0 });
});

test('credit offer and merchant loan: for the legal representative, up to the offer', async () => {
  const { db, call, login, merchant, verified } = bank();
  const zhang = await login('13800000001');
  const firm = await verified(zhang);
  const offer = async (id = firm) => (await call(`/v1/merchants/${id}/credit-offer`)).body;
  expect(await offer()).toMatchObject({ merchantId: firm, limit: '0.00', apr: '6.00', basis: { from: '2026-06', to: '2026-11', monthsWithIncome: 0 } });
  expect((await offer(await merchant())).limit).toBe('0.00');
  expect((await call(`/v1/sandbox/merchants/${firm}/income`, { body: { months: 2, amount: '10000.00' } })).status).toBe(200);
  expect((await offer()).limit).toBe('0.00');
  await call(`/v1/sandbox/merchants/${firm}/income`, { body: { months: 4, amount: '10000.00' } });
  // Months 1–2 back have ¥20,000 each, 3–4 back ¥10,000: ¥60,000 over 4 months → 30% = ¥18,000.
  expect(await offer()).toMatchObject({ limit: '18000.00', basis: { monthsWithIncome: 4, settledIncome: '60000.00' } });
  const apply = (token: string, amount: string, termMonths = 6, merchantId: string | null = firm) => call('/v1/frame/loan-applications', {
    token, body: { product: 'merchant-loan', amount, termMonths, merchantId, fullName: 'Zhang San', idNumber: '110105199003070017', monthlyIncome: '15000.00', employer: 'Anju Renovation Ltd', consent: true },
  });
  expectError(await apply(zhang, '18000.01'), 403, 'limit_exceeded');
  expectError(await apply(zhang, '10000.00', 13), 400, 'invalid_request');
  expectError(await apply(zhang, '10000.00', 2), 400, 'invalid_request');
  expectError(await apply(zhang, '10000.00', 6, null), 400, 'invalid_request');
  expectError(await apply(await login('13800000002'), '10000.00'), 422, 'verification_failed');
  const approved = await apply(zhang, '18000.00', 12);
  expect(approved.status, JSON.stringify(approved.body)).toBe(201);
  expect(approved.body).toMatchObject({ status: 'approved', product: 'merchant-loan', amount: '18000.00', termMonths: 12 });
  expect(db.prepare('SELECT merchant_id, transaction_id FROM merchant_loans WHERE application_id = ?').get(approved.body.id))
    .toMatchObject({ merchant_id: firm, transaction_id: expect.stringMatching(/^txn_/) });
  expect((await call('/v1/sandbox/ledger')).body.ok).toBe(true);
});

test('merchants are the app’s own: another app gets 404 everywhere', async () => {
  const { call, login, verified } = bank();
  const zhang = await login('13800000001');
  const firm = await verified(zhang);
  const other = (await call('/v1/sandbox/apps', { secret: false, body: { name: 'Other platform', origins: [origin] } })).body;
  const as = { secret: other.secretKey as string };
  expectError(await call(`/v1/merchants/${firm}`, as), 404, 'not_found');
  expectError(await call(`/v1/merchants/${firm}/credit-offer`, as), 404, 'not_found');
  expectError(await call('/v1/payouts', { ...as, body: { merchantId: firm, amount: '1.00' } }), 404, 'not_found');
  expectError(await call('/v1/orders', { ...as, body: { amount: '10.00', currency: 'CNY', description: 'x', splits: [{ merchantId: firm, amount: '1.00' }] } }), 404, 'not_found');
  expectError(await call(`/v1/sandbox/merchants/${firm}/income`, { ...as, body: { months: 3, amount: '1.00' } }), 404, 'not_found');
  const otherLogin = await login('13800000001', other.appId, other.secretKey);
  expectError(await call(`/v1/frame/merchants/${firm}`, { token: otherLogin }), 404, 'not_found');
  expectError(await call(`/v1/frame/merchants/${firm}/verification`, { token: otherLogin, body: {
    name: 'Anju Renovation Ltd', creditCode: '91110105MA01ABCD13', representative: 'Zhang San', representativeId: '110105199003070017', settlementAccount: '6222000000000000012',
  } }), 404, 'not_found');
});

test('merchant ledger account numbers never meet e-account numbers (a 500 once the e-accounts and merchants grew)', async () => {
  const { db, merchant } = bank();
  // The first e-account, numbered as src/sandbox/accounts.ts numbers it: 622203, a sequence of 12, a Luhn digit.
  const body = `622203${'1'.padStart(12, '0')}`;
  db.prepare(`INSERT INTO accounts (id, owner, number, created_at) VALUES ('acc_first_e_account', 'bank', ?, 0)`).run(body + luhnCheckDigit(body));
  // Each merchant gets its own ledger account: enough of them to reach every number the old scheme could collide on.
  for (let i = 0; i < 22; i++) await merchant('business', `Firm ${i}`);
});
