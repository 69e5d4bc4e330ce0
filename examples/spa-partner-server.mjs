// The partner backend behind the React and Vue examples (a single-page app built by Vite): it serves the built
// app under a strict Content-Security-Policy and does the three things only a server may do, because they need
// the app's secret key: mint client tokens, create the rent order, and check an order with the bank.
// Node 20 or later, no dependencies. Each example starts it from its own `server.mjs`.
//
// Configuration (environment variables):
//   BANK_ORIGIN      the bank, default http://127.0.0.1:4010 (the sandbox, `npm run sandbox`)
//   APP_ID           your app id (app_…); without it (and BANK_SECRET_KEY) a sandbox app is registered for this origin
//   BANK_SECRET_KEY  your app's secret key: server-side only, never in the built app
//   PORT             this server's port; the page's origin is http://localhost:PORT
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname } from 'node:path';

const contentTypes = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
};

/**
 * Starts the backend for the app built into `dist` (a `file:` URL of the folder). `trustedTypes` lists the Trusted
 * Types policies the page may create besides the SDK's own (`lit-html`): Vue needs `vue`, React none.
 */
export async function startSpaPartner({ name, dist, defaultPort, trustedTypes = [] }) {
  const port = Number(process.env.PORT ?? defaultPort);
  const origin = `http://localhost:${port}`;
  const bankOrigin = process.env.BANK_ORIGIN ?? 'http://127.0.0.1:4010';
  const config = { appId: process.env.APP_ID, secretKey: process.env.BANK_SECRET_KEY };

  /** Server to bank: JSON, authenticated with the secret key. */
  async function bank(path, { method = 'GET', body, headers = {} } = {}) {
    const response = await fetch(`${bankOrigin}${path}`, {
      method,
      headers: { Authorization: `Bearer ${config.secretKey}`, 'Content-Type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    return { status: response.status, body: await response.json().catch(() => ({})) };
  }

  if (!config.appId || !config.secretKey) {
    const response = await fetch(`${bankOrigin}/v1/sandbox/apps`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: `HomeNest (${name} example)`, origins: [origin] }),
    }).catch(() => {
      console.error(`No bank at ${bankOrigin}: start it with \`npm run sandbox\`, or set BANK_ORIGIN.`);
      process.exit(1);
    });
    const app = await response.json();
    if (response.status !== 201) throw new Error(`POST /v1/sandbox/apps answered ${response.status}: ${JSON.stringify(app)}`);
    Object.assign(config, { appId: app.appId, secretKey: app.secretKey });
    console.log(`Registered sandbox app ${app.appId} for ${origin}. To reuse it:\n  APP_ID=${app.appId} BANK_SECRET_KEY=${app.secretKey} PORT=${port}`);
  }

  // The built page, read on each request (so a rebuild needs no restart). Vite wrote `__CSP_NONCE__` (its
  // `html.cspNonce`); index.html has `__BANK_ORIGIN__` and `__BANK_APP_ID__` for this server's configuration.
  const escape = (text) => String(text).replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
  const shell = async (nonce) =>
    (await readFile(new URL('index.html', dist), 'utf8'))
      .replaceAll('__BANK_ORIGIN__', escape(bankOrigin))
      .replaceAll('__BANK_APP_ID__', escape(config.appId))
      .replaceAll('__CSP_NONCE__', nonce);
  try {
    await shell('');
  } catch {
    console.error(`No build in ${dist.pathname}: run \`npx vite build examples/${name}\` first.`);
    process.exit(1);
  }

  const csp = (nonce) => [
    "default-src 'self'", `script-src 'nonce-${nonce}' 'strict-dynamic'`, "style-src 'self'", "img-src 'self' data:",
    `connect-src 'self' ${bankOrigin}`, `frame-src ${bankOrigin}`, "object-src 'none'", "base-uri 'none'",
    "form-action 'self'", "require-trusted-types-for 'script'", `trusted-types lit-html ${trustedTypes.join(' ')}`.trim(),
  ].join('; ');

  // A visitor's session (a stand-in for your own sign-in: see examples/partner-node for a real one). sid → visitor
  const sessions = new Map();
  const sessionOf = (request) => sessions.get(/(?:^|;\s*)sid=([\w-]{20,})/.exec(request.headers.cookie ?? '')?.[1] ?? '');

  function json(response, status, body) {
    response.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    response.end(JSON.stringify(body));
  }

  async function handle(request, response) {
    const url = new URL(request.url, origin);
    const route = `${request.method} ${url.pathname}`;
    const visitor = sessionOf(request);

    if (route === 'GET /' || route === 'GET /index.html') {
      const headers = { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' };
      if (!visitor) {
        const sid = randomBytes(18).toString('base64url');
        sessions.set(sid, { userId: `user-${randomBytes(6).toString('hex')}`, orderId: null });
        headers['Set-Cookie'] = `sid=${sid}; HttpOnly; SameSite=Lax; Path=/`;
      }
      const nonce = randomBytes(16).toString('base64');
      const body = await shell(nonce);
      response.writeHead(200, { ...headers, 'Content-Security-Policy': csp(nonce) });
      return response.end(body);
    }

    if (url.pathname.startsWith('/api/') && !visitor) {
      return json(response, 401, { error: { code: 'login_required', message: 'Open the page first (no session).' } });
    }

    // data-token-url: the SDK POSTs here (same origin, with this site's cookie) whenever it needs a client token.
    if (route === 'POST /api/bank/client-token') {
      const minted = await bank('/v1/client-tokens', { method: 'POST', body: { customerRef: visitor.userId } });
      // Pass the bank's refusal on, status and code: never a silent {}.
      if (minted.status !== 201) return json(response, minted.status, { error: minted.body.error });
      return json(response, 200, { clientToken: minted.body.clientToken });
    }

    // The rent order: created here, where the amount is decided; the same one however often the page asks.
    if (route === 'POST /api/rent-order') {
      if (!visitor.orderId) {
        const created = await bank('/v1/orders', {
          method: 'POST',
          headers: { 'Idempotency-Key': `rent-${visitor.userId}-2026-12` },
          body: { amount: '3500.00', currency: 'CNY', description: 'Rent, December 2026', reference: `lease-${visitor.userId}` },
        });
        if (created.status !== 201) return json(response, created.status, { error: created.body.error });
        visitor.orderId = created.body.id;
      }
      return json(response, 200, { orderId: visitor.orderId, amount: '3500.00', description: 'Rent, December 2026' });
    }

    // After `bank-pay-success` (a hint: anything on the page can fire it), the page asks; this server asks the bank.
    const order = /^GET \/api\/orders\/([\w-]+)$/.exec(route);
    if (order) {
      if (order[1] !== visitor.orderId) return json(response, 404, { error: { code: 'not_found', message: 'No such order of yours.' } });
      const answer = await bank(`/v1/orders/${encodeURIComponent(order[1])}`);
      if (answer.status !== 200) return json(response, 502, { error: answer.body.error });
      return json(response, 200, { orderId: answer.body.id, status: answer.body.status, paymentId: answer.body.paymentId ?? null });
    }

    // The built assets (hashed names: cacheable for ever).
    if (request.method === 'GET' && /^\/assets\/[\w.-]+$/.test(url.pathname) && contentTypes[extname(url.pathname)]) {
      try {
        const body = await readFile(new URL(`.${url.pathname}`, dist));
        response.writeHead(200, { 'Content-Type': contentTypes[extname(url.pathname)], 'Cache-Control': 'public, max-age=31536000, immutable' });
        return response.end(body);
      } catch {
        // not built: a 404 below
      }
    }
    if (route === 'GET /favicon.ico') {
      response.writeHead(204);
      return response.end();
    }
    json(response, 404, { error: { code: 'not_found', message: `No route for ${route}.` } });
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error) => {
      if (response.headersSent) return response.destroy();
      console.error(error);
      json(response, 502, { error: { code: 'bank_unavailable', message: 'The bank could not be reached.' } });
    });
  });
  server.on('error', (error) => {
    console.error(error.code === 'EADDRINUSE' ? `Port ${port} is in use: choose another with PORT=<port>.` : error.message);
    process.exit(1);
  });
  server.listen(port, 'localhost', () => console.log(`${name} example: ${origin}/  (app ${config.appId}, bank ${bankOrigin})`));
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      server.close(() => process.exit(0));
      server.closeAllConnections();
    });
  }
  return server;
}
