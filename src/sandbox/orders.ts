import { createHash } from 'node:crypto';
import { formatAmount } from '../domain/money.ts';
import type { Db } from './sqlite.ts';
import { BankError } from './errors.ts';
import { randomToken } from './secrets.ts';

export interface OrderRow {
  id: string;
  app_id: string;
  amount: number;
  currency: string;
  description: string;
  reference: string | null;
  status: 'pending' | 'paid' | 'failed' | 'cancelled';
  payment_id: string | null;
  idempotency_key: string | null;
  request_hash: string | null;
  created_at: number;
  paid_at: number | null;
  cancelled_at: number | null;
}

/** The order as the partner's server sees it (CONTRACT §5). */
export function orderView(order: OrderRow) {
  return {
    id: order.id,
    status: order.status,
    amount: formatAmount(order.amount),
    currency: order.currency,
    description: order.description,
    reference: order.reference,
    createdAt: new Date(order.created_at).toISOString(),
    ...(order.payment_id ? { paymentId: order.payment_id } : {}),
    ...(order.paid_at ? { paidAt: new Date(order.paid_at).toISOString() } : {}),
    ...(order.cancelled_at ? { cancelledAt: new Date(order.cancelled_at).toISOString() } : {}),
  };
}

export function findOrder(db: Db, appId: string, id: string): OrderRow {
  const order = db.prepare('SELECT * FROM orders WHERE id = ? AND app_id = ?').get(id, appId) as OrderRow | undefined;
  if (!order) throw new BankError('not_found', `No order ${id}.`);
  return order;
}

interface NewOrder {
  amount: number;
  currency: string;
  description: string;
  reference: string | null;
}

/**
 * Creates an order; with an `Idempotency-Key`, the same key and body answer the same order and the same key
 * with another body is a conflict, so a partner's retried request never creates a second order.
 */
export function createOrder(db: Db, appId: string, order: NewOrder, idempotencyKey: string | null, now: number) {
  const requestHash = createHash('sha256').update(JSON.stringify(order)).digest('hex');
  return db.transaction(() => {
    if (idempotencyKey) {
      const existing = db
        .prepare('SELECT * FROM orders WHERE app_id = ? AND idempotency_key = ?')
        .get(appId, idempotencyKey) as OrderRow | undefined;
      if (existing) {
        if (existing.request_hash !== requestHash) {
          throw new BankError('idempotency_conflict', 'This Idempotency-Key was used with a different request body.');
        }
        return { order: existing, replayed: true };
      }
    }
    const id = randomToken('ord', 12);
    db.prepare(
      `INSERT INTO orders (id, app_id, amount, currency, description, reference, status, idempotency_key, request_hash, created_at)
       VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?)`,
    ).run(id, appId, order.amount, order.currency, order.description, order.reference, idempotencyKey, requestHash, now);
    return { order: findOrder(db, appId, id), replayed: false };
  }).immediate();
}

export function cancelOrder(db: Db, appId: string, id: string, now: number) {
  return db.transaction(() => {
    const order = findOrder(db, appId, id);
    if (order.status === 'paid') throw new BankError('already_paid', 'A paid order cannot be cancelled.');
    if (order.status === 'pending') {
      db.prepare(`UPDATE orders SET status = 'cancelled', cancelled_at = ? WHERE id = ?`).run(now, id);
    }
    return findOrder(db, appId, id);
  }).immediate();
}
