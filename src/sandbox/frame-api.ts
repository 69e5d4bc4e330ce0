import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Env } from './env.ts';
import { assertOriginAllowed, findApp } from './apps.ts';
import { customerByPhone, maskPhone, publicCustomerId } from './customers.ts';
import { BankError } from './errors.ts';
import { tokenHash, verifySecret } from './secrets.ts';
import { clientAddress, lockedError, rateLimitedError, Throttles } from './throttle.ts';
import { randomInt, timingSafeEqual } from 'node:crypto';
import {
  closeChallenge, createChallenge, createFrameSession, customerView, endCustomerSession, frameSessionByToken, inFrameLocale,
  openChallenge, resumeCustomerSession, sessionCustomer, spendClientToken, startCustomerSession, type FrameSession,
} from './sessions.ts';
import { parseOrigin, readBody } from './validate.ts';
import type { Db } from './sqlite.ts';
import { formatAmount } from '../domain/money.ts';
import { customerAccounts, maskAccountNumber } from './ledger.ts';
import { findOrder, orderView } from './orders.ts';
import { confirmPayment } from './payments.ts';
import { applicationView, applyForLoan, loanProducts, loanTerms, quoteView } from './loans.ts';
import { investApi } from './invest-api.ts';
import { accountExtras } from './accounts.ts';
import { assertMerchantLoan, disburseMerchantLoan, findMerchant, merchantStatusView } from './merchants.ts';
import { checkConsentRequest } from './consents.ts';

/**
 * The API the bank's own frames call, same-origin. Every call must carry `X-Bank-Frame: 1`, a header a
 * cross-site page cannot send without a CORS preflight, which this API never grants.
 */
export const frameApi = new Hono<Env>();

frameApi.use('*', async (c, next) => {
  const site = c.req.header('Sec-Fetch-Site');
  const origin = c.req.header('Origin');
  if (c.req.header('X-Bank-Frame') !== '1' || (site && site !== 'same-origin') ||
      (origin && origin !== c.var.options.bankOrigin)) {
    throw new BankError('forbidden', 'The frame API answers only the bank’s own frames.');
  }
  c.header('Cache-Control', 'no-store');
  await next();
});

export const resumeCookie = (appId: string) => `bank_resume_${appId}`;

export function frameSession(c: Context<Env>) {
  const token = /^Bearer (\S+)$/.exec(c.req.header('Authorization') ?? '')?.[1];
  return inFrameLocale(frameSessionByToken(c.var.options.db, token, c.var.options.now()), c.req.header('X-Bank-Locale'));
}

frameApi.post('/sessions', async (c) => {
  const { db, now } = c.var.options;
  const body = await readBody(c);
  const clientToken = body.string('clientToken', { max: 200 });
  const appId = body.string('appId', { max: 100 });
  const origin = parseOrigin(body.string('origin', { max: 200 }));
  const locale = body.string('locale', { pattern: /^(en|zh-CN)$/ });
  const app = findApp(db, appId);
  if (!app) throw new BankError('not_found', `No app ${appId}.`);
  assertOriginAllowed(app, origin);
  spendClientToken(db, clientToken, app.id, now());
  const created = createFrameSession(db, app.id, origin, locale, now());
  const session = frameSessionByToken(db, created.sessionToken, now());
  resumeCustomerSession(db, session, getCookie(c, resumeCookie(app.id)), now());
  return c.json({
    ...created,
    customer: customerView(db, session, now()),
    ...ordersWithSession(c, app, body.raw('orderIds')),
    ...readsWithSession(db, app.id, body.raw('reads')),
  }, 201);
});

/** At most this many orders, and this many other reads, are answered with a session (as many as the bridge asks). */
const mostEarly = 100;

/**
 * The page's other first reads (`[method, params]` each: `getMerchant`, `checkConsentRequest`, `loanProducts`),
 * answered with the session like its orders, so that no read follows the exchange: the same answers as the frame
 * API's `GET /merchants/:id`, `POST /consent-checks` and `GET /loan-products`, for this app only. A read that is
 * malformed or would fail is answered `null`, and the element's own read then asks and reports it as usual.
 */
function readsWithSession(db: Db, appId: string, reads: unknown) {
  if (!Array.isArray(reads)) return {};
  const text = (value: unknown, max: number): value is string => typeof value === 'string' && value.length > 0 && value.length <= max;
  const answer = (read: unknown) => {
    const [method, params] = Array.isArray(read) ? read : [];
    const p = (typeof params === 'object' && params !== null ? params : {}) as Record<string, unknown>;
    if (method === 'loanProducts') return { products: loanProducts(db) };
    if (method === 'getMerchant' && text(p.merchantId, 100)) return merchantStatusView(findMerchant(db, appId, p.merchantId));
    if (method === 'checkConsentRequest' && text(p.purpose, 60) && text(p.claims, 400)) {
      return { allowed: checkConsentRequest(db, appId, p.purpose, p.claims).allowed };
    }
    return null;
  };
  return {
    reads: reads.slice(0, mostEarly).map((read) => {
      try {
        return answer(read);
      } catch (error) {
        if (error instanceof BankError) return null;
        throw error;
      }
    }),
  };
}

