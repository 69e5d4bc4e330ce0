import { BankError } from './errors.ts';
import { partnerRoutes, route } from './openapi.ts';
import { ClockRequest, ClockState, ResetState, WebhookResend } from './partner-schemas.ts';
import { seedCustomers } from './seed.ts';
import type { Db } from './sqlite.ts';
import { redeliverWebhook } from './webhooks.ts';

/**
 * Sandbox control for partner CI (sandbox mode only: 404 `not_found` in production mode), with an app's secret key:
 * move the bank's clock, put the bank back to its seeded state, deliver a webhook event again.
 */
export const sandboxControl = partnerRoutes();

route(sandboxControl, {
  method: 'post', path: '/sandbox/clock', tags: ['Sandbox'], summary: "Move the sandbox bank's clock", sandboxOnly: true,
  description: 'The one clock of the bank: client tokens and sessions expire, orders and SMS codes time out, cooling-off periods end, payment limits start a new day at midnight in Beijing, webhook retries fall due and the ledger dates its transactions on it. It moves forward only (`reset` goes back to real time), for the whole sandbox, until the process restarts.',
  body: ClockRequest,
  responses: { 200: { description: "The bank's time now.", schema: ClockState } },
  errors: [],
}, (c, body) => {
  const { clock } = c.var.options;
  const now = body.reset ? clock.reset() : clock.advance(body.advanceSeconds! * 1000);
  return c.json({ now: new Date(now).toISOString() });
});

/** Tables that a reset keeps: registered apps (and their keys), the loan products and the attestation keys. */
const keptTables = new Set(['apps', 'loan_products', 'signing_keys']);

/** Everything back to the seeded state: no orders, payments, sessions, locks, merchants or consents; clock reset. */
export function resetSandbox(db: Db, now: number) {
  const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as { name: string }[])
    .map((t) => t.name).filter((name) => !keptTables.has(name));
  db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      for (const name of tables) db.prepare(`DELETE FROM "${name}"`).run();
      seedCustomers(db, now);
    })();
  } finally {
    db.pragma('foreign_keys = ON');
  }
}

route(sandboxControl, {
  method: 'post', path: '/sandbox/reset', tags: ['Sandbox'], summary: 'Put the sandbox bank back to its seeded state', sandboxOnly: true,
  description: 'For the whole sandbox: orders, payments, sessions, locks and throttles, loan applications, consents, merchants, payouts, webhook events and customers you created are gone; the test customers (docs/sandbox.md) are back with their seeded balances (new customer ids); registered apps and their keys (the demo app included), the loan products and the attestation keys stay. The clock is back to real time.',
  responses: { 200: { description: 'Done.', schema: ResetState } },
  errors: [],
}, (c) => {
  const { db, clock } = c.var.options;
  resetSandbox(db, clock.reset());
  return c.json({ reset: true as const });
});

route(sandboxControl, {
  method: 'post', path: '/sandbox/webhooks/{id}/resend', tags: ['Sandbox'], summary: 'Deliver a webhook event again, now', sandboxOnly: true,
  description: 'One of your app\'s events (the `id` in its payload), posted again to the URL it was sent to, signed as usual with a fresh timestamp; the answer says how that went. On failure it is retried with the usual backoff.',
  params: { id: 'The event id (`evt_…`).' },
  responses: { 200: { description: 'The event and how its delivery went.', schema: WebhookResend } },
  errors: ['not_found'],
}, async (c, _body, app) => {
  const { db, now } = c.var.options;
  const id = c.req.param('id')!;
  const status = await redeliverWebhook(db, app.id, id, { now });
  if (!status) throw new BankError('not_found', `No webhook event ${id} for this app.`);
  return c.json({ id, status });
});
