import { expect, test } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { questionnaire, type Answers } from '../../src/domain/invest.ts';
import { createSandbox } from '../../src/sandbox/app.ts';
import { createSandboxCustomer } from '../../src/sandbox/customers.ts';
import { demoApp, openDatabase } from '../../src/sandbox/db.ts';
import { saleEvidence } from '../../src/sandbox/invest.ts';
import { ledgerCheck } from '../../src/sandbox/ledger.ts';

/**
 * The investment rules on the sandbox itself, in-process, with a clock the test moves: suitability, minimums,
 * funds checked before the PIN, T+1 confirmation, cooling-off, maturity, the fast-redemption limit under
 * concurrency, assessment expiry, the evidence log and the ledger's invariants. No browser.
 */
const origin = 'http://localhost:4999';
const day = 86_400_000;
const best = Object.fromEntries(questionnaire.map((q) => [q.id, (q.options as readonly number[]).indexOf(4)])) as Answers;
// A middle-of-the-road customer: 22 points, C3.
const balancedAnswers = { age: 2, income: 2, assets: 2, experience: 2, knowledge: 2, horizon: 2, objective: 2, loss: 2, liquidity: 1, share: 1 } as Answers;

function bank(start = Date.parse('2026-12-01T10:00:00+08:00')) {
  const clock = { now: start };
  const db = openDatabase(':memory:', [origin]);
  const app = createSandbox({ db, bankOrigin: 'http://127.0.0.1:4999', assetsDir: '/nonexistent', now: () => clock.now });
  const call = async (path: string, { token, secret, body, key }: { token?: string; secret?: boolean; body?: unknown; key?: string } = {}) => {
    const headers: Record<string, string> = { 'Content-Type': 'application/json', 'X-Bank-Frame': '1' };
    if (token) headers.Authorization = `Bearer ${token}`;
    if (secret) headers.Authorization = `Bearer ${demoApp.secretKey}`;
    if (key) headers['Idempotency-Key'] = key;
    const response = await app.fetch(new Request(`http://127.0.0.1:4999${path}`, {
      method: body === undefined ? 'GET' : 'POST', headers, body: body === undefined ? undefined : JSON.stringify(body),
    }));
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  };
  async function session(phone: string, locale: string) {
    const clientToken = (await call('/v1/client-tokens', { secret: true, body: {} })).body.clientToken;
    const token = (await call('/v1/frame/sessions', { body: { clientToken, appId: demoApp.id, origin, locale } })).body.sessionToken as string;
    const { challengeId } = (await call('/v1/frame/login', { token, body: { phone, password: 'Passw0rd!' } })).body;
    expect((await call('/v1/frame/login/verify', { token, body: { challengeId, code: '123456' } })).status).toBe(200);
    return token;
  }
  async function logIn(phone: string, locale = 'en') {
    let token = await session(phone, locale);
    // A login lasts 30 minutes: after the test moves the clock by days, the customer logs in again.
    const invest = async (path: string, body?: unknown, key?: string) => {
      const answer = await call(`/v1/frame/invest${path}`, { token, body, key });
      if (answer.status !== 401 || answer.body.error.code === 'invalid_credentials') return answer;
      token = await session(phone, locale);
      return call(`/v1/frame/invest${path}`, { token, body, key });
    };
    const overview = async () => (await invest('/overview')).body;
    const account = async () => (await overview()).accounts[0] as { id: string; balance: string };
    const documents = async (productId: string) =>
      ((await invest('/products')).body.products.find((p: any) => p.id === productId).documents as any[]).map(({ id, version }) => ({ id, version }));
    const buy = async (productId: string, amount: string, extra: Record<string, unknown> = {}) =>
      invest('/subscriptions', {
        productId, amount, accountId: (await account()).id, pin: '135790', termsAcknowledged: true,
        documents: await documents(productId), shownAt: new Date(clock.now).toISOString(), ...extra,
      }, randomUUID());
    const redeem = (productId: string, amount: string, pin = '135790') => invest('/redemptions', { productId, amount, pin }, randomUUID());
    return { invest, overview, account, buy, redeem };
  }
  const customer = (phone: string, balance: number) => createSandboxCustomer(db, phone, 'Test Customer', '测试客户', balance);
  return { clock, db, call, logIn, customer };
}

