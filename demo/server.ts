import { serve } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { randomBytes } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { explainListenErrors } from '../src/sandbox/main.ts';
import { mountLandlords } from './landlords.ts';
import { renderHomePage } from './pages.ts';
import { SeenEvents, webhookProblem } from './webhooks.ts';

/**
 * The demo partner: a rental-housing platform with its own small backend. Its secret key stays here, on the
 * server; the page gets short-lived client tokens from `/api/bank/client-token`. The page is served with the
 * strict Content-Security-Policy a careful partner uses, and the SDK must work under it.
 */
export interface DemoOptions {
  bankOrigin: string;
  secretKey: string;
  appId: string;
  webhookSecret: string;
}

/** One tenant per browser (a cookie of the partner's own), paying one month's rent. */
interface Tenant {
  orderId: string;
  rentPaid: boolean;
  confirmedBy?: 'server check' | 'webhook';
  /** Skip the deposit: what the bank's signed answers said, and whether the tenant later withdrew them. */
  deposit?: { consentId: string; status: DepositStatus; confirmedBy: 'attestation' | 'webhook' };
}

type DepositStatus = 'waived' | 'not-eligible' | 'withdrawn';

/** What the platform asks before waiving a deposit: a verified identity, steady income, and the deposit itself. */
export const depositClaims = ['identity', 'income-at-least:10500.00', 'balance-at-least:3500.00'];

const publicDir = new URL('./public/', import.meta.url).pathname;

export function partnerCsp(nonce: string, bankOrigin: string) {
  return [
    "default-src 'self'", `script-src 'nonce-${nonce}' 'strict-dynamic'`, "style-src 'self'", "img-src 'self' data:",
    `connect-src 'self' ${bankOrigin}`, `frame-src ${bankOrigin}`, "object-src 'none'", "base-uri 'none'",
    "form-action 'self'", "require-trusted-types-for 'script'", 'trusted-types lit-html',
  ].join('; ');
}

