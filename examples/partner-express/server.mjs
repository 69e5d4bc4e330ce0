// A partner's server for the bank SDK, on Express 5 (`npm install express@5`; in the SDK repository it is installed).
//
//   npm run sandbox                                   # in the SDK repository: the sandbox bank on 127.0.0.1:4010
//   node examples/partner-express/server.mjs          # this server on http://localhost:3001
//
// Without APP_ID and BANK_SECRET_KEY it registers a sandbox app for its own origin (POST /v1/sandbox/apps) and
// prints them, so the first run is one command. Configuration (environment variables):
//   BANK_ORIGIN      the bank, default http://127.0.0.1:4010 (the sandbox)
//   APP_ID           your app id (app_…)
//   BANK_SECRET_KEY  your app's secret key: server-side only, never in a page
//   WEBHOOK_SECRET   your app's webhook secret (whsec_…), to verify the bank's webhooks
//   PORT             this server's port, default 3001; the page's origin is http://localhost:PORT
//
// The same flow as examples/partner-node, the Express way: the partner's own sign-in (a cookie session), the
// client-token endpoint tied to that user and passing the bank's errors on, an order created server-side with an
// Idempotency-Key, the rent page under a strict CSP, the order verified server-side, and a raw-body webhook receiver.
import express from 'express';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { fileURLToPath } from 'node:url';

const port = Number(process.env.PORT ?? 3001);
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

const app = express();
app.disable('x-powered-by');

// ---- Webhooks first, with the RAW body ---------------------------------------------------------------------------
// WARNING: a JSON body parser (`app.use(express.json())`) replaces the body with a parsed object, and the bytes the
// bank signed are gone: JSON.stringify(req.body) is not the same text, so every signature fails (or, worse, someone
// "fixes" that by skipping the check). Give the webhook route `express.raw()` and register it before any JSON parser.

const webhookToleranceSeconds = 5 * 60;
/** Event ids already handled: the bank retries until it gets a 2xx, so the same event can arrive twice. */
const seenEvents = new Set();

/**
 * `Bank-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`, keyed with the webhook secret.
 * Answers why the webhook is refused, or null when it is genuine and fresh.
 */
function webhookProblem(secret, header, rawBody, nowSeconds = Math.floor(Date.now() / 1000)) {
  const parts = Object.fromEntries((header ?? '').split(',').map((part) => part.split('=', 2)));
  if (!/^\d{1,12}$/.test(parts.t ?? '') || !/^[0-9a-f]{64}$/.test(parts.v1 ?? '')) return 'malformed signature';
  const timestamp = Number(parts.t);
  if (Math.abs(nowSeconds - timestamp) > webhookToleranceSeconds) return 'signature too old';
  const expected = createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest();
  return timingSafeEqual(expected, Buffer.from(parts.v1, 'hex')) ? null : 'signature mismatch';
}

app.post('/webhooks/bank', express.raw({ type: 'application/json', limit: '64kb' }), (req, res) => {
  if (!config.webhookSecret) return res.status(503).json({ error: 'WEBHOOK_SECRET is not set' });
  const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0); // a Buffer: exactly the bytes that were sent
  const problem = webhookProblem(config.webhookSecret, req.get('Bank-Signature'), raw);
  if (problem) return res.status(400).json({ error: problem });
  const event = JSON.parse(raw.toString('utf8'));
  if (seenEvents.has(event.id)) return res.json({ received: true, duplicate: true });
  if (event.type === 'order.paid') {
    const order = orders.get(event.data.id);
    if (order) {
      order.status = event.data.status;
      order.webhookEventId = event.id;
    }
  }
  seenEvents.add(event.id);
  res.json({ received: true });
});

// ---- The partner's own users: a cookie session (here in memory; use your real session store) -------------------

/** sid → { userId, name, orderId } */
const sessions = new Map();

app.use((req, res, next) => {
  const sid = /(?:^|;\s*)sid=([\w-]{20,})/.exec(req.get('Cookie') ?? '')?.[1];
  req.user = sid ? sessions.get(sid) : undefined;
  res.set('Cache-Control', 'no-store');
  next();
});

app.post('/sign-in', express.urlencoded({ extended: false, limit: '4kb' }), (req, res) => {
  const name = String(req.body?.name ?? '').trim();
  if (!name || name.length > 40) return res.status(400).json({ error: { code: 'invalid_request', message: 'A name of 1 to 40 characters.' } });
  const sid = randomBytes(18).toString('base64url');
  sessions.set(sid, { userId: `user-${randomBytes(6).toString('hex')}`, name, orderId: null });
  // HttpOnly: page scripts cannot read it. SameSite=Lax: other sites cannot POST with it (no CSRF on the token URL).
  res.cookie('sid', sid, { httpOnly: true, sameSite: 'lax', path: '/' });
  res.redirect(303, '/');
});

// ---- Orders: created by this server, which decides the amount -------------------------------------------------

/** orderId → { userId, status, checkedWithBank, webhookEventId } — what this server believes, from the bank. */
const orders = new Map();

class BankRefusal extends Error {
  constructor({ status, body }) {
    super(`The bank answered ${status}`);
    this.status = status;
    this.error = body.error ?? { code: 'bank_unavailable', message: `The bank answered HTTP ${status}.` };
  }
}

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

