/**
 * Issue #14: what the page's elements read first goes with the bridge's `start` (src/elements/core/early-reads.ts).
 * The bank answers the page's orders, merchants, purpose checks and loan products with the session, once for all
 * elements that ask the same, and the bridge hands those answers to the page with its reply to `start`, so the
 * elements render with their data in one pass, with no message to the bridge. The answers still come from the bank
 * (the same answer as the frame API's `GET /orders/:id`, for this app's orders only); the page never sees a token.
 */
import { expect, type Page } from '@playwright/test';
import { frameCall, mintClientToken, partnerCall, registerApp } from './bank-client.ts';
import { apiTest, bankEvents, bankOrigin, demoAppId, logIn, partnerOrigin, recordEvents, rentOrder, servePartnerPage, test } from './helpers.ts';

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

apiTest('the token exchange answers the page’s other first reads as the frame API’s own reads do, for this app only', async () => {
  const own = (await partnerCall('/v1/merchants', { method: 'POST', body: { type: 'business', name: 'First Reads Ltd' } })).body.id as string;
  const stranger = await registerApp({ origins: ['http://reads-with-session.localhost:4999'], name: 'Other Shops' });
  const foreign = (await partnerCall('/v1/merchants', {
    method: 'POST', secretKey: stranger.secretKey, body: { type: 'business', name: 'Not Yours Ltd' },
  })).body.id as string;
  const reads = [
    ['getMerchant', { merchantId: own }],
    ['checkConsentRequest', { purpose: 'rental-screening', claims: 'identity income-at-least:10500' }],
    ['checkConsentRequest', { purpose: 'not-registered', claims: 'identity' }],
    ['loanProducts', {}],
    ['getMerchant', { merchantId: foreign }],
    ['getMerchant', {}],
    ['logout', {}],
    'not a read',
  ];
  const started = await frameCall('/sessions', {
    body: { clientToken: await mintClientToken(), appId: demoAppId, origin: partnerOrigin, locale: 'en', reads },
  });
  expect(started.status, started.text).toBe(201);
  const token = started.body.sessionToken as string;
  const [merchant, consent, unregistered, products] = await Promise.all([
    frameCall(`/merchants/${own}`, { method: 'GET', token }),
    frameCall('/consent-checks', { token, body: reads[1]![1] as object }),
    frameCall('/consent-checks', { token, body: reads[2]![1] as object }),
    frameCall('/loan-products', { method: 'GET', token }),
  ]);
  // A read that would fail is answered null; the element's own read then gets the bank's refusal, as here.
  expect(started.body.reads).toEqual([merchant.body, consent.body, null, products.body, null, null, null, null]);
  expect(merchant.body).toMatchObject({ merchantId: own, status: expect.any(String) });
  expect(consent.body).toEqual({ allowed: true });
  expect(unregistered.status).toBe(400);
  expect((products.body.products as unknown[]).length).toBeGreaterThan(0);
  // The foreign merchant is not this app's: its own read is refused too.
  expect((await frameCall(`/merchants/${foreign}`, { method: 'GET', token })).status).toBe(404);
});

/** The bridge's requests to the frame API as the page's network sees them, and the token exchange's body. */
function watchFrameApi(page: Page) {
  const frameApiCalls: string[] = [];
  let body: Record<string, unknown> | undefined;
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin !== bankOrigin || !url.pathname.startsWith('/v1/frame/')) return;
    frameApiCalls.push(`${request.method()} ${url.pathname}`);
    if (url.pathname === '/v1/frame/sessions') body = request.postDataJSON();
  });
  return { frameApiCalls, exchange: () => body };
}

test('<bank-pay> shows its order with no order read after the token exchange; after the customer acts in a bank frame, reads ask the bank', async ({ page }) => {
  await recordEvents(page);
  const orderId = await rentOrder('2222.00');
  const { frameApiCalls, exchange } = watchFrameApi(page);
  await servePartnerPage(page, '/pay-with-session', `{{sdk}}<bank-login></bank-login><bank-pay order-id="${orderId}"></bank-pay>`);
  await page.goto('/pay-with-session');
  await expect.poll(async () => (await bankEvents(page)).some((e) => e.type === 'bank-ready' && e.target === 'bank-pay')).toBe(true);
  await expect(page.locator('bank-pay').getByRole('button', { name: /^Pay ¥2,222\.00/ })).toBeVisible();
  expect(exchange()?.orderIds).toEqual([orderId]);
  expect(frameApiCalls).toEqual(['POST /v1/frame/sessions']);
  // The customer logs in, in the bank's frame: the early answers are dropped, and a new element's read asks the bank.
  await logIn(page);
  await expect(page.locator('bank-login').getByText('Logged in as Zhang *')).toBeVisible();
  await page.evaluate((id) => {
    const second = document.createElement('bank-pay');
    second.id = 'second';
    second.setAttribute('order-id', id);
    document.body.append(second);
  }, orderId);
  await expect(page.locator('#second').getByRole('button', { name: /^Pay ¥2,222\.00/ })).toBeVisible();
  expect(frameApiCalls.filter((call) => call === `GET /v1/frame/orders/${orderId}`)).toHaveLength(1);
});

