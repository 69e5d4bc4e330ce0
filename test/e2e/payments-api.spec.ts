/**
 * Payments, orders and webhooks at the API level, driven from Node (no browser): exactly-once payment under
 * concurrency (DESIGN rule 5), idempotency semantics, the partner's orders API (CONTRACT §5), account limits,
 * signed webhooks with retries (rule 6), and the demo partner's webhook verification. Money is compared in
 * integer fen only (rule 7).
 */
import { expect } from '@playwright/test';
import { createHmac, randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { webhookProblem } from '../../demo/webhooks.ts';
import { signWebhook } from '../../src/sandbox/webhooks.ts';
import {
  call, FrameSession, loggedInSession, newPaymentKey as newKey, partnerCall, registerApp, startFrameSession, type Answer,
} from './bank-client.ts';
import { apiTest as test, demoAppId, newCustomer, partnerOrigin } from './helpers.ts';

const demoWebhookSecret = 'whsec_sandbox_demo_rental_0123456789abcdef';

// ---------------------------------------------------------------------------------------------------------------
// Local helpers
// ---------------------------------------------------------------------------------------------------------------

interface AppCredentials {
  appId: string;
  secretKey?: string;
}
const demoApp: AppCredentials = { appId: demoAppId };

async function accountOf(session: FrameSession) {
  const accounts = await session.accounts();
  expect(accounts).toHaveLength(1);
  return accounts[0];
}

/** A fresh customer, logged in: frame session, account id and starting balance. */
async function customer(extra: Record<string, unknown> = {}, app: AppCredentials = demoApp) {
  const phone = await newCustomer(extra);
  const { session } = await loggedInSession(phone, app);
  const account = await accountOf(session);
  return { phone, session, accountId: account.id, account };
}

const balanceOf = async (session: FrameSession) => (await accountOf(session)).balance;

/** Decimal string → integer fen, parsed by hand so the test does not trust the code under test. */
function fen(amount: string): number {
  const match = /^(\d+)\.(\d{2})$/.exec(amount);
  if (!match) throw new Error(`not a two-decimal amount: ${amount}`);
  return Number(match[1]) * 100 + Number(match[2]);
}
const yuan = (minor: number) => `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;

/** POST /v1/orders, asserting 201. */
async function createOrder(amount: string, { secretKey, description = 'Rent, December 2026', key }: {
  secretKey?: string; description?: string; key?: string;
} = {}) {
  const answer = await partnerCall('/v1/orders', {
    method: 'POST',
    secretKey,
    body: { amount, currency: 'CNY', description },
    headers: key ? { 'Idempotency-Key': key } : {},
  });
  expect(answer.status, answer.text).toBe(201);
  return answer.body as { id: string; amount: string; status: string };
}

const orderStatus = async (id: string, secretKey?: string) => (await partnerCall(`/v1/orders/${id}`, { secretKey })).body.status;

function expectError(answer: Answer, status: number, code: string) {
  expect(answer.status, answer.text).toBe(status);
  expect(answer.body.error?.code, answer.text).toBe(code);
  expect(typeof answer.body.error?.message).toBe('string');
}

function expectPaid(answer: Answer, order: { id: string; amount: string }) {
  expect(answer.status, answer.text).toBe(200);
  expect(answer.body.payment).toMatchObject({ id: expect.stringMatching(/^pay_/), orderId: order.id, amount: order.amount });
  expect(answer.body.order).toMatchObject({ id: order.id, status: 'paid', amount: order.amount, paymentId: answer.body.payment.id });
  return answer.body.payment.id as string;
}

/** A second partner app, registered through the sandbox endpoint, for the same origin as the demo. */
const registerPartnerApp = (webhookUrl?: string) => registerApp({ name: 'Payments Test Partner', origins: [partnerOrigin], webhookUrl });

function shuffle<T>(items: T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------------------------

test.describe('payment idempotency', () => {
  test('a key replayed after the payment answers the stored success: same payment, no second debit', async () => {
    const { session, accountId } = await customer({ balance: '1000.00' });
    const order = await createOrder('250.00');
    const key = newKey();
    const first = await session.pay({ orderId: order.id, accountId, amount: order.amount, key });
    const paymentId = expectPaid(first, order);
    expect(await orderStatus(order.id)).toBe('paid');

    const replay = await session.pay({ orderId: order.id, accountId, amount: order.amount, key });
    expect(replay.status).toBe(200);
    expect(replay.text).toBe(first.text);
    expect(replay.body.payment.id).toBe(paymentId);
    expect(await balanceOf(session)).toBe('750.00');

    // A new key for the paid order is a new attempt, refused, and that refusal is itself replayed.
    const otherKey = newKey();
    const again = await session.pay({ orderId: order.id, accountId, amount: order.amount, key: otherKey });
    expectError(again, 409, 'already_paid');
    expect((await session.pay({ orderId: order.id, accountId, amount: order.amount, key: otherKey })).text).toBe(again.text);
    expect(await balanceOf(session)).toBe('750.00');
  });

  test('a key used for one order, sent with another order, gets 409 idempotency_conflict and pays nothing', async () => {
    const { session, accountId } = await customer({ balance: '1000.00' });
    const first = await createOrder('100.00');
    const second = await createOrder('200.00');
    const key = newKey();
    expectPaid(await session.pay({ orderId: first.id, accountId, amount: first.amount, key }), first);
    expectError(await session.pay({ orderId: second.id, accountId, amount: second.amount, key }), 409, 'idempotency_conflict');
    expect(await orderStatus(second.id)).toBe('pending');
    expect(await balanceOf(session)).toBe('900.00');
    // The other order is still payable, with its own key.
    expectPaid(await session.pay({ orderId: second.id, accountId, amount: second.amount }), second);
    expect(await balanceOf(session)).toBe('700.00');
  });

  test("another customer presenting someone's key does not get their stored answer", async () => {
    const alice = await customer({ balance: '1000.00' });
    const bob = await customer({ balance: '1000.00' });
    const order = await createOrder('100.00');
    const key = newKey();
    expectPaid(await alice.session.pay({ orderId: order.id, accountId: alice.accountId, amount: order.amount, key }), order);
    const stolen = await bob.session.pay({ orderId: order.id, accountId: bob.accountId, amount: order.amount, key });
    expectError(stolen, 409, 'idempotency_conflict');
    expect(stolen.text).not.toContain('pay_');
    expect(await balanceOf(bob.session)).toBe('1000.00');
  });

  test('a wrong PIN is the stored answer for its key; a new key with the right PIN pays', async () => {
    const { session, accountId } = await customer({ balance: '1000.00' });
    const order = await createOrder('300.00');
    const key = newKey();
    const wrong = await session.pay({ orderId: order.id, accountId, amount: order.amount, key, pinCode: '000000' });
    expectError(wrong, 401, 'invalid_credentials');
    const sameKeyRightPin = await session.pay({ orderId: order.id, accountId, amount: order.amount, key });
    expect(sameKeyRightPin.status).toBe(401);
    expect(sameKeyRightPin.text).toBe(wrong.text);
    expect(await orderStatus(order.id)).toBe('pending');
    expect(await balanceOf(session)).toBe('1000.00');

    expectPaid(await session.pay({ orderId: order.id, accountId, amount: order.amount }), order);
    expect(await balanceOf(session)).toBe('700.00');
  });

  test('an expectedAmount that is not the order’s gets 400 invalid_request and moves no money', async () => {
    const { session, accountId } = await customer({ balance: '1000.00' });
    const order = await createOrder('100.00');
    for (const expectedAmount of ['100.01', '99.99', '1.00', '10000']) {
      expectError(await session.pay({ orderId: order.id, accountId, amount: expectedAmount }), 400, 'invalid_request');
    }
    expect(await orderStatus(order.id)).toBe('pending');
    expect(await balanceOf(session)).toBe('1000.00');
  });

  test('a missing or malformed Idempotency-Key gets 400 invalid_request; 16 and 100 characters are fine', async () => {
    const { session, accountId } = await customer({ balance: '1000.00' });
    const order = await createOrder('10.00');
    for (const key of [null, '', 'a'.repeat(15), 'a'.repeat(101), 'has spaces in it 0123', 'slash/in/the/key/0123', 'dots.in.the.key.0123']) {
      expectError(await session.pay({ orderId: order.id, accountId, amount: order.amount, key }), 400, 'invalid_request');
    }
    expect(await orderStatus(order.id)).toBe('pending');
    expect(await balanceOf(session)).toBe('1000.00');

    const shortest = `k${randomUUID().replace(/-/g, '').slice(0, 15)}`;
    expect(shortest).toHaveLength(16);
    expectPaid(await session.pay({ orderId: order.id, accountId, amount: order.amount, key: shortest }), order);
    const other = await createOrder('20.00');
    const longest = `${randomUUID()}_${'x'.repeat(63)}`;
    expect(longest).toHaveLength(100);
    expectPaid(await session.pay({ orderId: other.id, accountId, amount: other.amount, key: longest }), other);
    expect(await balanceOf(session)).toBe('970.00');
  });

  test("an order of another app, or another customer's account, is not found and moves no money", async () => {
    const other = await registerPartnerApp();
    const foreignOrder = await createOrder('10.00', { secretKey: other.secretKey });
    const { session, accountId } = await customer({ balance: '1000.00' });
    expectError(await session.pay({ orderId: foreignOrder.id, accountId, amount: foreignOrder.amount }), 404, 'not_found');
    expect(await orderStatus(foreignOrder.id, other.secretKey)).toBe('pending');

    const order = await createOrder('10.00');
    const someoneElse = await customer({ balance: '1000.00' });
    expectError(await session.pay({ orderId: order.id, accountId: someoneElse.accountId, amount: order.amount }), 404, 'not_found');
    expect(await balanceOf(someoneElse.session)).toBe('1000.00');
    expect(await balanceOf(session)).toBe('1000.00');
    expect(await orderStatus(order.id)).toBe('pending');
  });

  test('paying needs a logged-in customer', async () => {
    const order = await createOrder('10.00');
    const started = await startFrameSession(); // nobody logs in
    expectError(await new FrameSession(started.body.sessionToken).pay({ orderId: order.id, accountId: 'acc_x', amount: order.amount }), 401, 'login_required');
    expectError(await new FrameSession('fs_not_a_session').pay({ orderId: order.id, accountId: 'acc_x', amount: order.amount }), 401, 'session_expired');
    expect(await orderStatus(order.id)).toBe('pending');
  });
});

// ---------------------------------------------------------------------------------------------------------------

test.describe('orders API', () => {
  const orderBody = (extra: Record<string, unknown> = {}) => ({ amount: '3500.00', currency: 'CNY', description: 'Rent', ...extra });
  const postOrder = (body: unknown, headers: Record<string, string> = {}, secretKey?: string) =>
    partnerCall('/v1/orders', { method: 'POST', body, headers, secretKey });

  test('creates a pending order with the contract’s shape', async () => {
    const created = await postOrder(orderBody({ amount: '3500.50', reference: 'lease-42' }));
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({
      id: expect.stringMatching(/^ord_/), status: 'pending', amount: '3500.50', currency: 'CNY', description: 'Rent', reference: 'lease-42',
    });
    expect(created.body.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
    expect(created.headers.get('idempotent-replayed')).toBeNull();
    const read = await partnerCall(`/v1/orders/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
  });

  test('an Idempotency-Key replay answers the same order with Idempotent-Replayed: true; another body is 409', async () => {
    const key = `order-${randomUUID()}`;
    const first = await postOrder(orderBody(), { 'Idempotency-Key': key });
    expect(first.status).toBe(201);
    const replay = await postOrder(orderBody(), { 'Idempotency-Key': key });
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body.id).toBe(first.body.id);
    expect(replay.body).toEqual(first.body);

    expectError(await postOrder(orderBody({ amount: '3500.01' }), { 'Idempotency-Key': key }), 409, 'idempotency_conflict');
    expectError(await postOrder(orderBody({ description: 'Other rent' }), { 'Idempotency-Key': key }), 409, 'idempotency_conflict');
    expectError(await postOrder(orderBody({ reference: 'x' }), { 'Idempotency-Key': key }), 409, 'idempotency_conflict');
    // Without a key, each call is a new order.
    const a = await postOrder(orderBody());
    const b = await postOrder(orderBody());
    expect(a.body.id).not.toBe(b.body.id);
  });

  test('concurrent creations with one key make one order', async () => {
    const key = `order-${randomUUID()}`;
    const answers = await Promise.all(Array.from({ length: 10 }, () => postOrder(orderBody({ amount: '77.70' }), { 'Idempotency-Key': key })));
    for (const answer of answers) expect(answer.status, answer.text).toBe(201);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(answers.filter((a) => a.headers.get('idempotent-replayed') === 'true')).toHaveLength(9);
  });

  test('Idempotency-Keys are per app: the same key from another app makes its own order', async () => {
    const key = `order-${randomUUID()}`;
    const other = await registerPartnerApp();
    const mine = await postOrder(orderBody(), { 'Idempotency-Key': key });
    const theirs = await postOrder(orderBody(), { 'Idempotency-Key': key }, other.secretKey);
    expect(theirs.status).toBe(201);
    expect(theirs.headers.get('idempotent-replayed')).toBeNull();
    expect(theirs.body.id).not.toBe(mine.body.id);
  });

  test('amounts must be two-decimal strings from 0.01 to 1000000.00', async () => {
    for (const amount of ['1e5', '-1', '+1', '1.234', '.5', '1,000', ' 1', '1 ', '0', '0.00', '1000000.01', '', 'NaN', 1000, 10.5, null]) {
      const answer = await postOrder(orderBody({ amount }));
      expect(answer.status, `${JSON.stringify(amount)}: ${answer.text}`).toBe(400);
      expect(answer.body.error?.code, JSON.stringify(amount)).toBe('invalid_request');
    }
    for (const [amount, wire] of [['1000000.00', '1000000.00'], ['0.01', '0.01'], ['12', '12.00'], ['12.5', '12.50']]) {
      const answer = await postOrder(orderBody({ amount }));
      expect(answer.status, `${amount}: ${answer.text}`).toBe(201);
      expect(answer.body.amount).toBe(wire);
    }
  });

  test('the currency must be CNY and the description not blank', async () => {
    for (const currency of ['USD', 'cny', '', 'RMB', undefined]) {
      expectError(await postOrder(orderBody({ currency })), 400, 'invalid_request');
    }
    for (const description of ['', '   ', '\n\t', undefined, 42]) {
      expectError(await postOrder(orderBody({ description })), 400, 'invalid_request');
    }
  });

  test('a cancelled order cannot be paid; a paid order cannot be cancelled', async () => {
    const { session, accountId } = await customer({ balance: '1000.00' });
    const cancelled = await createOrder('100.00');
    const answer = await partnerCall(`/v1/orders/${cancelled.id}/cancel`, { method: 'POST' });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body).toMatchObject({ id: cancelled.id, status: 'cancelled' });
    expect(await orderStatus(cancelled.id)).toBe('cancelled');
    expectError(await session.pay({ orderId: cancelled.id, accountId, amount: cancelled.amount }), 409, 'order_cancelled');
    expect(await balanceOf(session)).toBe('1000.00');

    const paid = await createOrder('100.00');
    expectPaid(await session.pay({ orderId: paid.id, accountId, amount: paid.amount }), paid);
    expectError(await partnerCall(`/v1/orders/${paid.id}/cancel`, { method: 'POST' }), 409, 'already_paid');
    expect(await orderStatus(paid.id)).toBe('paid');
    expect(await balanceOf(session)).toBe('900.00');
  });

  test("another app can neither read nor cancel the demo app's order", async () => {
    const other = await registerPartnerApp();
    const order = await createOrder('100.00');
    expectError(await partnerCall(`/v1/orders/${order.id}`, { secretKey: other.secretKey }), 404, 'not_found');
    expectError(await partnerCall(`/v1/orders/${order.id}/cancel`, { method: 'POST', secretKey: other.secretKey }), 404, 'not_found');
    expect(await orderStatus(order.id)).toBe('pending');
    expectError(await partnerCall('/v1/orders/ord_does_not_exist'), 404, 'not_found');
    expectError(await partnerCall(`/v1/orders/${order.id}`, { secretKey: 'sk_sandbox_wrong' }), 401, 'unauthorized');
  });
});