/** The signed-in user's own order, or a 404. */
function ownOrder(req, res) {
  const order = orders.get(req.params.id);
  if (req.user && order && order.userId === req.user.userId) return order;
  res.status(404).json({ error: { code: 'not_found', message: 'No such order of yours.' } });
  return undefined;
}

// data-token-url: the SDK POSTs here (same origin, with this site's cookies) whenever it needs a client token.
app.post('/api/bank/client-token', async (req, res) => {
  // Only for this site's signed-in user; the token carries their id as `customerRef`.
  if (!req.user) return res.status(401).json({ error: { code: 'login_required', message: 'Sign in to HomeNest first.' } });
  let minted;
  try {
    minted = await bank('/v1/client-tokens', { method: 'POST', body: { customerRef: req.user.userId } });
  } catch {
    return res.status(502).json({ error: { code: 'bank_unavailable', message: 'The bank could not be reached.' } });
  }
  // Pass the bank's refusal on, status and code (e.g. 401 unauthorized for a wrong secret key): never a silent {}.
  if (minted.status !== 201) return res.status(minted.status).json({ error: minted.body.error });
  res.json({ clientToken: minted.body.clientToken });
});

// After `bank-pay-success` (a hint: anything on the page can fire it): ask the bank about our own order.
app.post('/api/orders/:id/verify', async (req, res) => {
  const order = ownOrder(req, res);
  if (!order) return;
  const answer = await bank(`/v1/orders/${encodeURIComponent(req.params.id)}`);
  if (answer.status !== 200) return res.status(502).json({ error: answer.body.error });
  order.status = answer.body.status;
  order.checkedWithBank = true;
  res.json({ orderId: req.params.id, status: order.status, paid: order.status === 'paid' });
});

app.get('/api/orders/:id', (req, res) => {
  const order = ownOrder(req, res);
  if (order) res.json({ orderId: req.params.id, ...order });
});

// The loan decision, read from the bank rather than from the page's event.
app.get('/api/loan-applications/:id', async (req, res) => {
  if (!req.user) return res.status(401).json({ error: { code: 'login_required', message: 'Sign in first.' } });
  const answer = await bank(`/v1/loan-applications/${encodeURIComponent(req.params.id)}`);
  res.status(answer.status).json(answer.body);
});

// ---- Pages -------------------------------------------------------------------------------------------------------

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
function page(res, title, body, withBank = false) {
  const nonce = randomBytes(16).toString('base64');
  res.set('Content-Security-Policy', csp(nonce)).type('html').send(`<!doctype html>
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

app.get('/', async (req, res) => {
  if (!req.user) {
    return page(res, 'Sign in', `<main>
  <h1>HomeNest Rentals</h1>
  <form method="post" action="/sign-in">
    <label>Your name <input name="name" required maxlength="40" autocomplete="name"></label>
    <button>Sign in</button>
  </form>
</main>`);
  }
  const orderId = await rentOrderOf(req.user);
  page(res, 'Pay your rent', `<header>
  <p>Signed in to HomeNest as ${escape(req.user.name)}</p>
  <bank-login></bank-login>
</header>
<main>
  <h1>Rent for December: ¥3,500.00</h1>
  <bank-pay order-id="${escape(orderId)}"></bank-pay>
  <p id="order-status" role="status">Not paid yet.</p>
  <h2>Or spread a year's rent with a rent loan</h2>
  <bank-loan-apply product="rent-loan" amount="36000" term="12" reference="lease-${escape(req.user.userId)}"></bank-loan-apply>
  <p id="loan-status" role="status"></p>
</main>`, true);
});

app.get('/app.js', (req, res) => res.sendFile(fileURLToPath(new URL('./app.js', import.meta.url))));

app.use((error, req, res, _next) => {
  if (error instanceof BankRefusal) return res.status(error.status).json({ error: error.error });
  console.error(error);
  res.status(error.status ?? 500).json({ error: { code: 'internal', message: 'Something went wrong on our side.' } });
});

/** Sandbox only: registers an app for this server's origin and webhook URL, and says how to reuse it. */
async function registerSandboxApp() {
  const response = await fetch(`${bankOrigin}/v1/sandbox/apps`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'HomeNest (partner-express example)', origins: [origin], webhookUrl: `${origin}/webhooks/bank` }),
  }).catch(() => {
    console.error(`No bank at ${bankOrigin}: start it with \`npm run sandbox\` in the SDK repository, or set BANK_ORIGIN.`);
    process.exit(1);
  });
  const registered = await response.json();
  if (response.status !== 201) throw new Error(`POST ${bankOrigin}/v1/sandbox/apps answered ${response.status}: ${JSON.stringify(registered)}`);
  config.appId = registered.appId;
  config.secretKey = registered.secretKey;
  config.webhookSecret = registered.webhookSecret;
  console.log(`Registered sandbox app ${registered.appId} for ${origin}. To reuse it:\n  APP_ID=${registered.appId} BANK_SECRET_KEY=${registered.secretKey} WEBHOOK_SECRET=${registered.webhookSecret} PORT=${port}`);
}

if (!config.appId || !config.secretKey) await registerSandboxApp();

const server = app.listen(port, 'localhost', (error) => {
  if (error) {
    console.error(error.code === 'EADDRINUSE' ? `Port ${port} is in use: choose another with PORT=<port>.` : error.message);
    process.exit(1);
  }
  console.log(`Partner example (Express): ${origin}/  (app ${config.appId}, bank ${bankOrigin})`);
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}
