/**
 * Configuration mistakes explain themselves to the developer in sandbox mode: one `console.warn` with the cause and
 * the fix, and a hint under the customer's message. In production mode the customer's message alone. The SDK learns
 * the mode from the bank's answer (`Bank-Mode`), never from the page.
 */
import { expect, type Page } from '@playwright/test';
import { partnerCsp } from '../../demo/server.ts';
import { bankEvents, bankOrigin, demoAppId, partnerOrigin, recordEvents, test, type RecordedEvent } from './helpers.ts';
import { extraPorts } from './ports.ts';
import { startProductionBank } from './production-bank.ts';

const productionPort = extraPorts.hintsProductionBank;
const hintPrefix = 'For the developer (sandbox only):';

/** A partner page at `url` loading the SDK from `bank` with the given script attributes. */
async function servePage(page: Page, url: string, { bank = bankOrigin, appId = demoAppId, tokenUrl = '/api/bank/client-token' } = {}) {
  const nonce = `n${Math.random().toString(36).slice(2)}`;
  const attributes = [appId && `data-app-id="${appId}"`, tokenUrl && `data-token-url="${tokenUrl}"`, 'data-locale="en"'].filter(Boolean).join(' ');
  await page.route(url, (route) =>
    route.fulfill({
      contentType: 'text/html',
      headers: { 'Content-Security-Policy': partnerCsp(nonce, bank) },
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Hints</title><link rel="icon" href="data:,"><script nonce="${nonce}" src="${bank}/sdk/v1/bank-sdk.js" ${attributes}></script></head><body><bank-login></bank-login><bank-loan-apply product="rent-loan" amount="36000" term="12"></bank-loan-apply></body></html>`,
    }),
  );
}

/** The SDK's console warnings (its own, prefixed `[bank-sdk]`). */
function sdkWarnings(page: Page) {
  const warnings: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning' && m.text().startsWith('[bank-sdk]')) warnings.push(m.text());
  });
  return warnings;
}

const firstError = async (page: Page): Promise<RecordedEvent['detail']> => {
  await expect.poll(async () => (await bankEvents(page)).filter((e) => e.type === 'bank-error').length).toBeGreaterThan(0);
  return (await bankEvents(page)).find((e) => e.type === 'bank-error')!.detail;
};

test.describe('sandbox mode', () => {
  test('an unregistered origin: one warning naming the fix and the loopback twin, and a hint in every element', async ({ page }) => {
    const warnings = sdkWarnings(page);
    await recordEvents(page);
    // The demo app is registered for http://localhost:<port>; the same page on 127.0.0.1 is another origin.
    const twin = partnerOrigin.replace('localhost', '127.0.0.1');
    await servePage(page, `${twin}/`);
    await page.route(`${twin}/api/bank/client-token`, (route) => route.fulfill({ json: { clientToken: 'ct_unused' } }));
    await page.goto(`${twin}/`);
    const alert = page.locator('bank-login').getByRole('alert');
    await expect(alert).toContainText('This website is not allowed to use the bank’s services.');
    await expect(alert).toContainText(`${hintPrefix} ${twin} is not a registered origin of ${demoAppId}: register it with PATCH /v1/sandbox/apps/${demoAppId}`);
    await expect(alert).toContainText(`or open ${partnerOrigin}`);
    await expect(page.locator('bank-loan-apply').getByRole('alert')).toContainText(hintPrefix);
    const detail = await firstError(page);
    expect(detail).toMatchObject({ code: 'origin_not_allowed' });
    expect(detail.hint).toContain('PATCH /v1/sandbox/apps');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`origin_not_allowed: ${twin} is not a registered origin of ${demoAppId}`);
    expect(warnings[0]).toContain(`or open ${partnerOrigin}`);
  });

  test('a token endpoint passing the bank’s 401 on: status and bank code in the error, the fix in the warning', async ({ page }) => {
    const warnings = sdkWarnings(page);
    await recordEvents(page);
    await servePage(page, `${partnerOrigin}/wrong-key`, { tokenUrl: '/api/wrong-key-token' });
    await page.route(`${partnerOrigin}/api/wrong-key-token`, (route) =>
      route.fulfill({ status: 401, json: { error: { code: 'unauthorized', message: 'Send the app secret key…' } } }));
    await page.goto(`${partnerOrigin}/wrong-key`);
    const detail = await firstError(page);
    expect(detail).toMatchObject({ code: 'token_fetch_failed', status: 401, bankCode: 'unauthorized', retryable: false });
    expect(detail.message).toBe('data-token-url answered HTTP 401 (bank code "unauthorized").');
    await expect(page.locator('bank-login').getByRole('alert')).toContainText(`secret key is not ${demoAppId}'s`);
    expect(warnings).toEqual([expect.stringContaining(`GET /v1/sandbox/apps/${demoAppId}`)]);
  });

  test('a token endpoint answering {} (no token): says so and how to answer', async ({ page }) => {
    const warnings = sdkWarnings(page);
    await recordEvents(page);
    await servePage(page, `${partnerOrigin}/empty-token`, { tokenUrl: '/api/empty-token' });
    await page.route(`${partnerOrigin}/api/empty-token`, (route) => route.fulfill({ json: {} }));
    await page.goto(`${partnerOrigin}/empty-token`);
    const detail = await firstError(page);
    expect(detail.code).toBe('token_fetch_failed');
    expect(detail.status).toBeUndefined();
    await expect(page.locator('bank-login').getByRole('alert')).toContainText('without a "clientToken"');
    expect(warnings).toHaveLength(1);
  });

  test('an unknown data-app-id says where app ids come from', async ({ page }) => {
    const warnings = sdkWarnings(page);
    await recordEvents(page);
    await servePage(page, `${partnerOrigin}/unknown-app`, { appId: 'app_nobody_here' });
    await page.goto(`${partnerOrigin}/unknown-app`);
    expect(await firstError(page)).toMatchObject({ code: 'config_invalid' });
    await expect(page.locator('bank-login').getByRole('alert')).toContainText('register your app with POST /v1/sandbox/apps');
    expect(warnings).toEqual([expect.stringContaining('config_invalid: The bank knows no app app_nobody_here')]);
  });

  test('a broken script tag: one bank-error, one warning, with the fix', async ({ page }) => {
    const warnings = sdkWarnings(page);
    await recordEvents(page);
    await servePage(page, `${partnerOrigin}/no-token-url`, { tokenUrl: '' });
    await page.goto(`${partnerOrigin}/no-token-url`);
    await expect(page.locator('bank-login').getByRole('alert')).toContainText(`${hintPrefix} Fix the script tag: data-token-url`);
    expect((await bankEvents(page)).filter((e) => e.type === 'bank-error' && e.target === 'bank-login')).toHaveLength(1);
    expect(warnings).toHaveLength(1);
  });
});

