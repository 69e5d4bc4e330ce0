import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { SandboxClock } from './clock.ts';
import type { Env, SandboxOptions } from './env.ts';
import { consentFrameApi, consentPartnerApi, jwksApi } from './consents-api.ts';
import { BankError } from './errors.ts';
import { frameApi } from './frame-api.ts';
import { accountsApi, statementDownloads } from './accounts-api.ts';
import { flowsApi } from './flows-api.ts';
import { merchantsApi } from './merchants-api.ts';
import { partnerApi } from './partner-api.ts';
import { sandboxApps } from './sandbox-apps.ts';
import { sdkAssets } from './sdk-assets.ts';
import { openApiDocument } from './openapi-document.ts';
import { sandboxControl } from './sandbox-control.ts';

export type { Env, SandboxOptions } from './env.ts';

/** The sandbox bank as a Hono app, so tests and `npm run sandbox` share one definition. */
export function createSandbox(options: SandboxOptions) {
  const clock = options.clock ?? new SandboxClock(options.now ?? Date.now);
  const resolved: Required<SandboxOptions> = {
    production: false, limits: {}, sendSms: () => {}, checkResponses: process.env.BANK_CHECK_RESPONSES === '1', ...options,
    clock, now: clock.now,
  };
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
  app.route('/v1', sandboxControl);
  // The partner server API's OpenAPI 3.1 document (docs/api.md is rendered from it); public.
  app.get('/v1/openapi.json', (c) => c.json(openApiDocument()));
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