// ---------------------------------------------------------------------------------------------------------------

test.describe('account rules', () => {
  test('a Class II account pays up to ¥10,000.00 a day, then limit_exceeded with the balance untouched', async () => {
    const { session, accountId, account } = await customer({ accountClass: 'II', balance: '300000.00' });
    expect(account.accountClass).toBe('II');
    const first = await createOrder('6000.00');
    const second = await createOrder('4000.00');
    const third = await createOrder('0.01');
    expectPaid(await session.pay({ orderId: first.id, accountId, amount: first.amount }), first);
    expectPaid(await session.pay({ orderId: second.id, accountId, amount: second.amount }), second);
    expect(await balanceOf(session)).toBe('290000.00');
    expectError(await session.pay({ orderId: third.id, accountId, amount: third.amount }), 403, 'limit_exceeded');
    expect(await balanceOf(session)).toBe('290000.00');
    expect(await orderStatus(third.id)).toBe('pending');
  });

  test('a single Class II payment above the daily limit is refused; Class I has no such limit', async () => {
    const classII = await customer({ accountClass: 'II', balance: '300000.00' });
    const big = await createOrder('10000.01');
    expectError(await classII.session.pay({ orderId: big.id, accountId: classII.accountId, amount: big.amount }), 403, 'limit_exceeded');
    expect(await balanceOf(classII.session)).toBe('300000.00');

    const classI = await customer({ balance: '300000.00' });
    expect(classI.account.accountClass).toBe('I');
    const bigger = await createOrder('25000.00');
    expectPaid(await classI.session.pay({ orderId: bigger.id, accountId: classI.accountId, amount: bigger.amount }), bigger);
    expect(await balanceOf(classI.session)).toBe('275000.00');
  });

  test('a frozen account gets 403 account_frozen', async () => {
    const { session, accountId, account } = await customer({ frozen: true, balance: '1000.00' });
    expect(account.status).toBe('frozen');
    const order = await createOrder('10.00');
    expectError(await session.pay({ orderId: order.id, accountId, amount: order.amount }), 403, 'account_frozen');
    expect(await balanceOf(session)).toBe('1000.00');
    expect(await orderStatus(order.id)).toBe('pending');
  });

  test('paying exactly the balance leaves 0.00; one fen more is insufficient_funds', async () => {
    const exact = await customer({ balance: '123.45' });
    const order = await createOrder('123.45');
    expectPaid(await exact.session.pay({ orderId: order.id, accountId: exact.accountId, amount: order.amount }), order);
    expect(await balanceOf(exact.session)).toBe('0.00');

    const short = await customer({ balance: '123.44' });
    const another = await createOrder('123.45');
    expectError(await short.session.pay({ orderId: another.id, accountId: short.accountId, amount: another.amount }), 402, 'insufficient_funds');
    expect(await balanceOf(short.session)).toBe('123.44');
    expect(await orderStatus(another.id)).toBe('pending');
  });

  test('the customer sees a masked account number, never the full one', async () => {
    const { account } = await customer();
    expect(account.number).toMatch(/^\*{4} \d{4}$/);
    expect(account.currency).toBe('CNY');
    expect(account.balance).toBe('50000.00');
  });
});

