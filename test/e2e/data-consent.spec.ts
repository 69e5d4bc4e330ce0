import { expect, type Page } from '@playwright/test';
import { loginInBankFrame, shareDataInBankFrame } from '../../packages/testing/src/index.ts';
import {
  axeViolations, bankApi, bankOrigin, logIn, newCustomer, partnerOrigin, servePartnerPage, test, watchForProblems,
} from './helpers.ts';

/**
 * `<bank-data-consent>` end to end: the demo's "Skip the deposit", the `Share data` dialog, the demo server's
 * verification of the signed answers, the customer's `Data sharing` list with `Revoke`, and the signed webhook.
 */
const consentFrame = (page: Page) => page.frameLocator('iframe[title="Share data"]');
const consentEvents = ['bank-ready', 'bank-error', 'bank-cancel', 'bank-login-success', 'bank-consent-granted', 'bank-consent-declined'];

/** Records the contract's events and every message the bank's frames post to the partner page (the spy). */
async function spy(page: Page) {
  await page.addInitScript((types) => {
    const w = window as unknown as { seen: { events: { type: string; target: string; detail: unknown }[]; messages: string[] } };
    w.seen = { events: [], messages: [] };
    if (window.top !== window) return;
    for (const type of types) {
      document.addEventListener(type, (event) => {
        const target = event.composedPath()[0];
        w.seen.events.push({ type, target: target instanceof Element ? target.localName : 'document', detail: (event as CustomEvent).detail });
      });
    }
    window.addEventListener('message', (event) => w.seen.messages.push(JSON.stringify(event.data)));
  }, consentEvents);
}

const seen = (page: Page) =>
  page.evaluate(() => (window as unknown as { seen: { events: { type: string; target: string; detail: Record<string, unknown> }[]; messages: string[] } }).seen);

/** Nothing personal reached the partner page: no amounts, balances, income or identity, in any message or event. */
async function expectNothingPersonal(page: Page, { consentFlow = true } = {}) {
  const { events, messages } = await seen(page);
  // The demo page's other elements get their own order and loan quote (the partner's own data): not in scope here.
  const own = (m: string) => /"payee":|"installments":|"products":/.test(m);
  const everything = [...messages.filter((m) => !own(m)), ...events.map((e) => JSON.stringify(e.detail))].join('\n');
  // The spy did see the consent flow's own messages (a spy that hears nothing proves nothing).
  if (consentFlow) expect(messages.some((m) => m.includes('"outcome"'))).toBe(true);
  expect(everything).not.toMatch(/income|balance|identity|claims|15000|50000|10500|3500|110105|310115/i);
  for (const event of events.filter((e) => e.type.startsWith('bank-consent'))) expect(event.target).toBe('bank-data-consent');
}

async function shareOnDemo(page: Page, phone: string) {
  await page.goto('/?lang=en');
  const element = page.locator('bank-data-consent');
  await element.getByRole('button', { name: /^Share/ }).click();
  await loginInBankFrame(page, { phone });
  await shareDataInBankFrame(page, { recipient: 'Demo Rental Homes' });
  await expect(element.getByRole('status')).toHaveText(/^Shared on .+ · valid until .+$/);
  const granted = (await seen(page)).events.find((e) => e.type === 'bank-consent-granted')!;
  return granted.detail as { consentId: string; purpose: string; expiresAt: string };
}

