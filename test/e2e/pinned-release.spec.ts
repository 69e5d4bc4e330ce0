import { test as plainTest, expect, type Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { partnerCsp } from '../../demo/server.ts';
import { KB, root } from '../sizes.ts';
import {
  apiTest, bankEvents, bankOrigin, demoAppId, partnerOrigin, recordEvents, test, watchForProblems,
} from './helpers.ts';

/**
 * Pinned releases: `/sdk/v1/<version>/bank-sdk.js` loaded with the page's `integrity`, whose loader verifies every
 * chunk through an import map's `integrity` (src/loader/pinned.ts). One changed byte anywhere in the chain is
 * blocked by the browser, and the element says so instead of staying blank.
 */
const version = JSON.parse(readFileSync('package.json', 'utf8')).version as string;
const release = `${bankOrigin}/sdk/v1/${version}`;
const sri = (bytes: Buffer | string) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

type Integrity = { version: string; files: Record<string, string> };
const published = async (): Promise<Integrity> => (await fetch(`${release}/integrity.json`)).json() as Promise<Integrity>;

/** `<bank-login>`'s chunk: the core imports it when the tag is on the page, and it imports the core statically. */
const elementChunk = 'bank-login.js';

/**
 * A partner page with the pinned tag, under the demo's strict CSP, which also allows the loader's Trusted Types
 * policy (`bank-sdk`) for its import map. `{{nonce}}` in `before` is the page's nonce.
 */
async function servePinnedPage(page: Page, path: string, integrity: string, before = '', trustedTypes = 'lit-html bank-sdk') {
  const nonce = `pinned-${Math.random().toString(36).slice(2)}`;
  const csp = partnerCsp(nonce, bankOrigin).replace('trusted-types lit-html', `trusted-types ${trustedTypes}`);
  const tag = `<script nonce="${nonce}" src="${release}/bank-sdk.js" integrity="${integrity}" crossorigin="anonymous"
    data-app-id="${demoAppId}" data-token-url="/api/bank/client-token" data-locale="en"></script>`;
  await page.route(`${partnerOrigin}${path}`, (route) => route.fulfill({
    contentType: 'text/html',
    headers: { 'Content-Security-Policy': csp },
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Pinned</title><link rel="icon" href="data:,"></head><body>${before.replaceAll('{{nonce}}', nonce)}${tag}<bank-login></bank-login></body></html>`,
  }));
}

/** Serves `url` from the bank with one byte changed: the last `;` becomes a space, so the file is still valid JS. */
async function tamper(page: Page, url: string) {
  await page.route(url, async (route) => {
    const response = await route.fetch();
    const body = await response.body();
    const last = body.lastIndexOf(';');
    expect(last, `${url} has a ; to change`).toBeGreaterThan(0);
    body[last] = 0x20;
    await route.fulfill({ response, body });
  });
}

/** The browser's own report of a blocked integrity check, from the console. */
function integrityFailures(page: Page) {
  const failures: string[] = [];
  page.on('console', (message) => {
    const match = /Failed to find a valid digest in the 'integrity' attribute for resource '([^']+)'/.exec(message.text());
    if (match) failures.push(match[1]!);
  });
  return failures;
}

apiTest('integrity.json lists the sha384 of the pinned loader and of every chunk, as served, all immutable', async () => {
  const integrity = await published();
  expect(integrity.version).toBe(version);
  const chunks = readdirSync(join(root, version, 'elements')).map((file) => `elements/${file}`).sort();
  expect(Object.keys(integrity.files).sort()).toEqual(['bank-sdk.js', ...chunks].sort());
  for (const [file, hash] of Object.entries(integrity.files)) {
    const response = await fetch(`${release}/${file}`);
    expect(response.status, file).toBe(200);
    expect(response.headers.get('cache-control'), file).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('access-control-allow-origin'), file).toBe('*');
    expect(sri(Buffer.from(await response.arrayBuffer())), file).toBe(hash);
  }
  // The pinned loader is served with the bank's origin in it, like the evergreen one.
  const pinnedLoader = await (await fetch(`${release}/bank-sdk.js`)).text();
  expect(pinnedLoader).toContain(bankOrigin);
  expect(pinnedLoader).not.toContain('__BANK_ORIGIN_PLACEHOLDER__');
  // The pinned loader carries the hashes (incompressible: about 0.1 KB gzip per chunk); the evergreen loader keeps
  // revalidating, and carries no integrity map and no error box (the pinned build alone pays for them).
  expect(gzipSync(pinnedLoader, { level: 9 }).length).toBeLessThan(3 * KB);
  const evergreen = await fetch(`${bankOrigin}/sdk/v1/bank-sdk.js`);
  expect(evergreen.headers.get('cache-control')).toBe('no-cache');
  const text = await evergreen.text();
  expect(text).not.toContain('importmap');
  expect(text).not.toContain('sha384-');
  expect(text).not.toContain('bank_unavailable');
  // The pinned frames are served from the release too, under the bank's frame policy.
  const frame = await fetch(`${release}/frames/login.html?app=${demoAppId}&origin=${encodeURIComponent(partnerOrigin)}`);
  expect(frame.status).toBe(200);
  expect(frame.headers.get('content-security-policy')).toContain(`frame-ancestors ${partnerOrigin}`);
  const assets = [...(await frame.text()).matchAll(/(?:src|href)="(\/sdk\/v1\/[^"]+)"/g)].map((m) => m[1]!);
  expect(assets.length).toBeGreaterThan(0);
  for (const asset of assets) expect(asset.startsWith(`/sdk/v1/${version}/frames/assets/`), asset).toBe(true);
});

test('the pinned loader with its integrity verifies every chunk and the login element works', async ({ page }) => {
  const problems = watchForProblems(page);
  await recordEvents(page);
  const integrity = await published();
  const requested: string[] = [];
  page.on('request', (request) => {
    if (request.url().startsWith(`${bankOrigin}/sdk/`) && request.url().endsWith('.js')) requested.push(request.url());
  });
  await servePinnedPage(page, '/pinned', integrity.files['bank-sdk.js']!);
  await page.goto('/pinned');
  await expect(page.locator('bank-login').getByRole('button', { name: 'Log in' })).toBeVisible();
  await expect.poll(async () => (await bankEvents(page)).map((e) => e.type)).toContain('bank-ready');
  // Every script the page loaded came from the release, and each has its hash in the page's import map.
  const map = JSON.parse(await page.locator('script[type="importmap"]').textContent() ?? '{}') as { integrity: Record<string, string> };
  const scripts = requested.filter((url) => !url.includes('/frames/'));
  expect(scripts).toContain(`${release}/elements/${elementChunk}`);
  for (const url of scripts) {
    expect(url.startsWith(`${release}/`), url).toBe(true);
    if (!url.endsWith('/bank-sdk.js')) expect(map.integrity[url], url).toBe(integrity.files[url.slice(release.length + 1)]);
  }
  expect(await page.evaluate(() => (window as unknown as { BankSDK: { version: string } }).BankSDK.version)).toBe(version);
  expect(problems).toEqual([]);
});

test('one changed byte in an element’s chunk is blocked, and the element shows the error', async ({ page }) => {
  await recordEvents(page);
  const failures = integrityFailures(page);
  const integrity = await published();
  await tamper(page, `${release}/elements/${elementChunk}`);
  await servePinnedPage(page, '/pinned-tampered-chunk', integrity.files['bank-sdk.js']!);
  await page.goto('/pinned-tampered-chunk');
  await expect(page.locator('bank-login').getByRole('alert')).toHaveText('The bank is not available. Please try again later.');
  await expect.poll(async () => (await bankEvents(page)).filter((e) => e.type === 'bank-error')).toEqual([{
    type: 'bank-error',
    target: 'bank-login',
    detail: { code: 'bank_unavailable', message: 'The bank is not available. Please try again later.', retryable: true },
  }]);
  expect(failures).toEqual([`${release}/elements/${elementChunk}`]);
  expect(await page.evaluate(() => customElements.get('bank-login'))).toBeUndefined();
  await expect(page.locator('bank-login').getByRole('button', { name: 'Log in' })).toHaveCount(0);
  await expect(page.locator('bank-login').locator('[part="error"]')).toBeVisible();
  // One more <bank-login> added later (a framework rendering after the failure) is not left blank either.
  await page.evaluate(() => document.body.append(Object.assign(document.createElement('bank-login'), { id: 'later' })));
  await expect(page.locator('#later').getByRole('alert')).toHaveText('The bank is not available. Please try again later.');
  await expect.poll(async () => (await bankEvents(page)).filter((e) => e.type === 'bank-error').length).toBe(2);
});

test('the same one-byte change is valid code: the evergreen loader, which pins nothing, runs it', async ({ page }) => {
  await recordEvents(page);
  const failures = integrityFailures(page);
  await tamper(page, `${bankOrigin}/sdk/v1/elements/${elementChunk}`);
  const tampered = page.waitForResponse(`${bankOrigin}/sdk/v1/elements/${elementChunk}`);
  await page.route(`${partnerOrigin}/evergreen-tampered-chunk`, (route) => route.fulfill({
    contentType: 'text/html',
    headers: { 'Content-Security-Policy': partnerCsp('n0nce', bankOrigin) },
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Evergreen</title><link rel="icon" href="data:,"></head><body><script nonce="n0nce" src="${bankOrigin}/sdk/v1/bank-sdk.js" data-app-id="${demoAppId}" data-token-url="/api/bank/client-token" data-locale="en"></script><bank-login></bank-login></body></html>`,
  }));
  await page.goto('/evergreen-tampered-chunk');
  await tampered;
  await expect(page.locator('bank-login').getByRole('button', { name: 'Log in' })).toBeVisible();
  expect(failures).toEqual([]);
});

