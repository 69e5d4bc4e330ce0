import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { apiDocsPath, renderApiMarkdown } from '../../src/sandbox/api-docs.ts';
import { createSandbox } from '../../src/sandbox/app.ts';
import { demoApp, openDatabase } from '../../src/sandbox/db.ts';
import { errorCodes } from '../../src/protocol/errors.ts';
import { checkResponse, z } from '../../src/sandbox/openapi.ts';
import { Order } from '../../src/sandbox/partner-schemas.ts';
import { inprocessBank, partnerOrigin } from './inprocess.ts';

/**
 * The partner server API's OpenAPI 3.1 document: made from the same route declarations that validate requests,
 * complete (every partner route the app serves is in it, nothing else), served at /v1/openapi.json, rendered as
 * docs/api.md. Every answer of the API specs is checked against it (BANK_CHECK_RESPONSES=1 in the Playwright
 * config): the last tests show that check can fail.
 */
type Doc = {
  openapi: string;
  paths: Record<string, Record<string, { security?: unknown[]; responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }> }>>;
  components: { schemas: Record<string, { properties?: Record<string, any> }>; securitySchemes: Record<string, { type: string; scheme: string }> };
};

async function documentFrom(call: ReturnType<typeof inprocessBank>['call']) {
  const answer = await call('/v1/openapi.json');
  expect(answer.status, answer.text).toBe(200);
  return answer.body as Doc;
}

/** Routes of the Hono app that belong to the partner server API: not the frames', the SDK files or the document. */
function partnerRoutesOf(app: ReturnType<typeof createSandbox>) {
  const bankOnly = [/^\/v1\/frame(\/|$)/, /^\/v1\/statements\//, /^\/sdk\//, /^\/favicon\.ico$/, /^\/v1\/openapi\.json$/];
  return [...new Set(app.routes
    .filter((r) => r.method !== 'ALL' && !r.path.includes('*') && !bankOnly.some((p) => p.test(r.path)))
    .map((r) => `${r.method.toLowerCase()} ${r.path.replaceAll(/:(\w+)/g, '{$1}')}`))].sort();
}

test('GET /v1/openapi.json: OpenAPI 3.1, no key needed, the secret key as bearer scheme, errors documented', async () => {
  const { call } = inprocessBank();
  const doc = await documentFrom(call);
  expect(doc.openapi).toBe('3.1.0');
  expect(doc.components.securitySchemes.secretKey).toMatchObject({ type: 'http', scheme: 'bearer' });
  expect(doc.paths['/v1/orders'].post.security).toEqual([{ secretKey: [] }]);
  expect(doc.paths['/.well-known/jwks.json'].get.security).toEqual([]);
  // Every operation documents its success answer and its errors, all errors in the one shape.
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const statuses = Object.keys(op.responses).map(Number);
      expect(statuses.some((s) => s < 300), `${method} ${path} success`).toBe(true);
      expect(statuses, `${method} ${path} errors`).toContain(500);
      for (const status of statuses.filter((s) => s >= 400)) {
        expect(op.responses[status].content?.['application/json'].schema.$ref, `${method} ${path} ${status}`).toBe('#/components/schemas/Error');
      }
      if (op.security?.length) expect(statuses, `${method} ${path} with a key answers 401`).toContain(401);
    }
  }
  expect(doc.components.schemas.Error.properties?.error.properties.code.enum).toEqual(errorCodes);
});

