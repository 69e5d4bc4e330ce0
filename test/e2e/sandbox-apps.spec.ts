/**
 * Sandbox app management: `GET /v1/sandbox/apps/{id}` (the app and its keys) and `PATCH` (origins, webhook URL),
 * with the app's secret key. A change applies to the next page load, without a restart; production mode has neither.
 */
import { expect } from '@playwright/test';
import { partnerCsp } from '../../demo/server.ts';
import { call, partnerCall, registerApp } from './bank-client.ts';
import { apiTest, bankEvents, bankOrigin, partnerOrigin, recordEvents, test } from './helpers.ts';
import { extraPorts } from './ports.ts';
import { startProductionBank } from './production-bank.ts';

const productionPort = extraPorts.appsProductionBank;
const patch = (appId: string, secretKey: string | undefined, body: unknown) =>
  call(`/v1/sandbox/apps/${appId}`, {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json', ...(secretKey ? { Authorization: `Bearer ${secretKey}` } : {}) },
    body: JSON.stringify(body),
  });

apiTest('GET answers the app with its secret key; PATCH adds and removes origins and sets the webhook URL', async () => {
  const app = await registerApp({ origins: ['http://localhost:4990'], name: 'Manage me' });
  const shown = await call(`/v1/sandbox/apps/${app.appId}`);
  expect(shown.status).toBe(200);
  expect(shown.body).toMatchObject({ appId: app.appId, name: 'Manage me', origins: ['http://localhost:4990'], secretKey: app.secretKey, webhookUrl: null });
  expect(shown.headers.get('Access-Control-Allow-Origin')).toBeNull();

  const changed = await patch(app.appId, app.secretKey, {
    addOrigins: ['http://127.0.0.1:4990'], removeOrigins: ['http://localhost:4990'], webhookUrl: 'http://localhost:4990/hooks',
  });
  expect(changed.status, changed.text).toBe(200);
  expect(changed.body.origins).toEqual(['http://127.0.0.1:4990']);
  expect(changed.body.webhookUrl).toBe('http://localhost:4990/hooks');
  expect(changed.body.webhookSecret).toMatch(/^whsec/);
  const off = await patch(app.appId, app.secretKey, { webhookUrl: null });
  expect(off.body.webhookUrl).toBeNull();
  // The key still works for the partner API: PATCH changed nothing else.
  expect((await partnerCall('/v1/client-tokens', { method: 'POST', secretKey: app.secretKey })).status).toBe(201);
});

apiTest('PATCH wants that app’s own secret key and a valid change', async () => {
  const app = await registerApp({ origins: ['http://localhost:4991'] });
  const other = await registerApp({ origins: ['http://localhost:4992'] });
  expect((await patch(app.appId, undefined, { addOrigins: ['http://a.test'] })).body.error.code).toBe('unauthorized');
  const wrongKey = await patch(app.appId, other.secretKey, { addOrigins: ['http://a.test'] });
  expect([wrongKey.status, wrongKey.body.error.code]).toEqual([403, 'forbidden']);
  expect((await patch(app.appId, app.secretKey, {})).body.error.code).toBe('invalid_request');
  expect((await patch(app.appId, app.secretKey, { addOrigins: ['http://a.test/path'] })).body.error.code).toBe('invalid_request');
  expect((await patch(app.appId, app.secretKey, { removeOrigins: ['http://localhost:4991'] })).body.error.code).toBe('invalid_request');
  expect((await call('/v1/sandbox/apps/app_nobody')).status).toBe(404);
  expect((await call(`/v1/sandbox/apps/${app.appId}`)).body.origins).toEqual(['http://localhost:4991']);
});

test('an origin added takes effect for the next page load, without a restart', async ({ page }) => {
  await recordEvents(page);
  // A new app for some other origin; this page's origin is not registered yet.
  const app = await registerApp({ origins: ['http://localhost:4993'] });
  const nonce = 'n' + Math.random().toString(36).slice(2);
  await page.route(`${partnerOrigin}/late-origin`, (route) => route.fulfill({
    contentType: 'text/html',
    headers: { 'Content-Security-Policy': partnerCsp(nonce, bankOrigin) },
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Late</title><link rel="icon" href="data:,"><script nonce="${nonce}" src="${bankOrigin}/sdk/v1/bank-sdk.js" data-app-id="${app.appId}" data-token-url="/api/late-token" data-locale="en"></script></head><body><bank-login></bank-login></body></html>`,
  }));
  // This app's own token endpoint, as its server would answer it.
  await page.route(`${partnerOrigin}/api/late-token`, async (route) => {
    const minted = await partnerCall('/v1/client-tokens', { method: 'POST', secretKey: app.secretKey, body: {} });
    await route.fulfill({ status: minted.status, json: minted.body });
  });
  await page.goto(`${partnerOrigin}/late-origin`);
  await expect.poll(async () => (await bankEvents(page)).find((e) => e.type === 'bank-error')?.detail.code).toBe('origin_not_allowed');

  expect((await patch(app.appId, app.secretKey, { addOrigins: [partnerOrigin] })).status).toBe(200);
  await page.reload();
  await expect(page.locator('bank-login').getByRole('button', { name: 'Log in' })).toBeVisible();
  await expect.poll(async () => (await bankEvents(page)).some((e) => e.type === 'bank-ready')).toBe(true);
  expect((await bankEvents(page)).filter((e) => e.type === 'bank-error')).toEqual([]);
});

apiTest('production mode has neither GET nor PATCH (404), nor POST', async () => {
  const bank = await startProductionBank(productionPort, partnerOrigin);
  try {
    const demoKey = 'sk_sandbox_demo_rental_0123456789abcdef';
    const get = await call(`${bank.origin}/v1/sandbox/apps/app_demo_rental`);
    expect([get.status, get.body.error.code]).toEqual([404, 'not_found']);
    const changed = await call(`${bank.origin}/v1/sandbox/apps/app_demo_rental`, {
      method: 'PATCH', headers: { Authorization: `Bearer ${demoKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ addOrigins: ['http://evil.test'] }),
    });
    expect([changed.status, changed.body.error.code]).toEqual([404, 'not_found']);
    expect((await call(`${bank.origin}/v1/sandbox/apps`, { method: 'POST', body: '{"name":"x","origins":["http://x.test"]}' })).status).toBe(404);
  } finally {
    await bank.stop();
  }
});
