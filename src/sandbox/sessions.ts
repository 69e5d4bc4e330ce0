import type { Db } from './sqlite.ts';
import { customerById, displayName, publicCustomerId, type CustomerRow } from './customers.ts';
import { BankError } from './errors.ts';
import { randomToken, tokenHash } from './secrets.ts';

export const clientTokenLifetime = 5 * 60_000;
export const frameSessionLifetime = 30 * 60_000;
export const customerSessionLifetime = 30 * 60_000;
const challengeLifetime = 5 * 60_000;

export function mintClientToken(db: Db, appId: string, customerRef: string | undefined, now: number) {
  const clientToken = randomToken('ct', 24);
  const expiresAt = now + clientTokenLifetime;
  db.prepare('INSERT INTO client_tokens (token_hash, app_id, customer_ref, expires_at) VALUES (?, ?, ?, ?)').run(
    tokenHash(clientToken), appId, customerRef ?? null, expiresAt,
  );
  return { clientToken, expiresAt: new Date(expiresAt).toISOString() };
}

/** Spends a client token: valid once, before it expires, for the app it was minted for. */
export function spendClientToken(db: Db, clientToken: string, appId: string, now: number) {
  const spent = db
    .prepare(
      `UPDATE client_tokens SET used_at = ? WHERE token_hash = ? AND app_id = ? AND used_at IS NULL AND expires_at > ?`,
    )
    .run(now, tokenHash(clientToken), appId, now);
  if (spent.changes !== 1) {
    throw new BankError('client_token_invalid', 'The client token is unknown, expired or already used.');
  }
}

export interface FrameSession {
  tokenHash: string;
  appId: string;
  origin: string;
  locale: string;
  customerSessionId: string | null;
}

export interface CustomerView {
  customerId: string;
  displayName: string;
  expiresAt: string;
}

interface CustomerSessionRow {
  id: string;
  app_id: string;
  origin: string;
  customer_id: number;
  expires_at: number;
}

export function createFrameSession(db: Db, appId: string, origin: string, locale: string, now: number) {
  const sessionToken = randomToken('fs', 24);
  db.prepare(
    'INSERT INTO frame_sessions (token_hash, app_id, origin, locale, expires_at) VALUES (?, ?, ?, ?, ?)',
  ).run(tokenHash(sessionToken), appId, origin, locale, now + frameSessionLifetime);
  return { sessionToken, expiresAt: new Date(now + frameSessionLifetime).toISOString() };
}

/**
 * The session as one frame's request sees it: in that frame's language (`X-Bank-Locale`, which a bank frame sends
 * for its element's `locale` attribute) rather than the script tag's, which started the session. The bank's texts in
 * its answers (transactions, products, terms) and the records of what was shown then match what the customer reads.
 */
export function inFrameLocale(session: FrameSession, frameLocale: string | undefined): FrameSession {
  return frameLocale === 'en' || frameLocale === 'zh-CN' ? { ...session, locale: frameLocale } : session;
}

export function frameSessionByToken(db: Db, token: string | undefined, now: number): FrameSession {
  const row = token
    ? (db.prepare('SELECT * FROM frame_sessions WHERE token_hash = ? AND expires_at > ?').get(tokenHash(token), now) as
        | { token_hash: string; app_id: string; origin: string; locale: string; customer_session_id: string | null }
        | undefined)
    : undefined;
  if (!row) throw new BankError('session_expired', 'The bank session has expired. Start again.');
  return {
    tokenHash: row.token_hash,
    appId: row.app_id,
    origin: row.origin,
    locale: row.locale,
    customerSessionId: row.customer_session_id,
  };
}

function liveCustomerSession(db: Db, id: string | null, now: number) {
  if (!id) return undefined;
  return db
    .prepare('SELECT * FROM customer_sessions WHERE id = ? AND revoked_at IS NULL AND expires_at > ?')
    .get(id, now) as CustomerSessionRow | undefined;
}

/** The logged-in customer of a frame session, or undefined when nobody is (or the login expired). */
export function sessionCustomer(db: Db, session: FrameSession, now: number) {
  const cs = liveCustomerSession(db, session.customerSessionId, now);
  return cs && { session: cs, customer: customerById(db, cs.customer_id) };
}

export function customerView(db: Db, session: FrameSession, now: number): CustomerView | null {
  const found = sessionCustomer(db, session, now);
  if (!found) return null;
  return {
    customerId: publicCustomerId(db, session.appId, found.customer.id),
    displayName: displayName(found.customer, session.locale),
    expiresAt: new Date(found.session.expires_at).toISOString(),
  };
}

/** Logs the customer in for this frame session; answers the resume secret for the cookie. */
export function startCustomerSession(db: Db, session: FrameSession, customer: CustomerRow, now: number) {
  // A new login in this frame session ends the one before it (and its resume cookie).
  endCustomerSession(db, session, now);
  const id = randomToken('cs', 12);
  const resume = randomToken('rs', 24);
  db.prepare(
    `INSERT INTO customer_sessions (id, app_id, origin, customer_id, resume_hash, created_at, expires_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, session.appId, session.origin, customer.id, tokenHash(resume), now, now + customerSessionLifetime);
  db.prepare('UPDATE frame_sessions SET customer_session_id = ? WHERE token_hash = ?').run(id, session.tokenHash);
  session.customerSessionId = id;
  return { resume, maxAgeSeconds: customerSessionLifetime / 1000 };
}

/** After a reload: the resume cookie links the new frame session to the customer still logged in on this site. */
export function resumeCustomerSession(db: Db, session: FrameSession, resume: string | undefined, now: number) {
  if (!resume) return;
  const cs = db
    .prepare(
      `SELECT * FROM customer_sessions WHERE resume_hash = ? AND app_id = ? AND origin = ?
       AND revoked_at IS NULL AND expires_at > ?`,
    )
    .get(tokenHash(resume), session.appId, session.origin, now) as CustomerSessionRow | undefined;
  if (!cs) return;
  db.prepare('UPDATE frame_sessions SET customer_session_id = ? WHERE token_hash = ?').run(cs.id, session.tokenHash);
  session.customerSessionId = cs.id;
}

export function endCustomerSession(db: Db, session: FrameSession, now: number) {
  if (session.customerSessionId) {
    db.prepare('UPDATE customer_sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(
      now, session.customerSessionId,
    );
  }
  db.prepare('UPDATE frame_sessions SET customer_session_id = NULL WHERE token_hash = ?').run(session.tokenHash);
  session.customerSessionId = null;
}

export function createChallenge(db: Db, session: FrameSession, customer: CustomerRow, now: number) {
  const id = randomToken('ch', 12);
  db.prepare('INSERT INTO login_challenges (id, frame_token_hash, customer_id, expires_at) VALUES (?, ?, ?, ?)').run(
    id, session.tokenHash, customer.id, now + challengeLifetime,
  );
  return id;
}

export function openChallenge(db: Db, session: FrameSession, id: string, now: number) {
  const row = db
    .prepare(
      `SELECT customer_id FROM login_challenges
       WHERE id = ? AND frame_token_hash = ? AND used_at IS NULL AND expires_at > ?`,
    )
    .get(id, session.tokenHash, now) as { customer_id: number } | undefined;
  if (!row) throw new BankError('code_expired', 'The SMS code has expired. Log in again.');
  return customerById(db, row.customer_id);
}

export function closeChallenge(db: Db, id: string, now: number) {
  db.prepare('UPDATE login_challenges SET used_at = ? WHERE id = ?').run(now, id);
}
