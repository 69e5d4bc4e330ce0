import { Hono, type Context } from 'hono';
import { setCookie } from 'hono/cookie';
import { parseAmount } from '../domain/money.ts';
import type { Env } from './env.ts';
import {
  accountTerms, createStatementLink, openEAccount, ownAccount, spendStatementLink, statementCsv, topUp,
  transactionsPage, verifyOpening, type OpeningDetails,
} from './accounts.ts';
import { checkPaymentPin, customerByPhone, maskPhone, type CustomerRow } from './customers.ts';
import { lockedError, Throttles } from './throttle.ts';
import { BankError } from './errors.ts';
import { frameSession, loggedIn, resumeCookie } from './frame-api.ts';
import { readBody } from './validate.ts';
import { randomToken } from './secrets.ts';
import { customerView, sessionCustomer, startCustomerSession, type FrameSession } from './sessions.ts';
import type { RequestBody } from './validate.ts';

/**
 * The frame API for accounts (mounted under `/v1/frame` after `frameApi`, whose guard — `X-Bank-Frame: 1`,
 * same-origin only — therefore runs first for these routes too): opening Class II/III accounts (with phone
 * verification and the login it implies for people who are not customers yet), transactions, Add money and
 * statement links.
 */
export const accountsApi = new Hono<Env>();

const smsCode = '123456'; // the sandbox's SMS gateway always sends this
const challengeLifetime = 10 * 60_000;
const resendAfterMs = 60_000;
const maxCodeFailures = 5;

accountsApi.get('/account-opening', (c) => {
  const { db, now } = c.var.options;
  const session = frameSession(c);
  const locale = session.locale === 'en' ? 'en' : 'zh-CN';
  return c.json({
    loggedIn: sessionCustomer(db, session, now()) !== undefined,
    terms: { version: accountTerms.version, paragraphs: accountTerms[locale] },
  });
});

accountsApi.post('/account-opening/sms', async (c) => {
  const { db, now } = c.var.options;
  const session = frameSession(c);
  const phone = (await readBody(c)).string('phone', { pattern: /^1\d{10}$/ });
  const recent = db
    .prepare('SELECT MAX(created_at) AS last, COUNT(*) AS n FROM account_opening_challenges WHERE frame_token_hash = ? AND created_at > ?')
    .get(session.tokenHash, now() - challengeLifetime) as { last: number | null; n: number };
  if ((recent.last !== null && now() - recent.last < resendAfterMs) || recent.n >= 5) {
    throw new BankError('rate_limited', 'A code was sent a moment ago. Wait a minute before asking for another.');
  }
  const id = randomToken('oc', 12);
  db.prepare(
    'INSERT INTO account_opening_challenges (id, frame_token_hash, phone, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
  ).run(id, session.tokenHash, phone, now(), now() + challengeLifetime);
  // The same answer whether or not the number is a customer's: only the code, typed back, tells that.
  return c.json({ challengeId: id, phone: maskPhone(phone), resendAfterSeconds: resendAfterMs / 1000 });
});

interface ChallengeRow {
  id: string;
  phone: string;
  failures: number;
  verified_at: number | null;
}

function openChallenge(c: Context<Env>, session: FrameSession, id: string): ChallengeRow {
  const { db, now } = c.var.options;
  const row = db
    .prepare(
      `SELECT * FROM account_opening_challenges WHERE id = ? AND frame_token_hash = ? AND used_at IS NULL AND expires_at > ?`,
    )
    .get(id, session.tokenHash, now()) as ChallengeRow | undefined;
  if (!row) throw new BankError('code_expired', 'The SMS code has expired. Ask for a new one.');
  return row;
}

accountsApi.post('/account-opening/verify', async (c) => {
  const { db, now } = c.var.options;
  const session = frameSession(c);
  const body = await readBody(c);
  const challenge = openChallenge(c, session, body.string('challengeId', { max: 100 }));
  const code = body.string('code', { max: 10 });
  const customer = customerByPhone(db, challenge.phone);
  const throttles = new Throttles(db);
  const lockedUntil = throttles.lockedUntil('login', challenge.phone, now());
  if (lockedUntil) throw lockedError('logins', lockedUntil, now());
  if (code !== smsCode) {
    const failures = challenge.failures + 1;
    db.prepare('UPDATE account_opening_challenges SET failures = ?, expires_at = CASE WHEN ? >= ? THEN ? ELSE expires_at END WHERE id = ?')
      .run(failures, failures, maxCodeFailures, now(), challenge.id);
    // Counted per phone number, known or not, like a login's codes (src/sandbox/throttle.ts).
    const until = throttles.fail('login', challenge.phone, now());
    if (until) throw lockedError('logins', until, now());
    throw new BankError('invalid_credentials', 'The SMS code is wrong.');
  }
  db.prepare('UPDATE account_opening_challenges SET verified_at = ? WHERE id = ?').run(now(), challenge.id);
  throttles.clear('login', challenge.phone);
  return c.json({ newCustomer: !customer });
});

