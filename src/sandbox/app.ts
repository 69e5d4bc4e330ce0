import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Db } from './db.ts';
import { consentFrameApi, consentPartnerApi, jwksApi } from './consents-api.ts';
import { BankError } from './errors.ts';
import { frameApi } from './frame-api.ts';
import { accountsApi, statementDownloads } from './accounts-api.ts';
import { flowsApi } from './flows-api.ts';
import { merchantsApi } from './merchants-api.ts';
import { partnerApi } from './partner-api.ts';
import { sandboxApps } from './sandbox-apps.ts';
import { sdkAssets } from './sdk-assets.ts';
import type { ThrottleLimits } from './throttle.ts';

export interface SandboxOptions {
  db: Db;
  /** This server's own origin, e.g. `http://127.0.0.1:4010`: the only origin its frames may call the frame API from. */
  bankOrigin: string;
  /** Built SDK files (`dist/sdk/v1`). */
  assetsDir: string;
  /** Production mode hides the sandbox-only endpoints. */
  production?: boolean;
  now?: () => number;
  /** Locks and throttles tightened or loosened (src/sandbox/throttle.ts); the defaults are the bank's. */
  limits?: ThrottleLimits;
  /**
   * The SMS gateway. Sandbox mode always sends `123456` and needs none; production mode sends a random code
   * through it (with none configured, the code goes nowhere and nobody can log in).
   */
  sendSms?: (phone: string, code: string) => void;
}

export type Env = { Variables: { options: Required<SandboxOptions> } };

/** The sandbox bank as a Hono app, so tests and `npm run sandbox` share one definition. */
export function createSandbox(options: SandboxOptions) {
  const resolved: Required<SandboxOptions> = { production: false, now: Date.now, limits: {}, sendSms: () => {}, ...options };
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
  app.route('/v1', sandboxApps);
  app.route('/v1', merchantsApi);
  app.route('/v1/frame', frameApi);
  app.route('/v1/frame', accountsApi); // after frameApi: its frame-only guard runs first
  app.route('/v1/statements', statementDownloads);
  // After frameApi: its same-origin guard (a `*` middleware under /v1/frame) also covers these routes.
  app.route('/v1/frame', consentFrameApi);
  app.route('/v1', consentPartnerApi);
  app.route('/', jwksApi);
  app.route('/v1/frame', flowsApi);
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
