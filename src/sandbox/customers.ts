import type { Db } from './sqlite.ts';
import { BankError } from './errors.ts';
import { openCustomerAccount } from './ledger.ts';
import { hashSecret, randomToken, verifySecret } from './secrets.ts';
import { lockedError, Throttles } from './throttle.ts';

export interface CustomerRow {
  id: number;
  phone: string;
  password_hash: string;
  pin_hash: string;
  name_en: string;
  name_zh: string;
  /** Unused since locks moved to `throttles` (kept: old databases have the column). */
  failed_attempts: number;
  /** Unused since locks became temporary (src/sandbox/throttle.ts). */
  locked_at: number | null;
}

/** Five wrong passwords or SMS codes (logins), or PINs (payments), in a row lock them for a while. */
export const maxFailedAttempts = 5;

export function customerByPhone(db: Db, phone: string) {
  return db.prepare('SELECT * FROM customers WHERE phone = ?').get(phone) as CustomerRow | undefined;
}

export function customerById(db: Db, id: number) {
  return db.prepare('SELECT * FROM customers WHERE id = ?').get(id) as CustomerRow;
}

/**
 * Counts a wrong payment PIN (src/sandbox/throttle.ts, `pin:<customer>`); answers whether payments are now locked.
 * A lock is temporary and never ends the customer's live sessions.
 */
export function recordFailure(db: Db, customer: CustomerRow, now: number): boolean {
  return new Throttles(db).fail('pin', String(customer.id), now) !== null;
}

/** A correct PIN: the count of wrong ones starts again. */
export function resetFailures(db: Db, customer: CustomerRow) {
  new Throttles(db).clear('pin', String(customer.id));
}

/** Whether the customer's payments are locked now (five wrong PINs in a row). */
export function pinLocked(db: Db, customer: CustomerRow, now: number): boolean {
  return new Throttles(db).lockedUntil('pin', String(customer.id), now) !== null;
}

/**
 * Checks a payment PIN under the five-strikes lock shared by payments, top-ups and investments: null when it is
 * right (the count starts again), else the answer to give (`locked`, or `invalid_credentials` with attemptsLeft).
 */
export async function checkPaymentPin(db: Db, customer: CustomerRow, pin: string, now: number): Promise<BankError | null> {
  const throttles = new Throttles(db);
  const key = String(customer.id);
  const until = throttles.lockedUntil('pin', key, now);
  if (until) return lockedError('payments', until, now);
  const ok = await verifySecret(pin, customer.pin_hash);
  const meanwhile = throttles.lockedUntil('pin', key, now);
  if (meanwhile) return lockedError('payments', meanwhile, now);
  if (ok) {
    throttles.clear('pin', key);
    return null;
  }
  const locked = throttles.fail('pin', key, now);
  if (locked) return lockedError('payments', locked, now);
  const left = throttles.limit('pin') - throttles.failures('pin', key);
  return new BankError('invalid_credentials', `The payment PIN is wrong. ${left} attempt(s) left.`, undefined, { attemptsLeft: left });
}

/** Whether logins for the customer's phone number are locked now (five wrong passwords or codes in a row). */
export function loginLocked(db: Db, customer: CustomerRow, now: number): boolean {
  return new Throttles(db).lockedUntil('login', customer.phone, now) !== null;
}

/** Masked for display: "Zhang *" / "张*". */
export function displayName(customer: CustomerRow, locale: string): string {
  return locale === 'en' ? `${customer.name_en.split(' ')[0]} *` : `${[...customer.name_zh][0]}*`;
}

export function maskPhone(phone: string): string {
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

/** The opaque, per-app customer id partners see; created on the customer's first login with the app. */
export function publicCustomerId(db: Db, appId: string, customerId: number): string {
  const existing = db
    .prepare('SELECT public_id FROM app_customers WHERE app_id = ? AND customer_id = ?')
    .get(appId, customerId) as { public_id: string } | undefined;
  if (existing) return existing.public_id;
  const publicId = randomToken('cus', 12);
  db.prepare('INSERT INTO app_customers (app_id, customer_id, public_id) VALUES (?, ?, ?)').run(appId, customerId, publicId);
  return publicId;
}

export function customerByPublicId(db: Db, appId: string, publicId: string) {
  return db
    .prepare(
      `SELECT c.* FROM customers c JOIN app_customers ac ON ac.customer_id = c.id
       WHERE ac.app_id = ? AND ac.public_id = ?`,
    )
    .get(appId, publicId) as CustomerRow | undefined;
}

/**
 * The language the customer last saw this app's elements in: their latest login's page (its frame session), so the
 * partner's server reads the same masked name `bank-login-success` gave (`Zhang *` on an `en` page). `zh-CN` if
 * there is none.
 */
export function lastSeenLocale(db: Db, appId: string, customerId: number): 'en' | 'zh-CN' {
  const row = db.prepare(
    `SELECT fs.locale FROM frame_sessions fs JOIN customer_sessions cs ON cs.id = fs.customer_session_id
     WHERE cs.app_id = ? AND cs.customer_id = ? ORDER BY cs.created_at DESC, fs.expires_at DESC LIMIT 1`,
  ).get(appId, customerId) as { locale: string } | undefined;
  return row?.locale === 'en' ? 'en' : 'zh-CN';
}

/** Sandbox only: a customer with the standard sandbox password and PIN and one funded account (Class I unless asked). */
export function createSandboxCustomer(
  db: Db, phone: string, nameEn: string, nameZh: string, balance = 5_000_000, frozen = false, accountClass: 'I' | 'II' = 'I',
  now = Date.now(),
) {
  if (customerByPhone(db, phone)) throw new BankError('invalid_request', `A customer with phone ${phone} exists.`, 409);
  const passwordHash = hashSecret(sandboxPassword);
  const pinHash = hashSecret(sandboxPin);
  db.transaction(() => {
    const { lastInsertRowid } = db
      .prepare('INSERT INTO customers (phone, password_hash, pin_hash, name_en, name_zh) VALUES (?, ?, ?, ?, ?)')
      .run(phone, passwordHash, pinHash, nameEn, nameZh);
    openCustomerAccount(db, Number(lastInsertRowid), accountClass, balance, frozen, now);
  })();
}

export const sandboxPassword = 'Passw0rd!';
export const sandboxPin = '135790';
