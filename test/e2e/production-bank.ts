/**
 * A second sandbox bank in production mode (`BANK_MODE=production`), in this test process, for what must differ
 * there: no sandbox endpoints, no developer hints. Its one app is the demo app, registered for `partnerOrigin`.
 */
import { serve } from '@hono/node-server';
import { createSandbox } from '../../src/sandbox/app.ts';
import { openDatabase } from '../../src/sandbox/db.ts';

export async function startProductionBank(port: number, partnerOrigin: string) {
  const db = openDatabase(':memory:', [partnerOrigin]);
  const origin = `http://127.0.0.1:${port}`;
  const app = createSandbox({ db, bankOrigin: origin, assetsDir: new URL('../../dist/sdk/v1', import.meta.url).pathname.replace(/\/$/, ''), production: true });
  const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' });
  await new Promise<void>((done) => server.once('listening', done));
  return {
    origin,
    db,
    stop: () => new Promise<void>((done) => {
      server.close(() => done());
      if ('closeAllConnections' in server) server.closeAllConnections();
      db.close();
    }),
  };
}