/**
 * The orders the page shows (`<bank-pay order-id>`), read with the session (issue #14), so a page with a payment is
 * ready one round trip sooner: the same answer as `GET /orders/:id`, for this app's orders only. Ids that are not
 * this app's orders are left out, and the element's own read then reports them as usual.
 */
function ordersWithSession(c: Context<Env>, app: { id: string; name: string }, ids: unknown) {
  if (!Array.isArray(ids)) return {};
  const wanted = ids.filter((id): id is string => typeof id === 'string' && /^ord_[\w-]{6,64}$/.test(id)).slice(0, mostEarly);
  const orders = wanted.flatMap((id) => {
    try {
      return [frameOrderView(c, app, id)];
    } catch (error) {
      if (error instanceof BankError) return [];
      throw error;
    }
  });
  return { orders };
}

/** An order as the frames and the partner element show it: the bank's record and the payee's name. */
const frameOrderView = (c: Context<Env>, app: { id: string; name: string }, id: string) =>
  ({ ...orderView(findOrder(c.var.options.db, app.id, id)), payee: app.name });

frameApi.get('/session', (c) => {
  const { db, now } = c.var.options;
  return c.json({ customer: customerView(db, frameSession(c), now()) });
});

/** Locks and throttles for this request (src/sandbox/throttle.ts). */
const throttlesOf = (c: Context<Env>) => new Throttles(c.var.options.db, c.var.options.limits);

/** A page (frame session) or a network address that made too many wrong logins waits, whoever it asks about. */
function assertNotThrottled(c: Context<Env>, session: FrameSession) {
  const { now } = c.var.options;
  const throttles = throttlesOf(c);
  const until = Math.max(
    throttles.lockedUntil('address', clientAddress(c), now()) ?? 0,
    throttles.lockedUntil('device', session.tokenHash, now()) ?? 0,
  );
  if (until) throw rateLimitedError(until, now());
}

/** Logins for a phone number, customer or not, are locked after five wrong passwords or codes in a row. */
function assertLoginUnlocked(c: Context<Env>, phone: string) {
  const { now } = c.var.options;
  const until = throttlesOf(c).lockedUntil('login', phone, now());
  if (until) throw lockedError('logins', until, now());
}

/**
 * A wrong password or code: counted for the phone number (known or not, the same way), the page and the address.
 * Never ends a live session: a lock only stops new logins, for a while.
 */
function failLogin(c: Context<Env>, session: FrameSession, phone: string, error: BankError): never {
  const { now } = c.var.options;
  const throttles = throttlesOf(c);
  throttles.fail('device', session.tokenHash, now());
  throttles.fail('address', clientAddress(c), now());
  const until = throttles.fail('login', phone, now());
  if (until) throw lockedError('logins', until, now());
  throw error;
}

/** A fresh SMS code for a challenge: random in production mode (sent, never logged), `123456` in the sandbox. */
function sendCode(c: Context<Env>, challengeId: string, phone: string) {
  const { db, production, sendSms } = c.var.options;
  if (!production) return;
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  db.prepare('UPDATE login_challenges SET code_hash = ? WHERE id = ?').run(tokenHash(`${challengeId}:${code}`), challengeId);
  sendSms(phone, code);
}

function codeIsRight(c: Context<Env>, challengeId: string, code: string) {
  const { db, production } = c.var.options;
  if (!production) return code === sandboxSmsCode;
  const row = db.prepare('SELECT code_hash FROM login_challenges WHERE id = ?').get(challengeId) as { code_hash: string | null } | undefined;
  if (!row?.code_hash) return false;
  return timingSafeEqual(Buffer.from(row.code_hash), Buffer.from(tokenHash(`${challengeId}:${code}`)));
}

/** The sandbox's SMS gateway always sends this code; production mode never accepts it. */
export const sandboxSmsCode = '123456';

frameApi.post('/login', async (c) => {
  const { db, now } = c.var.options;
  const session = frameSession(c);
  assertNotThrottled(c, session);
  const body = await readBody(c);
  const phone = body.string('phone', { max: 20 });
  const password = body.string('password', { max: 100 });
  const customer = customerByPhone(db, phone);
  // Same work and the same answers for an unknown phone as for a wrong password, through the whole lock sequence.
  const ok = await verifySecret(password, customer?.password_hash);
  assertLoginUnlocked(c, phone);
  if (!customer || !ok) failLogin(c, session, phone, new BankError('invalid_credentials', 'The phone number or password is wrong.'));
  const challengeId = createChallenge(db, session, customer, now());
  sendCode(c, challengeId, customer.phone);
  return c.json({ challengeId, phone: maskPhone(customer.phone) });
});