test('a page of 50 <bank-pay>, each its own order (a tenant’s bills): every order comes with the session; no order read follows', async ({ page }) => {
  await recordEvents(page);
  const orderIds = await Promise.all(Array.from({ length: 50 }, (_, i) => rentOrder(`${1000 + i}.00`)));
  const { frameApiCalls, exchange } = watchFrameApi(page);
  await servePartnerPage(page, '/bills', `{{sdk}}${orderIds.map((id) => `<bank-pay order-id="${id}"></bank-pay>`).join('')}`);
  await page.goto('/bills');
  await expect.poll(async () => (await bankEvents(page)).filter((e) => e.type === 'bank-ready').length, { timeout: 15_000 }).toBe(50);
  await expect(page.locator('bank-pay').nth(49).getByRole('button', { name: /^Pay ¥1,049\.00/ })).toBeVisible();
  await expect(page.locator('bank-pay').first().getByRole('button', { name: /^Pay ¥1,000\.00/ })).toBeVisible();
  expect(exchange()?.orderIds).toEqual(orderIds);
  expect(frameApiCalls).toEqual(['POST /v1/frame/sessions']);
});

test('many elements asking the same first reads: the bank answers each once, with the session; no read follows the exchange', async ({ page }) => {
  await recordEvents(page);
  const merchantId = (await partnerCall('/v1/merchants', { method: 'POST', body: { type: 'business', name: 'Early Reads Ltd' } })).body.id as string;
  const frameApiCalls: string[] = [];
  let exchange: Record<string, unknown> | undefined;
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin === bankOrigin && url.pathname.startsWith('/v1/frame/')) frameApiCalls.push(`${request.method()} ${url.pathname}`);
    if (url.pathname === '/v1/frame/sessions') exchange = request.postDataJSON();
  });
  const markup = [
    ...Array.from({ length: 3 }, () => `<bank-merchant-onboard merchant-id="${merchantId}"></bank-merchant-onboard>`),
    ...Array.from({ length: 3 }, () => '<bank-data-consent purpose="rental-screening" claims="identity"></bank-data-consent>'),
    '<bank-loan-apply product="rent-loan" amount="36000" term="12"></bank-loan-apply>',
    '<bank-loan-apply product="rent-loan" amount="36000" term="12"></bank-loan-apply>',
  ].join('');
  await servePartnerPage(page, '/early-reads', `{{sdk}}${markup}`);
  await page.goto('/early-reads');
  await expect.poll(async () => (await bankEvents(page)).filter((e) => e.type === 'bank-ready').length).toBe(8);
  await expect(page.locator('bank-merchant-onboard').first().getByRole('button', { name: 'Verify business' })).toBeVisible();
  await expect(page.locator('bank-data-consent').first().getByRole('button', { name: /^Share/ })).toBeVisible();
  // One request before every element was ready: the exchange, carrying each distinct first read once.
  expect(frameApiCalls[0]).toBe('POST /v1/frame/sessions');
  expect(frameApiCalls.filter((c) => !c.startsWith('POST /v1/frame/loan-quotes'))).toEqual(['POST /v1/frame/sessions']);
  expect((exchange?.reads as unknown[]).map((read) => JSON.stringify(read)).sort()).toEqual([
    JSON.stringify(['checkConsentRequest', { purpose: 'rental-screening', claims: 'identity' }]),
    JSON.stringify(['getMerchant', { merchantId }]),
    JSON.stringify(['loanProducts', {}]),
  ]);
});

test('the start does not wait for the bank’s app pre-check: the elements are ready while it is unanswered, and stay so after', async ({ page }) => {
  await recordEvents(page);
  let release!: () => void;
  const held = new Promise<void>((done) => (release = done));
  let precheckAsked = false;
  await page.route(`${bankOrigin}/v1/sdk/apps/**`, async (route) => {
    precheckAsked = true;
    await held;
    await route.continue();
  });
  await servePartnerPage(page, '/precheck-held', '{{sdk}}<bank-login></bank-login>');
  await page.goto('/precheck-held');
  await expect.poll(async () => (await bankEvents(page)).some((e) => e.type === 'bank-ready' && e.target === 'bank-login')).toBe(true);
  expect(precheckAsked).toBe(true); // asked, and still held when the element was ready
  await expect(page.locator('bank-login').getByRole('button', { name: 'Log in' })).toBeVisible();
  release();
  const answered = page.waitForResponse((response) => response.url().startsWith(`${bankOrigin}/v1/sdk/apps/`));
  expect((await answered).status()).toBe(200);
  // Its yes changes nothing: still ready, no error.
  await logIn(page);
  await expect(page.locator('bank-login').getByText('Logged in as Zhang *')).toBeVisible();
  expect((await bankEvents(page)).filter((e) => e.type === 'bank-error')).toEqual([]);
});

