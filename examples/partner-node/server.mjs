// A partner's server for the bank SDK, on plain `node:http`: no dependencies, Node 20 or later.
//
//   npm run sandbox                                   # in the SDK repository: the sandbox bank on 127.0.0.1:4010
//   node examples/partner-node/server.mjs             # this server on http://localhost:3000
//
// Without APP_ID and BANK_SECRET_KEY it registers a sandbox app for its own origin (POST /v1/sandbox/apps) and
// prints them, so the first run is one command. Configuration (environment variables):
//   BANK_ORIGIN      the bank, default http://127.0.0.1:4010 (the sandbox)
//   APP_ID           your app id (app_…)
//   BANK_SECRET_KEY  your app's secret key: server-side only, never in a page
//   WEBHOOK_SECRET   your app's webhook secret (whsec_…), to verify the bank's webhooks
//   PORT             this server's port, default 3000; the page's origin is http://localhost:PORT
//
// What it shows: the partner's own sign-in (a cookie session), the client-token endpoint tied to that user and
// passing the bank's errors on, an order created server-side with an Idempotency-Key, the rent page with the SDK
// under a strict CSP, the order verified server-side, and a webhook receiver that checks the raw body's signature
// and freshness and ignores repeated event ids.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';

const port = Number(process.env.PORT ?? 3000);
const origin = `http://localhost:${port}`;
const bankOrigin = process.env.BANK_ORIGIN ?? 'http://127.0.0.1:4010';
const config = {
  appId: process.env.APP_ID,
  secretKey: process.env.BANK_SECRET_KEY,
  webhookSecret: process.env.WEBHOOK_SECRET,
};

