/**
 * Bursts of concurrent payment confirmations, as partners' customers would send them at a busy moment, and what
 * the bank's books say afterwards. Shared by `npm run load` (test/load.ts, over HTTP, timed) and the exactly-once test
 * in `npm test` (test/e2e/payments-load.spec.ts, in-process).
 *
 * - distinct: orders each confirmed once, concurrently, by `customers` logged-in customers in turn;
 * - same order, same key: confirmations of one order with ONE idempotency key (a customer re-clicking, a flaky
 *   network retrying);
 * - same order, different keys: confirmations of one order, each with its own key, from every customer (many
 *   tabs, many people).
 * Each confirmation checks the payment PIN (scrypt, ~50–200 ms of CPU here) before anything else can answer it.
 * Exactly once means: every distinct order paid once; each same-order burst makes ONE payment, the same-key
 * burst answers one stored answer byte for byte, the different-key burst one 200 and `already_paid` for the
 * rest; one debit per order in the ledger; balances dropped by exactly what was paid; the ledger balances.
 */
import type { Db } from '../../src/sandbox/db.ts';
import { ledgerCheck } from '../../src/sandbox/ledger.ts';
import { demoApp } from '../../src/sandbox/db.ts';

export interface BankReply {
  status: number;
  text: string;
  body: Record<string, any>;
}
/** One bank call (`token`: a frame session's; `secret`: the partner's key), as test/e2e/inprocess.ts makes them. */
export type BankCall = (
  path: string,
  init?: { token?: string; secret?: string; body?: unknown; headers?: Record<string, string> },
) => Promise<BankReply>;

const expectStatus = (reply: BankReply, status: number, what: string) => {
  if (reply.status !== status) throw new Error(`${what}: HTTP ${reply.status} ${reply.text}`);
  return reply.body;
};

interface Payer {
  phone: string;
  token: string;
  accountId: string;
}

/** A fresh sandbox customer with a frame session of their own, logged in (as in the login frame). */
async function payer(call: BankCall, phone: string, origin: string): Promise<Payer> {
  expectStatus(await call('/v1/sandbox/customers', { secret: demoApp.secretKey, body: { phone, balance: '100000.00' } }), 201, 'new customer');
  const { clientToken } = expectStatus(await call('/v1/client-tokens', { secret: demoApp.secretKey, body: {} }), 201, 'client token');
  const { sessionToken } = expectStatus(
    await call('/v1/frame/sessions', { body: { clientToken, appId: demoApp.id, origin, locale: 'en' } }), 201, 'frame session',
  );
  const { challengeId } = expectStatus(await call('/v1/frame/login', { token: sessionToken, body: { phone, password: 'Passw0rd!' } }), 200, 'login');
  expectStatus(await call('/v1/frame/login/verify', { token: sessionToken, body: { challengeId, code: '123456' } }), 200, 'verify');
  const { accounts } = expectStatus(await call('/v1/frame/accounts', { token: sessionToken }), 200, 'accounts');
  return { phone, token: sessionToken, accountId: accounts[0].id };
}

export interface BurstResult {
  /** Wall time of each burst, ms. */
  ms: { distinct: number; sameKey: number; differentKeys: number };
  /** HTTP status → how many answers, per burst. */
  statuses: { distinct: Record<number, number>; sameKey: Record<number, number>; differentKeys: Record<number, number> };
  /** Everything exactly-once means (all must be true). */
  checks: Record<string, boolean>;
  /** The ledger's own invariants afterwards. */
  ledger: ReturnType<typeof ledgerCheck>;
}

const tally = (replies: BankReply[]) =>
  replies.reduce<Record<number, number>>((all, r) => ((all[r.status] = (all[r.status] ?? 0) + 1), all), {});