test('grant: the customer logs in, reads the Share data dialog, agrees; the demo server verifies the signed answers', async ({ page }) => {
  test.slow(); // a login and a dialog, or two
  const problems = watchForProblems(page);
  await spy(page);
  await page.goto('/?lang=en');
  const element = page.locator('bank-data-consent');
  const share = element.getByRole('button', { name: /^Share/ });
  await expect(share).toHaveText('Share my data');
  await share.click();
  await loginInBankFrame(page, { phone: '13800000001' });
  const frame = consentFrame(page);
  await expect(frame.getByRole('heading', { name: 'Share data' })).toBeVisible();
  await expect(frame.getByText('Demo Rental Homes', { exact: true })).toBeVisible();
  await expect(frame.getByText('privacy@homenest.example · 400-800-1234')).toBeVisible();
  await expect(frame.getByText('Tenant screening for a rental, for example to waive the deposit')).toBeVisible();
  const questions = frame.getByRole('list', { name: 'Questions the bank answers' }).getByRole('listitem');
  await expect(questions).toHaveText([
    'Are you real-name verified by the bank?',
    'Is your average monthly income over the last 6 months at least ¥10,500.00?',
    'Is the total balance of your accounts at this bank at least ¥3,500.00?',
  ]);
  await expect(frame.getByText(/Only a yes or no answer to each question is shared/)).toBeVisible();
  await expect(frame.getByText(/^Valid for 30 days, until /)).toBeVisible();
  await expect(frame.getByText(/withdraw this consent at any time in your bank account, under Data sharing/)).toBeVisible();
  // The tick box is separate and required.
  await frame.getByRole('button', { name: 'Share', exact: true }).click();
  await expect(frame.getByText("Tick the box to share, or choose Don't share.")).toBeVisible();
  await frame.getByRole('checkbox', { name: 'I agree to share this with Demo Rental Homes' }).check();
  await frame.getByRole('button', { name: 'Share', exact: true }).click();

  await expect(element.getByRole('status')).toHaveText(/^Shared on .+ · valid until .+$/);
  await expect(page.locator('#deposit-status')).toHaveText('Deposit waived — our server verified the bank’s signed answers.');
  const { events } = await seen(page);
  const granted = events.filter((e) => e.type === 'bank-consent-granted');
  expect(granted).toHaveLength(1);
  expect(Object.keys(granted[0].detail).sort()).toEqual(['consentId', 'expiresAt', 'purpose']);
  expect(granted[0].detail.purpose).toBe('rental-screening');
  expect(events.some((e) => e.type === 'bank-consent-declined')).toBe(false);
  // The partner's server sees the bank's record.
  const consent = await bankApi(`/v1/consents/${granted[0].detail.consentId}`);
  expect(consent.body).toMatchObject({
    status: 'active', purpose: 'rental-screening', expiresAt: granted[0].detail.expiresAt,
    claims: { identity: true, 'income-at-least:10500.00': true, 'balance-at-least:3500.00': true },
  });
  await expectNothingPersonal(page);
  expect(problems).toEqual([]);
});