test('the shelf: five products with risk levels and a yield with its basis, never a promise', async () => {
  const { logIn } = bank();
  const zhang = await logIn('13800000001');
  const { products } = (await zhang.invest('/products')).body;
  expect(products.map((p: any) => [p.id, p.risk, p.minimum])).toEqual([
    ['cash-plus', 'R1', '0.01'], ['steady-bond-6m', 'R2', '1.00'], ['balanced-1y', 'R3', '1.00'], ['equity-select', 'R4', '1.00'],
    ['private-growth', 'R5', '1000000.00'],
  ]);
  expect(products[0].yield.basis).toBe('seven-day-annualised');
  expect(products[0].yield.rate).toBeGreaterThan(170);
  expect(products[0].yield.rate).toBeLessThan(200);
  expect(products[1].yield).toEqual({ basis: 'benchmark', low: 260, high: 310 });
  expect(products[2].yield.basis).toBe('past-year-nav');
  expect(products[2].documents.map((d: any) => d.id)).toEqual(['terms-balanced-1y', 'risk-balanced-1y']);
  expect(products[2].documents[1].paragraphs[0]).toBe('Wealth products are not deposits. Investing involves risk; invest with care.');
});

test('Zhang San must be assessed first; then buys balanced-1y, confirmed at T NAV on T+1, with the sale on record', async () => {
  const { clock, db, logIn } = bank();
  const zhang = await logIn('13800000001');
  expect((await zhang.overview()).assessment).toBeNull();
  const unassessed = await zhang.buy('balanced-1y', '1000');
  expect(unassessed.body.error.code).toBe('suitability_mismatch');
  const incomplete = await zhang.invest('/assessments', { answers: { ...balancedAnswers, loss: undefined } });
  expect(incomplete.body.error.code).toBe('invalid_request');
  const assessed = await zhang.invest('/assessments', { answers: balancedAnswers });
  expect(assessed.status).toBe(201);
  expect(assessed.body.assessment).toMatchObject({ level: 'C3', valid: true });
  expect(JSON.stringify(assessed.body)).not.toContain('"answers"');
  expect((await zhang.buy('equity-select', '1000')).body.error.code).toBe('suitability_mismatch');

  const bought = await zhang.buy('balanced-1y', '1000');
  expect(bought.status).toBe(201);
  expect(bought.body.subscription).toMatchObject({ productId: 'balanced-1y', amount: '1000.00', status: 'confirmed' });
  expect((await zhang.account()).balance).toBe('49000.00');
  let [holding] = (await zhang.overview()).holdings;
  expect(holding).toMatchObject({ productId: 'balanced-1y', shares: 0, redeemable: false, pending: [{ amount: '1000.00' }] });
  // Not yet confirmed: nothing to redeem.
  expect((await zhang.redeem('balanced-1y', '10')).body.error.code).toBe('insufficient_funds');
  clock.now += day;
  [holding] = (await zhang.overview()).holdings;
  expect(holding.pending).toEqual([]);
  expect(holding.shares).toBeGreaterThan(90_000);
  expect(holding.redeemable).toBe(true);

  const evidence = saleEvidence(db, bought.body.subscription.id)!;
  expect(JSON.parse(evidence.documents as string)).toEqual([
    { id: 'terms-balanced-1y', version: '2026.1' }, { id: 'risk-balanced-1y', version: '2026.1' },
  ]);
  expect(evidence).toMatchObject({ product_risk: 3, customer_level: 3, questionnaire_version: 'RQ-2026.1', locale: 'en' });
  expect(Object.keys(JSON.parse(evidence.acknowledgements as string))).toEqual(['termsAndRiskDisclosure']);
  expect(ledgerCheck(db).ok).toBe(true);
});

test('Chen Liu (C2) gets suitability_mismatch above R2 before any PIN is checked; R2 and below are fine', async () => {
  const { db, logIn } = bank();
  const chen = await logIn('13800000006');
  expect((await chen.overview()).assessment).toMatchObject({ level: 'C2', valid: true });
  expect((await chen.account()).balance).toBe('80000.00');
  const account = (await chen.account()).id;
  const check = await chen.invest('/purchase-checks', { productId: 'equity-select', amount: '1000', accountId: account });
  expect(check.status).toBe(403);
  expect(check.body.error.code).toBe('suitability_mismatch');
  // Even with a wrong PIN the answer is the mismatch, and the PIN counts no failure.
  expect((await chen.buy('balanced-1y', '1000', { pin: '000000' })).body.error.code).toBe('suitability_mismatch');
  expect((db.prepare("SELECT failed_attempts FROM customers WHERE phone = '13800000006'").get() as any).failed_attempts).toBe(0);
  expect((await chen.buy('steady-bond-6m', '5000')).status).toBe(201);
  expect((await chen.buy('cash-plus', '0.01')).status).toBe(201);
});