// ---------------------------------------------------------------------------------------------------------------

interface Delivery {
  at: number;
  headers: IncomingHttpHeaders;
  method: string;
  body: string;
}

/** A webhook receiver on 127.0.0.1: answers `statuses` in turn (then 200) and records what arrives. */
async function startReceiver(statuses: number[]) {
  const deliveries: Delivery[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      deliveries.push({ at: Date.now(), headers: request.headers, method: request.method ?? '', body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(statuses[deliveries.length - 1] ?? 200, { 'Content-Type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/bank`,
    deliveries,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Verifies `Bank-Signature` independently of the code under test. */
function verifySignature(secret: string, header: string, body: string) {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  if (!match) return false;
  const expected = createHmac('sha256', secret).update(`${match[1]}.${body}`).digest('hex');
  return expected === match[2];
}

/**
 * The 200-request test keeps the bank's single event loop busy for seconds (every first attempt checks the PIN
 * with a synchronous scrypt), which would stretch the webhook retry gaps measured here: these two groups run one
 * after the other in one worker, never side by side.
 */
test.describe('under load, and on a clock', () => {
  test.describe.configure({ mode: 'default' });

  test.describe('payments under concurrency', () => {
    test('200 concurrent requests, 50 keys × 4: one answer per key, 50 payments, the balance drops by exactly their sum, the ledger balances', async () => {
      test.setTimeout(60_000);
      const { session, accountId } = await customer({ balance: '100000.00' });
      const before = fen(await balanceOf(session));

      // 50 orders of distinct amounts (in fen: 100.00, 101.37, 102.74, …).
      const orders = await Promise.all(
        Array.from({ length: 50 }, (_, i) => createOrder(yuan(10_000 + i * 137), { description: `Concurrency order ${i}` })),
      );
      expect(new Set(orders.map((o) => o.amount)).size).toBe(50);
      const keyed = orders.map((order) => ({ order, key: newKey() }));

      const requests = shuffle(keyed.flatMap((k) => Array.from({ length: 4 }, () => k)));
      const answers = await Promise.all(
        requests.map(async ({ order, key }) => ({ key, order, answer: await session.pay({ orderId: order.id, accountId, amount: order.amount, key }) })),
      );
      expect(answers).toHaveLength(200);

      const paymentIds = new Set<string>();
      for (const { order, key } of keyed) {
        const forKey = answers.filter((a) => a.key === key).map((a) => a.answer);
        expect(forKey).toHaveLength(4);
        // Every retry answers what the first attempt answered, byte for byte.
        for (const answer of forKey) {
          expect(answer.status, answer.text).toBe(forKey[0].status);
          expect(answer.text).toBe(forKey[0].text);
        }
        paymentIds.add(expectPaid(forKey[0], order));
      }
      expect(paymentIds.size).toBe(50);

      // Conservation: what left the account is exactly what was paid, once per order.
      const sum = orders.reduce((total, o) => total + fen(o.amount), 0);
      expect(fen(await balanceOf(session))).toBe(before - sum);

      const states = await Promise.all(orders.map((o) => partnerCall(`/v1/orders/${o.id}`)));
      for (const [i, state] of states.entries()) {
        expect(state.body.status).toBe('paid');
        const answer = answers.find((a) => a.order.id === orders[i].id)!.answer;
        expect(state.body.paymentId).toBe(answer.body.payment.id);
      }

      // The bank's own books: every entry sums to zero, every transaction balances, balances match the entries.
      const ledger = await call('/v1/sandbox/ledger');
      expect(ledger.body).toMatchObject({
        entriesSum: 0, unbalancedTransactions: 0, accountsNotMatchingEntries: 0, negativeCustomerAccounts: 0, ok: true,
      });
    });

    test('different keys for the same order, concurrently and from two frame sessions: one pays, the rest get already_paid', async () => {
      const { phone, session, accountId } = await customer({ balance: '5000.00' });
      const { session: secondTab } = await loggedInSession(phone);
      const order = await createOrder('1234.56');
      const answers = await Promise.all(
        Array.from({ length: 6 }, (_, i) => (i % 2 ? secondTab : session).pay({ orderId: order.id, accountId, amount: order.amount })),
      );
      const paid = answers.filter((a) => a.status === 200);
      expect(paid, answers.map((a) => a.text).join('\n')).toHaveLength(1);
      expectPaid(paid[0], order);
      for (const refused of answers.filter((a) => a.status !== 200)) expectError(refused, 409, 'already_paid');
      expect(await balanceOf(session)).toBe('3765.44');
      expect(await orderStatus(order.id)).toBe('paid');
    });
  });

  test.describe('webhooks', () => {
    test('order.paid is delivered signed, and retried with growing backoff until the receiver accepts', async () => {
      test.setTimeout(30_000);
      const receiver = await startReceiver([500, 500]);
      try {
        const app = await registerPartnerApp(receiver.url);
        expect(app.webhookUrl).toBe(receiver.url);
        expect(app.webhookSecret).toMatch(/^whsec_/);
        const { session, accountId } = await customer({ balance: '500.00' }, app);

        // A refused payment sends nothing; only the paid order does.
        const tooBig = await createOrder('500.01', { secretKey: app.secretKey });
        expectError(await session.pay({ orderId: tooBig.id, accountId, amount: tooBig.amount }), 402, 'insufficient_funds');
        const order = await createOrder('321.09', { secretKey: app.secretKey, description: 'Webhook order' });
        const paidAt = Date.now();
        const paymentId = expectPaid(await session.pay({ orderId: order.id, accountId, amount: order.amount }), order);

        await expect.poll(() => receiver.deliveries.length, { timeout: 15_000, intervals: [100] }).toBe(3);
        const [first, second, third] = receiver.deliveries;
        expect(first.at - paidAt, 'first delivery within seconds').toBeLessThan(3000);

        const event = JSON.parse(first.body);
        expect(event).toMatchObject({
          id: expect.stringMatching(/^evt_/),
          type: 'order.paid',
          data: { id: order.id, status: 'paid', amount: '321.09', currency: 'CNY', paymentId },
        });
        expect(Date.parse(event.createdAt)).toBeGreaterThanOrEqual(paidAt - 1000);
        const stored = await partnerCall(`/v1/orders/${order.id}`, { secretKey: app.secretKey });
        expect(event.data).toEqual(stored.body);

        for (const delivery of receiver.deliveries) {
          expect(delivery.method).toBe('POST');
          expect(delivery.headers['content-type']).toContain('application/json');
          const signature = String(delivery.headers['bank-signature']);
          expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
          expect(verifySignature(app.webhookSecret!, signature, delivery.body), 'signed with the app secret').toBe(true);
          expect(verifySignature(demoWebhookSecret, signature, delivery.body), 'not with another app’s').toBe(false);
          expect(Math.abs(Number(/^t=(\d+)/.exec(signature)![1]) - delivery.at / 1000)).toBeLessThan(5);
          // The demo partner's verifier agrees.
          expect(webhookProblem(app.webhookSecret!, signature, delivery.body, Math.floor(delivery.at / 1000))).toBeNull();
          // One event, retried: the same id (and payload) each time.
          expect(JSON.parse(delivery.body).id).toBe(event.id);
          expect(delivery.body).toBe(first.body);
        }

        const gap1 = second.at - first.at;
        const gap2 = third.at - second.at;
        // The lower bounds are the documented backoff (1 s, 2 s); the upper bounds, with slack for a loaded machine
        // (the delivery loop ticks every 250 ms on the bank's event loop), catch a backoff far longer than that.
        expect(gap1, 'first retry after about 1 s').toBeGreaterThanOrEqual(900);
        expect(gap1).toBeLessThan(3000);
        expect(gap2, 'second retry after about 2 s').toBeGreaterThanOrEqual(1800);
        expect(gap2).toBeLessThan(5000);
        expect(gap2, 'the backoff grows').toBeGreaterThan(gap1);

        // Accepted: no more deliveries (a fourth attempt would come about 4 s after a failure).
        await sleep(4500);
        expect(receiver.deliveries).toHaveLength(3);
      } finally {
        await receiver.close();
      }
    });
  });
});

// ---------------------------------------------------------------------------------------------------------------

test.describe('demo webhook verification', () => {
  const secret = demoWebhookSecret;
  const body = JSON.stringify({
    id: 'evt_test', type: 'order.paid', createdAt: new Date().toISOString(), data: { id: 'ord_not_a_tenant', status: 'paid', amount: '1.00' },
  });
  const now = () => Math.floor(Date.now() / 1000);

  test('signWebhook makes `t=<seconds>,v1=<hex HMAC-SHA256 of "t.body">`', () => {
    const header = signWebhook(secret, body, 1_700_000_000);
    expect(header).toMatch(/^t=1700000000,v1=[0-9a-f]{64}$/);
    expect(verifySignature(secret, header, body)).toBe(true);
    expect(signWebhook('whsec_other', body, 1_700_000_000)).not.toBe(header);
  });

  test('webhookProblem: fresh and genuine → null; tampered, stale or signed with another secret → refused', () => {
    const t = now();
    expect(webhookProblem(secret, signWebhook(secret, body, t), body, t)).toBeNull();
    expect(webhookProblem(secret, signWebhook(secret, body, t - 4 * 60), body, t)).toBeNull();
    expect(webhookProblem(secret, signWebhook(secret, body, t), body.replace('1.00', '9.00'), t)).toBe('signature mismatch');
    expect(webhookProblem(secret, signWebhook(secret, body, t), `${body} `, t)).toBe('signature mismatch');
    expect(webhookProblem(secret, signWebhook('whsec_someone_else', body, t), body, t)).toBe('signature mismatch');
    // A genuine signature with its timestamp changed no longer matches.
    expect(webhookProblem(secret, signWebhook(secret, body, t).replace(`t=${t}`, `t=${t - 1}`), body, t)).toBe('signature mismatch');
    expect(webhookProblem(secret, signWebhook(secret, body, t - 6 * 60), body, t)).toBe('signature too old');
    expect(webhookProblem(secret, signWebhook(secret, body, t + 6 * 60), body, t)).not.toBeNull();
  });

  test('webhookProblem: malformed headers → "malformed signature"', () => {
    const t = now();
    const v1 = /v1=([0-9a-f]{64})/.exec(signWebhook(secret, body, t))![1];
    for (const header of [
      undefined, '', 'garbage', `v1=${v1}`, `t=${t}`, `t=abc,v1=${v1}`, `t=${t}.5,v1=${v1}`, `t=${t},v1=${v1.slice(0, 63)}`,
      `t=${t},v1=${v1}00`, `t=${t},v1=${'z'.repeat(64)}`, `t=${t};v1=${v1}`,
    ]) {
      expect(webhookProblem(secret, header, body, t), String(header)).toBe('malformed signature');
    }
  });

  test('webhookProblem: an empty timestamp is malformed, not old', () => {
    const t = now();
    const v1 = /v1=([0-9a-f]{64})/.exec(signWebhook(secret, body, t))![1];
    expect(webhookProblem(secret, `t=,v1=${v1}`, body, t)).toBe('malformed signature');
  });

  test('the demo server refuses bad signatures with 400 and accepts a genuine one with 200', async () => {
    const url = `${partnerOrigin}/api/bank/webhooks`;
    const post = (headers: Record<string, string>, payload = body) =>
      call(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: payload });

    const unsigned = await post({});
    expect(unsigned.status).toBe(400);
    const forged = await post({ 'Bank-Signature': signWebhook('whsec_forger', body, now()) });
    expect(forged.status).toBe(400);
    expect(forged.body.error).toBe('signature mismatch');
    const tampered = await post({ 'Bank-Signature': signWebhook(secret, body, now()) }, body.replace('1.00', '2.00'));
    expect(tampered.status).toBe(400);
    const stale = await post({ 'Bank-Signature': signWebhook(secret, body, now() - 6 * 60) });
    expect(stale.status).toBe(400);
    expect(stale.body.error).toBe('signature too old');

    const genuine = await post({ 'Bank-Signature': signWebhook(secret, body, now()) });
    expect(genuine.status, genuine.text).toBe(200);
    expect(genuine.body).toEqual({ received: true });
  });
});
