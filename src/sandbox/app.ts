import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Db } from './db.ts';
import { BankError } from './errors.ts';
import { frameApi } from './frame-api.ts';
import { merchantsApi } from './merchants-api.ts';
import { partnerApi } from './partner-api.ts';
import { sdkAssets } from './sdk-assets.ts';

export interface SandboxOptions {
  db: Db;
  /** This server's own origin, e.g. `http://127.0.0.1:4010`: the only origin its frames may call the frame API from. */
  bankOrigin: string;
  /** Built SDK files (`dist/sdk/v1`). */
  assetsDir: string;
  /** Production mode hides the sandbox-only endpoints. */
  production?: boolean;
  now?: () => number;
}

export type Env = { Variables: { options: Required<SandboxOptions> } };

/** The sandbox bank as a Hono app, so tests and `npm run sandbox` share one definition. */
export function createSandbox(options: SandboxOptions) {
  const resolved: Required<SandboxOptions> = { production: false, now: Date.now, ...options };
  const app = new Hono<Env>();
  app.use('*', async (c, next) => {
    c.set('options', resolved);
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
  });
  app.use(
    '/v1/*',
    bodyLimit({
      maxSize: 16 * 1024,
      onError: (c) => c.json(new BankError('payload_too_large', 'The request body is larger than 16 KB.').toJSON(), 413),
    }),
  );
  app.route('/v1', partnerApi);
  app.route('/v1', merchantsApi);
  app.route('/v1/frame', frameApi);
  app.route('/', sdkAssets);
  app.get('/favicon.ico', (c) => c.body(null, 204));
  app.notFound((c) => c.json(new BankError('not_found', `No route for ${c.req.method} ${c.req.path}.`).toJSON(), 404));
  app.onError((err, c) => errorResponse(c, err));
  return app;
}

export function errorResponse(c: Context, err: unknown) {
  if (err instanceof BankError) {
    return c.json(err.toJSON(), err.status as 400);
  }
  console.error('[sandbox] unexpected error', err);
  return c.json(new BankError('internal', 'The bank could not process the request.').toJSON(), 500);
}
