import type { Db } from './sqlite.ts';
import { BankError } from './errors.ts';
import { ensureSettlementAccount } from './ledger.ts';
import { randomToken, tokenHash } from './secrets.ts';

export interface PartnerApp {
  id: string;
  name: string;
  origins: string[];
  webhookUrl: string | null;
  webhookSecret: string | null;
}

interface AppRow {
  id: string;
  name: string;
  origins: string;
  webhook_url: string | null;
  webhook_secret: string | null;
}

const toApp = (row: AppRow): PartnerApp => ({
  id: row.id,
  name: row.name,
  origins: JSON.parse(row.origins) as string[],
  webhookUrl: row.webhook_url,
  webhookSecret: row.webhook_secret,
});

export function findApp(db: Db, id: string): PartnerApp | undefined {
  const row = db.prepare('SELECT * FROM apps WHERE id = ?').get(id) as AppRow | undefined;
  return row && toApp(row);
}

export function appBySecret(db: Db, secretKey: string): PartnerApp | undefined {
  const row = db.prepare('SELECT * FROM apps WHERE secret_hash = ?').get(tokenHash(secretKey)) as AppRow | undefined;
  return row && toApp(row);
}

export function registerApp(db: Db, name: string, origins: string[], webhookUrl: string | null, now: number) {
  const id = randomToken('app', 9).replace(/-/g, '_').toLowerCase();
  const secretKey = randomToken('sk_sandbox', 24);
  const webhookSecret = webhookUrl ? randomToken('whsec', 24) : null;
  db.transaction(() => {
    db.prepare(
      'INSERT INTO apps (id, name, secret_hash, origins, webhook_url, webhook_secret, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(id, name, tokenHash(secretKey), JSON.stringify(origins), webhookUrl, webhookSecret, now);
    db.prepare('UPDATE apps SET sandbox_secret_key = ? WHERE id = ?').run(secretKey, id);
    ensureSettlementAccount(db, id, now);
  })();
  return { appId: id, secretKey, origins, ...(webhookSecret ? { webhookUrl, webhookSecret } : {}) };
}

/** An embedding origin must be one the app registered, exactly. */
export function assertOriginAllowed(app: PartnerApp, origin: string | undefined) {
  if (!origin || !app.origins.includes(origin)) {
    throw new BankError('origin_not_allowed', `The origin ${origin ?? '(none)'} is not registered for ${app.id}.`);
  }
}
