import { expect, type Page } from '@playwright/test';
import { createSandbox } from '../../src/sandbox/app.ts';
import { openDatabase } from '../../src/sandbox/db.ts';
import {
  apiTest, bankEvents, loginFrame, newCustomer, password, recordEvents, servePartnerPage, smsCode, test, type RecordedEvent,
} from './helpers.ts';

/**
 * Issue 7, parts 8–10: what the customer is told before a secret is asked (resend countdown, lock hotline), the
 * loan calculator's states, localized copy. The pay frame's account states are in pay.spec.ts, the duplicate
 * application in loan.spec.ts.
 */
const ofType = (events: RecordedEvent[], type: string) => events.filter((e) => e.type === type);

async function openPage(page: Page, body: string, locale = 'en') {
  await recordEvents(page);
  await servePartnerPage(page, '/flows', `{{sdk}}${body}`, { dataset: `data-token-url="/api/bank/client-token" data-locale="${locale}"` });
  await page.goto('/flows');
}

async function passwordStep(page: Page, phone: string, pass = password) {
  const frame = loginFrame(page);
  await frame.getByRole('textbox', { name: 'Phone number' }).fill(phone);
  await frame.getByRole('textbox', { name: 'Password' }).fill(pass);
  await frame.getByRole('button', { name: 'Log in' }).click();
}

test('Resend code waits 60 seconds, shows the time left in its own text only, then sends a new code that works', async ({ page }) => {
  await page.clock.install();
  await openPage(page, '<bank-login></bank-login>');
  await page.locator('bank-login').getByRole('button', { name: 'Log in' }).click();
  await passwordStep(page, '13800000001');
  const frame = loginFrame(page);
  const resend = frame.getByRole('button', { name: /^Resend code/ });
  await expect(resend).toHaveText(/^Resend code \((60|59) s\)$/);
  await expect(resend).toBeDisabled();
  // The countdown is in the button's text, never in a live region: nothing is announced every second.
  await expect(frame.locator('[role="status"] button, [aria-live] button')).toHaveCount(0);
  await expect(frame.getByRole('status')).toHaveText('');
  await page.clock.fastForward(30_000);
  await expect(resend).toHaveText(/^Resend code \((30|29) s\)$/);
  await expect(resend).toBeDisabled();
  await page.clock.fastForward(31_000);
  await expect(resend).toHaveText('Resend code');
  await expect(resend).toBeEnabled();
  await resend.click();
  await expect(frame.getByRole('status')).toHaveText('We sent a new code to 138****0001.');
  await expect(resend).toBeDisabled();
  await expect(frame.getByRole('textbox', { name: 'SMS code' })).toBeFocused();
  await frame.getByRole('textbox', { name: 'SMS code' }).fill(smsCode);
  await frame.getByRole('button', { name: 'Verify' }).click();
  await expect(page.locator('bank-login').getByRole('button', { name: 'Log out' })).toBeVisible();
  await expect.poll(async () => ofType(await bankEvents(page), 'bank-login-success')).toHaveLength(1);
});

