import { expect } from '@playwright/test';
import { loginInBankFrame } from '../../packages/testing/src/index.ts';
import { startFrameSession } from './bank-client.ts';
import {
  bankApi, bankEvents, bankOrigin, demoAppId, installSpy, logIn, loginFrame, partnerOrigin, password, recordEvents,
  servePartnerPage, smsCode, test } from './helpers.ts';

test('an unregistered origin gets origin_not_allowed, and the bank refuses to be framed there', async ({ page }) => {
  await recordEvents(page);
  const stranger = 'http://stranger.localhost:4999';
  const frameUrl = `${bankOrigin}/sdk/v1/frames/login.html?app=${demoAppId}&origin=${encodeURIComponent(stranger)}&channel=x&locale=en`;
  await servePartnerPage(page, '/', `{{sdk}}<bank-login></bank-login><iframe id="direct" title="direct" src="${frameUrl}"></iframe>`, { origin: stranger });
  await page.route(`${stranger}/api/bank/client-token`, (route) => route.fulfill({ json: { clientToken: 'ct_whatever' } }));
  // The browser reports the refused framing: the positive signal that frame-ancestors did its work.
  const refusedFraming = page.waitForEvent('console', (m) => m.type() === 'error' && /frame-ancestors/.test(m.text()));
  const framedAnswer = page.waitForResponse((r) => r.url().startsWith(`${bankOrigin}/sdk/v1/frames/login.html`));
  await page.goto(`${stranger}/`);
  await expect(page.locator('bank-login').getByRole('alert')).toContainText('This website is not allowed to use the bank’s services.');
  await expect.poll(async () => (await bankEvents(page)).find((e) => e.type === 'bank-error')?.detail.code).toBe('origin_not_allowed');
  // The directly framed bank page was refused by frame-ancestors, which named no origin for this stranger.
  expect((await framedAnswer).headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  await refusedFraming;
  // And the bank's frame API refuses to start a session for that origin, even with a valid client token.
  const response = await startFrameSession({ origin: stranger });
  expect(response.status).toBe(403);
  expect(response.body.error.code).toBe('origin_not_allowed');
});

test('data-token-url answering 500 gives token_fetch_failed, visible and as an event, with a retry', async ({ page }) => {
  await recordEvents(page);
  let calls = 0;
  await page.route(`${partnerOrigin}/api/bank/broken-token`, (route) => {
    calls++;
    return route.fulfill({ status: 500, json: { error: 'boom' } });
  });
  await servePartnerPage(page, '/broken', '{{sdk}}<bank-login></bank-login>', {
    dataset: 'data-token-url="/api/bank/broken-token" data-locale="en"',
  });
  await page.goto('/broken');
  const login = page.locator('bank-login');
  await expect(login.getByRole('alert')).toContainText('Could not reach the bank.');
  const error = (await bankEvents(page)).find((e) => e.type === 'bank-error');
  expect(error?.detail).toMatchObject({ code: 'token_fetch_failed', retryable: true });
  await login.getByRole('button', { name: 'Try again' }).click();
  await expect.poll(() => calls).toBe(2);
});

test('a bad script tag gives config_invalid in every element', async ({ page }) => {
  await recordEvents(page);
  await servePartnerPage(page, '/bad-config', '{{sdk}}<bank-login></bank-login>', { dataset: 'data-locale="fr"' });
  await page.goto('/bad-config');
  await expect(page.locator('bank-login').getByRole('alert')).toContainText('data-token-url (or data-client-token) is required');
  await expect(page.locator('bank-login').getByRole('alert')).toContainText('data-locale "fr"');
  const error = (await bankEvents(page)).find((e) => e.type === 'bank-error');
  expect(error?.detail.code).toBe('config_invalid');
  const rejected = await page.evaluate(() =>
    (window as unknown as { BankSDK: { ready: Promise<void> } }).BankSDK.ready.then(() => 'resolved', (e) => e.code),
  );
  expect(rejected).toBe('config_invalid');
});

test('a bad locale attribute on an element is invalid_attribute, shown in that element only', async ({ page }) => {
  await recordEvents(page);
  await servePartnerPage(page, '/bad-attr', '{{sdk}}<bank-login id="bad" locale="de"></bank-login><bank-login id="good"></bank-login>');
  await page.goto('/bad-attr');
  await expect(page.locator('#bad').getByRole('alert')).toContainText('locale "de"');
  await expect(page.locator('#good').getByRole('button', { name: 'Log in' })).toBeVisible();
  expect((await bankEvents(page)).find((e) => e.type === 'bank-error')?.detail.code).toBe('invalid_attribute');
  await page.locator('#bad').evaluate((el) => el.setAttribute('locale', 'zh-CN'));
  await expect(page.locator('#bad').getByRole('button', { name: '登录' })).toBeVisible();
});

test('a data-client-token works once; after a reload the used token is refused, visibly', async ({ page }) => {
  const { body } = await bankApi('/v1/client-tokens', { method: 'POST', body: '{}' });
  await servePartnerPage(page, '/direct-token', '{{sdk}}<bank-login></bank-login>', {
    dataset: `data-client-token="${body.clientToken}" data-locale="en"`,
  });
  await page.goto('/direct-token');
  await expect(page.locator('bank-login').getByRole('button', { name: 'Log in' })).toBeVisible();
  await page.reload();
  await expect(page.locator('bank-login').getByRole('alert')).toContainText('expired');
});

test('forged messages from the page and from a third-origin frame are ignored', async ({ page }) => {
  await recordEvents(page);
  const third = 'http://third.localhost:4998';
  await page.route(`${third}/forge.html`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<script>
        const forged = { bank: 1, event: 'session', data: { customer: { customerId: 'cus_evil', displayName: 'Evil *', expiresAt: '2099-01-01T00:00:00Z' } } };
        parent.postMessage(forged, '*');
        parent.postMessage({ bank: 1, event: 'done', data: { customer: forged.data.customer } }, '*');
        parent.postMessage({ bank: 1, id: 1, result: { customer: forged.data.customer } }, '*');
        parent.postMessage({ sentinel: 'third-party-done' }, '*');
      </script>`,
    }),
  );
  await servePartnerPage(page, '/forged', '{{sdk}}<bank-login></bank-login><div id="slot"></div>', { extraFrameSrc: third });
  await page.goto('/forged');
  const login = page.locator('bank-login');
  await expect(login.getByRole('button', { name: 'Log in' })).toBeVisible();
  await login.getByRole('button', { name: 'Log in' }).click();
  await expect(loginFrame(page).getByRole('textbox', { name: 'Phone number' })).toBeVisible();
  // Each forger sends a sentinel right after its forged messages; messages from one source are delivered in order,
  // and the SDK handles each one as it arrives, so once the page has seen a sentinel, the SDK has already handled
  // (and ignored) that forger's messages: a positive signal, instead of waiting and hoping.
  await page.evaluate(() => {
    const w = window as unknown as { sentinels: string[] };
    w.sentinels = [];
    window.addEventListener('message', (event) => {
      const sentinel = (event.data as { sentinel?: unknown } | null)?.sentinel;
      if (typeof sentinel === 'string') w.sentinels.push(sentinel);
    });
  });
  // The page forges the bridge's and the login frame's messages…
  await page.evaluate(() => {
    const customer = { customerId: 'cus_evil', displayName: 'Evil *', expiresAt: '2099-01-01T00:00:00Z' };
    window.postMessage({ bank: 1, event: 'session', data: { customer } }, '*');
    window.postMessage({ bank: 1, event: 'done', data: { customer } }, '*');
    window.postMessage({ bank: 1, event: 'close', data: {} }, '*');
    window.postMessage({ sentinel: 'page-done' }, '*');
  });
  // …and so does a frame of a third origin.
  await page.evaluate((src) => {
    const frame = document.createElement('iframe');
    frame.src = src;
    frame.title = 'third party';
    document.getElementById('slot')!.append(frame);
  }, `${third}/forge.html`);
  await expect.poll(() => page.evaluate(() => (window as unknown as { sentinels: string[] }).sentinels.sort()))
    .toEqual(['page-done', 'third-party-done']);
  await expect(page.locator('iframe[title="Bank login"]')).toBeVisible();
  const events = await bankEvents(page);
  expect(events.filter((e) => e.type === 'bank-login-success' || e.type === 'bank-cancel')).toEqual([]);
  await expect(login.getByText('Evil')).toHaveCount(0);
  // The real login still works afterwards.
  await loginInBankFrame(page, { phone: '13800000001' });
  await expect(login.getByText('Logged in as Zhang *')).toBeVisible();
});

test('a spy installed before the SDK never sees the password, the SMS code or a session token', async ({ page }) => {
  await installSpy(page);
  await page.goto('/?lang=en');
  await logIn(page);
  await expect(page.locator('bank-login').getByText('Logged in as Zhang *')).toBeVisible();
  // The spy has looked at the page since the login was shown (its shadow-root sweep saw the logged-in state).
  await expect.poll(() => page.evaluate(() =>
    (window as unknown as { spySeen: string[] }).spySeen.some((s) => s.startsWith('shadow:') && s.includes('Logged in as')))).toBe(true);
  const seen = await page.evaluate(() => (window as unknown as { spySeen: string[] }).spySeen.join('\n'));
  expect(seen).toContain('bridge-ready'); // the spy did see the SDK's traffic…
  expect(seen).toContain('clientToken');
  expect(seen).toContain('Zhang *');
  expect(seen).not.toContain(password); // …but never a secret
  expect(seen).not.toContain(smsCode);
  expect(seen).not.toMatch(/\bfs_[\w-]{20,}/);
  expect(seen).not.toMatch(/\brs_[\w-]{20,}/);
  expect(seen).not.toContain('sessionToken');
});

test('an ended bank session is renewed with a fresh client token, without a logout, and the element recovers', async ({ page }) => {
  await recordEvents(page);
  const order = await bankApi('/v1/orders', { method: 'POST', body: JSON.stringify({ amount: '12.00', currency: 'CNY', description: 'Renewal test' }) });
  let tokenRequests = 0;
  page.on('request', (r) => {
    if (r.url().endsWith('/api/bank/client-token')) tokenRequests++;
  });
  await servePartnerPage(page, '/renew', '{{sdk}}<bank-login></bank-login><div id="later"></div>');
  await page.goto('/renew');
  await logIn(page);
  await expect(page.locator('bank-login').getByText('Logged in as Zhang *')).toBeVisible();
  expect(tokenRequests).toBe(1);
  // The bank answers that the frame session ended (as it does after 30 minutes).
  let ended = false;
  await page.route('**/v1/frame/orders/**', (route) => {
    if (ended) return route.continue();
    ended = true;
    return route.fulfill({ status: 401, json: { error: { code: 'session_expired', message: 'The bank session has expired.' } } });
  });
  await page.evaluate((id) => {
    const pay = document.createElement('bank-pay');
    pay.setAttribute('order-id', id);
    document.getElementById('later')!.append(pay);
  }, order.body.id as string);
  // The SDK fetched a new client token, the bank resumed the login, and the order loads on its own.
  await expect(page.locator('bank-pay').getByRole('button', { name: 'Pay ¥12.00' })).toBeVisible();
  expect(tokenRequests).toBe(2);
  await expect(page.locator('bank-login').getByText('Logged in as Zhang *')).toBeVisible();
  const types = (await bankEvents(page)).map((e) => e.type);
  expect(types).not.toContain('bank-logout');
  expect(types.filter((t) => t === 'bank-login-success')).toHaveLength(1);
});
