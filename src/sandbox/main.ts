import { serve, type ServerType } from '@hono/node-server';
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSandbox } from './app.ts';
import { SandboxClock } from './clock.ts';
import { openDatabase, type Db } from './db.ts';
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
  // One clock for the bank and its webhook retries, so `POST /v1/sandbox/clock` moves both.
  const clock = new SandboxClock();
  startWebhookDelivery(db, { production, now: clock.now });
  const app = createSandbox({
    db,
    clock,
    bankOrigin,
    assetsDir: resolve('dist/sdk/v1'),
    production,
  });
  if (production) console.log('Production mode: nothing seeded, no sandbox endpoints, random SMS codes (no gateway configured).');
  const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () =>
    console.log(`Sandbox bank:        ${bankOrigin}  (API /v1, SDK /sdk/v1/bank-sdk.js)`));
  explainListenErrors(server, port, 'BANK_PORT');
  return { server, db };
}

/** A port already taken ends the process with one line that names the variable to change, not a stack trace. */
export function explainListenErrors(server: ServerType, port: number, variable: string) {
  server.once('error', (error: NodeJS.ErrnoException) => {
    console.error(error.code === 'EADDRINUSE'
      ? `Port ${port} is already in use: stop what holds it, or choose another port with ${variable}=<port> (e.g. ${variable}=${port + 1}).`
      : `Cannot listen on port ${port} (${variable}): ${error.message}`);
    process.exit(1);
  });
}

/**
 * Ctrl+C (SIGINT) and SIGTERM (what `npm` forwards, and what process managers send) close the servers and the
 * database, then exit: nothing is left holding a port. The npm scripts `exec` this process, so npm's signal
 * reaches it directly, not a shell or a wrapper in between.
 */
export function stopOnSignals(servers: ServerType[], db: Db) {
  const stop = () => {
    // Kept-alive browser connections would hold `close()` open; a stuck close must not keep the port either.
    setTimeout(() => process.exit(0), 2000).unref();
    let open = servers.length;
    for (const server of servers) {
      server.close(() => {
        if (--open === 0) {
          db.close();
          process.exit(0);
        }
      });
      if ('closeAllConnections' in server) server.closeAllConnections();
    }
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  void Promise.all(servers.map((server) => server.listening || new Promise((up) => server.once('listening', up)))).then(() =>
    console.log('Stop with Ctrl+C.'));
}

// Run directly (not imported by demo/start.ts); real paths, so a symlinked or space-containing path still matches.
if (process.argv[1] && fileURLToPath(import.meta.url) === realpathSync(process.argv[1])) {
  const { server, db } = startSandbox();
  stopOnSignals([server], db);
}
