/**
 * Data-sharing consents (PIPL Art. 23 separate consent): the customer lets one app receive yes/no answers to
 * narrow claims, for one purpose, for 30 days. The answers are computed once, when the consent is given, and
 * frozen in the record with what the customer was shown; the partner reads them with `GET /v1/consents/{id}`.
 */
import {
  averageMonthlyIncome, ClaimError, consentTextVersion, consentValidityDays, consentValidityMs, evaluateClaims,
  isPurpose, parseClaims, purposes, salaryPaydays, type Claim, type CustomerFacts, type Purpose,
} from '../domain/claims.ts';
import type { PartnerApp } from './apps.ts';
import { customerByPhone, type CustomerRow } from './customers.ts';
import type { Db } from './sqlite.ts';
import { BankError } from './errors.ts';
import { customerAccounts } from './ledger.ts';
import { randomToken } from './secrets.ts';
import { ensureSigningKey } from './signing.ts';
import { enqueueWebhook } from './webhooks.ts';

export type ConsentStatus = 'active' | 'revoked' | 'expired';

export interface ConsentRow {
  id: string;
  app_id: string;
  customer_id: number;
  origin: string;
  purpose: Purpose;
  claims: string;
  text_version: string;
  shown: string;
  locale: string;
  created_at: number;
  expires_at: number;
  revoked_at: number | null;
}

/** What a partner (and the attestation) sees of a consent. */
export interface ConsentView {
  id: string;
  status: ConsentStatus;
  purpose: Purpose;
  claims: Record<string, boolean>;
  createdAt: string;
  expiresAt: string;
}

/** Demo: the contact the `Share data` dialog names for the demo platform. */
export const demoAppContact = 'privacy@homenest.example · 400-800-1234';

/**
 * Sandbox facts behind the income claim (CONTRACT §6): Zhang San is paid ¥15,000.00 on the 15th of every month by
 * the sandbox payroll; Li Si has no income. Who is real-name verified is the bank's identity register
 * (`customer_identities`, kept by account opening and the sandbox seed), not a list of its own here.
 */
const sandboxPayroll = [{ phone: '13800000001', salary: 1_500_000, employer: 'Beijing Example Co.' }];

export function seedConsentData(db: Db, demoAppId: string, now = Date.now()) {
  ensureSigningKey(db, now);
  db.prepare('UPDATE apps SET contact = ? WHERE id = ? AND contact IS NULL').run(demoAppContact, demoAppId);
  for (const facts of sandboxPayroll) {
    const customer = customerByPhone(db, facts.phone);
    if (!customer) continue;
    db.prepare('INSERT OR IGNORE INTO sandbox_payroll (customer_id, monthly_amount, employer) VALUES (?, ?, ?)').run(
      customer.id, facts.salary, facts.employer,
    );
  }
}

/** What the `Share data` dialog names: the recipient as registered, its contact, and what it may ask for. */
export function appDataProfile(db: Db, appId: string): { name: string; contact: string; purposes: Purpose[] } {
  const row = db.prepare('SELECT name, contact, origins, purposes FROM apps WHERE id = ?').get(appId) as
    | { name: string; contact: string | null; origins: string; purposes: string }
    | undefined;
  if (!row) throw new BankError('not_found', `No app ${appId}.`);
  return {
    name: row.name,
    // An app registered without a contact is reached through its website.
    contact: row.contact ?? (JSON.parse(row.origins) as string[])[0] ?? '',
    purposes: (JSON.parse(row.purposes) as string[]).filter(isPurpose),
  };
}

/** Sandbox registration: a contact and the purposes the app may ask for (all three unless it says otherwise). */
export function setAppDataProfile(db: Db, appId: string, contact: string | undefined, appPurposes: Purpose[] | undefined) {
  db.prepare('UPDATE apps SET contact = COALESCE(?, contact), purposes = ? WHERE id = ?').run(
    contact ?? null, JSON.stringify(appPurposes ?? purposes), appId,
  );
}

/** A registration's `purposes`, checked before anything is stored. */
export function parsePurposes(list: string[] | undefined): Purpose[] | undefined {
  if (list && !list.every(isPurpose)) {
    throw new BankError('invalid_request', `\`purposes\` may only contain ${purposes.join(', ')}.`);
  }
  return list as Purpose[] | undefined;
}

/** Checks a request's purpose and claims; throws `invalid_claim`/`invalid_request`; answers whether the app may ask. */
export function checkConsentRequest(db: Db, appId: string, purpose: string, claimsText: string): { allowed: boolean; claims: Claim[] } {
  if (!isPurpose(purpose)) throw new BankError('invalid_request', `Unknown purpose "${purpose}".`);
  let claims: Claim[];
  try {
    claims = parseClaims(claimsText);
  } catch (error) {
    if (error instanceof ClaimError) throw new BankError('invalid_claim', `claims: ${error.message}.`);
    throw error;
  }
  return { allowed: appDataProfile(db, appId).purposes.includes(purpose), claims };
}