/** Who is opening: the logged-in customer, else the phone proven by SMS in this frame session (a customer's or new). */
function opener(c: Context<Env>, body: RequestBody) {
  const { db, now } = c.var.options;
  const session = frameSession(c);
  const found = sessionCustomer(db, session, now());
  if (found) return { session, customer: found.customer as CustomerRow | undefined, challenge: undefined };
  const challenge = openChallenge(c, session, body.string('challengeId', { max: 100 }));
  if (challenge.verified_at === null) throw new BankError('invalid_request', 'Verify the phone number first.');
  return { session, customer: customerByPhone(db, challenge.phone), challenge };
}

function openingDetails(body: RequestBody): OpeningDetails {
  return {
    accountClass: body.string('accountClass', { pattern: /^(II|III)$/ }) as 'II' | 'III',
    fullName: body.string('fullName', { max: 60 }),
    idNumber: body.string('idNumber', { max: 18 }),
    cardNumber: body.string('cardNumber', { max: 30 }),
    termsVersion: body.string('termsVersion', { max: 20 }),
  };
}

/** Step 2 of the frame: the four-factor check and one account per class, before the customer sets a PIN. */
accountsApi.post('/account-opening/check', async (c) => {
  const body = await readBody(c);
  const { customer } = opener(c, body);
  verifyOpening(c.var.options.db, customer, openingDetails(body), c.var.options.now());
  return c.json({ ok: true });
});

accountsApi.post('/account-openings', async (c) => {
  const { db, now } = c.var.options;
  const body = await readBody(c);
  const { session, customer, challenge } = opener(c, body);
  const details = openingDetails(body);
  const pin = body.string('pin', { max: 12 });
  let created;
  if (customer) {
    // An existing customer confirms with the payment PIN they have.
    const refused = await checkPaymentPin(db, customer, pin, now());
    if (refused) throw refused;
    created = openEAccount(db, customer, undefined, details, now());
  } else {
    const password = body.string('password', { max: 100 });
    created = openEAccount(db, undefined, { phone: challenge!.phone, password, pin }, details, now());
  }
  if (challenge) {
    db.prepare('UPDATE account_opening_challenges SET used_at = ? WHERE id = ?').run(now(), challenge.id);
    // Opening with a proven phone, the ID and the PIN is the login it implies: the customer is logged in here.
    const { resume, maxAgeSeconds } = startCustomerSession(db, session, created.customer, now());
    setCookie(c, resumeCookie(session.appId), resume, {
      httpOnly: true, secure: true, sameSite: 'None', partitioned: true, path: '/v1/frame/', maxAge: maxAgeSeconds,
    });
  }
  return c.json({ account: created.account, customer: customerView(db, session, now()) }, 201);
});

accountsApi.get('/accounts/:id/transactions', (c) => {
  const { db } = c.var.options;
  const { session, customer } = loggedIn(c);
  const account = ownAccount(db, customer, c.req.param('id'));
  return c.json(transactionsPage(db, account, c.req.query('cursor'), session.locale));
});

accountsApi.post('/accounts/:id/top-ups', async (c) => {
  const { db, now } = c.var.options;
  const { customer } = loggedIn(c);
  const body = await readBody(c);
  const idempotencyKey = c.req.header('Idempotency-Key') ?? '';
  if (!/^[\w-]{16,100}$/.test(idempotencyKey)) throw new BankError('invalid_request', 'An Idempotency-Key is required.');
  let amount: number;
  try {
    amount = parseAmount(body.string('amount', { max: 20 }), { max: 100_000_000 });
  } catch {
    throw new BankError('invalid_request', '`amount` must be a positive decimal string up to 1000000.00, like "500.00".');
  }
  const answer = await topUp(db, {
    customer, accountId: c.req.param('id'), amount, pin: body.string('pin', { max: 12 }), idempotencyKey, now: now(),
  });
  return c.json(answer.body as object, answer.status as 200);
});

accountsApi.post('/accounts/:id/statement-links', async (c) => {
  const { db, now } = c.var.options;
  const { session, customer } = loggedIn(c);
  const month = (await readBody(c)).string('month', { pattern: /^\d{4}-(0[1-9]|1[0-2])$/ });
  const account = ownAccount(db, customer, c.req.param('id'));
  return c.json({ url: createStatementLink(db, account, month, session.locale, now()) }, 201);
});

/**
 * Statement downloads, `/v1/statements/<single-use token>`: a download is a plain navigation and cannot carry the
 * session header, so the bank frame gets a link valid once, for one minute, from an authenticated call.
 */
export const statementDownloads = new Hono<Env>();

statementDownloads.get('/:token', (c) => {
  const site = c.req.header('Sec-Fetch-Site');
  if (site && site !== 'same-origin' && site !== 'none') {
    throw new BankError('forbidden', 'Statements are downloaded from the bank’s own frames.');
  }
  const { db, now } = c.var.options;
  const { account, month, locale } = spendStatementLink(db, c.req.param('token'), now());
  const csv = statementCsv(db, account, month, locale);
  c.header('Content-Type', 'text/csv; charset=utf-8');
  c.header('Content-Disposition', `attachment; filename="statement-${account.number.slice(-4)}-${month}.csv"`);
  c.header('Cache-Control', 'no-store');
  c.header('Cross-Origin-Resource-Policy', 'same-origin');
  return c.body(csv);
});
