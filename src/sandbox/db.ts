import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createSandboxCustomer, customerByPhone } from './customers.ts';
import { tokenHash } from './secrets.ts';

export type Db = Database.Database;

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
];

export const demoApp = {
  id: 'app_demo_rental',
  name: 'Demo Rental Homes',
  /** Sandbox-only, published so the demo partner backend can mint client tokens. */
  secretKey: 'sk_sandbox_demo_rental_0123456789abcdef',
};

/** CONTRACT §6: the sandbox customers, all with password `Passw0rd!` and payment PIN `135790`. */
const sandboxCustomers = [
  { phone: '13800000001', en: 'Zhang San', zh: '张三' },
  { phone: '13800000002', en: 'Li Si', zh: '李四' },
  { phone: '13800000003', en: 'Wang Wu', zh: '王五' },
  { phone: '13800000004', en: 'Zhao Liu', zh: '赵六' },
  { phone: '13800000005', en: 'Sun Qi', zh: '孙七' },
];

export function openDatabase(path: string, demoOrigins: string[]): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  seed(db, demoOrigins);
  return db;
}

function migrate(db: Db) {
  const done = db.pragma('user_version', { simple: true }) as number;
  for (let step = done; step < migrations.length; step++) {
    db.transaction(() => {
      db.exec(migrations[step]);
      db.pragma(`user_version = ${step + 1}`);
    })();
  }
}

function seed(db: Db, demoOrigins: string[]) {
  db.prepare(
    `INSERT INTO apps (id, name, secret_hash, origins, created_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET origins = excluded.origins`,
  ).run(demoApp.id, demoApp.name, tokenHash(demoApp.secretKey), JSON.stringify(demoOrigins), Date.now());
  for (const c of sandboxCustomers) {
    if (!customerByPhone(db, c.phone)) createSandboxCustomer(db, c.phone, c.en, c.zh);
  }
}
