/**
 * The frame API for wealth products, mounted under `/v1/frame/invest` (so the frame API's `X-Bank-Frame` and
 * same-origin checks apply). Only the bank's `Investments`, `Buy` and `Redeem` frames call it, through the bridge:
 * product data, holdings and assessment answers never reach the partner page.
 */
import { Hono, type Context } from 'hono';
import { checkAnswers, questionnaire } from '../domain/invest.ts';
import { AmountError, formatAmount, parseAmount } from '../domain/money.ts';
import type { Env } from './env.ts';
import { BankError } from './errors.ts';
import {
  assess, assessmentView, cancelSubscription, checkPurchase, checkRedemption, fastRedemptionLeft, fastRedemptionLimit,
  holdings, latestAssessment, productById, products, productView, redeem, redemptionView, settleDue, subscribe,
  subscriptionView, type Product,
} from './invest.ts';
import { customerAccounts, maskAccountNumber } from './ledger.ts';
import { readBody } from './validate.ts';
import { frameSessionByToken, inFrameLocale, sessionCustomer } from './sessions.ts';
import type { RequestBody } from './validate.ts';

export const investApi = new Hono<Env>();

function frameSession(c: Context<Env>) {
  const token = /^Bearer (\S+)$/.exec(c.req.header('Authorization') ?? '')?.[1];
  return inFrameLocale(frameSessionByToken(c.var.options.db, token, c.var.options.now()), c.req.header('X-Bank-Locale'));
}

/** The logged-in customer, after settling whatever the clock has made due. */
function loggedIn(c: Context<Env>) {
  const { db, now } = c.var.options;
  const session = frameSession(c);
  const found = sessionCustomer(db, session, now());
  if (!found) throw new BankError('login_required', 'Log in first.');
  settleDue(db, now());
  return { session, customer: found.customer };
}

function productOf(body: RequestBody): Product {
  const id = body.string('productId', { max: 40 });
  const product = productById(id);
  if (!product) throw new BankError('not_found', `No product ${id}.`);
  return product;
}

function amountOf(body: RequestBody): number {
  try {
    return parseAmount(body.string('amount', { max: 20 }));
  } catch (error) {
    if (error instanceof AmountError) throw new BankError('invalid_request', '`amount` must be a decimal string like "1000.00".');
    throw error;
  }
}

function idempotencyKey(c: Context<Env>) {
  const key = c.req.header('Idempotency-Key') ?? '';
  if (!/^[\w-]{16,100}$/.test(key)) throw new BankError('invalid_request', 'An Idempotency-Key is required.');
  return key;
}

investApi.get('/products', (c) => {
  const session = frameSession(c);
  const now = c.var.options.now();
  return c.json({ products: products.map((p) => productView(p, now, session.locale)) });
});

/** What the customer holds and may do: assessment status (never the answers), holdings, accounts to pay from. */
investApi.get('/overview', (c) => {
  const { db, now } = c.var.options;
  const { session, customer } = loggedIn(c);
  return c.json({
    assessment: assessmentView(latestAssessment(db, customer.id), now()),
    holdings: holdings(db, customer.id, now(), session.locale),
    fastRedemption: { limit: formatAmount(fastRedemptionLimit), left: formatAmount(fastRedemptionLeft(db, customer.id, now())) },
    accounts: customerAccounts(db, customer.id).map((account) => ({
      id: account.id,
      accountClass: account.account_class,
      number: maskAccountNumber(account.number),
      balance: formatAmount(account.balance),
      status: account.status,
    })),
  });
});

investApi.post('/assessments', async (c) => {
  const { db, now } = c.var.options;
  const { customer } = loggedIn(c);
  const body = await readBody(c);
  let answers;
  try {
    answers = checkAnswers(body.raw('answers'));
  } catch (error) {
    const question = error instanceof RangeError ? error.message : 'answers';
    throw new BankError('invalid_request', `Answer every question of the questionnaire (${question}); ${questionnaire.length} in all.`);
  }
  return c.json({ assessment: assessmentView(assess(db, customer.id, answers, now()), now()) }, 201);
});

/** The checks of a purchase without the PIN (a read): the Buy frame asks before it asks for the PIN. */
investApi.post('/purchase-checks', async (c) => {
  const { db, now } = c.var.options;
  const { customer } = loggedIn(c);
  const body = await readBody(c);
  checkPurchase(db, customer, { product: productOf(body), amount: amountOf(body), accountId: body.string('accountId', { max: 100 }) }, now());
  return c.json({ ok: true });
});

investApi.post('/subscriptions', async (c) => {
  const { db, now } = c.var.options;
  const { session, customer } = loggedIn(c);
  const key = idempotencyKey(c);
  const body = await readBody(c);
  const documents = body.raw('documents');
  if (!Array.isArray(documents) || documents.length > 10 ||
      documents.some((d) => typeof d?.id !== 'string' || typeof d?.version !== 'string' || d.id.length > 60 || d.version.length > 20)) {
    throw new BankError('invalid_request', '`documents` must list the documents shown, each `{id, version}`.');
  }
  const shownAt = Date.parse(body.string('shownAt', { max: 40 }));
  if (Number.isNaN(shownAt)) throw new BankError('invalid_request', '`shownAt` must be an ISO time.');
  const lot = await subscribe(
    db, customer, session.appId,
    { product: productOf(body), amount: amountOf(body), accountId: body.string('accountId', { max: 100 }) },
    {
      documents: documents.map((d: { id: string; version: string }) => ({ id: d.id, version: d.version })),
      termsAcknowledged: body.optionalBoolean('termsAcknowledged') === true,
      qualifiedInvestor: body.optionalBoolean('qualifiedInvestor') === true,
      shownAt,
      locale: session.locale,
    },
    body.string('pin', { max: 12 }), key, now(),
  );
  return c.json({ subscription: subscriptionView(lot) }, 201);
});

investApi.post('/subscriptions/:id/cancel', (c) => {
  const { db, now } = c.var.options;
  const { customer } = loggedIn(c);
  return c.json({ subscription: subscriptionView(cancelSubscription(db, customer, c.req.param('id'), now())) });
});

investApi.post('/redemption-checks', async (c) => {
  const { db, now } = c.var.options;
  const { customer } = loggedIn(c);
  const body = await readBody(c);
  checkRedemption(db, customer, productOf(body), amountOf(body), now());
  return c.json({ ok: true });
});

investApi.post('/redemptions', async (c) => {
  const { db, now } = c.var.options;
  const { session, customer } = loggedIn(c);
  const key = idempotencyKey(c);
  const body = await readBody(c);
  const redemption = await redeem(db, customer, session.appId, productOf(body), amountOf(body), body.string('pin', { max: 12 }), key, now());
  return c.json({ redemption: redemptionView(redemption) }, 201);
});
