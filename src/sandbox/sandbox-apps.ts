import { Hono, type Context } from 'hono';
import type { Env } from './app.ts';
import { appBySecret, findApp } from './apps.ts';
import { demoApp } from './db.ts';
import { BankError } from './errors.ts';
import { readBody } from './partner-api.ts';
import { randomToken } from './secrets.ts';
import { parseOrigin } from './validate.ts';

/**
 * Sandbox only (404 in production mode): look at and change a registered app without registering a new one.
 *
 * - `GET /v1/sandbox/apps/{id}`: the app's origins, webhook URL and secrets, including its secret key. No key is
 *   needed: the sandbox is a local test bank (it listens on 127.0.0.1) holding test data, and this is how a
 *   developer who lost a key, or runs the demo app, finds it again. No CORS header: a web page cannot read it.
 * - `PATCH /v1/sandbox/apps/{id}` with `Authorization: Bearer <that app's secret key>`: `addOrigins`,
 *   `removeOrigins`, `webhookUrl` (a URL, or null to stop webhooks). The key guards against changing another app
 *   by a wrong id. The frames' CSP and the origin checks read the app on every request, so a change applies to the
 *   next page load, without a restart.
 */
export const sandboxApps = new Hono<Env>();

interface SandboxAppRow {
  sandbox_secret_key: string | null;
  created_at: number;
}

function sandboxOnly(c: Context<Env>) {
  if (c.var.options.production) throw new BankError('not_found', 'Sandbox endpoints do not exist in production mode.');
}

function appView(c: Context<Env>, id: string) {
  const { db } = c.var.options;
  const app = findApp(db, id);
  if (!app) throw new BankError('not_found', `No app ${id}. Register one with POST /v1/sandbox/apps.`);
  const row = db.prepare('SELECT sandbox_secret_key, created_at FROM apps WHERE id = ?').get(id) as SandboxAppRow;
  return {
    appId: app.id,
    name: app.name,
    origins: app.origins,
    webhookUrl: app.webhookUrl,
    webhookSecret: app.webhookSecret,
    // Apps registered before keys were kept have none to show: register a new one.
    secretKey: row.sandbox_secret_key ?? (app.id === demoApp.id ? demoApp.secretKey : null),
    createdAt: new Date(row.created_at).toISOString(),
  };
}

sandboxApps.get('/sandbox/apps/:id', (c) => {
  sandboxOnly(c);
  c.header('Cache-Control', 'no-store');
  return c.json(appView(c, c.req.param('id')));
});

sandboxApps.patch('/sandbox/apps/:id', async (c) => {
  sandboxOnly(c);
  const { db } = c.var.options;
  const id = c.req.param('id');
  const app = findApp(db, id);
  if (!app) throw new BankError('not_found', `No app ${id}. Register one with POST /v1/sandbox/apps.`);
  const match = /^Bearer (\S+)$/.exec(c.req.header('Authorization') ?? '');
  const caller = match ? appBySecret(db, match[1]) : undefined;
  if (!caller) {
    throw new BankError('unauthorized', `Send ${id}'s secret key as \`Authorization: Bearer <secretKey>\` (GET /v1/sandbox/apps/${id} shows it).`);
  }
  if (caller.id !== app.id) throw new BankError('forbidden', `This secret key belongs to ${caller.id}, not ${id}.`);

  const body = await readBody(c);
  const optionalOrigins = (name: string) => (body.raw(name) === undefined ? [] : body.stringArray(name).map(parseOrigin));
  const add = optionalOrigins('addOrigins');
  const remove = optionalOrigins('removeOrigins');
  const webhookField = body.raw('webhookUrl');
  if (!add.length && !remove.length && webhookField === undefined) {
    throw new BankError('invalid_request', 'Send at least one of `addOrigins`, `removeOrigins` or `webhookUrl`.');
  }
  const origins = [...new Set([...app.origins.filter((o) => !remove.includes(o)), ...add])];
  if (origins.length === 0 || origins.length > 20) {
    throw new BankError('invalid_request', 'An app has 1 to 20 origins.');
  }
  let webhookUrl = app.webhookUrl;
  let webhookSecret = app.webhookSecret;
  if (webhookField !== undefined) {
    webhookUrl = body.optionalString('webhookUrl', { max: 500, pattern: /^https?:\/\/\S+$/ }) ?? null;
    // A first webhook URL gets a secret; changing the URL keeps it, so receivers need no new configuration.
    if (webhookUrl && !webhookSecret) webhookSecret = randomToken('whsec', 24);
  }
  db.prepare('UPDATE apps SET origins = ?, webhook_url = ?, webhook_secret = ? WHERE id = ?').run(
    JSON.stringify(origins), webhookUrl, webhookSecret, id,
  );
  return c.json(appView(c, id));
});