test('below the minimum, more than the balance, a wrong PIN: each refused with its code, funds before the PIN', async () => {
  const { db, logIn, customer } = bank();
  customer('13900000101', 100_000_000_00);
  const rich = await logIn('13900000101');
  await rich.invest('/assessments', { answers: best });
  expect((await rich.buy('balanced-1y', '0.99')).body.error.code).toBe('below_minimum');
  expect((await rich.buy('private-growth', '999999.99', { qualifiedInvestor: true })).body.error.code).toBe('below_minimum');
  const tooMuch = await rich.buy('balanced-1y', '100000001', { pin: '000000' });
  expect(tooMuch.body.error.code).toBe('insufficient_funds');
  // The refusal for funds came before the PIN: all five wrong PINs are still to come before the lock.
  for (const left of [4, 3, 2, 1]) {
    const wrong = await rich.buy('balanced-1y', '100', { pin: '000000' });
    expect(wrong.body.error).toMatchObject({ code: 'invalid_credentials', attemptsLeft: left });
  }
  expect((await rich.buy('balanced-1y', '100', { pin: '000000' })).body.error.code).toBe('locked');
  // Locked means locked: even the right PIN is refused until the lock ends.
  expect((await rich.buy('balanced-1y', '100')).body.error.code).toBe('locked');
  expect((db.prepare("SELECT balance FROM accounts a JOIN customers c ON c.id = a.customer_id WHERE c.phone = '13900000101'").get() as any).balance)
    .toBe(100_000_000_00);
  // Terms not acknowledged: no sale.
  customer('13900000103', 100_000);
  const other = await logIn('13900000103');
  await other.invest('/assessments', { answers: best });
  expect((await other.buy('cash-plus', '1', { termsAcknowledged: false })).body.error.code).toBe('invalid_request');
  expect((await other.account()).balance).toBe('1000.00');
});

test('Zhou Qi’s 13-month-old assessment must be renewed; a new one lasts twelve months', async () => {
  const { clock, logIn } = bank(Date.now());
  const zhou = await logIn('13800000007');
  expect((await zhou.overview()).assessment).toMatchObject({ level: 'C3', valid: false });
  expect((await zhou.buy('cash-plus', '100')).body.error.code).toBe('suitability_mismatch');
  await zhou.invest('/assessments', { answers: balancedAnswers });
  expect((await zhou.buy('cash-plus', '100')).status).toBe(201);
  clock.now += 365 * day - 60_000;
  expect((await zhou.overview()).assessment.valid).toBe(true);
  clock.now += 2 * day;
  expect((await zhou.overview()).assessment.valid).toBe(false);
  expect((await zhou.buy('cash-plus', '100')).body.error.code).toBe('suitability_mismatch');
});

test('Private Growth: qualified-investor declaration, 24-hour cooling-off, cancel refunds exactly, then confirmed', async () => {
  const { clock, db, logIn, customer } = bank();
  customer('13900000102', 300_000_000);
  const investor = await logIn('13900000102');
  await investor.invest('/assessments', { answers: best });
  expect((await investor.buy('private-growth', '1000000')).body.error.code).toBe('invalid_request');
  const first = await investor.buy('private-growth', '1000000', { qualifiedInvestor: true });
  expect(first.status).toBe(201);
  expect(first.body.subscription.status).toBe('cooling-off');
  expect((await investor.account()).balance).toBe('2000000.00');
  expect((await investor.overview()).holdings[0].coolingOff).toHaveLength(1);
  expect(Object.keys(JSON.parse(saleEvidence(db, first.body.subscription.id)!.acknowledgements as string)))
    .toEqual(['termsAndRiskDisclosure', 'qualifiedInvestor']);
  clock.now += 23 * 3600_000;
  const cancelled = await investor.invest(`/subscriptions/${first.body.subscription.id}/cancel`, {});
  expect(cancelled.body.subscription.status).toBe('cancelled');
  expect((await investor.account()).balance).toBe('3000000.00');
  expect((await investor.overview()).holdings).toEqual([]);

  const second = await investor.buy('private-growth', '1500000.50', { qualifiedInvestor: true });
  clock.now += 24 * 3600_000;
  const late = await investor.invest(`/subscriptions/${second.body.subscription.id}/cancel`, {});
  expect(late.body.error.code).toBe('invalid_request');
  const [holding] = (await investor.overview()).holdings;
  expect(holding).toMatchObject({ productId: 'private-growth', value: '1500000.50', redeemable: false, coolingOff: [] });
  expect((await investor.redeem('private-growth', '1')).body.error.code).toBe('invalid_request');
  expect((await investor.account()).balance).toBe('1499999.50');
  expect(ledgerCheck(db).ok).toBe(true);
});

