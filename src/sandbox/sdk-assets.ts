import { Hono } from 'hono';
import { createHash } from 'node:crypto';
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

/**
 * The frames' own policy: nothing from elsewhere, nothing inline but the scripts the build put in the frame's own
 * HTML (the bridge's, so it starts without a second round trip), each allowed by its hash — never 'unsafe-inline'.
 * Embeddable only by the app's registered origins.
 */
function frameCsp(frameAncestors: string, scriptHashes: string[] = []) {
  return [
    "default-src 'none'", ["script-src 'self'", ...scriptHashes.map((hash) => `'${hash}'`)].join(' '), "style-src 'self'", "connect-src 'self'", "img-src 'self' data:",
    "base-uri 'none'", "form-action 'none'", `frame-ancestors ${frameAncestors}`,
    "require-trusted-types-for 'script'", 'trusted-types lit-html',
  ].join('; ');
}

/**
 * The sha256 of each inline script in a frame's HTML as built (a file of the bank's own release, like the scripts
 * `'self'` allows): the exact text between its tags. A script added to the document later, or any other text, has
 * another hash and is refused.
 */
export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
    .map((m) => `sha256-${createHash('sha256').update(m[1]!, 'utf8').digest('base64')}`);
}

/** A pinned release's folder, `/sdk/v1/<version>/` (`1.0.0`, `1.2.0-rc.1`): its files never change. */
const pinnedRelease = /^\d+\.\d+\.\d+(?:-[\w.]+)?\//;
const pinnedIntegrity = new RegExp(`${pinnedRelease.source}integrity\\.json$`);

/** The loader as served: the bank's origin put in. */
const servedLoader = (file: Buffer, bankOrigin: string) =>
  Buffer.from(file.toString('utf8').replaceAll(bankOriginPlaceholder, bankOrigin));

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
    c.header('Content-Security-Policy', frameCsp(app && app.origins.includes(origin) ? origin : "'none'", inlineScriptHashes(body.toString('utf8'))));
    c.header('Referrer-Policy', 'no-referrer');
    c.header('Cache-Control', 'no-store');
  } else {
    c.header('Access-Control-Allow-Origin', '*');
    c.header('Cross-Origin-Resource-Policy', 'cross-origin');
    // Hashed chunk names and pinned releases never change; the evergreen loader and entry chunks keep stable names
    // and must revalidate.
    const immutable = /-[\w-]{8}\.js$/.test(file) || pinnedRelease.test(relative);
    c.header('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
  }
  if (/^(?:[^/]+\/)?bank-sdk\.js$/.test(relative)) {
    // The loader knows its bank without asking the page: the origin is served into it (a bank's CDN build does
    // the same replacement at deploy time).
    body = servedLoader(body, c.var.options.bankOrigin);
  } else if (pinnedIntegrity.test(relative)) {
    // The build hashed the loader before its origin was put in: publish the hash of the loader as served.
    const loader = await readFile(join(file, '../bank-sdk.js'));
    const integrity = JSON.parse(body.toString('utf8')) as { files: Record<string, string> };
    integrity.files['bank-sdk.js'] = `sha384-${createHash('sha384').update(servedLoader(loader, c.var.options.bankOrigin)).digest('base64')}`;
    body = Buffer.from(`${JSON.stringify(integrity, null, 2)}\n`);
  }
  return c.body(new Uint8Array(body));
});
