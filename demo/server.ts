import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { renderHomePage } from './pages.ts';

/**
 * The demo partner: a rental-housing platform with its own small backend. Its secret key stays here, on the
 * server; the page gets short-lived client tokens from `/api/bank/client-token`. The page is served with the
 * strict Content-Security-Policy a careful partner uses, and the SDK must work under it.
 */
export interface DemoOptions {
  bankOrigin: string;
  secretKey: string;
  appId: string;
}

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

  app.get('/', (c) => {
    const nonce = randomBytes(16).toString('base64');
    const lang = c.req.query('lang') === 'en' ? 'en' : 'zh-CN';
    c.header('Content-Security-Policy', partnerCsp(nonce, options.bankOrigin));
    return c.html(renderHomePage({ nonce, lang, bankOrigin: options.bankOrigin, appId: options.appId }));
  });

  // The partner's own endpoint for the SDK: mint a client token with the secret key, server to server.
  app.post('/api/bank/client-token', async (c) => {
    const response = await bank('/v1/client-tokens', { method: 'POST', body: JSON.stringify({}) });
    if (!response.ok) return c.json({ error: 'bank_unavailable' }, 502);
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
  const server = serve({ fetch: createDemo(options).fetch, port: options.port, hostname: 'localhost' });
  console.log(`Demo partner site:   http://localhost:${options.port}/  (English: /?lang=en)`);
  return server;
}