/** `origin`: a partner origin registered for the demo app (the pages these customers are on). */
export async function paymentBurst(
  call: BankCall,
  db: Db,
  { origin, sizes, customers = 10, together = false }: {
    origin: string;
    /** How many confirmations in each burst. */
    sizes: { distinct: number; sameKey: number; differentKeys: number };
    customers?: number;
    /** All three bursts at once (one burst of their sum), or one after the other, each timed. */
    together?: boolean;
  },
): Promise<BurstResult> {
  const stamp = String(Date.now()).slice(-6);
  const payers: Payer[] = [];
  for (let i = 0; i < customers; i++) payers.push(await payer(call, `137${stamp}${String(i).padStart(2, '0')}`, origin));
  const order = async (amount: string, description: string) =>
    expectStatus(await call('/v1/orders', { secret: demoApp.secretKey, body: { amount, currency: 'CNY', description } }), 201, 'order') as {
      id: string; amount: string;
    };
  const pay = (who: Payer, o: { id: string; amount: string }, key: string) =>
    call('/v1/frame/payments', {
      token: who.token,
      headers: { 'Idempotency-Key': key },
      body: { orderId: o.id, accountId: who.accountId, pin: '135790', expectedAmount: o.amount },
    });
  const balances = () => Object.fromEntries(payers.map((p) => [
    p.accountId, (db.prepare('SELECT balance FROM accounts WHERE id = ?').get(p.accountId) as { balance: number }).balance,
  ]));
  const before = balances();

  // Distinct orders of distinct amounts (1.00, 1.01, …), each paid once; one order for a single key; one contested.
  const orders = await Promise.all(Array.from({ length: sizes.distinct }, (_, i) => order(`${1 + Math.floor(i / 100)}.${String(i % 100).padStart(2, '0')}`, `Burst order ${i}`)));
  const sameKeyOrder = await order('88.88', 'Burst order, one key');
  const contested = await order('66.66', 'Burst order, many keys');
  const bursts = {
    distinct: () => orders.map((o, i) => pay(payers[i % customers]!, o, `burst-${stamp}-distinct-${i}`)),
    sameKey: () => Array.from({ length: sizes.sameKey }, () => pay(payers[0]!, sameKeyOrder, `burst-${stamp}-same-key`)),
    differentKeys: () => Array.from({ length: sizes.differentKeys }, (_, i) => pay(payers[i % customers]!, contested, `burst-${stamp}-key-${i}`)),
  };
  const ms = { distinct: 0, sameKey: 0, differentKeys: 0 };
  let distinct: BankReply[], sameKey: BankReply[], differentKeys: BankReply[];
  if (together) {
    // One burst of all three kinds at once.
    const started = performance.now();
    const all = [bursts.distinct(), bursts.sameKey(), bursts.differentKeys()].map((group) => Promise.all(group));
    [distinct, sameKey, differentKeys] = await Promise.all(all);
    ms.distinct = ms.sameKey = ms.differentKeys = performance.now() - started;
  } else {
    const timed = async (name: keyof typeof bursts) => {
      const started = performance.now();
      const replies = await Promise.all(bursts[name]());
      ms[name] = performance.now() - started;
      return replies;
    };
    distinct = await timed('distinct');
    sameKey = await timed('sameKey');
    differentKeys = await timed('differentKeys');
  }

  const after = balances();
  const paymentsOf = (orderId: string) => (db.prepare('SELECT COUNT(*) AS n FROM payments WHERE order_id = ?').get(orderId) as { n: number }).n;
  const debitsOf = (orderId: string) => (db.prepare(
    `SELECT COUNT(*) AS n FROM ledger_entries e JOIN ledger_transactions t ON t.id = e.transaction_id
     WHERE t.kind = 'payment' AND t.description = ? AND e.amount < 0`,
  ).get(`Order ${orderId}`) as { n: number }).n;
  const fen = (amount: string) => Math.round(Number(amount) * 100);
  const spent = Object.keys(before).reduce((sum, id) => sum + before[id]! - after[id]!, 0);
  const expected = orders.reduce((sum, o) => sum + fen(o.amount), 0) + fen(sameKeyOrder.amount) + fen(contested.amount);
  const ledger = ledgerCheck(db);
  const checks = {
    'every distinct order answered 200': distinct.every((r) => r.status === 200),
    'every distinct order has one payment and one debit': orders.every((o) => paymentsOf(o.id) === 1 && debitsOf(o.id) === 1),
    'same key: one payment, one debit': paymentsOf(sameKeyOrder.id) === 1 && debitsOf(sameKeyOrder.id) === 1,
    'same key: every answer is the stored first answer, byte for byte': sameKey.every((r) => r.status === 200 && r.text === sameKey[0]!.text),
    'different keys: one payment, one debit': paymentsOf(contested.id) === 1 && debitsOf(contested.id) === 1,
    'different keys: one 200, every other answer already_paid':
      differentKeys.filter((r) => r.status === 200).length === 1 &&
      differentKeys.filter((r) => r.status !== 200).every((r) => r.status === 409 && r.body.error?.code === 'already_paid'),
    [`${sizes.distinct + 2} orders paid in all, each once`]: (db.prepare('SELECT COUNT(*) AS n FROM payments').get() as { n: number }).n === sizes.distinct + 2,
    'customers lost exactly what was paid, once per order': spent === expected,
    'the ledger balances': ledger.ok,
  };
  return {
    ms,
    statuses: { distinct: tally(distinct), sameKey: tally(sameKey), differentKeys: tally(differentKeys) },
    checks,
    ledger,
  };
}
