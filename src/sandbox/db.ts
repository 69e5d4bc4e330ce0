import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { seed } from './seed.ts';
import type { Db } from './sqlite.ts';

export type { Db } from './sqlite.ts';
export { demoApp } from './seed.ts';

/**
 * Schema migrations, applied in order; `PRAGMA user_version` records how many ran.
 * Append new steps, never edit old ones: sandboxes created by earlier versions upgrade in place.
 */
const migrations: string[] = [
  `
  CREATE TABLE apps (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    secret_hash TEXT NOT NULL UNIQUE,
    origins TEXT NOT NULL,            -- JSON array of exact origins allowed to embed the SDK
    webhook_url TEXT,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE customers (
    id INTEGER PRIMARY KEY,
    phone TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    pin_hash TEXT NOT NULL,
    name_en TEXT NOT NULL,
    name_zh TEXT NOT NULL,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_at INTEGER
  );
  -- customerId is opaque and per app, so two partners cannot correlate their customers.
  CREATE TABLE app_customers (
    app_id TEXT NOT NULL REFERENCES apps(id),
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    public_id TEXT NOT NULL UNIQUE,
    PRIMARY KEY (app_id, customer_id)
  );
  CREATE TABLE client_tokens (
    token_hash TEXT PRIMARY KEY,
    app_id TEXT NOT NULL REFERENCES apps(id),
    customer_ref TEXT,
    expires_at INTEGER NOT NULL,
    used_at INTEGER
  );
  -- A logged-in customer on one partner site; resumable after a reload through an HttpOnly, partitioned cookie.
  CREATE TABLE customer_sessions (
    id TEXT PRIMARY KEY,
    app_id TEXT NOT NULL REFERENCES apps(id),
    origin TEXT NOT NULL,
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    resume_hash TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    revoked_at INTEGER
  );
  -- One SDK start on one page: the token lives only in the bank's bridge frame.
  CREATE TABLE frame_sessions (
    token_hash TEXT PRIMARY KEY,
    app_id TEXT NOT NULL REFERENCES apps(id),
    origin TEXT NOT NULL,
    locale TEXT NOT NULL,
    customer_session_id TEXT REFERENCES customer_sessions(id),
    expires_at INTEGER NOT NULL
  );
  CREATE TABLE login_challenges (
    id TEXT PRIMARY KEY,
    frame_token_hash TEXT NOT NULL,
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    expires_at INTEGER NOT NULL,
    used_at INTEGER
  );
  `,
  `
  -- Double-entry ledger in integer minor units: every transaction's entries sum to zero, so all entries do.
  CREATE TABLE accounts (
    id TEXT PRIMARY KEY,
    owner TEXT NOT NULL CHECK (owner IN ('customer', 'app', 'bank')),
    customer_id INTEGER REFERENCES customers(id),
    app_id TEXT REFERENCES apps(id),
    account_class TEXT CHECK (account_class IN ('I', 'II')),
    number TEXT NOT NULL UNIQUE,
    currency TEXT NOT NULL DEFAULT 'CNY',
    balance INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'frozen')),
    created_at INTEGER NOT NULL,
    CHECK (owner = 'bank' OR balance >= 0)
  );
  CREATE TABLE ledger_transactions (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    description TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE ledger_entries (
    id INTEGER PRIMARY KEY,
    transaction_id TEXT NOT NULL REFERENCES ledger_transactions(id),
    account_id TEXT NOT NULL REFERENCES accounts(id),
    amount INTEGER NOT NULL CHECK (amount <> 0)
  );
  CREATE INDEX ledger_entries_account ON ledger_entries(account_id);
  CREATE TABLE orders (
    id TEXT PRIMARY KEY,
    app_id TEXT NOT NULL REFERENCES apps(id),
    amount INTEGER NOT NULL CHECK (amount > 0),
    currency TEXT NOT NULL,
    description TEXT NOT NULL,
    reference TEXT,
    status TEXT NOT NULL CHECK (status IN ('pending', 'paid', 'failed', 'cancelled')),
    payment_id TEXT,
    idempotency_key TEXT,
    request_hash TEXT,
    created_at INTEGER NOT NULL,
    paid_at INTEGER,
    cancelled_at INTEGER
  );
  CREATE UNIQUE INDEX orders_idempotency ON orders(app_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
  CREATE TABLE payments (
    id TEXT PRIMARY KEY,
    order_id TEXT NOT NULL UNIQUE REFERENCES orders(id),  -- an order is paid once
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    account_id TEXT NOT NULL REFERENCES accounts(id),
    amount INTEGER NOT NULL,
    transaction_id TEXT NOT NULL REFERENCES ledger_transactions(id),
    created_at INTEGER NOT NULL
  );
  -- The first answer to each payment attempt, replayed for every retry with the same key.
  CREATE TABLE payment_attempts (
    idempotency_key TEXT PRIMARY KEY,
    customer_id INTEGER NOT NULL,
    order_id TEXT NOT NULL,
    status INTEGER NOT NULL,
    body TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE webhook_deliveries (
    id TEXT PRIMARY KEY,
    app_id TEXT NOT NULL REFERENCES apps(id),
    url TEXT NOT NULL,
    payload TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    delivered_at INTEGER,
    last_error TEXT
  );
  ALTER TABLE apps ADD COLUMN webhook_secret TEXT;
  `,
  `
  CREATE TABLE loan_products (
    id TEXT PRIMARY KEY,
    name_en TEXT NOT NULL,
    name_zh TEXT NOT NULL,
    min_amount INTEGER NOT NULL,
    max_amount INTEGER NOT NULL,
    min_term INTEGER NOT NULL,
    max_term INTEGER NOT NULL,
    annual_rate_bp INTEGER NOT NULL          -- nominal annual rate in hundredths of a percent (720 = 7.20%)
  );
  INSERT INTO loan_products VALUES
    ('rent-loan', 'Rent loan', '租金贷', 100000, 20000000, 1, 24, 720),
    ('renovation-loan', 'Renovation loan', '装修贷', 1000000, 50000000, 6, 60, 540);
  CREATE TABLE loan_applications (
    id TEXT PRIMARY KEY,
    app_id TEXT NOT NULL REFERENCES apps(id),
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    product TEXT NOT NULL REFERENCES loan_products(id),
    amount INTEGER NOT NULL,
    term_months INTEGER NOT NULL,
    repayment_method TEXT NOT NULL,
    annual_rate_bp INTEGER NOT NULL,
    apr TEXT NOT NULL,
    monthly_payment INTEGER NOT NULL,
    total_interest INTEGER NOT NULL,
    reference TEXT,
    status TEXT NOT NULL CHECK (status IN ('approved', 'pending', 'declined')),
    -- Applicant data (C3 personal information): kept masked except what the decision needs.
    applicant_name_masked TEXT NOT NULL,
    id_number_masked TEXT NOT NULL,
    monthly_income INTEGER NOT NULL,
    employer TEXT NOT NULL,
    consent_at INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    decided_at INTEGER
  );
  CREATE INDEX loan_applications_reference ON loan_applications(app_id, customer_id, reference);
  `,
  `
  -- Locks and throttles (src/sandbox/throttle.ts): per phone number, customer PIN, frame session, address, app.
  CREATE TABLE throttles (
    key TEXT PRIMARY KEY,
    failures INTEGER NOT NULL DEFAULT 0,
    window_start INTEGER NOT NULL,
    locked_until INTEGER,
    lock_level INTEGER NOT NULL DEFAULT 0,
    last_lock_at INTEGER
  );
  -- Production mode sends a random SMS code per challenge; the sandbox's is always 123456.
  ALTER TABLE login_challenges ADD COLUMN code_hash TEXT;
  -- Webhook deliveries that used their last attempt.
  ALTER TABLE webhook_deliveries ADD COLUMN failed_at INTEGER;
  `,
  `
  -- Sandbox only: an app's secret key, readable again with GET /v1/sandbox/apps/{id} (sandbox-apps.ts).
  ALTER TABLE apps ADD COLUMN sandbox_secret_key TEXT;
  `,
  `
  -- Wealth products (src/sandbox/invest.ts). Risk assessments keep their answers here: they never leave the bank.
  CREATE TABLE risk_assessments (
    id TEXT PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    questionnaire_version TEXT NOT NULL,
    answers TEXT NOT NULL,
    score INTEGER NOT NULL,
    level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
    assessed_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
  );
  CREATE INDEX risk_assessments_customer ON risk_assessments(customer_id, assessed_at);
  -- One row per purchase (a lot): shares in hundredths, NAV with 4 decimals, money in fen.
  CREATE TABLE invest_subscriptions (
    id TEXT PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    app_id TEXT NOT NULL REFERENCES apps(id),
    product_id TEXT NOT NULL,
    account_id TEXT NOT NULL REFERENCES accounts(id),
    amount INTEGER NOT NULL CHECK (amount > 0),
    status TEXT NOT NULL CHECK (status IN ('confirmed', 'cooling-off', 'cancelled')),
    shares INTEGER,
    shares_left INTEGER CHECK (shares_left >= 0),
    nav INTEGER,
    trade_day INTEGER NOT NULL,
    settle_at INTEGER NOT NULL,
    settled_at INTEGER,
    cooling_off_ends_at INTEGER,
    matures_at INTEGER,
    transaction_id TEXT NOT NULL REFERENCES ledger_transactions(id),
    refund_transaction_id TEXT REFERENCES ledger_transactions(id),
    idempotency_key TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    UNIQUE (customer_id, idempotency_key)
  );
  CREATE INDEX invest_subscriptions_customer ON invest_subscriptions(customer_id, product_id);
  CREATE TABLE invest_redemptions (
    id TEXT PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    app_id TEXT NOT NULL REFERENCES apps(id),
    product_id TEXT NOT NULL,
    account_id TEXT NOT NULL REFERENCES accounts(id),
    shares INTEGER NOT NULL CHECK (shares > 0),
    nav INTEGER NOT NULL,
    amount INTEGER NOT NULL,
    instant_amount INTEGER NOT NULL CHECK (instant_amount >= 0 AND instant_amount <= amount),
    arrival TEXT NOT NULL CHECK (arrival IN ('instant', 'next-day')),
    arrives_at INTEGER NOT NULL,
    paid_at INTEGER,
    instant_day INTEGER NOT NULL,
    idempotency_key TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    UNIQUE (customer_id, idempotency_key)
  );
  CREATE INDEX invest_redemptions_day ON invest_redemptions(customer_id, product_id, instant_day);
  -- What each sale showed and what the customer confirmed, for audit (electronic sales must be traceable).
  CREATE TABLE invest_evidence (
    subscription_id TEXT PRIMARY KEY REFERENCES invest_subscriptions(id),
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    product_id TEXT NOT NULL,
    product_risk INTEGER NOT NULL,
    customer_level INTEGER NOT NULL,
    assessment_id TEXT NOT NULL REFERENCES risk_assessments(id),
    questionnaire_version TEXT NOT NULL,
    documents TEXT NOT NULL,
    acknowledgements TEXT NOT NULL,
    warning TEXT NOT NULL,
    locale TEXT NOT NULL,
    shown_at INTEGER NOT NULL,
    confirmed_at INTEGER NOT NULL
  );
  `,
  `
  -- Accounts (issue 9): Class III joins I and II. SQLite cannot change a CHECK, so the table is rebuilt (the
  -- migration runs with foreign keys checked after the step, see migrate()).
  CREATE TABLE accounts_rebuilt (
    id TEXT PRIMARY KEY,
    owner TEXT NOT NULL CHECK (owner IN ('customer', 'app', 'bank')),
    customer_id INTEGER REFERENCES customers(id),
    app_id TEXT REFERENCES apps(id),
    account_class TEXT CHECK (account_class IN ('I', 'II', 'III')),
    number TEXT NOT NULL UNIQUE,
    currency TEXT NOT NULL DEFAULT 'CNY',
    balance INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'frozen')),
    created_at INTEGER NOT NULL,
    CHECK (owner = 'bank' OR balance >= 0)
  );
  INSERT INTO accounts_rebuilt SELECT id, owner, customer_id, app_id, account_class, number, currency, balance, status, created_at FROM accounts;
  DROP TABLE accounts;
  ALTER TABLE accounts_rebuilt RENAME TO accounts;
  -- Who a customer is (real-name verified): the four-factor check compares against it.
  CREATE TABLE customer_identities (
    customer_id INTEGER PRIMARY KEY REFERENCES customers(id),
    id_number TEXT NOT NULL UNIQUE,
    verified_at INTEGER NOT NULL
  );
  -- The customer's own Class I account at another bank, verified by the card network; money comes in from it.
  CREATE TABLE bound_cards (
    id TEXT PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    number TEXT NOT NULL,
    verified_at INTEGER NOT NULL,
    UNIQUE (customer_id, number)
  );
  -- Class II and III e-accounts: one of each per customer, with the terms version the customer accepted.
  CREATE TABLE e_accounts (
    account_id TEXT PRIMARY KEY REFERENCES accounts(id),
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    account_class TEXT NOT NULL CHECK (account_class IN ('II', 'III')),
    bound_card_id TEXT NOT NULL REFERENCES bound_cards(id),
    terms_version TEXT NOT NULL,
    terms_accepted_at INTEGER NOT NULL,
    UNIQUE (customer_id, account_class)
  );
  -- Payments per account per China calendar day (D2026-12-01) and year (Y2026), in fen.
  CREATE TABLE limit_counters (
    account_id TEXT NOT NULL REFERENCES accounts(id),
    period TEXT NOT NULL,
    used INTEGER NOT NULL,
    PRIMARY KEY (account_id, period)
  );
  -- A phone number proven by SMS in one frame session, for opening an account without a login.
  CREATE TABLE account_opening_challenges (
    id TEXT PRIMARY KEY,
    frame_token_hash TEXT NOT NULL,
    phone TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    failures INTEGER NOT NULL DEFAULT 0,
    verified_at INTEGER,
    used_at INTEGER
  );
  -- The first answer to each Add money attempt, replayed for every retry with the same key.
  CREATE TABLE top_up_attempts (
    idempotency_key TEXT PRIMARY KEY,
    customer_id INTEGER NOT NULL,
    account_id TEXT NOT NULL,
    amount INTEGER NOT NULL,
    status INTEGER NOT NULL,
    body TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  -- Single-use, short-lived links to download a statement (a download cannot carry the session header).
  CREATE TABLE statement_links (
    token_hash TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts(id),
    month TEXT NOT NULL,
    locale TEXT NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at INTEGER
  );
  `,
  `
  -- Data sharing (src/sandbox/consents.ts): who a partner is to the customer, and what it may ask for.
  ALTER TABLE apps ADD COLUMN contact TEXT;
  ALTER TABLE apps ADD COLUMN purposes TEXT NOT NULL
    DEFAULT '["rental-screening","car-rental-deposit-waiver","renovation-financing"]';
  -- The customer is real-name verified by the bank (the ID number itself stays masked here).
  CREATE TABLE real_name_records (
    customer_id INTEGER PRIMARY KEY REFERENCES customers(id),
    id_number_masked TEXT NOT NULL,
    verified_at INTEGER NOT NULL
  );
  -- Sandbox payroll: a salary paid on the 15th of every month, computed from the clock (never posted).
  CREATE TABLE sandbox_payroll (
    customer_id INTEGER PRIMARY KEY REFERENCES customers(id),
    monthly_amount INTEGER NOT NULL CHECK (monthly_amount > 0),
    employer TEXT NOT NULL
  );
  -- ES256 attestation keys; retired keys stay published until their attestations have expired.
  CREATE TABLE signing_keys (
    kid TEXT PRIMARY KEY,
    private_jwk TEXT NOT NULL,
    public_jwk TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    retired_at INTEGER
  );
  CREATE TABLE consents (
    id TEXT PRIMARY KEY,
    app_id TEXT NOT NULL REFERENCES apps(id),
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    origin TEXT NOT NULL,                 -- the page the customer consented on
    purpose TEXT NOT NULL,
    claims TEXT NOT NULL,                 -- JSON {claim: boolean}: evaluated once, at consent, and frozen
    text_version TEXT NOT NULL,           -- the version of the consent text shown
    shown TEXT NOT NULL,                  -- JSON: recipient, contact, purpose, claims, validity as shown
    locale TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    revoked_at INTEGER
  );
  CREATE INDEX consents_customer ON consents(customer_id);
  `,
  `
  -- Merchants of a partner platform (landlords, rental and renovation firms): app-scoped, verified by the bank.
  CREATE TABLE merchants (
    id TEXT PRIMARY KEY,
    app_id TEXT NOT NULL REFERENCES apps(id),
    type TEXT NOT NULL CHECK (type IN ('individual', 'business')),
    name TEXT NOT NULL,
    reference TEXT,
    status TEXT NOT NULL DEFAULT 'unverified' CHECK (status IN ('unverified', 'pending', 'verified', 'rejected')),
    rejection_reason TEXT,
    balance_account_id TEXT NOT NULL UNIQUE REFERENCES accounts(id),
    -- What verification established; identity numbers only masked, the settlement account in full (bank-internal).
    verified_name TEXT,
    credit_code TEXT,
    legal_rep_name_masked TEXT,
    legal_rep_id_masked TEXT,
    legal_rep_customer_id INTEGER REFERENCES customers(id),
    settlement_account_number TEXT,
    idempotency_key TEXT,
    request_hash TEXT,
    created_at INTEGER NOT NULL,
    verified_at INTEGER
  );
  CREATE UNIQUE INDEX merchants_idempotency ON merchants(app_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
  -- Ledger accounts of the merchant services: merchant balances, each app's supervised (rent) account and its
  -- payouts in transit. They may never go negative (the accounts table lets only the bank's own go below zero).
  CREATE TABLE merchant_ledger_accounts (
    account_id TEXT PRIMARY KEY REFERENCES accounts(id),
    kind TEXT NOT NULL CHECK (kind IN ('merchant', 'supervised', 'payout-clearing')),
    app_id TEXT NOT NULL REFERENCES apps(id)
  );
  CREATE UNIQUE INDEX merchant_ledger_accounts_app ON merchant_ledger_accounts(app_id, kind) WHERE kind <> 'merchant';
  CREATE TRIGGER merchant_ledger_accounts_not_negative BEFORE UPDATE OF balance ON accounts
    WHEN NEW.balance < 0 AND EXISTS (SELECT 1 FROM merchant_ledger_accounts WHERE account_id = NEW.id)
    BEGIN SELECT RAISE(ABORT, 'a merchant ledger account cannot go negative'); END;
  CREATE TABLE order_splits (
    order_id TEXT NOT NULL REFERENCES orders(id),
    merchant_id TEXT NOT NULL REFERENCES merchants(id),
    amount INTEGER NOT NULL CHECK (amount > 0),
    settled_at INTEGER,
    PRIMARY KEY (order_id, merchant_id)
  );
  CREATE INDEX order_splits_merchant ON order_splits(merchant_id, settled_at);
  CREATE TABLE rent_supervisions (
    order_id TEXT PRIMARY KEY REFERENCES orders(id),
    app_id TEXT NOT NULL REFERENCES apps(id),
    monthly_rent INTEGER NOT NULL,
    months INTEGER NOT NULL,
    deposit INTEGER NOT NULL,
    paid_at INTEGER
  );
  CREATE TABLE supervised_releases (
    order_id TEXT NOT NULL REFERENCES rent_supervisions(order_id),
    seq INTEGER NOT NULL,
    release_at INTEGER NOT NULL,
    amount INTEGER NOT NULL CHECK (amount > 0),
    kind TEXT NOT NULL,
    released_at INTEGER,
    PRIMARY KEY (order_id, seq)
  );
  CREATE INDEX supervised_releases_due ON supervised_releases(release_at) WHERE released_at IS NULL;
  CREATE TABLE payouts (
    id TEXT PRIMARY KEY,
    app_id TEXT NOT NULL REFERENCES apps(id),
    merchant_id TEXT NOT NULL REFERENCES merchants(id),
    amount INTEGER NOT NULL CHECK (amount > 0),
    status TEXT NOT NULL CHECK (status IN ('pending', 'paid', 'failed')),
    idempotency_key TEXT,
    request_hash TEXT,
    created_at INTEGER NOT NULL,
    arrives_at INTEGER NOT NULL,
    paid_at INTEGER
  );
  CREATE UNIQUE INDEX payouts_idempotency ON payouts(app_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
  CREATE INDEX payouts_due ON payouts(arrives_at) WHERE status = 'pending';
  INSERT INTO loan_products VALUES ('merchant-loan', 'Merchant loan', '经营贷', 100000, 50000000, 3, 12, 600);
  CREATE TABLE merchant_loans (
    application_id TEXT PRIMARY KEY REFERENCES loan_applications(id),
    merchant_id TEXT NOT NULL REFERENCES merchants(id),
    transaction_id TEXT REFERENCES ledger_transactions(id)
  );
  `,
  `
  -- The identity claim reads the bank's one identity register (customer_identities); this copy is gone.
  DROP TABLE real_name_records;
  `,
  `
  -- The sandbox's test identities serve anyone (CONTRACT.md §6: the test card passes the four-factor check for
  -- anyone): an ID number may be on file for more than one customer. Still one identity per customer.
  CREATE TABLE customer_identities_shared (
    customer_id INTEGER PRIMARY KEY REFERENCES customers(id),
    id_number TEXT NOT NULL,
    verified_at INTEGER NOT NULL
  );
  INSERT INTO customer_identities_shared SELECT customer_id, id_number, verified_at FROM customer_identities;
  DROP TABLE customer_identities;
  ALTER TABLE customer_identities_shared RENAME TO customer_identities;
  CREATE INDEX customer_identities_by_number ON customer_identities(id_number);
  `,
];

/**
 * Opens (creating or upgrading) the database. Sandbox mode seeds the demo app and the CONTRACT §6 customers;
 * production mode (`{ production: true }`) seeds nothing: no demo app, no published secret key, no test customers.
 */
export function openDatabase(
  path: string, demoOrigins: string[], demoWebhookUrl: string | null = null, { production = false } = {},
): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  if (!production) seed(db, demoOrigins, demoWebhookUrl);
  return db;
}

/** How many migrations exist (tests create a database at an earlier step, then upgrade it). */
export const migrationCount = migrations.length;

/** Applies the migrations not yet applied, up to `upTo` (all by default). */
export function migrate(db: Db, upTo = migrations.length) {
  const done = db.pragma('user_version', { simple: true }) as number;
  // A step may rebuild a table (SQLite cannot alter a CHECK): foreign keys are checked after each step instead.
  db.pragma('foreign_keys = OFF');
  for (let step = done; step < upTo; step++) {
    db.transaction(() => {
      db.exec(migrations[step]);
      if ((db.pragma('foreign_key_check') as unknown[]).length) throw new Error(`Migration ${step + 1} broke a foreign key.`);
      db.pragma(`user_version = ${step + 1}`);
    })();
  }
  db.pragma('foreign_keys = ON');
}