test('Cash Plus: 20 concurrent redemptions never pay more than ¥10,000 at once in a China day; the rest next day', async () => {
  const { clock, db, logIn } = bank(Date.parse('2026-12-01T23:00:00+08:00'));
  const zhang = await logIn('13800000001');
  await zhang.invest('/assessments', { answers: balancedAnswers });
  expect((await zhang.buy('cash-plus', '30000')).body.subscription.status).toBe('confirmed');
  expect((await zhang.overview()).holdings[0]).toMatchObject({ value: '30000.00', redeemable: true });
  const answers = await Promise.all(Array.from({ length: 20 }, () => zhang.redeem('cash-plus', '1000.00')));
  expect(answers.every((a) => a.status === 201)).toBe(true);
  const redemptions = answers.map((a) => a.body.redemption);
  const instant = redemptions.reduce((sum, r) => sum + Number(r.instantAmount), 0);
  expect(instant).toBe(10000);
  expect(redemptions.filter((r) => r.arrival === 'instant')).toHaveLength(10);
  expect((await zhang.account()).balance).toBe('30000.00'); // 50,000 − 30,000 + 10,000
  expect((await zhang.overview()).fastRedemption.left).toBe('0.00');
  // Past midnight China time (an hour later): the rest arrives and a new day's ¥10,000 starts.
  clock.now += 3600_000;
  expect((await zhang.account()).balance).toBe('40000.00');
  const split = await zhang.redeem('cash-plus', '10000');
  expect(split.body.redemption).toMatchObject({ arrival: 'instant', amount: '10000.00', instantAmount: '10000.00' });
  expect((await zhang.redeem('cash-plus', '0.01')).body.error.code).toBe('insufficient_funds');
  expect(ledgerCheck(db).ok).toBe(true);
});

test('one redemption over the daily fast limit splits: ¥10,000 now, the rest next day', async () => {
  const { clock, logIn } = bank();
  const zhang = await logIn('13800000001');
  await zhang.invest('/assessments', { answers: balancedAnswers });
  await zhang.buy('cash-plus', '25000');
  const split = await zhang.redeem('cash-plus', '25000');
  expect(split.body.redemption).toMatchObject({ arrival: 'next-day', amount: '25000.00', instantAmount: '10000.00' });
  expect((await zhang.account()).balance).toBe('35000.00');
  expect((await zhang.overview()).holdings[0].arriving).toEqual([{ amount: '15000.00', arrivesAt: expect.any(String) }]);
  clock.now += day;
  expect((await zhang.account()).balance).toBe('50000.00');
  expect((await zhang.overview()).holdings).toEqual([]);
});

test('Steady Bond 6M is redeemable only at maturity; open funds pay out next day at T NAV', async () => {
  const { clock, db, logIn } = bank();
  const chen = await logIn('13800000006');
  await chen.buy('steady-bond-6m', '10000');
  clock.now += day;
  let [bond] = (await chen.overview()).holdings;
  expect(bond).toMatchObject({ productId: 'steady-bond-6m', redeemable: false });
  expect(bond.maturesAt).toBeTruthy();
  expect((await chen.redeem('steady-bond-6m', '100')).body.error.code).toBe('invalid_request');
  clock.now = Date.parse(bond.maturesAt) + 1;
  [bond] = (await chen.overview()).holdings;
  expect(bond.redeemable).toBe(true);
  const all = await chen.redeem('steady-bond-6m', bond.value);
  expect(all.body.redemption).toMatchObject({ arrival: 'next-day', amount: bond.value });
  expect(Number(bond.value)).toBeGreaterThan(10000); // six months of the benchmark-like NAV growth
  clock.now += day;
  expect((await chen.overview()).holdings).toEqual([]);
  expect(Number((await chen.account()).balance)).toBeCloseTo(70000 + Number(bond.value), 2);
  expect(ledgerCheck(db).ok).toBe(true);
});

test('a retried purchase with the same Idempotency-Key buys once', async () => {
  const { logIn } = bank();
  const chen = await logIn('13800000006');
  const key = randomUUID();
  const body = {
    productId: 'cash-plus', amount: '500', accountId: (await chen.account()).id, pin: '135790', termsAcknowledged: true,
    documents: [{ id: 'terms-cash-plus', version: '2026.1' }, { id: 'risk-cash-plus', version: '2026.1' }], shownAt: new Date().toISOString(),
  };
  const [a, b] = await Promise.all([chen.invest('/subscriptions', body, key), chen.invest('/subscriptions', body, key)]);
  expect(a.body.subscription.id).toBe(b.body.subscription.id);
  expect((await chen.account()).balance).toBe('79500.00');
  const stale = await chen.invest('/subscriptions', { ...body, documents: [{ id: 'terms-cash-plus', version: '2025.1' }] }, randomUUID());
  expect(stale.body.error.code).toBe('invalid_request');
});