test('every partner route the app serves is in the document, and every documented route is served', async () => {
  const bank = inprocessBank();
  const doc = await documentFrom(bank.call);
  const documented = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m} ${path}`)).sort();
  const served = partnerRoutesOf(bank.app);
  expect(served.length).toBeGreaterThan(20);
  expect(served).toEqual(documented);
  // The walk sees routes, not just what the document says: the control endpoints are among them.
  for (const route of ['post /v1/sandbox/clock', 'post /v1/sandbox/reset', 'post /v1/sandbox/webhooks/{id}/resend', 'post /v1/orders']) {
    expect(served).toContain(route);
  }
});

test('docs/api.md is the document rendered (run `npm run docs:api` after changing a route)', () => {
  expect(readFileSync(apiDocsPath, 'utf8'), 'docs/api.md is out of date: run `npm run docs:api`').toBe(renderApiMarkdown());
  const text = readFileSync(apiDocsPath, 'utf8');
  for (const heading of ['### `POST /v1/orders`', '### `POST /v1/sandbox/clock`', '### Order', '### Error']) expect(text).toContain(heading);
  for (const doc of ['README.md', 'docs/sandbox.md']) expect(readFileSync(resolve(doc), 'utf8'), doc).toMatch(/\]\((docs\/)?api\.md\)/);
});

test('a request failing its schema is 400 invalid_request in the bank\'s words, and nothing changed', async () => {
  const { call, db } = inprocessBank();
  const secret = demoApp.secretKey;
  const orders = () => (db.prepare('SELECT COUNT(*) AS n FROM orders').get() as { n: number }).n;
  const cases: [string, unknown, string][] = [
    ['/v1/client-tokens', { customerRef: 7 }, '`customerRef` must be a string.'],
    ['/v1/client-tokens', { customerRef: 'x'.repeat(101) }, '`customerRef` is longer than 100 characters.'],
    ['/v1/orders', { currency: 'CNY', description: 'Rent' }, '`amount` is required.'],
    ['/v1/orders', { amount: '1e3', currency: 'CNY', description: 'Rent' }, '`amount` must be a decimal string with at most two decimals, like "3500.00" (no sign, exponent or separators).'],
    ['/v1/orders', { amount: '0.00', currency: 'CNY', description: 'Rent' }, '`amount` must be positive.'],
    ['/v1/orders', { amount: '1.00', currency: 'USD', description: 'Rent' }, '`currency` must be "CNY".'],
    ['/v1/orders', { amount: '1.00', currency: 'CNY', description: '  ' }, '`description` must not be blank.'],
    ['/v1/orders', { amount: '1.00', currency: 'CNY', description: 'Rent', rent: { monthlyRent: '1.00', months: 1.5 } }, '`rent.months` must be a whole number from 1 to 36.'],
    ['/v1/merchants', { type: 'shop', name: 'Shop' }, '`type` must be "individual" or "business".'],
    ['/v1/sandbox/clock', { advanceSeconds: -1 }, '`advanceSeconds` must be at least 0.'],
    ['/v1/sandbox/clock', { advanceSeconds: 1, reset: true }, 'Send `{"advanceSeconds": <seconds ≥ 0>}` or `{"reset": true}`.'],
  ];
  for (const [path, body, message] of cases) {
    const answer = await call(path, { secret, body });
    expect(answer.status, `${path} ${JSON.stringify(body)}: ${answer.text}`).toBe(400);
    expect(answer.body.error).toEqual({ code: 'invalid_request', message: expect.any(String) });
    expect(answer.body.error.message, JSON.stringify(body)).toBe(message);
  }
  expect(orders()).toBe(0);
  // The key is checked before the body: no key and a bad body is 401, as before.
  expect((await call('/v1/orders', { body: { amount: 'x' } })).status).toBe(401);
});

test('the response check fails an answer that is not what the document says', async () => {
  const success = { 200: Order };
  const errors = new Set(['not_found 404']);
  const good = { id: 'ord_1', status: 'pending', amount: '1.00', currency: 'CNY', description: 'x', reference: null, createdAt: new Date().toISOString() };
  await checkResponse(Response.json(good), success, errors, 'GET /v1/orders/{id}');
  await checkResponse(Response.json({ error: { code: 'not_found', message: 'No.' } }, { status: 404 }), success, errors, 'x');
  for (const [bad, status] of [
    [{ ...good, amount: 100 }, 200],
    [{ ...good, status: 'lost' }, 200],
    [{ error: { code: 'locked', message: 'No.' } }, 423],
    [{ error: { code: 'not_found', message: 'No.' } }, 400],
    [{ oops: true }, 404],
  ] as const) {
    await expect(checkResponse(Response.json(bad, { status }), success, errors, 'GET /v1/orders/{id}'), JSON.stringify(bad))
      .rejects.toMatchObject({ code: 'internal', message: expect.stringContaining('OpenAPI check') });
  }
  // And it is on in these tests, for the in-process banks and the sandbox server alike.
  expect(process.env.BANK_CHECK_RESPONSES).toBe('1');
  expect(z).toBeDefined();
});

test('no import cycles in src/sandbox (type-only imports included)', () => {
  const dir = resolve('src/sandbox');
  const graph = new Map<string, string[]>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    const source = readFileSync(resolve(dir, file), 'utf8');
    graph.set(file, [...source.matchAll(/^(?:import|export)\b[^;]*?from\s+'\.\/([^']+)'/gms)].map((m) => m[1]));
  }
  expect(graph.size).toBeGreaterThan(25);
  const cycles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const visit = (file: string, path: string[]) => {
    if (state.get(file) === 'done') return;
    if (state.get(file) === 'open') {
      cycles.push([...path.slice(path.indexOf(file)), file].join(' → '));
      return;
    }
    state.set(file, 'open');
    for (const next of graph.get(file) ?? []) visit(next, [...path, file]);
    state.set(file, 'done');
  };
  for (const file of graph.keys()) visit(file, []);
  expect(cycles).toEqual([]);
});

test('the document is the same for every sandbox (one source) and lists the partner origin nowhere', async () => {
  const one = await documentFrom(inprocessBank().call);
  const db = openDatabase(':memory:', [partnerOrigin], null, { production: true });
  const app = createSandbox({ db, bankOrigin: 'http://127.0.0.1:4998', assetsDir: '/x', production: true });
  const two = await (await app.fetch(new Request('http://127.0.0.1:4998/v1/openapi.json'))).json();
  expect(two).toEqual(one);
  expect(JSON.stringify(one)).not.toContain(partnerOrigin);
});
