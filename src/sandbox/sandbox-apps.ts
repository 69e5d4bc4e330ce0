import type { Context } from 'hono';
import type { Env } from './env.ts';
import { appBySecret, findApp, type PartnerApp } from './apps.ts';
import { partnerRoutes, route } from './openapi.ts';
import { SandboxApp, SandboxAppPatch } from './partner-schemas.ts';
import { demoApp } from './seed.ts';
import { BankError } from './errors.ts';
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
export const sandboxApps = partnerRoutes();

interface SandboxAppRow {
  sandbox_secret_key: string | null;
  created_at: number;
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

route(sandboxApps, {
  method: 'get', path: '/sandbox/apps/{id}', tags: ['Sandbox'], summary: 'A registered app, with its keys', auth: 'none', sandboxOnly: true,
  description: 'No key needed: the sandbox is a local test bank holding test data, and this is how a developer who lost a key finds it again. Not CORS-readable.',
  params: { id: 'The app id.' },
  responses: { 200: { description: 'The app.', schema: SandboxApp } },
  errors: ['not_found'],
}, (c) => {
  c.header('Cache-Control', 'no-store');
  return c.json(appView(c, c.req.param('id')!));
});

/** The app named in the path, asked for by its own secret key (404, 401, 403 in that order). */
function ownApp(c: Context<Env>): PartnerApp {
  const { db } = c.var.options;
  const id = c.req.param('id')!;
  const app = findApp(db, id);
  if (!app) throw new BankError('not_found', `No app ${id}. Register one with POST /v1/sandbox/apps.`);
  const match = /^Bearer (\S+)$/.exec(c.req.header('Authorization') ?? '');
  const caller = match ? appBySecret(db, match[1]) : undefined;
  if (!caller) {
    throw new BankError('unauthorized', `Send ${id}'s secret key as \`Authorization: Bearer <secretKey>\` (GET /v1/sandbox/apps/${id} shows it).`);
  }
  if (caller.id !== app.id) throw new BankError('forbidden', `This secret key belongs to ${caller.id}, not ${id}.`);
  return app;
}

route(sandboxApps, {
  method: 'patch', path: '/sandbox/apps/{id}', tags: ['Sandbox'], summary: "Change an app's origins or webhook URL", auth: ownApp, sandboxOnly: true,
  description: 'With that app\'s own secret key. A change applies to the next page load, without a restart.',
  params: { id: 'The app id.' },
  body: SandboxAppPatch,
  responses: { 200: { description: 'The app as changed.', schema: SandboxApp } },
  errors: ['not_found', 'forbidden'],
}, (c, body, app) => {
  const { db } = c.var.options;
  const id = app.id;
  const add = (body.addOrigins ?? []).map(parseOrigin);
  const remove = (body.removeOrigins ?? []).map(parseOrigin);
  if (!add.length && !remove.length && body.webhookUrl === undefined) {
    throw new BankError('invalid_request', 'Send at least one of `addOrigins`, `removeOrigins` or `webhookUrl`.');
  }
  const origins = [...new Set([...app.origins.filter((o) => !remove.includes(o)), ...add])];
  if (origins.length === 0 || origins.length > 20) {
    throw new BankError('invalid_request', 'An app has 1 to 20 origins.');
  }
  let webhookUrl = app.webhookUrl;
  let webhookSecret = app.webhookSecret;
  if (body.webhookUrl !== undefined) {
    webhookUrl = body.webhookUrl;
    // A first webhook URL gets a secret; changing the URL keeps it, so receivers need no new configuration.
    if (webhookUrl && !webhookSecret) webhookSecret = randomToken('whsec', 24);
  }
  db.prepare('UPDATE apps SET origins = ?, webhook_url = ?, webhook_secret = ? WHERE id = ?').run(
    JSON.stringify(origins), webhookUrl, webhookSecret, id,
  );
  return c.json(appView(c, id));
});
