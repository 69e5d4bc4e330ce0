/**
 * Issue #14.4, the exactly-once part of the load test (`npm run load` times the same bursts over HTTP, 200 of each
 * kind): 200 concurrent payment confirmations in one burst — distinct orders, one order with one idempotency key,
 * one order with a key each — against the in-process sandbox bank. One payment and one ledger debit per order,
 * stored answers replayed, `already_paid` for the rest, and the books balance.
 */
import { expect } from '@playwright/test';
import { paymentBurst } from '../bench/payment-burst.ts';
import { apiTest as test } from './helpers.ts';
import { inprocessBank, partnerOrigin } from './inprocess.ts';

test('200 concurrent confirmations (distinct orders, one order with one key, one order with a key each): exactly once', async () => {
  test.setTimeout(180_000); // 200 scrypt PIN checks: seconds on a quiet machine, a minute on a shared, busy one
  const bank = inprocessBank();
  // 200 at once: 100 distinct orders, 50 times one order with one key, 50 times one order with a key each. (Each
  // confirmation costs a scrypt PIN check, so `npm run load` sends 200 of each kind, timed; here they share one burst.)
  const result = await paymentBurst(bank.call, bank.db, {
    origin: partnerOrigin, sizes: { distinct: 100, sameKey: 50, differentKeys: 50 }, customers: 5, together: true,
  });
  expect(result.statuses).toEqual({ distinct: { 200: 100 }, sameKey: { 200: 50 }, differentKeys: { 200: 1, 409: 49 } });
  expect(result.checks).toEqual(Object.fromEntries(Object.keys(result.checks).map((check) => [check, true])));
  expect(result.ledger).toMatchObject({ entriesSum: 0, unbalancedTransactions: 0, accountsNotMatchingEntries: 0, ok: true });
  bank.db.close();
});