export function createDemo(options: DemoOptions) {
  const app = new Hono();
  const bank = (path: string, init: RequestInit = {}) =>
    fetch(`${options.bankOrigin}${path}`, {
      ...init,
      headers: { Authorization: `Bearer ${options.secretKey}`, 'Content-Type': 'application/json', ...init.headers },
    });

  const tenants = new Map<string, Tenant>();
  const seenEvents = new SeenEvents();
  /** Ids of the webhook events this backend acted on, in order (shown to tests at /api/bank/webhook-events). */
  const handledEvents: string[] = [];
  // The bank's published attestation keys, fetched (and refetched on an unknown `kid`) by jose.
  const bankKeys = createRemoteJWKSet(new URL(`${options.bankOrigin}/.well-known/jwks.json`));
  mountLandlords(app, bank, { bankOrigin: options.bankOrigin, appId: options.appId, csp: (nonce) => partnerCsp(nonce, options.bankOrigin) });

  /** The rent order is created by this server, with the amount it decides; the page only shows its id. */
  async function tenantOf(c: Context): Promise<Tenant> {
    let id = getCookie(c, 'tenant');
    if (!id || !/^[\w-]{10,40}$/.test(id)) {
      id = randomBytes(12).toString('base64url');
      setCookie(c, 'tenant', id, { httpOnly: true, sameSite: 'Lax', path: '/' });
    }
    const known = tenants.get(id);
    if (known) return known;
    const response = await bank('/v1/orders', {
      method: 'POST',
      headers: { 'Idempotency-Key': `rent-2026-12-${id}` },
      body: JSON.stringify({ amount: '3500.00', currency: 'CNY', description: 'Rent, December 2026 · 2BR Chaoyang', reference: `lease-${id}` }),
    });
    if (!response.ok) throw new Error(`The bank refused the rent order: HTTP ${response.status}`);
    const tenant: Tenant = { orderId: ((await response.json()) as { id: string }).id, rentPaid: false };
    tenants.set(id, tenant);
    return tenant;
  }

  app.get('/', async (c) => {
    const nonce = randomBytes(16).toString('base64');
    const lang = c.req.query('lang') === 'en' ? 'en' : 'zh-CN';
    const tenant = await tenantOf(c);
    c.header('Content-Security-Policy', partnerCsp(nonce, options.bankOrigin));
    return c.html(renderHomePage({
      nonce, lang, bankOrigin: options.bankOrigin, appId: options.appId, orderId: tenant.orderId, rentPaid: tenant.rentPaid,
      deposit: tenant.deposit?.status,
    }));
  });

  /** After `bank-pay-success` (a hint): the server asks the bank about *its own* order before marking rent paid. */
  app.post('/api/rent/confirm', async (c) => {
    const tenant = await tenantOf(c);
    const response = await bank(`/v1/orders/${encodeURIComponent(tenant.orderId)}`);
    const order = (await response.json()) as { status?: string };
    if (response.ok && order.status === 'paid' && !tenant.rentPaid) {
      tenant.rentPaid = true;
      tenant.confirmedBy = 'server check';
    }
    return c.json({ rentPaid: tenant.rentPaid, orderStatus: order.status ?? 'unknown' });
  });

  app.get('/api/rent', async (c) => {
    const tenant = await tenantOf(c);
    return c.json({ orderId: tenant.orderId, rentPaid: tenant.rentPaid, confirmedBy: tenant.confirmedBy ?? null });
  });

  /** The backend reads the loan decision from the bank, not from the page's event. */
  app.get('/api/loans/:id', async (c) => {
    const response = await bank(`/v1/loan-applications/${encodeURIComponent(c.req.param('id'))}`);
    return c.json(await response.json(), response.status as 200);
  });

  /**
   * After `bank-consent-granted` (a hint): the server reads the consent from the bank and trusts only what the
   * bank signed — the attestation, verified with the bank's published keys, for this app, saying the same as
   * the answer. Then it waives the deposit, or politely does not.
   */
  app.post('/api/deposit/waiver', async (c) => {
    const tenant = await tenantOf(c);
    const { consentId } = (await c.req.json().catch(() => ({}))) as { consentId?: unknown };
    if (typeof consentId !== 'string' || !/^cns_[\w-]{6,64}$/.test(consentId)) return c.json({ error: 'consentId' }, 400);
    const response = await bank(`/v1/consents/${encodeURIComponent(consentId)}`);
    if (!response.ok) return c.json({ error: 'unknown consent' }, 400);
    const consent = (await response.json()) as { status: string; purpose: string; claims: Record<string, boolean>; attestation: string };
    let signed: Record<string, unknown>;
    try {
      ({ payload: signed } = await jwtVerify(consent.attestation, bankKeys, { issuer: options.bankOrigin, audience: options.appId }));
    } catch {
      return c.json({ error: 'attestation not valid' }, 400);
    }
    const claims = signed.claims as Record<string, boolean> | undefined;
    const eligible = signed.id === consentId && signed.status === 'active' && signed.purpose === 'rental-screening' &&
      depositClaims.every((claim) => claims?.[claim] === true);
    tenant.deposit = { consentId, status: eligible ? 'waived' : 'not-eligible', confirmedBy: 'attestation' };
    return c.json({ deposit: tenant.deposit.status, verified: true });
  });

  app.get('/api/deposit', async (c) => {
    const tenant = await tenantOf(c);
    return c.json(tenant.deposit ?? { status: null });
  });

  /** Signed webhooks from the bank: verified, fresh, then trusted. */
  app.post('/api/bank/webhooks', async (c) => {
    const body = await c.req.text();
    const problem = webhookProblem(options.webhookSecret, c.req.header('Bank-Signature'), body, Math.floor(Date.now() / 1000));
    if (problem) return c.json({ error: problem }, 400);
    const event = JSON.parse(body) as { id: string; type: string; data: { id: string; status: string } };
    // The bank may deliver an event more than once: each id is handled once.
    if (!seenEvents.first(event.id)) return c.json({ received: true, duplicate: true });
    handledEvents.push(event.id);
    if (handledEvents.length > 1000) handledEvents.shift();
    if (event.type === 'consent.revoked') {
      for (const tenant of tenants.values()) {
        if (tenant.deposit?.consentId === event.data.id) tenant.deposit = { ...tenant.deposit, status: 'withdrawn', confirmedBy: 'webhook' };
      }
    }
    if (event.type === 'order.paid') {
      for (const tenant of tenants.values()) {
        if (tenant.orderId === event.data.id && !tenant.rentPaid) {
          tenant.rentPaid = true;
          tenant.confirmedBy = 'webhook';
        }
      }
    }
    return c.json({ received: true });
  });

  app.get('/api/bank/webhook-events', (c) => c.json({ handled: handledEvents.slice(-100) }));

  // The partner's own endpoint for the SDK: mint a client token with the secret key, server to server.
  app.post('/api/bank/client-token', async (c) => {
    const response = await bank('/v1/client-tokens', { method: 'POST', body: JSON.stringify({}) }).catch(() => null);
    if (!response) return c.json({ error: { code: 'bank_unavailable', message: 'The bank could not be reached.' } }, 502);
    // The bank's refusal goes to the page as it came (status and code), so the SDK can say what is wrong.
    if (!response.ok) return c.json(await response.json(), response.status as 400);
    const { clientToken } = (await response.json()) as { clientToken: string };
    c.header('Cache-Control', 'no-store');
    return c.json({ clientToken });
  });

  // Events are hints: the backend confirms who logged in with the bank before trusting it.
  app.get('/api/bank/customers/:id', async (c) => {
    const response = await bank(`/v1/customers/${encodeURIComponent(c.req.param('id'))}`);
    return c.json(await response.json(), response.status as 200);
  });

  app.get('/static/:file', async (c) => {
    const file = c.req.param('file');
    if (!/^[\w-]+\.(css|js|svg)$/.test(file)) return c.notFound();
    try {
      const body = await readFile(join(publicDir, file));
      const type = file.endsWith('.css') ? 'text/css' : file.endsWith('.js') ? 'text/javascript' : 'image/svg+xml';
      return c.body(new Uint8Array(body), 200, { 'Content-Type': `${type}; charset=utf-8` });
    } catch {
      return c.notFound();
    }
  });
  app.get('/favicon.ico', async (c) =>
    c.body(new Uint8Array(await readFile(join(publicDir, 'favicon.svg'))), 200, { 'Content-Type': 'image/svg+xml' }),
  );
  return app;
}

export function startDemo(options: DemoOptions & { port: number }) {
  const server = serve({ fetch: createDemo(options).fetch, port: options.port, hostname: 'localhost' }, () =>
    console.log(`Demo partner site:   http://localhost:${options.port}/  (English: /?lang=en)`));
  explainListenErrors(server, options.port, 'PARTNER_PORT');
  return server;
}