test('a tampered pinned loader is refused by the page\'s integrity attribute: the script fails to load', async ({ page }) => {
  const failures = integrityFailures(page);
  const integrity = await published();
  await tamper(page, `${release}/bank-sdk.js`);
  await servePinnedPage(page, '/pinned-tampered-loader', integrity.files['bank-sdk.js']!, `<script nonce="{{nonce}}">
    addEventListener('error', (event) => {
      if (event.target instanceof HTMLScriptElement) window.scriptError = event.target.src;
    }, true);
  </script>`);
  await page.goto('/pinned-tampered-loader');
  await expect.poll(() => page.evaluate(() => (window as unknown as { scriptError?: string }).scriptError)).toBe(`${release}/bank-sdk.js`);
  expect(failures).toEqual([`${release}/bank-sdk.js`]);
  expect(await page.evaluate(() => 'BankSDK' in window)).toBe(false);
});

// Without the diagnostics fixture: this page's Trusted Types violation is the point of the test.
plainTest('a page whose Trusted Types refuse the loader\'s policy loads nothing unverified: the element shows the error', async ({ page }) => {
  await recordEvents(page);
  const messages: string[] = [];
  page.on('console', (message) => messages.push(message.text()));
  const chunkRequests: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/elements/')) chunkRequests.push(request.url());
  });
  const integrity = await published();
  await servePinnedPage(page, '/pinned-no-policy', integrity.files['bank-sdk.js']!, '', 'lit-html');
  await page.goto('/pinned-no-policy');
  await expect(page.locator('bank-login').getByRole('alert')).toHaveText('The bank is not available. Please try again later.');
  await expect.poll(async () => (await bankEvents(page)).map((e) => `${e.type} ${e.detail.code}`)).toEqual(['bank-error bank_unavailable']);
  expect(messages.some((m) => m.startsWith('BankSDK: the pinned release could not add its integrity import map'))).toBe(true);
  expect(chunkRequests).toEqual([]);
});
