import { serve } from '@hono/node-server';
import { resolve } from 'node:path';
import { createSandbox } from './app.ts';
import { openDatabase } from './db.ts';
import { startWebhookDelivery } from './webhooks.ts';

/** `npm run sandbox`: the sandbox bank on BANK_PORT (4010), with its database at BANK_DB (.data/sandbox.db). */
export function startSandbox() {
  const port = Number(process.env.BANK_PORT ?? 4010);
  const partnerPort = Number(process.env.PARTNER_PORT ?? 4000);
  const bankOrigin = `http://127.0.0.1:${port}`;
  const partnerOrigin = `http://localhost:${partnerPort}`;
  // The demo app may also be embedded by the `npm run dev` playground.
  const playgroundOrigin = `http://localhost:${Number(process.env.PLAYGROUND_PORT ?? 5173)}`;
  const production = process.env.BANK_MODE === 'production';
  const db = openDatabase(
    process.env.BANK_DB ?? '.data/sandbox.db', [partnerOrigin, playgroundOrigin], `${partnerOrigin}/api/bank/webhooks`,
    { production },
  );
  startWebhookDelivery(db, { production });
  const app = createSandbox({
    db,
    bankOrigin,
    assetsDir: resolve('dist/sdk/v1'),
    production,
  });
  if (production) console.log('Production mode: nothing seeded, no sandbox endpoints, random SMS codes (no gateway configured).');
  const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' });
  console.log(`Sandbox bank:        ${bankOrigin}  (API /v1, SDK /sdk/v1/bank-sdk.js)`);
  return { server, db };
}

if (import.meta.url === `file://${process.argv[1]}`) startSandbox();
