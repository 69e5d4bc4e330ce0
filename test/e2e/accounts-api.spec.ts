import { expect, test } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { residentIdCheckChar } from '../../src/domain/resident-id.ts';
import { createSandbox } from '../../src/sandbox/app.ts';
import { accountTerms } from '../../src/sandbox/accounts.ts';
import { demoApp, openDatabase } from '../../src/sandbox/db.ts';
import { ledgerCheck } from '../../src/sandbox/ledger.ts';

/**
 * Class II/III accounts on the sandbox itself, in-process, with a clock the test moves: the four-factor check,
 * one account per class, new customers, limits across China's midnight, the Class III cap under concurrent
 * top-ups, transactions paging and statements. No browser.
 */
const origin = 'http://localhost:4999';
const bankOrigin = 'http://127.0.0.1:4999';
const goodCard = '6222000000000000012';
const failingCard = '6222000000000000020';

function bank(start = Date.parse('2026-12-01T02:00:00Z')) {
  const clock = { now: start };
  const db = openDatabase(':memory:', [origin]);
  const app = createSandbox({ db, bankOrigin, assetsDir: '/nonexistent', now: () => clock.now });
  const raw = (path: string, init: RequestInit = {}) => app.fetch(new Request(`${bankOrigin}${path}`, init));
  const call = async (path: string, { token, secret, body, method, headers = {} }: {
    token?: string; secret?: boolean; body?: unknown; method?: string; headers?: Record<string, string>;
  } = {}) => {
    const all: Record<string, string> = { 'Content-Type': 'application/json', 'X-Bank-Frame': '1', ...headers };
    if (token) all.Authorization = `Bearer ${token}`;
    if (secret) all.Authorization = `Bearer ${demoApp.secretKey}`;
    const response = await raw(path, {
      method: method ?? (body === undefined ? 'GET' : 'POST'), headers: all, body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  };
  const session = async () => {
    const { clientToken } = (await call('/v1/client-tokens', { secret: true, body: {} })).body;
    return (await call('/v1/frame/sessions', { body: { clientToken, appId: demoApp.id, origin, locale: 'en' } })).body.sessionToken as string;
  };
  const loggedIn = async (phone: string) => {
    const token = await session();
    const { challengeId } = (await call('/v1/frame/login', { token, body: { phone, password: 'Passw0rd!' } })).body;
    expect((await call('/v1/frame/login/verify', { token, body: { challengeId, code: '123456' } })).status).toBe(200);
    return token;
  };
  const details = (extra: Record<string, unknown> = {}) => ({
    accountClass: 'II', fullName: 'Zhang San', idNumber: '110105199003070017', cardNumber: goodCard, termsVersion: accountTerms.version, ...extra,
  });
  /** A person who is not a customer yet: phone proven by SMS in a fresh frame session. */
  const newPerson = async (phone: string) => {
    const token = await session();
    const sms = await call('/v1/frame/account-opening/sms', { token, body: { phone } });
    expect(sms.status).toBe(200);
    const verified = await call('/v1/frame/account-opening/verify', { token, body: { challengeId: sms.body.challengeId, code: '123456' } });
    expect(verified.body).toEqual({ newCustomer: true });
    return { token, challengeId: sms.body.challengeId as string };
  };
  const accounts = async (token: string) => (await call('/v1/frame/accounts', { token })).body.accounts as Record<string, any>[];
  let key = 0;
  const topUp = (token: string, accountId: string, amount: string, idempotencyKey = `topup-key-${++key}-${randomUUID()}`) =>
    call(`/v1/frame/accounts/${accountId}/top-ups`, { token, body: { amount, pin: '135790' }, headers: { 'Idempotency-Key': idempotencyKey } });
  const order = async (amount: string) => (await call('/v1/orders', { secret: true, body: { amount, currency: 'CNY', description: 'Rent' } })).body.id as string;
  const pay = async (token: string, accountId: string, amount: string) =>
    call('/v1/frame/payments', {
      token, body: { orderId: await order(amount), accountId, pin: '135790', expectedAmount: amount },
      headers: { 'Idempotency-Key': `pay-key-${++key}-${randomUUID()}` },
    });
  return { db, clock, raw, call, session, loggedIn, details, newPerson, accounts, topUp, pay };
}

/** A valid resident ID number nobody in the sandbox holds. */
const freshId = (seq: number) => {
  const first17 = `11010819900101${String(seq).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
};

test('four-factor check for an existing customer: the name and ID must be the ones the bank holds, the card must verify', async () => {
  const { clock, call, loggedIn, details, accounts } = bank();
  const token = await loggedIn('13800000001');
  expect((await call('/v1/frame/account-opening/check', { token, body: details() })).body).toEqual({ ok: true });
  expect((await call('/v1/frame/account-opening/check', { token, body: details({ fullName: '张三' }) })).body).toEqual({ ok: true });
  for (const wrong of [{ fullName: 'Li Si' }, { idNumber: '310115198805120034' }, { idNumber: freshId(1) }, { cardNumber: failingCard }]) {
    const refused = await call('/v1/frame/account-opening/check', { token, body: details(wrong) });
    expect(refused.status, JSON.stringify(wrong)).toBe(422);
    expect(refused.body.error.code).toBe('verification_failed');
  }
  const notLuhn = await call('/v1/frame/account-opening/check', { token, body: details({ cardNumber: '6222000000000000013' }) });
  expect(notLuhn.body.error.code).toBe('invalid_request');
  const wrongPin = await call('/v1/frame/account-openings', { token, body: { ...details(), pin: '000000' } });
  expect(wrongPin.body.error.code).toBe('invalid_credentials');
  const opened = await call('/v1/frame/account-openings', { token, body: { ...details(), pin: '135790' } });
  expect(opened.status).toBe(201);
  expect(opened.body.account).toMatchObject({ accountClass: 'II', last4: expect.stringMatching(/^\d{4}$/) });
  const twice = await call('/v1/frame/account-openings', { token, body: { ...details(), pin: '135790' } });
  expect(twice.status).toBe(409);
  expect(twice.body.error.code).toBe('account_exists');
  expect((await call('/v1/frame/account-opening/check', { token, body: details() })).body.error.code).toBe('account_exists');
  clock.now += 1000;
  const third = await call('/v1/frame/account-openings', { token, body: { ...details({ accountClass: 'III' }), pin: '135790' } });
  expect(third.status).toBe(201);
  const list = await accounts(token);
  expect(list.map((a) => a.accountClass)).toEqual(['I', 'II', 'III']);
  const classII = list[1]!;
  expect(classII).toMatchObject({ balance: '0.00', boundCard: '···· 0012', number: `**** ${opened.body.account.last4}` });
  expect(classII.limits.daily).toEqual({ limit: '10000.00', used: '0.00', left: '10000.00' });
  expect(list[2]!.limits.balanceCap).toBe('2000.00');
  expect(list[0]!.limits).toBeNull();
});

test('a new person: phone by SMS, identity, card, PIN and password; logged in afterwards; the sandbox’s test IDs serve anyone', async () => {
  const { call, newPerson, details, accounts, db } = bank();
  const { token, challengeId } = await newPerson('13800000099');
  const id = freshId(2);
  const mine = details({ fullName: 'Wang Xiao', idNumber: id });
  expect((await call('/v1/frame/account-opening/check', { token, body: { challengeId, ...mine, cardNumber: failingCard } })).body.error.code)
    .toBe('verification_failed');
  expect((await call('/v1/frame/account-opening/check', { token, body: { challengeId, ...mine } })).body).toEqual({ ok: true });
  const simple = await call('/v1/frame/account-openings', { token, body: { challengeId, ...mine, pin: '123456', password: 'Str0ng-pass' } });
  expect(simple.body.error.code).toBe('invalid_request');
  const opened = await call('/v1/frame/account-openings', { token, body: { challengeId, ...mine, pin: '246802', password: 'Str0ng-pass' } });
  expect(opened.status).toBe(201);
  expect(opened.body.customer).toMatchObject({ displayName: 'Wang *', customerId: expect.stringMatching(/^cus_/) });
  expect((await call('/v1/frame/session', { token })).body.customer.customerId).toBe(opened.body.customer.customerId);
  expect((await accounts(token)).map((a) => a.accountClass)).toEqual(['II']);
  // The challenge is spent; the new customer logs in with the password they chose.
  expect((await call('/v1/frame/account-openings', { token, body: { challengeId, ...mine, pin: '246802', password: 'x' } })).status).not.toBe(201);
  const login = await call('/v1/frame/login', { token, body: { phone: '13800000099', password: 'Str0ng-pass' } });
  expect(login.status).toBe(200);
  // Real-name verified by the opening itself: the data service's `identity` claim answers yes for them.
  const shared = await call('/v1/frame/consents', {
    token, body: { purpose: 'rental-screening', claims: 'identity balance-at-least:1', textVersion: 'share-data/2026-11', agreed: true },
  });
  expect(shared.status).toBe(201);
  expect((await call(`/v1/consents/${shared.body.consentId}`, { secret: true })).body.claims).toEqual({ identity: true, 'balance-at-least:1.00': false });
  // The identity, bound card and accepted terms version are stored.
  expect(db.prepare('SELECT terms_version FROM e_accounts').get()).toEqual({ terms_version: accountTerms.version });
  // The sandbox's test identities serve anyone, as its test card does (CONTRACT.md §6): another new person may open
  // with that ID too, and with the contract's own test ID after someone else did, so partners' tests can repeat.
  const other = await newPerson('13800000098');
  const again = await call('/v1/frame/account-opening/check', { token: other.token, body: { challengeId: other.challengeId, ...mine } });
  expect(again.body).toEqual({ ok: true });
  for (const [phone, name] of [['13800000097', 'Wang Wu'], ['13800000096', 'Li Hua']]) {
    const person = await newPerson(phone);
    const opened = await call('/v1/frame/account-openings', {
      token: person.token,
      body: { challengeId: person.challengeId, ...details({ fullName: name, idNumber: '11010519491231002X' }), pin: '246802', password: 'Str0ng-pass' },
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
  }
});

test('a wrong SMS code is refused; an unverified or foreign challenge opens nothing; only bank frames may call', async ({}) => {
  const { call, session, details, raw } = bank();
  const token = await session();
  const { challengeId } = (await call('/v1/frame/account-opening/sms', { token, body: { phone: '13800000097' } })).body;
  expect((await call('/v1/frame/account-opening/sms', { token, body: { phone: '13800000097' } })).body.error.code).toBe('rate_limited');
  expect((await call('/v1/frame/account-opening/verify', { token, body: { challengeId, code: '000000' } })).body.error.code)
    .toBe('invalid_credentials');
  const unverified = await call('/v1/frame/account-openings', { token, body: { challengeId, ...details({ idNumber: freshId(3) }), pin: '246802', password: 'Str0ng-pass' } });
  expect(unverified.body.error.code).toBe('invalid_request');
  const other = await session();
  expect((await call('/v1/frame/account-opening/verify', { token: other, body: { challengeId, code: '123456' } })).body.error.code)
    .toBe('code_expired');
  const forged = await raw('/v1/frame/account-opening', { headers: { Authorization: `Bearer ${token}` } });
  expect(forged.status).toBe(403);
});

test('Class II limits: ¥10,000 a China calendar day, counted again after China’s midnight; bound-card inflow unlimited', async () => {
  // 23:45 in China on 1 December.
  const { clock, call, loggedIn, details, accounts, topUp, pay, db } = bank(Date.parse('2026-12-01T15:45:00Z'));
  const token = await loggedIn('13800000004');
  const opened = await call('/v1/frame/account-openings', {
    token, body: { ...details({ fullName: 'Zhao Liu', idNumber: '330106199208110040' }), pin: '135790' },
  });
  expect(opened.status).toBe(201);
  const accountId = opened.body.account.accountId as string;
  expect((await topUp(token, accountId, '50000.00')).status).toBe(200); // money from the bound card: not limited
  expect((await pay(token, accountId, '6000.00')).status).toBe(200);
  const over = await pay(token, accountId, '4000.01');
  expect(over.status).toBe(403);
  expect(over.body.error.code).toBe('limit_exceeded');
  expect((await pay(token, accountId, '4000.00')).status).toBe(200);
  expect((await accounts(token)).find((a) => a.id === accountId)!.limits.daily).toEqual({ limit: '10000.00', used: '10000.00', left: '0.00' });
  clock.now = Date.parse('2026-12-01T15:59:59.999Z');
  expect((await pay(token, accountId, '0.01')).body.error.code).toBe('limit_exceeded');
  clock.now = Date.parse('2026-12-01T16:00:00Z'); // midnight in China: a new day
  const limits = (await accounts(token)).find((a) => a.id === accountId)!.limits;
  expect(limits.daily.left).toBe('10000.00');
  expect(limits.yearly).toEqual({ limit: '200000.00', used: '10000.00', left: '190000.00' });
  expect((await pay(token, accountId, '10000.00')).status).toBe(200);
  expect((await pay(token, accountId, '0.01')).body.error.code).toBe('limit_exceeded');
  expect(ledgerCheck(db).ok).toBe(true);
});

test('Class III: payments ¥2,000 a day; the balance cap holds under concurrent top-ups, with exactly one success at the cap', async () => {
  const { call, loggedIn, details, accounts, topUp, pay, db } = bank();
  const token = await loggedIn('13800000001');
  const opened = await call('/v1/frame/account-openings', { token, body: { ...details({ accountClass: 'III' }), pin: '135790' } });
  const accountId = opened.body.account.accountId as string;
  const attempts = await Promise.all(Array.from({ length: 6 }, () => topUp(token, accountId, '2000.00')));
  expect(attempts.filter((a) => a.status === 200)).toHaveLength(1);
  expect(attempts.filter((a) => a.body.error?.code === 'limit_exceeded')).toHaveLength(5);
  expect((await topUp(token, accountId, '0.01')).body.error.code).toBe('limit_exceeded');
  expect((await accounts(token)).find((a) => a.id === accountId)!.balance).toBe('2000.00');
  // A retry with the same key replays the first answer and moves nothing again.
  const first = await topUp(token, '' + accountId, '1.00', 'same-key-0123456789');
  expect(first.status).toBe(403);
  expect((await pay(token, accountId, '1500.00')).status).toBe(200);
  const again = await topUp(token, accountId, '1.00', 'same-key-0123456789');
  expect(again.body).toEqual(first.body);
  const ok = await topUp(token, accountId, '100.00', 'other-key-0123456789');
  expect(ok.status).toBe(200);
  expect((await topUp(token, accountId, '100.00', 'other-key-0123456789')).body).toEqual(ok.body);
  expect((await accounts(token)).find((a) => a.id === accountId)!.balance).toBe('600.00');
  expect((await pay(token, accountId, '500.01')).body.error.code).toBe('limit_exceeded'); // 1,500 + 500.01 > 2,000 today
  expect((await pay(token, accountId, '500.00')).status).toBe(200);
  const wrongPin = await call(`/v1/frame/accounts/${accountId}/top-ups`, {
    token, body: { amount: '1.00', pin: '000000' }, headers: { 'Idempotency-Key': 'wrong-pin-0123456789' },
  });
  expect(wrongPin.body.error.code).toBe('invalid_credentials');
  expect(ledgerCheck(db)).toMatchObject({ ok: true, unbalancedTransactions: 0, accountsNotMatchingEntries: 0 });
});

test('transactions: 20 a page, newest first, with running balances; a month’s statement as CSV with a BOM, once per link', async () => {
  const { call, loggedIn, details, topUp, raw } = bank(Date.parse('2026-12-10T04:00:00Z'));
  const token = await loggedIn('13800000001');
  const accountId = (await call('/v1/frame/account-openings', { token, body: { ...details(), pin: '135790' } })).body.account.accountId;
  for (let i = 1; i <= 25; i++) expect((await topUp(token, accountId, `${i}.00`)).status).toBe(200);
  const first = await call(`/v1/frame/accounts/${accountId}/transactions`, { token });
  expect(first.body.transactions).toHaveLength(20);
  expect(first.body.transactions[0]).toMatchObject({ amount: '25.00', balance: '325.00', description: 'Add money', counterparty: 'Bound card ···· 0012' });
  expect(first.body.transactions[1]).toMatchObject({ amount: '24.00', balance: '300.00' });
  const second = await call(`/v1/frame/accounts/${accountId}/transactions?cursor=${first.body.nextCursor}`, { token });
  expect(second.body.transactions.map((t: { amount: string }) => t.amount)).toEqual(['5.00', '4.00', '3.00', '2.00', '1.00']);
  expect(second.body.nextCursor).toBeNull();
  const other = await loggedIn('13800000002');
  expect((await call(`/v1/frame/accounts/${accountId}/transactions`, { token: other })).status).toBe(404);

  const month = '2026-12'; // the ledger dates postings by the bank's clock (10 December 2026 here)
  const link = await call(`/v1/frame/accounts/${accountId}/statement-links`, { token, body: { month } });
  expect(link.status).toBe(201);
  const download = await raw(link.body.url);
  expect(download.status).toBe(200);
  expect(download.headers.get('Content-Disposition')).toMatch(/^attachment; filename="statement-\d{4}-\d{4}-\d{2}\.csv"$/);
  expect(download.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
  const bytes = new Uint8Array(await download.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = new TextDecoder().decode(bytes.slice(3)).trim().split('\r\n');
  expect(lines[0]).toBe('Date,Description,Counterparty,Amount,Balance');
  expect(lines).toHaveLength(26);
  expect(lines[1]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},Add money,Bound card ···· 0012,1\.00,1\.00$/);
  expect(lines[25]).toMatch(/,25\.00,325\.00$/);
  expect((await raw(link.body.url)).status).toBe(404); // single use
  const stranger = await raw(link.body.url.replace(/st_\w/, 'st_x'), { headers: { 'Sec-Fetch-Site': 'cross-site' } });
  expect(stranger.status).toBe(403);
});
