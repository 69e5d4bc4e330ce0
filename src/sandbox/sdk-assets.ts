import { Hono } from 'hono';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Env } from './env.ts';
import { findApp } from './apps.ts';

/** The string in the built loader that the bank replaces with its own origin when serving it. */
export const bankOriginPlaceholder = '__BANK_ORIGIN_PLACEHOLDER__';

const types: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
  '.ts': 'text/plain; charset=utf-8', // bank-sdk.d.ts
};

/** The frames' own policy: nothing inline, nothing from elsewhere, embeddable only by the app's registered origins. */
function frameCsp(frameAncestors: string) {
  return [
    "default-src 'none'", "script-src 'self'", "style-src 'self'", "connect-src 'self'", "img-src 'self' data:",
    "base-uri 'none'", "form-action 'none'", `frame-ancestors ${frameAncestors}`,
    "require-trusted-types-for 'script'", 'trusted-types lit-html',
  ].join('; ');
}

/** SDK files under `/sdk/v1/`: scripts readable cross-origin (partner pages import them), frames guarded by CSP. */
export const sdkAssets = new Hono<Env>();

sdkAssets.get('/sdk/v1/*', async (c) => {
  const root = c.var.options.assetsDir;
  let relative: string;
  try {
    relative = decodeURIComponent(c.req.path.slice('/sdk/v1/'.length));
  } catch {
    return c.notFound(); // malformed percent-encoding
  }
  const file = normalize(join(root, relative));
  if (!file.startsWith(root + sep)) return c.notFound();
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    return c.notFound();
  }
  const type = types[extname(file)] ?? 'application/octet-stream';
  c.header('Content-Type', type);
  if (type.startsWith('text/html')) {
    // Only the embedding page's own origin, if the app registered it: asking with `?app=` alone discloses nothing.
    const app = findApp(c.var.options.db, c.req.query('app') ?? '');
    const origin = c.req.query('origin') ?? '';
    c.header('Content-Security-Policy', frameCsp(app && app.origins.includes(origin) ? origin : "'none'"));
    c.header('Referrer-Policy', 'no-referrer');
    c.header('Cache-Control', 'no-store');
  } else {
    c.header('Access-Control-Allow-Origin', '*');
    c.header('Cross-Origin-Resource-Policy', 'cross-origin');
    // Hashed chunk names never change; the loader and entry chunks keep stable names and must revalidate.
    c.header('Cache-Control', /-[\w-]{8}\.js$/.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache');
  }
  if (relative === 'bank-sdk.js') {
    // The loader knows its bank without asking the page: the origin is served into it (a bank's CDN build does
    // the same replacement at deploy time).
    body = Buffer.from(body.toString('utf8').replaceAll(bankOriginPlaceholder, c.var.options.bankOrigin));
  }
  return c.body(new Uint8Array(body));
});
