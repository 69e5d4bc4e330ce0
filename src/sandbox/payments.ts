import { formatAmount } from '../domain/money.ts';
import type { PartnerApp } from './apps.ts';
import type { CustomerRow } from './customers.ts';
import type { Db } from './sqlite.ts';
import { BankError } from './errors.ts';
import { customerAccounts, post, settlementAccount } from './ledger.ts';
import { assertPaymentWithinLimits, countPayment } from './accounts.ts';
import { findOrder, orderView } from './orders.ts';
import { settleOrderPayment } from './merchants.ts';
import { randomToken, verifySecret } from './secrets.ts';
import { enqueueWebhook } from './webhooks.ts';
import { lockedError, Throttles } from './throttle.ts';

export interface PaymentRequest {
  app: PartnerApp;
  customer: CustomerRow;
  orderId: string;
  accountId: string;
  pin: string;
  /** The amount the customer saw in the bank's frame; a mismatch means the order is not what they confirmed. */
  expectedAmount: string;
  idempotencyKey: string;
  now: number;
  /** The bank's locks (a sandbox's configured limits); the default rules if absent. */
  throttles?: Throttles;
}

export interface PaymentAnswer {
  status: number;
  body: unknown;
}

/**
 * Confirms a payment exactly once. The first answer for an idempotency key is stored with it and replayed for
 * every retry; the money moves in one SQLite transaction with every check that justifies it; an order's
 * UNIQUE payment row makes a second payment impossible even for a different key.
 */
export async function confirmPayment(db: Db, request: PaymentRequest): Promise<PaymentAnswer> {
  const replay = storedAnswer(db, request);
  if (replay) return replay;

  const { customer, now } = request;
  // PIN attempts are counted per customer, apart from logins, and only a correct PIN resets them.
  const throttles = request.throttles ?? new Throttles(db);
  const pinKey = String(customer.id);
  const lockedAnswer = (until: number) => remember(db, request, lockedError('payments', until, now));
  const locked = throttles.lockedUntil('pin', pinKey, now);
  if (locked) return lockedAnswer(locked);
  const pinOk = await verifySecret(request.pin, customer.pin_hash);
  // Another request may have answered this key while the PIN was being checked.
  const meanwhile = storedAnswer(db, request);
  if (meanwhile) return meanwhile;
  const lockedMeanwhile = throttles.lockedUntil('pin', pinKey, now);
  if (lockedMeanwhile) return lockedAnswer(lockedMeanwhile);
  if (!pinOk) {
    const until = throttles.fail('pin', pinKey, now);
    const left = throttles.limit('pin') - throttles.failures('pin', pinKey);
    return remember(
      db,
      request,
      until
        ? lockedError('payments', until, now)
        : new BankError('invalid_credentials', `The payment PIN is wrong. ${left} attempt(s) left.`, undefined, { attemptsLeft: left }),
    );
  }
  throttles.clear('pin', pinKey);

  return db.transaction((): PaymentAnswer => {
    const again = storedAnswer(db, request);
    if (again) return again;
    try {
      const order = findOrder(db, request.app.id, request.orderId);
      if (order.status === 'paid') throw new BankError('already_paid', 'This order is already paid.');
      if (order.status !== 'pending') throw new BankError('order_cancelled', `This order is ${order.status}.`);
      if (formatAmount(order.amount) !== request.expectedAmount) {
        throw new BankError('invalid_request', 'The order is not the one that was confirmed.');
      }
      const account = customerAccounts(db, customer.id).find((a) => a.id === request.accountId);
      if (!account) throw new BankError('not_found', 'No such account.');
      if (account.status === 'frozen') throw new BankError('account_frozen', 'The account is frozen.');
      if (account.balance < order.amount) throw new BankError('insufficient_funds', 'The balance is too low.');
      assertPaymentWithinLimits(db, account, order.amount, now);
      const transactionId = post(db, 'payment', `Order ${order.id}`, [
        [account.id, -order.amount],
        [settlementAccount(db, request.app.id).id, order.amount],
      ], now);
      countPayment(db, account, order.amount, now);
      const paymentId = randomToken('pay', 12);
      db.prepare(
        `INSERT INTO payments (id, order_id, customer_id, account_id, amount, transaction_id, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ).run(paymentId, order.id, customer.id, account.id, order.amount, transactionId, now);
      db.prepare(`UPDATE orders SET status = 'paid', payment_id = ?, paid_at = ? WHERE id = ?`).run(paymentId, now, order.id);
      settleOrderPayment(db, request.app.id, order.id, now);
      const paid = orderView(findOrder(db, request.app.id, order.id));
      enqueueWebhook(db, request.app, 'order.paid', paid, now);
      return remember(db, request, { status: 200, body: { payment: { id: paymentId, orderId: order.id, amount: paid.amount, paidAt: paid.paidAt }, order: paid } });
    } catch (error) {
      if (error instanceof BankError && error.code !== 'not_found' && error.code !== 'invalid_request') {
        return remember(db, request, error);
      }
      throw error;
    }
  }).immediate();
}

function storedAnswer(db: Db, request: PaymentRequest): PaymentAnswer | undefined {
  const stored = db
    .prepare('SELECT * FROM payment_attempts WHERE idempotency_key = ?')
    .get(request.idempotencyKey) as { customer_id: number; order_id: string; status: number; body: string } | undefined;
  if (!stored) return undefined;
  if (stored.customer_id !== request.customer.id || stored.order_id !== request.orderId) {
    throw new BankError('idempotency_conflict', 'This Idempotency-Key belongs to another payment.');
  }
  return { status: stored.status, body: JSON.parse(stored.body) };
}

function remember(db: Db, request: PaymentRequest, answer: PaymentAnswer | BankError): PaymentAnswer {
  const { status, body } = answer instanceof BankError ? { status: answer.status, body: answer.toJSON() } : answer;
  const inserted = db
    .prepare(
      `INSERT OR IGNORE INTO payment_attempts (idempotency_key, customer_id, order_id, status, body, created_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    )
    .run(request.idempotencyKey, request.customer.id, request.orderId, status, JSON.stringify(body), request.now);
  return inserted.changes === 1 ? { status, body } : storedAnswer(db, request)!;
}