/** Server to bank: JSON, authenticated with the secret key. Answers the status and the parsed body. */
async function bank(path, { method = 'GET', body, headers = {} } = {}) {
  const response = await fetch(`${bankOrigin}${path}`, {
    method,
    headers: { Authorization: `Bearer ${config.secretKey}`, 'Content-Type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  return { status: response.status, body: await response.json().catch(() => ({})) };
}

// ---- The partner's own users: a cookie session (here in memory; use your real session store) -------------------

/** sid → { userId, name, orderId } */
const sessions = new Map();

function sessionOf(request) {
  const sid = /(?:^|;\s*)sid=([\w-]{20,})/.exec(request.headers.cookie ?? '')?.[1];
  return sid ? sessions.get(sid) : undefined;
}

function signIn(response, name) {
  const sid = randomBytes(18).toString('base64url');
  sessions.set(sid, { userId: `user-${randomBytes(6).toString('hex')}`, name, orderId: null });
  // HttpOnly: page scripts cannot read it. SameSite=Lax: other sites cannot POST with it (no CSRF on the token URL).
  response.setHeader('Set-Cookie', `sid=${sid}; HttpOnly; SameSite=Lax; Path=/`);
}

// ---- Orders: created by this server, which decides the amount -------------------------------------------------

/** orderId → { userId, status, checkedWithBank, webhookEventId } — what this server believes, from the bank. */
const orders = new Map();

/** The signed-in user's rent order for December: one per user, however often the page is loaded. */
async function rentOrderOf(user) {
  if (user.orderId) return user.orderId;
  const created = await bank('/v1/orders', {
    method: 'POST',
    // The same key for the same payment: a retry (timeout, double submit, restart) gets the same order back.
    headers: { 'Idempotency-Key': `rent-${user.userId}-2026-12` },
    body: { amount: '3500.00', currency: 'CNY', description: 'Rent, December 2026', reference: `lease-${user.userId}` },
  });
  if (created.status !== 201) throw new BankRefusal(created);
  user.orderId = created.body.id;
  orders.set(user.orderId, { userId: user.userId, status: created.body.status, checkedWithBank: false, webhookEventId: null });
  return user.orderId;
}

class BankRefusal extends Error {
  constructor({ status, body }) {
    super(`The bank answered ${status} ${body.error?.code ?? ''}: ${body.error?.message ?? ''}`);
    this.status = status;
    this.error = body.error ?? { code: 'bank_unavailable', message: `The bank answered HTTP ${status}.` };
  }
}

// ---- Webhooks ----------------------------------------------------------------------------------------------------

const webhookToleranceSeconds = 5 * 60;
/** Event ids already handled: the bank retries until it gets a 2xx, so the same event can arrive twice. */
const seenEvents = new Set();

/**
 * `Bank-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`, keyed with the webhook secret.
 * Answers why the webhook is refused, or null when it is genuine and fresh. `rawBody` is the bytes as received:
 * JSON parsed and serialized again is not the same text, and its signature would not match.
 */
function webhookProblem(secret, header, rawBody, nowSeconds = Math.floor(Date.now() / 1000)) {
  const parts = Object.fromEntries((header ?? '').split(',').map((part) => part.split('=', 2)));
  if (!/^\d{1,12}$/.test(parts.t ?? '') || !/^[0-9a-f]{64}$/.test(parts.v1 ?? '')) return 'malformed signature';
  const timestamp = Number(parts.t);
  if (Math.abs(nowSeconds - timestamp) > webhookToleranceSeconds) return 'signature too old';
  const expected = createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest();
  return timingSafeEqual(expected, Buffer.from(parts.v1, 'hex')) ? null : 'signature mismatch';
}

// ---- HTTP --------------------------------------------------------------------------------------------------------

const maxBody = 64 * 1024;

/** The request body as raw bytes (the webhook's signature is over these). */
async function rawBodyOf(request) {
  const chunks = [];
  let size = 0;
  for await (const chunk of request) {
    size += chunk.length;
    if (size > maxBody) throw Object.assign(new Error('body too large'), { status: 413 });
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function json(response, status, body) {
  response.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  response.end(JSON.stringify(body));
}

/** A strict policy: scripts only with this response's nonce, frames and calls only to the bank. */
function csp(nonce) {
  return [
    "default-src 'self'", `script-src 'nonce-${nonce}' 'strict-dynamic'`, "style-src 'self'", "img-src 'self' data:",
    `connect-src 'self' ${bankOrigin}`, `frame-src ${bankOrigin}`, "object-src 'none'", "base-uri 'none'",
    "form-action 'self'", "require-trusted-types-for 'script'", 'trusted-types lit-html',
  ].join('; ');
}

const escape = (text) =>
  String(text).replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]);

/** A page; `withBank` adds the SDK (only where bank elements are: it fetches a client token at once). */
function page(response, nonce, title, body, withBank = false) {
  response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': csp(nonce) });
  response.end(`<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escape(title)}</title>
  <link rel="icon" href="data:,">
${withBank ? `  <script nonce="${nonce}" src="${escape(bankOrigin)}/sdk/v1/bank-sdk.js"
          data-app-id="${escape(config.appId)}" data-token-url="/api/bank/client-token" data-locale="en"></script>
  <script nonce="${nonce}" src="/app.js" defer></script>` : ''}
</head>
<body>
${body}
</body>
</html>`);
}

async function handle(request, response) {
  const url = new URL(request.url, origin);
  const route = `${request.method} ${url.pathname}`;
  const user = sessionOf(request);
  const nonce = randomBytes(16).toString('base64');

  if (route === 'GET /' && !user) {
    return page(response, nonce, 'Sign in', `<main>
  <h1>HomeNest Rentals</h1>
  <form method="post" action="/sign-in">
    <label>Your name <input name="name" required maxlength="40" autocomplete="name"></label>
    <button>Sign in</button>
  </form>
</main>`);
  }

  if (route === 'GET /') {
    const orderId = await rentOrderOf(user);
    return page(response, nonce, 'Pay your rent', `<header>
  <p>Signed in to HomeNest as ${escape(user.name)}</p>
  <bank-login></bank-login>
</header>
<main>
  <h1>Rent for December: ¥3,500.00</h1>
  <bank-pay order-id="${escape(orderId)}"></bank-pay>
  <p id="order-status" role="status">Not paid yet.</p>
  <h2>Or spread a year's rent with a rent loan</h2>
  <bank-loan-apply product="rent-loan" amount="36000" term="12" reference="lease-${escape(user.userId)}"></bank-loan-apply>
  <p id="loan-status" role="status"></p>
</main>`, true);
  }

  if (route === 'POST /sign-in') {
    const name = new URLSearchParams((await rawBodyOf(request)).toString('utf8')).get('name')?.trim() ?? '';
    if (!name || name.length > 40) return json(response, 400, { error: { code: 'invalid_request', message: 'A name of 1 to 40 characters.' } });
    signIn(response, name);
    response.writeHead(303, { Location: '/' });
    return response.end();
  }

  // data-token-url: the SDK POSTs here (same origin, with this site's cookies) whenever it needs a client token.
  if (route === 'POST /api/bank/client-token') {
    // Only for this site's signed-in user; the token carries their id as `customerRef`.
    if (!user) return json(response, 401, { error: { code: 'login_required', message: 'Sign in to HomeNest first.' } });
    let minted;
    try {
      minted = await bank('/v1/client-tokens', { method: 'POST', body: { customerRef: user.userId } });
    } catch {
      return json(response, 502, { error: { code: 'bank_unavailable', message: 'The bank could not be reached.' } });
    }
    // Pass the bank's refusal on, status and code (e.g. 401 unauthorized for a wrong secret key): never a silent {}.
    if (minted.status !== 201) return json(response, minted.status, { error: minted.body.error });
    return json(response, 200, { clientToken: minted.body.clientToken });
  }

  // After `bank-pay-success` (a hint: anything on the page can fire it): ask the bank about our own order.
  const verify = /^POST \/api\/orders\/([\w-]+)\/verify$/.exec(route);
  if (verify) {
    const order = orders.get(verify[1]);
    if (!user || !order || order.userId !== user.userId) return json(response, 404, { error: { code: 'not_found', message: 'No such order of yours.' } });
    const answer = await bank(`/v1/orders/${encodeURIComponent(verify[1])}`);
    if (answer.status !== 200) return json(response, 502, { error: answer.body.error });
    order.status = answer.body.status;
    order.checkedWithBank = true;
    return json(response, 200, { orderId: verify[1], status: order.status, paid: order.status === 'paid' });
  }

  const show = /^GET \/api\/orders\/([\w-]+)$/.exec(route);
  if (show) {
    const order = orders.get(show[1]);
    if (!user || !order || order.userId !== user.userId) return json(response, 404, { error: { code: 'not_found', message: 'No such order of yours.' } });
    return json(response, 200, { orderId: show[1], ...order });
  }

  // The loan decision, read from the bank rather than from the page's event.
  const loan = /^GET \/api\/loan-applications\/([\w-]+)$/.exec(route);
  if (loan && user) {
    const answer = await bank(`/v1/loan-applications/${encodeURIComponent(loan[1])}`);
    return json(response, answer.status, answer.body);
  }

  // The bank's webhooks. Read the raw bytes: the signature is over them, not over parsed JSON.
  if (route === 'POST /webhooks/bank') {
    if (!config.webhookSecret) return json(response, 503, { error: 'WEBHOOK_SECRET is not set' });
    const raw = await rawBodyOf(request);
    const problem = webhookProblem(config.webhookSecret, request.headers['bank-signature'], raw);
    if (problem) return json(response, 400, { error: problem });
    const event = JSON.parse(raw.toString('utf8'));
    if (seenEvents.has(event.id)) return json(response, 200, { received: true, duplicate: true });
    if (event.type === 'order.paid') {
      const order = orders.get(event.data.id);
      if (order) {
        order.status = event.data.status;
        order.webhookEventId = event.id;
      }
    }
    seenEvents.add(event.id);
    return json(response, 200, { received: true });
  }

  if (route === 'GET /app.js') {
    response.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' });
    return response.end(await readFile(new URL('./app.js', import.meta.url)));
  }
  json(response, 404, { error: { code: 'not_found', message: `No route for ${route}.` } });
}

/** Sandbox only: registers an app for this server's origin and webhook URL, and says how to reuse it. */
async function registerSandboxApp() {
  const response = await fetch(`${bankOrigin}/v1/sandbox/apps`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'HomeNest (partner-node example)', origins: [origin], webhookUrl: `${origin}/webhooks/bank` }),
  }).catch(() => {
    console.error(`No bank at ${bankOrigin}: start it with \`npm run sandbox\` in the SDK repository, or set BANK_ORIGIN.`);
    process.exit(1);
  });
  const app = await response.json();
  if (response.status !== 201) throw new Error(`POST ${bankOrigin}/v1/sandbox/apps answered ${response.status}: ${JSON.stringify(app)}`);
  config.appId = app.appId;
  config.secretKey = app.secretKey;
  config.webhookSecret = app.webhookSecret;
  console.log(`Registered sandbox app ${app.appId} for ${origin}. To reuse it:\n  APP_ID=${app.appId} BANK_SECRET_KEY=${app.secretKey} WEBHOOK_SECRET=${app.webhookSecret} PORT=${port}`);
}

if (!config.appId || !config.secretKey) await registerSandboxApp();

const server = createServer((request, response) => {
  handle(request, response).catch((error) => {
    if (response.headersSent) return response.destroy();
    if (error instanceof BankRefusal) return json(response, error.status, { error: error.error });
    console.error(error);
    json(response, error.status ?? 500, { error: { code: 'internal', message: 'Something went wrong on our side.' } });
  });
});
server.on('error', (error) => {
  console.error(error.code === 'EADDRINUSE' ? `Port ${port} is in use: choose another with PORT=<port>.` : error.message);
  process.exit(1);
});
server.listen(port, 'localhost', () => console.log(`Partner example (node:http): ${origin}/  (app ${config.appId}, bank ${bankOrigin})`));
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}