test('what follows bank-ready (the dialog’s code) waits for the page’s element chunks: a slow chunk is not queued behind it', async ({ page }) => {
  await recordEvents(page);
  const merchantId = (await partnerCall('/v1/merchants', { method: 'POST', body: { type: 'business', name: 'Slow Chunk Ltd' } })).body.id as string;
  const chunks: string[] = [];
  const chunkOf = (url: string) => /\/sdk\/v1\/elements\/([\w-]+)\.js$/.exec(new URL(url).pathname)?.[1];
  page.on('request', (request) => void (chunkOf(request.url()) && chunks.push(`ask ${chunkOf(request.url())}`)));
  page.on('requestfinished', (request) => void (chunkOf(request.url()) && chunks.push(`got ${chunkOf(request.url())}`)));
  // <bank-merchant-onboard>'s chunk is held until <bank-login> is ready (when the dialog's code used to be asked).
  await page.route(`${bankOrigin}/sdk/v1/elements/bank-merchant-onboard.js`, async (route) => {
    await expect.poll(async () => (await bankEvents(page)).some((e) => e.type === 'bank-ready' && e.target === 'bank-login')).toBe(true);
    await route.continue();
  });
  await servePartnerPage(page, '/slow-chunk', `{{sdk}}<bank-login></bank-login><bank-merchant-onboard merchant-id="${merchantId}"></bank-merchant-onboard>`);
  await page.goto('/slow-chunk');
  await expect.poll(() => chunks.some((c) => c.startsWith('ask dialog-'))).toBe(true);
  expect(chunks.indexOf('got bank-merchant-onboard'), chunks.join(', ')).toBeGreaterThan(-1);
  expect(chunks.findIndex((c) => c.startsWith('ask dialog-')), chunks.join(', ')).toBeGreaterThan(chunks.indexOf('got bank-merchant-onboard'));
  await expect(page.locator('bank-merchant-onboard').getByRole('button', { name: 'Verify business' })).toBeVisible();
});

test('the first reads’ answers come with the start’s reply: the elements ask the bridge nothing more to be ready; a later read asks it', async ({ page }) => {
  await recordEvents(page);
  const merchantId = (await partnerCall('/v1/merchants', { method: 'POST', body: { type: 'business', name: 'One Pass Ltd' } })).body.id as string;
  const orderId = await rentOrder('3333.00');
  // In every frame, before its own scripts: the methods the page asks of the bridge, as the bridge receives them.
  await page.addInitScript(() => {
    const asked: string[] = ((window as unknown as { asked: string[] }).asked = []);
    addEventListener('message', (event) => {
      if (typeof event.data?.method === 'string') asked.push(event.data.method);
    }, true);
  });
  const markup = [
    `<bank-pay order-id="${orderId}"></bank-pay>`,
    `<bank-merchant-onboard merchant-id="${merchantId}"></bank-merchant-onboard>`,
    '<bank-data-consent purpose="rental-screening" claims="identity"></bank-data-consent>',
    '<bank-loan-apply product="rent-loan" amount="36000" term="12"></bank-loan-apply>',
  ].join('');
  // The answers are kept for the task the session arrives in: elements whose chunk or texts come later ask the bridge
  // (which keeps them for 10 s). So the exchange is held until the four chunks and the page's texts are in.
  const wanted = ['bank-pay', 'bank-merchant-onboard', 'bank-data-consent', 'bank-loan-apply', 'locale-en'];
  const arrived = new Set<string>();
  let allIn!: () => void;
  const chunksIn = new Promise<void>((done) => (allIn = done));
  page.on('requestfinished', (request) => {
    const name = wanted.find((w) => new URL(request.url()).pathname.includes(`/sdk/v1/elements/${w}`));
    if (name) arrived.add(name);
    if (arrived.size === wanted.length) allIn();
  });
  await page.route(`${bankOrigin}/v1/frame/sessions`, async (route) => {
    await chunksIn;
    await route.continue();
  });
  await servePartnerPage(page, '/one-pass', `{{sdk}}${markup}`);
  await page.goto('/one-pass');
  await expect.poll(async () => (await bankEvents(page)).filter((e) => e.type === 'bank-ready').length).toBe(4);
  await expect(page.locator('bank-pay').getByRole('button', { name: /^Pay ¥3,333\.00/ })).toBeVisible();
  await expect(page.locator('bank-merchant-onboard').getByRole('button', { name: 'Verify business' })).toBeVisible();
  const bridge = page.frames().find((frame) => new URL(frame.url()).pathname.endsWith('/frames/bridge.html'))!;
  const asked = () => bridge.evaluate(() => (window as unknown as { asked: string[] }).asked);
  // The bridge heard the start (so it hears the page), and of the first reads nothing (the loan's quote follows ready).
  expect((await asked()).filter((method) => method !== 'loanQuote')).toEqual(['start']);
  // An element added later reads through the bridge, as always.
  await page.evaluate((id) => {
    const later = document.createElement('bank-merchant-onboard');
    later.id = 'later';
    later.setAttribute('merchant-id', id);
    document.body.append(later);
  }, merchantId);
  await expect(page.locator('#later').getByRole('button', { name: 'Verify business' })).toBeVisible();
  expect((await asked()).filter((method) => method !== 'loanQuote')).toEqual(['start', 'getMerchant']);
});
