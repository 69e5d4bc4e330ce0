import { formatAmount } from '../domain/money.ts';
import type { PartnerApp } from './apps.ts';
import { customerById, maxFailedAttempts, recordFailure, resetFailures, type CustomerRow } from './customers.ts';
import type { Db } from './db.ts';
import { BankError } from './errors.ts';
import { classLimits, customerAccounts, paidOutSince, post, settlementAccount } from './ledger.ts';
import { findOrder, orderView } from './orders.ts';
import { settleOrderPayment } from './merchants.ts';
import { randomToken, verifySecret } from './secrets.ts';
import { enqueueWebhook } from './webhooks.ts';

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
}

export interface PaymentAnswer {
  status: number;
  body: unknown;
}

const chinaDayStart = (now: number) => {
  const offset = 8 * 3600_000;
  return Math.floor((now + offset) / 86_400_000) * 86_400_000 - offset;
};
const chinaYearStart = (now: number) => {
  const local = new Date(now + 8 * 3600_000);
  return Date.UTC(local.getUTCFullYear(), 0, 1) - 8 * 3600_000;
};

/**
 * Confirms a payment exactly once. The first answer for an idempotency key is stored with it and replayed for
 * every retry; the money moves in one SQLite transaction with every check that justifies it; an order's
 * UNIQUE payment row makes a second payment impossible even for a different key.
 */
export async function confirmPayment(db: Db, request: PaymentRequest): Promise<PaymentAnswer> {
  const replay = storedAnswer(db, request);
  if (replay) return replay;

  const { customer, now } = request;
  if (customer.locked_at !== null) {
    return remember(db, request, new BankError('locked', 'Too many wrong attempts: the customer is locked.'));
  }
  const pinOk = await verifySecret(request.pin, customer.pin_hash);
  // Another request may have answered this key while the PIN was being checked.
  const meanwhile = storedAnswer(db, request);
  if (meanwhile) return meanwhile;
  if (customerById(db, customer.id).locked_at !== null) {
    return remember(db, request, new BankError('locked', 'Too many wrong attempts: the customer is locked.'));
  }
  if (!pinOk) {
    const locked = recordFailure(db, customer, now);
    const left = maxFailedAttempts - customer.failed_attempts - 1;
    return remember(
      db,
      request,
      locked
        ? new BankError('locked', 'Too many wrong attempts: the customer is now locked.')
        : new BankError('invalid_credentials', `The payment PIN is wrong. ${left} attempt(s) left.`),
    );
  }
  resetFailures(db, customer);

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
      const limits = account.account_class ? classLimits[account.account_class] : null;
      if (limits && (paidOutSince(db, account.id, chinaDayStart(now)) + order.amount > limits.daily ||
          paidOutSince(db, account.id, chinaYearStart(now)) + order.amount > limits.yearly)) {
        throw new BankError('limit_exceeded', `This exceeds the Class ${account.account_class} account's limit.`);
      }
      const transactionId = post(db, 'payment', `Order ${order.id}`, [
        [account.id, -order.amount],
        [settlementAccount(db, request.app.id).id, order.amount],
      ]);
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
