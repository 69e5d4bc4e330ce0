/**
 * Issue #14: `<bank-pay>` is ready one round trip sooner because the bridge's `start` carries the page's order ids
 * and the bank answers those orders with the session. The orders still come from the bank (the same answer as the
 * frame API's `GET /orders/:id`, for this app's orders only); the page never sees a token.
 */
import { expect } from '@playwright/test';
import { frameCall, mintClientToken, partnerCall, registerApp } from './bank-client.ts';
import { apiTest, bankOrigin, demoAppId, partnerOrigin, recordEvents, bankEvents, rentOrder, servePartnerPage, test } from './helpers.ts';

apiTest('the token exchange answers the app’s own orders, as GET /orders/:id does, and no other', async () => {
  const own = await rentOrder('1234.50');
  const stranger = await registerApp({ origins: ['http://orders-with-session.localhost:4999'], name: 'Other Rentals' });
  const foreign = (await partnerCall('/v1/orders', {
    method: 'POST', secretKey: stranger.secretKey, body: { amount: '99.00', currency: 'CNY', description: 'Not yours' },
  })).body.id as string;
  const started = await frameCall('/sessions', {
    body: {
      clientToken: await mintClientToken(), appId: demoAppId, origin: partnerOrigin, locale: 'en',
      orderIds: [own, foreign, 'ord_doesnotexist', 'not an id', 42],
    },
  });
  expect(started.status, started.text).toBe(201);
  const read = await frameCall(`/orders/${own}`, { method: 'GET', token: started.body.sessionToken });
  expect(read.status).toBe(200);
  expect(started.body.orders).toEqual([read.body]);
  expect(read.body).toMatchObject({ id: own, amount: '1234.50', status: 'pending', payee: 'Demo Rental Homes' });
  // Without ids the answer is as before, and ids are not required.
  const plain = await frameCall('/sessions', { body: { clientToken: await mintClientToken(), appId: demoAppId, origin: partnerOrigin, locale: 'en' } });
  expect(plain.status).toBe(201);
  expect(plain.body.orders).toBeUndefined();
});

test('<bank-pay> shows its order with no order read after the token exchange; later reads ask the bank', async ({ page }) => {
  await recordEvents(page);
  const orderId = await rentOrder('2222.00');
  const frameApiCalls: string[] = [];
  let exchange: Record<string, unknown> | undefined;
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin !== bankOrigin || !url.pathname.startsWith('/v1/frame/')) return;
    frameApiCalls.push(`${request.method()} ${url.pathname}`);
    if (url.pathname === '/v1/frame/sessions') exchange = request.postDataJSON();
  });
  await servePartnerPage(page, '/pay-with-session', `{{sdk}}<bank-pay order-id="${orderId}"></bank-pay>`);
  await page.goto('/pay-with-session');
  await expect.poll(async () => (await bankEvents(page)).some((e) => e.type === 'bank-ready' && e.target === 'bank-pay')).toBe(true);
  await expect(page.locator('bank-pay').getByRole('button', { name: /^Pay ¥2,222\.00/ })).toBeVisible();
  expect(exchange?.orderIds).toEqual([orderId]);
  expect(frameApiCalls).toEqual(['POST /v1/frame/sessions']);
  // A second element for the same order is not answered from the first one's early copy: it asks the bank.
  await page.evaluate((id) => {
    const second = document.createElement('bank-pay');
    second.id = 'second';
    second.setAttribute('order-id', id);
    document.body.append(second);
  }, orderId);
  await expect(page.locator('#second').getByRole('button', { name: /^Pay ¥2,222\.00/ })).toBeVisible();
  expect(frameApiCalls).toEqual(['POST /v1/frame/sessions', `GET /v1/frame/orders/${orderId}`]);
});