test('decline: Don’t share and closing both fire bank-consent-declined, and nothing is stored as shared', async ({ page }) => {
  test.slow(); // two pages, a login and two dialogs: more than 30 s on a busy machine
  const phone = await newCustomer();
  await spy(page);
  await page.goto('/?lang=en');
  await logIn(page, phone);
  const element = page.locator('bank-data-consent');
  await element.getByRole('button', { name: /^Share/ }).click();
  await consentFrame(page).getByRole('button', { name: "Don't share", exact: true }).click();
  await expect.poll(async () => (await seen(page)).events.filter((e) => e.type === 'bank-consent-declined').length).toBe(1);
  await element.getByRole('button', { name: /^Share/ }).click();
  await expect(consentFrame(page).getByRole('checkbox')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect.poll(async () => (await seen(page)).events.filter((e) => e.type === 'bank-consent-declined').length).toBe(2);
  const { events } = await seen(page);
  expect(events.filter((e) => e.type === 'bank-consent-declined').map((e) => e.detail)).toEqual([
    { purpose: 'rental-screening' }, { purpose: 'rental-screening' },
  ]);
  expect(events.filter((e) => e.type === 'bank-cancel')).toHaveLength(1);
  expect(events.some((e) => e.type === 'bank-consent-granted')).toBe(false);
  await expect(element.getByRole('button', { name: /^Share/ })).toBeEnabled();
  await expect(page.locator('#deposit-status')).toHaveText('The usual deposit applies unless you choose to share.');
  await expectNothingPersonal(page);
  // The bank stored nothing: the customer's own list is empty.
  await openDataSharing(page);
  await expect(dataSharingFrame(page).getByText('You are not sharing data with anyone.')).toBeVisible();
  await expectNothingPersonal(page, { consentFlow: false });
});

test('false answers: Li Si shares, the bank answers no for income and balance, and the demo says so politely', async ({ page }) => {
  test.slow(); // a login and a dialog, or two
  await spy(page);
  const granted = await shareOnDemo(page, '13800000002');
  await expect(page.locator('#deposit-status')).toHaveText(/^Thank you for sharing\. The bank’s answers don’t let us waive the deposit/);
  const consent = await bankApi(`/v1/consents/${granted.consentId}`);
  expect(consent.body.claims).toEqual({ identity: true, 'income-at-least:10500.00': false, 'balance-at-least:3500.00': false });
  await expectNothingPersonal(page);
});

const dataSharingFrame = (page: Page) => page.frameLocator('iframe[title="Accounts"]').locator('bank-data-sharing');

/** A partner page with `<bank-account>`: its `Accounts` inline frame hosts the customer's `Data sharing` list. */
async function openDataSharing(page: Page) {
  await servePartnerPage(page, '/data-sharing', '{{sdk}}<bank-account></bank-account>');
  await page.goto('/data-sharing');
}

test('revoke: the Data sharing list shows the consent; Revoke makes it `revoked` at once and the demo gets a verified webhook', async ({ page }) => {
  test.slow(); // two pages, a login and two dialogs: more than 30 s on a busy machine
  const problems = watchForProblems(page);
  await spy(page);
  const granted = await shareOnDemo(page, '13800000001');
  await expect(page.locator('#deposit-status')).toHaveText(/^Deposit waived/);
  await expectNothingPersonal(page);
  await openDataSharing(page);
  const list = dataSharingFrame(page);
  await expect(list.getByRole('heading', { name: 'Data sharing' })).toBeVisible();
  const item = list.getByRole('article').filter({ hasText: 'Demo Rental Homes' }).filter({ hasText: 'Is your average monthly income' }).first();
  await expect(item).toContainText('Tenant screening for a rental');
  await expect(item).toContainText(/Shared on .+ · valid until .+/);
  const count = await list.getByRole('article').count();
  const panel = page.frames().find((f) => f.url().includes('/frames/accounts.html'))!;
  expect(await axeViolations(panel)).toEqual([]);
  await item.getByRole('button', { name: 'Revoke' }).click();
  await expect(list.getByRole('status').first()).toHaveText(/You withdrew your consent for Demo Rental Homes/);
  await expect(list.getByRole('article')).toHaveCount(count - 1);
  expect((await bankApi(`/v1/consents/${granted.consentId}`)).body.status).toBe('revoked');
  // The demo's server received the signed `consent.revoked` webhook, checked its signature, and withdrew the waiver.
  await expect.poll(async () => (await (await page.request.get(`${partnerOrigin}/api/deposit`)).json()), { timeout: 10_000 })
    .toEqual({ consentId: granted.consentId, status: 'withdrawn', confirmedBy: 'webhook' });
  // The list lives in the bank's frame: the page around it heard nothing of it.
  await expectNothingPersonal(page, { consentFlow: false });
  expect(problems).toEqual([]);
});

test('bad attributes are refused before the customer is asked anything, visibly and as bank-error', async ({ page }) => {
  await spy(page);
  await servePartnerPage(page, '/consent-attributes', `{{sdk}}
    <bank-data-consent id="unknown-claim" purpose="rental-screening" claims="identity credit-score"></bank-data-consent>
    <bank-data-consent id="bad-amount" purpose="rental-screening" claims="income-at-least:10,500"></bank-data-consent>
    <bank-data-consent id="negative" purpose="rental-screening" claims="balance-at-least:-1"></bank-data-consent>
    <bank-data-consent id="twice" purpose="rental-screening" claims="income-at-least:10500 income-at-least:10500.00"></bank-data-consent>
    <bank-data-consent id="unknown-purpose" purpose="marketing" claims="identity"></bank-data-consent>
    <bank-data-consent id="no-claims" purpose="rental-screening"></bank-data-consent>
    <bank-data-consent id="no-purpose" claims="identity"></bank-data-consent>
    <bank-data-consent id="good" purpose="car-rental-deposit-waiver" claims="identity"></bank-data-consent>`);
  await page.goto('/consent-attributes');
  const expectations: [string, string, RegExp][] = [
    ['unknown-claim', 'invalid_claim', /This data request is set up wrongly: claims: unknown claim "credit-score"/],
    ['bad-amount', 'invalid_claim', /the amount must be a number/],
    ['negative', 'invalid_claim', /the amount must be a number/],
    ['twice', 'invalid_claim', /"income-at-least:10500.00" is asked twice/],
    ['unknown-purpose', 'invalid_attribute', /This element is set up wrongly: purpose "marketing" is not one of/],
    ['no-claims', 'invalid_attribute', /claims is required/],
    ['no-purpose', 'invalid_attribute', /purpose is required/],
  ];
  for (const [id, , text] of expectations) {
    const element = page.locator(`#${id}`);
    await expect(element.getByRole('alert')).toHaveText(text);
    await expect(element.getByRole('button', { name: /^Share/ })).toHaveCount(0);
  }
  await expect(page.locator('#good').getByRole('button', { name: /^Share/ })).toBeVisible();
  const errors = (await seen(page)).events.filter((e) => e.type === 'bank-error');
  for (const [id, code] of expectations) expect(errors.map((e) => e.detail.code), id).toContain(code);
  expect(errors.filter((e) => e.detail.code === 'invalid_claim')).toHaveLength(4);
  expect(errors.filter((e) => e.detail.code === 'invalid_attribute')).toHaveLength(3);
  // Fixing the attribute makes the element usable.
  await page.locator('#unknown-claim').evaluate((el) => el.setAttribute('claims', 'identity'));
  await expect(page.locator('#unknown-claim').getByRole('button', { name: /^Share/ })).toBeVisible();
  // No dialog was ever opened.
  await expect(page.locator('iframe[title="Share data"], iframe[title="Bank login"]')).toHaveCount(0);
});

test('a purpose the app is not registered for: purpose_not_allowed, before any login or dialog', async ({ page }) => {
  await spy(page);
  const registered = await bankApi('/v1/sandbox/apps', {
    method: 'POST', body: JSON.stringify({ name: 'Car Share Co', origins: [partnerOrigin], purposes: ['car-rental-deposit-waiver'] }),
  });
  expect(registered.status).toBe(201);
  const token = await bankApi('/v1/client-tokens', { method: 'POST', body: '{}', secretKey: registered.body.secretKey });
  const nonce = 'n' + Math.random().toString(36).slice(2);
  await page.route(`${partnerOrigin}/car`, (route) => route.fulfill({
    contentType: 'text/html',
    headers: { 'Content-Security-Policy': `script-src 'nonce-${nonce}' 'strict-dynamic'; frame-src ${bankOrigin}; connect-src 'self' ${bankOrigin}` },
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Car</title><link rel="icon" href="data:,"></head><body>
      <script nonce="${nonce}" src="${bankOrigin}/sdk/v1/bank-sdk.js" data-app-id="${registered.body.appId}"
        data-client-token="${token.body.clientToken}" data-locale="en"></script>
      <bank-data-consent id="rental" purpose="rental-screening" claims="identity"></bank-data-consent>
      <bank-data-consent id="car" purpose="car-rental-deposit-waiver" claims="identity"></bank-data-consent></body></html>`,
  }));
  await page.goto('/car');
  await expect(page.locator('#rental').getByRole('alert')).toHaveText('This website may not ask for data for this purpose.');
  await expect(page.locator('#car').getByRole('button', { name: /^Share/ })).toBeVisible();
  const errors = (await seen(page)).events.filter((e) => e.type === 'bank-error');
  expect(errors.map((e) => e.detail.code)).toEqual(['purpose_not_allowed']);
  await expect(page.locator('iframe[title="Share data"], iframe[title="Bank login"]')).toHaveCount(0);
});

test('the Share data dialog on a 320×568 phone: no sideways scrolling, reachable buttons, no serious axe findings; zh-CN complete', async ({ page }) => {
  test.slow(); // a login and a dialog, or two
  await page.setViewportSize({ width: 320, height: 568 });
  await page.goto('/?lang=en');
  await logIn(page, '13800000001', page.locator('bank-login'));
  await expect(page.locator('bank-login').getByRole('button', { name: 'Log out' })).toBeVisible();
  await page.goto('/');
  const element = page.locator('bank-data-consent');
  await element.getByRole('button', { name: /^共享/ }).click();
  const frame = page.frameLocator('iframe[title="共享数据"]');
  await expect(frame.getByRole('heading', { name: '共享数据' })).toBeVisible();
  await expect(frame.getByText('您近6个月的月均收入是否不低于¥10,500.00？')).toBeVisible();
  await expect(frame.getByRole('checkbox', { name: '我同意向Demo Rental Homes共享以上信息' })).toBeVisible();
  await expect(frame.getByRole('button', { name: '不共享' })).toBeVisible();
  const consent = page.frames().find((f) => f.url().includes('/frames/consent.html'))!;
  expect(await consent.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= 320)).toBe(true);
  expect(await axeViolations(consent)).toEqual([]);
  // English too.
  await page.goto('/?lang=en');
  await element.getByRole('button', { name: /^Share/ }).click();
  await expect(consentFrame(page).getByRole('button', { name: 'Share', exact: true })).toBeVisible();
  const english = page.frames().find((f) => f.url().includes('/frames/consent.html'))!;
  expect(await axeViolations(english)).toEqual([]);
  expect(await english.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
});