test('a resend the bank refuses as too soon says to wait, and the code step stays', async ({ page }) => {
  await page.clock.install();
  await page.route('**/v1/frame/login/resend', (route) =>
    route.fulfill({ status: 429, json: { error: { code: 'rate_limited', message: 'A new code can be sent once a minute.' } } }));
  await openPage(page, '<bank-login></bank-login>');
  await page.locator('bank-login').getByRole('button', { name: 'Log in' }).click();
  await passwordStep(page, '13800000001');
  const frame = loginFrame(page);
  await expect(frame.getByRole('button', { name: /^Resend code \(/ })).toBeDisabled();
  await page.clock.fastForward(61_000);
  await frame.getByRole('button', { name: 'Resend code' }).click();
  await expect(frame.getByRole('alert')).toHaveText('Too many requests in a short time. Please wait a minute and try again.');
  await expect(frame.getByRole('textbox', { name: 'SMS code' })).toBeVisible();
});

test('zh-CN: 重新发送 with its countdown in Chinese', async ({ page }) => {
  await openPage(page, '<bank-login></bank-login>', 'zh-CN');
  await page.locator('bank-login').getByRole('button', { name: '登录' }).click();
  const frame = page.frameLocator('iframe[title="银行登录"]');
  await frame.getByRole('textbox', { name: '手机号' }).fill('13800000001');
  await frame.getByRole('textbox', { name: '密码' }).fill(password);
  await frame.getByRole('button', { name: '登录' }).click();
  await expect(frame.getByRole('button', { name: /^重新发送/ })).toHaveText(/^重新发送（\d+秒）$/);
});

test('a login lock names the bank and its hotline', async ({ page }) => {
  const phone = await newCustomer();
  await openPage(page, '<bank-login></bank-login>');
  await page.locator('bank-login').getByRole('button', { name: 'Log in' }).click();
  const alert = loginFrame(page).getByRole('alert');
  for (let attempt = 1; attempt <= 5; attempt++) {
    await passwordStep(page, phone, 'Wrong-password');
    if (attempt < 5) await expect(alert).toHaveText('The phone number or password is wrong.');
  }
  await expect(alert).toHaveText('Too many wrong attempts: locked for a while. Please try again later, or call Sandbox Bank at 95xxx (8:00–20:00).');
});

apiTest('the bank name and hotline come from the sandbox configuration (BANK_NAME, BANK_HOTLINE, …)', async () => {
  const saved = { ...process.env };
  Object.assign(process.env, { BANK_NAME: 'Example Bank', BANK_NAME_ZH: '示例银行', BANK_HOTLINE: '95599', BANK_HOTLINE_HOURS: '24h' });
  try {
    const db = openDatabase(':memory:', ['http://localhost:1']);
    const app = createSandbox({ db, bankOrigin: 'http://127.0.0.1:1', assetsDir: '/nonexistent' });
    const headers = { 'X-Bank-Frame': '1', 'Content-Type': 'application/json' };
    // The frame API answers only frames with a session; start one as the bridge does.
    const token = await app.request('/v1/client-tokens', {
      method: 'POST', headers: { Authorization: 'Bearer sk_sandbox_demo_rental_0123456789abcdef', 'Content-Type': 'application/json' }, body: '{}',
    });
    const { clientToken } = (await token.json()) as { clientToken: string };
    const started = await app.request('/v1/frame/sessions', {
      method: 'POST', headers, body: JSON.stringify({ clientToken, appId: 'app_demo_rental', origin: 'http://localhost:1', locale: 'en' }),
    });
    const { sessionToken } = (await started.json()) as { sessionToken: string };
    const info = await app.request('/v1/frame/bank-info', { headers: { ...headers, Authorization: `Bearer ${sessionToken}` } });
    expect(await info.json()).toEqual({ name: { en: 'Example Bank', 'zh-CN': '示例银行' }, hotline: '95599', hours: '24h' });
    expect((await app.request('/v1/frame/bank-info')).status, 'not for pages').toBe(403);
  } finally {
    process.env = saved;
  }
});

test('the loan calculator: stale quote dimmed and aria-busy while requoting, 1 month, full-width digits and 万', async ({ page }) => {
  test.setTimeout(60_000); // many quote round trips through a routed request: slow on a busy machine
  let release: () => void = () => {};
  let hold = false;
  await page.route('**/v1/frame/loan-quotes', async (route) => {
    if (hold) await new Promise<void>((resolve) => (release = resolve));
    await route.continue();
  });
  await openPage(page, '<bank-loan-apply product="rent-loan" amount="36000" term="12"></bank-loan-apply>');
  const loan = page.locator('bank-loan-apply');
  const quote = loan.locator('[part~="quote"]');
  await expect(quote).toContainText('¥3,118.28', { timeout: 20_000 });
  await expect(quote).toHaveAttribute('aria-busy', 'false');
  hold = true;
  const amount = loan.getByRole('textbox', { name: 'Loan amount' });
  await amount.fill('４００００');
  await expect(quote).toHaveAttribute('aria-busy', 'true');
  await expect(quote).toHaveClass(/\bstale\b/);
  await expect(quote).toContainText('¥3,118.28'); // the old figures stay, dimmed, until the new ones arrive
  expect(Number(await quote.evaluate((el) => getComputedStyle(el).opacity))).toBeLessThan(1);
  await expect.poll(() => release !== undefined).toBe(true);
  await expect.poll(async () => { release(); return quote.getAttribute('aria-busy'); }).toBe('false');
  await expect(quote).not.toHaveClass(/\bstale\b/);
  await expect(quote).toContainText('¥3,464.76');
  hold = false;
  await amount.fill('3.6万');
  await expect(quote).toContainText('¥3,118.28');
  await amount.blur();
  await expect(amount).toHaveValue('36000');
  await expect(loan.getByRole('combobox', { name: 'Term' }).locator('option').first()).toHaveText('1 month');
  await amount.fill('3.6千');
  await expect(loan.getByText('Enter an amount like 36000, 3500.50 or 3.6万.')).toBeVisible();
});

test('a quote the bank cannot give is shown inline; the calculator stays and Try again works', async ({ page }) => {
  let fail = true;
  await page.route('**/v1/frame/loan-quotes', (route) =>
    fail ? route.fulfill({ status: 503, json: { error: { code: 'internal', message: 'down' } } }) : route.continue());
  await openPage(page, '<bank-loan-apply product="rent-loan" amount="36000" term="12"></bank-loan-apply>');
  const loan = page.locator('bank-loan-apply');
  const error = loan.locator('[part~="quote-error"]');
  await expect(error).toContainText('The bank could not calculate this loan.');
  await expect(loan.getByRole('textbox', { name: 'Loan amount' })).toBeEditable();
  await expect(loan.getByRole('button', { name: 'Apply' })).toBeDisabled();
  fail = false;
  await loan.getByRole('button', { name: 'Try again' }).click();
  await expect(loan.locator('[part~="quote"]')).toContainText('¥3,118.28');
  await expect(error).toHaveCount(0);
});

test('zh-CN: attribute problems in Chinese for the customer, English in bank-error; the bridge frame is 银行连接', async ({ page }) => {
  await openPage(page, '<bank-loan-apply product="car-loan"></bank-loan-apply><bank-pay></bank-pay>', 'zh-CN');
  await expect(page.locator('bank-pay').getByRole('alert')).toHaveText('组件配置有误：缺少order-id属性');
  await expect(page.locator('bank-loan-apply').getByRole('alert')).toHaveText(
    '组件配置有误：product“car-loan”不是以下产品之一：rent-loan, renovation-loan, merchant-loan');
  await expect.poll(async () => ofType(await bankEvents(page), 'bank-error').map((e) => e.detail.message).sort()).toEqual([
    'order-id is required', 'product "car-loan" is not one of rent-loan, renovation-loan, merchant-loan',
  ]);
  await expect(page.locator('iframe[title="银行连接"]')).toHaveCount(1);
});

test('en: the bridge frame is titled Bank connection', async ({ page }) => {
  await openPage(page, '<bank-login></bank-login>');
  await expect(page.locator('bank-login').getByRole('button', { name: 'Log in' })).toBeVisible();
  await expect(page.locator('iframe[title="Bank connection"]')).toHaveCount(1);
});

apiTest('GET /v1/frame/loan-applications?reference= answers only whether one is open and its status', async () => {
  const { loggedInSession, frameSession } = await import('./bank-client.ts');
  const phone = await newCustomer();
  const { session } = await loggedInSession(phone);
  const reference = `lease-open-${Date.now()}`;
  const read = () => session.call(`/loan-applications?reference=${encodeURIComponent(reference)}`, { method: 'GET' });
  expect((await read()).body).toEqual({ open: false });
  const applied = await session.call('/loan-applications', {
    body: { product: 'rent-loan', amount: '20000.00', termMonths: 6, repaymentMethod: 'equal-installment', reference,
      fullName: 'Wang Wu', idNumber: '11010519491231002X', monthlyIncome: '9000.00', employer: 'Example Co', consent: true },
  });
  expect(applied.status, applied.text).toBe(201);
  expect((await read()).body).toEqual({ open: true, status: applied.body.status });
  expect((await session.call('/loan-applications', { method: 'GET' })).body.error.code).toBe('invalid_request');
  // Another customer, or nobody logged in, learns nothing of it.
  const other = await loggedInSession(await newCustomer());
  expect((await other.session.call(`/loan-applications?reference=${reference}`, { method: 'GET' })).body).toEqual({ open: false });
  const anonymous = await frameSession();
  expect((await anonymous.call(`/loan-applications?reference=${reference}`, { method: 'GET' })).body.error.code).toBe('login_required');
});

apiTest('POST /v1/frame/login/resend ends the old challenge, starts a new one, and sends at most once a minute', async () => {
  const { frameSession } = await import('./bank-client.ts');
  const session = await frameSession();
  const first = await session.challengeFor('13800000001');
  const resent = await session.call('/login/resend', { body: { challengeId: first } });
  expect(resent.status, resent.text).toBe(200);
  expect(resent.body).toEqual({ challengeId: expect.any(String), phone: '138****0001' });
  expect(resent.body.challengeId).not.toBe(first);
  expect((await session.tryCode(first)).body.error.code, 'the old challenge is over').toBe('code_expired');
  const again = await session.call('/login/resend', { body: { challengeId: resent.body.challengeId } });
  expect(again.body.error.code).toBe('rate_limited');
  expect((await session.tryCode(resent.body.challengeId)).status, 'the new code works').toBe(200);
});
