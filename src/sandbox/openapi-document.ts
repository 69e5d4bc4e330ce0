import { OpenAPIHono } from '@hono/zod-openapi';
import { consentPartnerApi, jwksApi } from './consents-api.ts';
import type { Env } from './env.ts';
import { merchantsApi } from './merchants-api.ts';
import { partnerApi } from './partner-api.ts';
import { sandboxApps } from './sandbox-apps.ts';
import { sandboxControl } from './sandbox-control.ts';

/** The route modules of the partner server API, all mounted under `/v1` (the JWKS is at the root). */
export const partnerApis = [partnerApi, sandboxApps, merchantsApi, consentPartnerApi, sandboxControl];

let cached: ReturnType<OpenAPIHono['getOpenAPI31Document']> | undefined;

/**
 * The OpenAPI 3.1 document of the partner server API (`GET /v1/openapi.json`, docs/api.md), made from the same
 * route declarations that validate the requests.
 */
export function openApiDocument() {
  if (cached) return cached;
  const doc = new OpenAPIHono<Env>();
  doc.openAPIRegistry.registerComponent('securitySchemes', 'secretKey', {
    type: 'http',
    scheme: 'bearer',
    description: "Your app's secret key (`sk_…`), from your server only: `Authorization: Bearer <secretKey>`. Never in a web page.",
  });
  for (const api of partnerApis) doc.route('/v1', api);
  doc.route('/', jwksApi);
  cached = doc.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'Sandbox Bank partner server API',
      version: '1',
      description: [
        "The calls a partner's server makes to the bank with its app's secret key (docs/contract.md): client tokens for the SDK, orders, loan applications, customers, consents, merchants and payouts, and the sandbox's own endpoints for tests.",
        '',
        'JSON over HTTPS. Amounts are decimal strings in yuan (`"3500.00"`). Every error is `{"error": {"code", "message"}}` with a code from the one error table (docs/errors.md); a request that fails validation is 400 `invalid_request`, a body over 16 KB 413 `payload_too_large`. Writes marked so honour an `Idempotency-Key` header.',
        '',
        'Endpoints tagged Sandbox exist in sandbox mode only (404 `not_found` in production mode).',
      ].join('\n'),
    },
    servers: [{ url: 'http://127.0.0.1:4010', description: 'The sandbox bank (`npm run sandbox`)' }],
    tags: [
      { name: 'Client tokens', description: 'What a page needs to start the SDK.' },
      { name: 'Orders', description: 'Payments with `<bank-pay>`; webhook `order.paid`.' },
      { name: 'Loans', description: 'Loan products and applications made with `<bank-loan-apply>`.' },
      { name: 'Customers', description: 'Customers who logged in through your app.' },
      { name: 'Consents', description: 'Data-sharing consents (`<bank-data-consent>`), signed.' },
      { name: 'Merchants', description: 'Sellers on a platform: onboarding, balances, payouts, credit offers.' },
      { name: 'SDK', description: 'Called by the SDK in the page, not by your server.' },
      { name: 'Sandbox', description: 'Sandbox mode only: test data and control for CI.' },
    ],
  });
  return cached;
}