/** The facts at this moment, from the ledger, the payroll and the real-name record. */
export function customerFacts(db: Db, customerId: number, now: number): CustomerFacts {
  const accounts = customerAccounts(db, customerId);
  const inflows = (
    db.prepare(
      `SELECT e.amount AS amount, t.created_at AS at FROM ledger_entries e
       JOIN ledger_transactions t ON t.id = e.transaction_id JOIN accounts a ON a.id = e.account_id
       WHERE a.owner = 'customer' AND a.customer_id = ? AND t.kind = 'salary' AND e.amount > 0`,
    ).all(customerId) as { amount: number; at: number }[]
  );
  const payroll = db.prepare('SELECT monthly_amount FROM sandbox_payroll WHERE customer_id = ?').get(customerId) as
    | { monthly_amount: number }
    | undefined;
  if (payroll) for (const at of salaryPaydays(now)) inflows.push({ amount: payroll.monthly_amount, at });
  return {
    realNameVerified: Boolean(db.prepare('SELECT 1 FROM customer_identities WHERE customer_id = ?').get(customerId)),
    totalBalance: accounts.reduce((sum, account) => sum + account.balance, 0),
    averageMonthlyIncome: averageMonthlyIncome(inflows, now),
  };
}

export interface GrantRequest {
  app: PartnerApp;
  customer: CustomerRow;
  origin: string;
  purpose: string;
  claims: string;
  locale: string;
  textVersion: string;
  agreed: boolean;
  now: number;
}

/** Records a consent with its answers, evaluated now and frozen. */
export function grantConsent(db: Db, request: GrantRequest): ConsentRow {
  const { app, customer, origin, purpose, now } = request;
  const { allowed, claims } = checkConsentRequest(db, app.id, purpose, request.claims);
  if (!allowed) throw new BankError('purpose_not_allowed', `${app.name} is not registered for the purpose ${purpose}.`);
  if (!request.agreed) throw new BankError('invalid_request', 'The customer did not agree to share.');
  if (request.textVersion !== consentTextVersion) {
    throw new BankError('invalid_request', 'The consent text shown is out of date: show the current one again.');
  }
  const profile = appDataProfile(db, app.id);
  const answers = evaluateClaims(claims, customerFacts(db, customer.id, now));
  const shown = {
    textVersion: consentTextVersion,
    locale: request.locale,
    recipient: { name: profile.name, contact: profile.contact },
    purpose,
    claims: claims.map((c) => c.key),
    validityDays: consentValidityDays,
    sharedAs: 'yes/no answers only',
  };
  const id = randomToken('cns', 12);
  db.prepare(
    `INSERT INTO consents (id, app_id, customer_id, origin, purpose, claims, text_version, shown, locale, created_at, expires_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, app.id, customer.id, origin, purpose, JSON.stringify(answers), consentTextVersion, JSON.stringify(shown),
    request.locale, now, now + consentValidityMs);
  return findConsentRow(db, id)!;
}

function findConsentRow(db: Db, id: string) {
  return db.prepare('SELECT * FROM consents WHERE id = ?').get(id) as ConsentRow | undefined;
}

export function consentStatus(row: ConsentRow, now: number): ConsentStatus {
  if (row.revoked_at !== null) return 'revoked';
  return now >= row.expires_at ? 'expired' : 'active';
}

export function consentView(row: ConsentRow, now: number): ConsentView {
  return {
    id: row.id,
    status: consentStatus(row, now),
    purpose: row.purpose,
    claims: JSON.parse(row.claims) as Record<string, boolean>,
    createdAt: new Date(row.created_at).toISOString(),
    expiresAt: new Date(row.expires_at).toISOString(),
  };
}

/** A consent given to this app; another app's consent does not exist for it (404). */
export function findConsent(db: Db, appId: string, id: string): ConsentRow {
  const row = findConsentRow(db, id);
  if (!row || row.app_id !== appId) throw new BankError('not_found', 'No such consent for this app.');
  return row;
}

/** The customer's active consents, to every app, newest first, for the `Data sharing` list. */
export function activeConsents(db: Db, customerId: number, now: number) {
  const rows = db
    .prepare(
      `SELECT c.*, a.name AS app_name FROM consents c JOIN apps a ON a.id = c.app_id
       WHERE c.customer_id = ? AND c.revoked_at IS NULL AND c.expires_at > ? ORDER BY c.created_at DESC, c.id`,
    )
    .all(customerId, now) as (ConsentRow & { app_name: string })[];
  return rows.map((row) => ({ ...consentView(row, now), recipient: row.app_name }));
}

/** The customer withdraws a consent (PIPL Art. 15): at once, and the partner is told by a signed webhook. */
export function revokeConsent(db: Db, customerId: number, id: string, apps: (appId: string) => PartnerApp | undefined, now: number) {
  return db.transaction(() => {
    const row = findConsentRow(db, id);
    if (!row || row.customer_id !== customerId) throw new BankError('not_found', 'No such consent.');
    if (row.revoked_at === null) {
      db.prepare('UPDATE consents SET revoked_at = ? WHERE id = ?').run(now, id);
      const app = apps(row.app_id);
      if (app) {
        enqueueWebhook(db, app, 'consent.revoked', {
          id, status: 'revoked', purpose: row.purpose, revokedAt: new Date(now).toISOString(),
        }, now);
      }
    }
    return consentView(findConsentRow(db, id)!, now);
  })();
}