frameApi.post('/login/verify', async (c) => {
  const { db, now } = c.var.options;
  const session = frameSession(c);
  assertNotThrottled(c, session);
  const body = await readBody(c);
  const challengeId = body.string('challengeId', { max: 100 });
  const code = body.string('code', { max: 10 });
  const customer = openChallenge(db, session, challengeId, now());
  assertLoginUnlocked(c, customer.phone);
  if (!codeIsRight(c, challengeId, code)) {
    failLogin(c, session, customer.phone, new BankError('invalid_credentials', 'The SMS code is wrong.'));
  }
  closeChallenge(db, challengeId, now());
  throttlesOf(c).clear('login', customer.phone);
  const { resume, maxAgeSeconds } = startCustomerSession(db, session, customer, now());
  setCookie(c, resumeCookie(session.appId), resume, {
    httpOnly: true, secure: true, sameSite: 'None', partitioned: true, path: '/v1/frame/', maxAge: maxAgeSeconds,
  });
  return c.json({ customer: customerView(db, session, now()) });
});

export function loggedIn(c: Context<Env>) {
  const { db, now } = c.var.options;
  const session = frameSession(c);
  const found = sessionCustomer(db, session, now());
  if (!found) throw new BankError('login_required', 'Log in first.');
  return { session, customer: found.customer };
}

/** The order as the bank stored it, for the partner element and the confirm frame: what the customer pays. */
frameApi.get('/orders/:id', (c) => {
  const { db } = c.var.options;
  const session = frameSession(c);
  return c.json(frameOrderView(c, findApp(db, session.appId)!, c.req.param('id')));
});

frameApi.get('/accounts', (c) => {
  const { db, now } = c.var.options;
  const { customer } = loggedIn(c);
  return c.json({
    accounts: customerAccounts(db, customer.id).map((account) => ({
      id: account.id,
      accountClass: account.account_class,
      number: maskAccountNumber(account.number),
      balance: formatAmount(account.balance),
      currency: account.currency,
      status: account.status,
      ...accountExtras(db, account, now()),
    })),
  });
});

frameApi.post('/payments', async (c) => {
  const { db, now } = c.var.options;
  const { session, customer } = loggedIn(c);
  const body = await readBody(c);
  const idempotencyKey = c.req.header('Idempotency-Key') ?? '';
  if (!/^[\w-]{16,100}$/.test(idempotencyKey)) throw new BankError('invalid_request', 'An Idempotency-Key is required.');
  const answer = await confirmPayment(db, {
    app: findApp(db, session.appId)!,
    customer,
    orderId: body.string('orderId', { max: 100 }),
    accountId: body.string('accountId', { max: 100 }),
    pin: body.string('pin', { max: 12 }),
    expectedAmount: body.string('expectedAmount', { max: 20 }),
    idempotencyKey,
    now: now(),
    throttles: throttlesOf(c),
  });
  return c.json(answer.body as object, answer.status as 200);
});

frameApi.get('/loan-products', (c) => {
  frameSession(c);
  return c.json({ products: loanProducts(c.var.options.db) });
});

async function readLoanTerms(c: Context<Env>) {
  const body = await readBody(c);
  const terms = loanTerms(c.var.options.db, {
    product: body.string('product', { max: 40 }),
    amount: body.string('amount', { max: 20 }),
    termMonths: body.raw('termMonths'),
    method: body.optionalString('repaymentMethod', { max: 40 }),
  });
  return { body, terms };
}

frameApi.post('/loan-quotes', async (c) => {
  frameSession(c);
  const { terms } = await readLoanTerms(c);
  return c.json(quoteView(terms));
});

frameApi.post('/loan-applications', async (c) => {
  const { db, now } = c.var.options;
  const { session, customer } = loggedIn(c);
  // The bank recomputes every figure from the terms: nothing the page calculated is trusted.
  const { body, terms } = await readLoanTerms(c);
  const merchant = terms.product.id === 'merchant-loan'
    ? assertMerchantLoan(db, session.appId, customer, body.optionalString('merchantId', { max: 100 }), terms, now())
    : null;
  const application = applyForLoan(db, session.appId, customer, terms, body.optionalString('reference', { max: 100 }) ?? null, {
    fullName: body.string('fullName', { max: 60 }),
    idNumber: body.string('idNumber', { max: 18 }),
    monthlyIncome: body.string('monthlyIncome', { max: 20 }),
    employer: body.string('employer', { max: 100 }),
    consent: body.optionalBoolean('consent'),
  }, now());
  if (merchant) disburseMerchantLoan(db, merchant, application, now());
  return c.json(applicationView(application, publicCustomerId(db, session.appId, customer.id)), 201);
});

frameApi.post('/logout', (c) => {
  const { db, now } = c.var.options;
  const session = frameSession(c);
  endCustomerSession(db, session, now());
  deleteCookie(c, resumeCookie(session.appId), { path: '/v1/frame/', secure: true, sameSite: 'None', partitioned: true });
  return c.json({ customer: null });
});

frameApi.route('/invest', investApi);
