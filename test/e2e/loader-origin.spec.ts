import { expect } from '@playwright/test';
import { bankEvents, bankOrigin, demoAppId, recordEvents, servePartnerPage, test, watchForProblems } from './helpers.ts';

/**
 * The loader knows its bank's origin (served into it), so an injected inert script tag cannot make the
 * nonce-trusted loader import an attacker's code: module scripts have no currentScript, and the loader used to take
 * the first `script[src*="/bank-sdk.js"][data-app-id]` in the page.
 */
test('an injected inert <script src="https://evil…/bank-sdk.js"> before the real module script is ignored', async ({ page }) => {
  const problems = watchForProblems(page);
  await recordEvents(page);
  const evilRequests: string[] = [];
  page.on('request', (request) => {
    if (request.url().startsWith('https://evil.example/')) evilRequests.push(request.url());
  });
  // Had the loader believed the evil tag, it would import https://evil.example/x/elements/core.js: answer it, so a
  // hijack would show up as a request here (and as attacker code running), not as a silent network failure.
  await page.route('https://evil.example/**', (route) =>
    route.fulfill({ contentType: 'text/javascript', headers: { 'Access-Control-Allow-Origin': '*' }, body: 'window.hijacked = true; export function start() {}' }));
  const injected = `<script type="text/plain" src="https://evil.example/x/bank-sdk.js" data-app-id="${demoAppId}" data-token-url="/api/bank/client-token"></script>`;
  await servePartnerPage(page, '/hijack', `${injected}{{sdk}}<bank-login></bank-login>`, { scriptAttrs: 'type="module"' });
  const coreFromBank = page.waitForRequest((r) => r.url() === `${bankOrigin}/sdk/v1/elements/core.js`);
  await page.goto('/hijack');
  await coreFromBank;
  await expect(page.locator('bank-login').getByRole('button', { name: 'Log in' })).toBeVisible();
  await expect.poll(async () => (await bankEvents(page)).map((e) => e.type)).toContain('bank-ready');
  expect(await page.evaluate(() => (window as unknown as { hijacked?: boolean }).hijacked ?? false)).toBe(false);
  expect(evilRequests).toEqual([]);
  expect(problems).toEqual([]);
});

test('a page whose only SDK tag points elsewhere does not start the SDK, and says why', async ({ page }) => {
  const messages: string[] = [];
  page.on('console', (m) => messages.push(m.text()));
  // The real loader as a module, but its own tag carries no data-app-id: the only tag with one is the attacker's.
  await servePartnerPage(page, '/no-tag', `<script type="text/plain" src="https://evil.example/x/bank-sdk.js" data-app-id="${demoAppId}" data-token-url="/api/bank/client-token"></script>
    <script type="module" nonce="{{nonce}}" src="${bankOrigin}/sdk/v1/bank-sdk.js"></script><bank-login></bank-login>`);
  await page.goto('/no-tag');
  await expect.poll(() => messages.find((m) => m.startsWith('BankSDK:'))).toBe(
    `BankSDK: no <script src="${bankOrigin}/…/bank-sdk.js" data-app-id> found; the SDK did not start.`,
  );
  expect(await page.evaluate(() => 'BankSDK' in window)).toBe(false);
});
