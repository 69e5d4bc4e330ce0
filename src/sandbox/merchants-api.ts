import type { Context } from 'hono';
import { parseAmount } from '../domain/money.ts';
import type { Env } from './env.ts';
import { findApp } from './apps.ts';
import { BankError } from './errors.ts';
import { frameApi, frameSession, loggedIn } from './frame-api.ts';
import {
  addSandboxIncome, createMerchant, createPayout, findMerchant, findPayout, merchantCreditOffer, merchantStatusView,
  merchantView, payoutView, runMerchantClock, submitVerification,
} from './merchants.ts';
import { partnerRoutes, route } from './openapi.ts';
import { CreditOffer, IncomeRequest, Merchant, MerchantRequest, Payout, PayoutRequest } from './partner-schemas.ts';
import { readBody } from './validate.ts';

/** Merchant services on the partner's server API (CONTRACT §5), authenticated by the app's secret key. */
export const merchantsApi = partnerRoutes();

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

route(merchantsApi, {
  method: 'post', path: '/merchants', tags: ['Merchants'], summary: 'Create a merchant (a seller on your platform)', idempotent: true,
  description: 'The merchant then verifies in `<bank-merchant-onboard>`; webhook `merchant.verified`.',
  body: MerchantRequest,
  responses: { 201: { description: 'The merchant, `unverified`.', schema: Merchant } },
  errors: ['idempotency_conflict'],
}, (c, body, app) => {
  const type = body.type as 'individual' | 'business';
  const name = body.name.trim();
  const reference = body.reference ?? null;
  const { db, now } = clock(c);
  const { merchant, replayed } = createMerchant(db, app.id, { type, name, reference }, c.req.header('Idempotency-Key') ?? null, now);
  if (replayed) c.header('Idempotent-Replayed', 'true');
  return c.json(merchantView(db, merchant), 201);
});

route(merchantsApi, {
  method: 'get', path: '/merchants/{id}', tags: ['Merchants'], summary: 'A merchant, its status and balance',
  params: { id: 'The merchant id.' },
  responses: { 200: { description: 'The merchant.', schema: Merchant } },
  errors: ['not_found'],
}, (c, _body, app) => {
  const { db } = clock(c);
  return c.json(merchantView(db, findMerchant(db, app.id, c.req.param('id')!)));
});

route(merchantsApi, {
  method: 'get', path: '/merchants/{id}/credit-offer', tags: ['Merchants'], summary: "A merchant's working-capital offer",
  description: 'Computed by the bank from the merchant\'s settled sales on this platform (`basis` says which months).',
  params: { id: 'The merchant id.' },
  responses: { 200: { description: 'The offer (limit 0.00 when there is none).', schema: CreditOffer } },
  errors: ['not_found'],
}, (c, _body, app) => {
  const { db, now } = clock(c);
  return c.json(merchantCreditOffer(db, app.id, c.req.param('id')!, now));
});

route(merchantsApi, {
  method: 'post', path: '/payouts', tags: ['Merchants'], summary: "Pay out a merchant's balance to its settlement account", idempotent: true,
  description: 'Only to a verified merchant\'s settlement account, never more than its balance; arrives T+1 (webhook `payout.paid`).',
  body: PayoutRequest,
  responses: { 201: { description: 'The payout.', schema: Payout } },
  errors: ['not_found', 'merchant_unverified', 'insufficient_funds', 'limit_exceeded', 'idempotency_conflict'],
}, (c, body, app) => {
  const amount = amountOf(body.amount);
  const { db, now } = clock(c);
  const { payout, replayed } = createPayout(db, app.id, { merchantId: body.merchantId, amount }, c.req.header('Idempotency-Key') ?? null, now);
  if (replayed) c.header('Idempotent-Replayed', 'true');
  return c.json(payoutView(payout), 201);
});

route(merchantsApi, {
  method: 'get', path: '/payouts/{id}', tags: ['Merchants'], summary: 'A payout',
  params: { id: 'The payout id.' },
  responses: { 200: { description: 'The payout.', schema: Payout } },
  errors: ['not_found'],
}, (c, _body, app) => {
  const { db } = clock(c);
  return c.json(payoutView(findPayout(db, app.id, c.req.param('id')!)));
});

route(merchantsApi, {
  method: 'post', path: '/sandbox/merchants/{id}/income', tags: ['Sandbox'], summary: 'Give a merchant past settled income',
  description: '`months` past months of settled split income of `amount` each, for the credit offer.', sandboxOnly: true,
  params: { id: 'The merchant id.' },
  body: IncomeRequest,
  responses: { 200: { description: 'The merchant.', schema: Merchant } },
  errors: ['not_found'],
}, (c, body, app) => {
  const amount = amountOf(body.amount);
  const { db, now } = clock(c);
  return c.json(merchantView(db, addSandboxIncome(db, app.id, c.req.param('id')!, body.months as number, amount, now)));
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
