import { Hono, type Context } from 'hono';
import { parseAmount } from '../domain/money.ts';
import type { Env } from './app.ts';
import { findApp } from './apps.ts';
import { BankError } from './errors.ts';
import { frameApi, frameSession, loggedIn } from './frame-api.ts';
import {
  addSandboxIncome, createMerchant, createPayout, findMerchant, findPayout, merchantCreditOffer, merchantStatusView,
  merchantView, payoutView, runMerchantClock, submitVerification,
} from './merchants.ts';
import { authenticate, readBody } from './partner-api.ts';

/** Merchant services on the partner's server API (CONTRACT §5), authenticated by the app's secret key. */
export const merchantsApi = new Hono<Env>();

/** Releases and payouts that are due on the sandbox clock happen before anything is read. */
function clock(c: Context<Env>) {
  const { db, now } = c.var.options;
  runMerchantClock(db, now());
  return { db, now: now() };
}

function amountOf(text: string) {
  try {
    return parseAmount(text, { max: 100_000_000 });
  } catch {
    throw new BankError('invalid_request', '`amount` must be a positive decimal string like "3500.00".');
  }
}

merchantsApi.post('/merchants', async (c) => {
  const app = authenticate(c);
  const body = await readBody(c);
  const type = body.string('type', { max: 20 });
  if (type !== 'individual' && type !== 'business') throw new BankError('invalid_request', '`type` must be "individual" or "business".');
  const name = body.string('name', { max: 100 }).trim();
  if ([...name].length < 2) throw new BankError('invalid_request', '`name` must not be blank.');
  const reference = body.optionalString('reference', { max: 100 }) ?? null;
  const { db, now } = clock(c);
  const { merchant, replayed } = createMerchant(db, app.id, { type, name, reference }, c.req.header('Idempotency-Key') ?? null, now);
  if (replayed) c.header('Idempotent-Replayed', 'true');
  return c.json(merchantView(db, merchant), 201);
});

merchantsApi.get('/merchants/:id', (c) => {
  const app = authenticate(c);
  const { db } = clock(c);
  return c.json(merchantView(db, findMerchant(db, app.id, c.req.param('id'))));
});

merchantsApi.get('/merchants/:id/credit-offer', (c) => {
  const app = authenticate(c);
  const { db, now } = clock(c);
  return c.json(merchantCreditOffer(db, app.id, c.req.param('id'), now));
});

merchantsApi.post('/payouts', async (c) => {
  const app = authenticate(c);
  const body = await readBody(c);
  const merchantId = body.string('merchantId', { max: 100 });
  const amount = amountOf(body.string('amount', { max: 20 }));
  const { db, now } = clock(c);
  const { payout, replayed } = createPayout(db, app.id, { merchantId, amount }, c.req.header('Idempotency-Key') ?? null, now);
  if (replayed) c.header('Idempotent-Replayed', 'true');
  return c.json(payoutView(payout), 201);
});

merchantsApi.get('/payouts/:id', (c) => {
  const app = authenticate(c);
  const { db } = clock(c);
  return c.json(payoutView(findPayout(db, app.id, c.req.param('id'))));
});

/** Sandbox only: `months` past months of settled split income of `amount` each, for the credit offer. */
merchantsApi.post('/sandbox/merchants/:id/income', async (c) => {
  const app = authenticate(c);
  if (c.var.options.production) throw new BankError('not_found', 'Sandbox endpoints do not exist in production mode.');
  const body = await readBody(c);
  const months = body.raw('months');
  if (typeof months !== 'number' || !Number.isInteger(months) || months < 1 || months > 12) {
    throw new BankError('invalid_request', '`months` must be a whole number from 1 to 12.');
  }
  const amount = amountOf(body.string('amount', { max: 20 }));
  const { db, now } = clock(c);
  return c.json(merchantView(db, addSandboxIncome(db, app.id, c.req.param('id'), months, amount, now)));
});

// The bank's frames (same-origin, behind the frame API's guard).

/** The merchant's state for `<bank-merchant-onboard>`: status and type only, never identity or account data. */
frameApi.get('/merchants/:id', (c) => {
  const session = frameSession(c);
  const { db } = c.var.options;
  return c.json(merchantStatusView(findMerchant(db, session.appId, c.req.param('id'))));
});

frameApi.get('/merchants/:id/credit-offer', (c) => {
  const session = frameSession(c);
  const { db, now } = clock(c);
  return c.json(merchantCreditOffer(db, session.appId, c.req.param('id'), now));
});

frameApi.post('/merchants/:id/verification', async (c) => {
  const { session, customer } = loggedIn(c);
  const body = await readBody(c);
  const { db, now } = c.var.options;
  const merchant = submitVerification(db, findApp(db, session.appId)!, c.req.param('id'), customer, {
    name: body.string('name', { max: 100 }),
    creditCode: body.optionalString('creditCode', { max: 18 }),
    representative: body.string('representative', { max: 60 }),
    representativeId: body.string('representativeId', { max: 18 }),
    settlementAccount: body.string('settlementAccount', { max: 19 }),
  }, now());
  return c.json(merchantStatusView(merchant));
});