test('a missing data-app-id says where app ids come from', async ({ page }) => {
  const warnings = sdkWarnings(page);
  await recordEvents(page);
  await servePage(page, `${partnerOrigin}/no-app-id`, { appId: '' });
  await page.goto(`${partnerOrigin}/no-app-id`);
  const alert = page.locator('bank-login').getByRole('alert');
  await expect(alert).toContainText('The bank SDK is set up wrongly: data-app-id is required');
  await expect(alert).toContainText('An app id is the appId that POST /v1/sandbox/apps answered.');
  expect(warnings).toEqual([expect.stringContaining('config_invalid: Fix the script tag: data-app-id is required')]);
});

test.describe('production mode', () => {
  // One production bank for the file's tests in this worker; its port is this suite's own.
  let bank: Awaited<ReturnType<typeof startProductionBank>>;
  test.beforeAll(async () => {
    bank = await startProductionBank(productionPort, partnerOrigin);
  });
  test.afterAll(async () => bank.stop());

  test('the customer message only: no hint, no warning, for an unregistered origin and a failing token endpoint', async ({ page }) => {
    const warnings = sdkWarnings(page);
    await recordEvents(page);
    const twin = partnerOrigin.replace('localhost', '127.0.0.1');
    await servePage(page, `${twin}/`, { bank: bank.origin });
    await page.goto(`${twin}/`);
    const alert = page.locator('bank-login').getByRole('alert');
    await expect(alert).toHaveText('This website is not allowed to use the bank’s services.');
    const detail = await firstError(page);
    expect(detail.code).toBe('origin_not_allowed');
    expect(detail.hint).toBeUndefined();
    await expect(alert.locator('[part="hint"]')).toHaveCount(0);

    await servePage(page, `${partnerOrigin}/wrong-key`, { bank: bank.origin, tokenUrl: '/api/wrong-key-token' });
    await page.route(`${partnerOrigin}/api/wrong-key-token`, (route) =>
      route.fulfill({ status: 401, json: { error: { code: 'unauthorized', message: 'no' } } }));
    await page.goto(`${partnerOrigin}/wrong-key`);
    await expect(page.locator('bank-login').getByRole('alert')).toHaveText('Could not reach the bank. Please try again later.');
    const tokenError = await firstError(page);
    expect(tokenError).toMatchObject({ code: 'token_fetch_failed', status: 401, bankCode: 'unauthorized' });
    expect(tokenError.hint).toBeUndefined();
    expect(warnings).toEqual([]);
  });
});
