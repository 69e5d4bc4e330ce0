import { seedIdentities } from './accounts.ts';
import { seedConsentData } from './consents.ts';
import { createSandboxCustomer, customerByPhone } from './customers.ts';
import { seedInvestments } from './invest.ts';
import { ensureSettlementAccount } from './ledger.ts';
import { tokenHash } from './secrets.ts';
import type { Db } from './sqlite.ts';

export const demoApp = {
  id: 'app_demo_rental',
  name: 'Demo Rental Homes',
  /** Sandbox-only, published so the demo partner backend can mint client tokens. */
  secretKey: 'sk_sandbox_demo_rental_0123456789abcdef',
  /** Sandbox-only: the demo backend verifies webhook signatures with it. */
  webhookSecret: 'whsec_sandbox_demo_rental_0123456789abcdef',
};

/** CONTRACT §6: the sandbox customers, all with password `Passw0rd!` and payment PIN `135790`. */
const sandboxCustomers = [
  { phone: '13800000001', en: 'Zhang San', zh: '张三', balance: 5_000_000, frozen: false },
  { phone: '13800000002', en: 'Li Si', zh: '李四', balance: 1_000, frozen: false },
  { phone: '13800000003', en: 'Wang Wu', zh: '王五', balance: 5_000_000, frozen: true },
  { phone: '13800000004', en: 'Zhao Liu', zh: '赵六', balance: 5_000_000, frozen: false },
  { phone: '13800000005', en: 'Sun Qi', zh: '孙七', balance: 5_000_000, frozen: false },
  { phone: '13800000006', en: 'Chen Liu', zh: '陈六', balance: 8_000_000, frozen: false },
  { phone: '13800000007', en: 'Zhou Qi', zh: '周七', balance: 2_000_000, frozen: false },
];

/**
 * What a sandbox bank starts with (never in production mode): the demo app and the CONTRACT §6 customers with
 * their accounts, identities, payroll and risk assessments. Idempotent: it adds only what is missing, so it runs on
 * every start; `POST /v1/sandbox/reset` empties the data tables and runs `seedCustomers` again.
 */
export function seed(db: Db, demoOrigins: string[], demoWebhookUrl: string | null, now = Date.now()) {
  db.prepare(
    `INSERT INTO apps (id, name, secret_hash, origins, webhook_url, webhook_secret, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET origins = excluded.origins, webhook_url = excluded.webhook_url,
       webhook_secret = excluded.webhook_secret`,
  ).run(
    demoApp.id, demoApp.name, tokenHash(demoApp.secretKey), JSON.stringify(demoOrigins), demoWebhookUrl,
    demoApp.webhookSecret, now,
  );
  seedCustomers(db, now);
}

/** The CONTRACT §6 customers and their data, and every app's settlement account: what `seed` adds besides the demo app. */
export function seedCustomers(db: Db, now = Date.now()) {
  for (const { id } of db.prepare('SELECT id FROM apps').all() as { id: string }[]) ensureSettlementAccount(db, id, now);
  for (const c of sandboxCustomers) {
    if (!customerByPhone(db, c.phone)) createSandboxCustomer(db, c.phone, c.en, c.zh, c.balance, c.frozen, 'I', now);
  }
  seedInvestments(db, now);
  seedIdentities(db);
  seedConsentData(db, demoApp.id, now);
}
