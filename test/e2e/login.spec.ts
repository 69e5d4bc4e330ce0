import { expect, type Page } from '@playwright/test';
import {
  axeViolations, bankApi, bankEvents, bankOrigin, rentOrder, logIn, loginFrame, newCustomer, password, recordEvents, servePartnerPage, smsCode,
  watchForProblems, test } from './helpers.ts';
import { frameSession } from './bank-client.ts';

/** Opens the login dialog on the demo site: the bank's login frame. */
async function openLoginDialog(page: Page) {
  await page.goto('/?lang=en');
  await page.locator('bank-login').getByRole('button', { name: 'Log in' }).click();
  return loginFrame(page);
}

test('a customer logs in on the demo site and the partner server can verify who', async ({ page }) => {
  const problems = watchForProblems(page);
  await recordEvents(page);
  await page.goto('/?lang=en');
  const login = page.locator('bank-login');
  await expect(login.getByRole('button', { name: 'Log in' })).toBeVisible();
  await logIn(page);
  await expect(login.getByText('Logged in as Zhang *')).toBeVisible();
  await expect(page.locator('iframe[title="Bank login"]')).toHaveCount(0);
  const events = await bankEvents(page);
  const success = events.filter((e) => e.type === 'bank-login-success');
  expect(success).toHaveLength(1);
  expect(success[0].target).toBe('bank-login');
  expect(success[0].detail.displayName).toBe('Zhang *');
  const customer = await bankApi(`/v1/customers/${success[0].detail.customerId}`);
  expect(customer.status).toBe(200);
  // The same masked name the page was given, in the language it showed.
  expect(customer.body.displayName).toBe('Zhang *');
  await expect(page.locator('#event-log')).toContainText('server verified with the bank: Zhang *');
  expect(problems).toEqual([]);
});

test('a wrong password and an unknown phone get the same answer, in the frame, and nobody logs in', async ({ page }) => {
  await recordEvents(page);
  const frame = await openLoginDialog(page);
  for (const [phone, pass] of [['13800000001', 'wrong-password'], ['13899999999', 'Passw0rd!']]) {
    await frame.getByRole('textbox', { name: 'Phone number' }).fill(phone);
    await frame.getByRole('textbox', { name: 'Password' }).fill(pass);
    await frame.getByRole('button', { name: 'Log in' }).click();
    await expect(frame.getByRole('alert')).toHaveText('The phone number or password is wrong.');
  }
  await expect(frame.getByRole('textbox', { name: 'SMS code' })).toHaveCount(0);
  expect((await bankEvents(page)).some((e) => e.type === 'bank-login-success')).toBe(false);
});

test('five wrong attempts in a row lock the customer, and then even the right password is refused', async ({ page }) => {
  const phone = await newCustomer();
  const frame = await openLoginDialog(page);
  await frame.getByRole('textbox', { name: 'Phone number' }).fill(phone);
  for (let attempt = 1; attempt <= 5; attempt++) {
    await frame.getByRole('textbox', { name: 'Password' }).fill(`wrong-${attempt}`);
    await frame.getByRole('button', { name: 'Log in' }).click();
    await expect(frame.getByRole('alert')).toHaveText(
      attempt < 5 ? 'The phone number or password is wrong.' : /locked/,
    );
  }
  await frame.getByRole('textbox', { name: 'Password' }).fill('Passw0rd!');
  await frame.getByRole('button', { name: 'Log in' }).click();
  await expect(frame.getByRole('alert')).toHaveText(/locked/);
  await expect(frame.getByRole('textbox', { name: 'SMS code' })).toHaveCount(0);
});

test('wrong SMS codes count towards the lock too', async ({ page }) => {
  const phone = await newCustomer();
  const frame = await openLoginDialog(page);
  await frame.getByRole('textbox', { name: 'Phone number' }).fill(phone);
  await frame.getByRole('textbox', { name: 'Password' }).fill(password);
  await frame.getByRole('button', { name: 'Log in' }).click();
  await frame.getByRole('textbox', { name: 'SMS code' }).fill('000000');
  await frame.getByRole('button', { name: 'Verify' }).click();
  await expect(frame.getByRole('alert')).toHaveText('The SMS code is wrong.');
  for (let attempt = 2; attempt <= 5; attempt++) {
    await frame.getByRole('textbox', { name: 'SMS code' }).fill('000000');
    await frame.getByRole('button', { name: 'Verify' }).click();
    if (attempt < 5) await expect(frame.getByRole('alert')).toHaveText('The SMS code is wrong.');
  }
  await expect(frame.getByRole('alert')).toHaveText('Too many wrong attempts: locked for a while. Please try again later, or call Sandbox Bank at 95xxx (8:00–20:00).');
  // The bank itself now refuses even the right password for that number, from any page.
  const retry = await (await frameSession()).tryPassword(phone);
  expect(retry.status, retry.text).toBe(423);
  expect(retry.body.error.code).toBe('locked');
});

test('Escape closes the login dialog, fires bank-cancel and returns focus to the Log in button', async ({ page }) => {
  await recordEvents(page);
  await page.goto('/?lang=en');
  const button = page.locator('bank-login').getByRole('button', { name: 'Log in' });
  await button.click();
  const phone = loginFrame(page).getByRole('textbox', { name: 'Phone number' });
  await expect(phone).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.locator('iframe[title="Bank login"]')).toHaveCount(0);
  await expect(button).toBeFocused();
  expect((await bankEvents(page)).filter((e) => e.type === 'bank-cancel')).toEqual([
    { type: 'bank-cancel', target: 'bank-login', detail: {} },
  ]);
});

test('the login dialog is operable by keyboard alone and sized to its content', async ({ page }) => {
  await page.goto('/?lang=en');
  await page.locator('bank-login').getByRole('button', { name: 'Log in' }).focus();
  await page.keyboard.press('Enter');
  const frame = loginFrame(page);
  await expect(frame.getByRole('textbox', { name: 'Phone number' })).toBeFocused();
  await page.keyboard.type('13800000001');
  await page.keyboard.press('Tab');
  await expect(frame.getByRole('textbox', { name: 'Password' })).toBeFocused();
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
  await expect(frame.getByRole('textbox', { name: 'SMS code' })).toBeFocused();
  // The iframe is exactly as tall as the frame's content: nothing scrolls inside it.
  const iframe = page.locator('iframe[title="Bank login"]');
  await expect
    .poll(async () => {
      const outer = await iframe.evaluate((el) => el.getBoundingClientRect().height);
      const inner = await frame.locator('main').evaluate((el) => el.getBoundingClientRect().height);
      return Math.abs(outer - Math.ceil(inner));
    })
    .toBeLessThanOrEqual(1);
  await page.keyboard.type(smsCode);
  await page.keyboard.press('Enter');
  await expect(page.locator('bank-login').getByText('Logged in as Zhang *')).toBeVisible();
});

test('a reload keeps the customer logged in, with nothing stored on the partner side', async ({ page, context }) => {
  await page.goto('/?lang=en');
  await logIn(page);
  await expect(page.locator('bank-login').getByText('Logged in as Zhang *')).toBeVisible();
  const partnerStorage = await page.evaluate(() => ({
    local: localStorage.length,
    session: sessionStorage.length,
    cookie: document.cookie,
  }));
  expect(partnerStorage).toEqual({ local: 0, session: 0, cookie: '' });
  // The only partner-side cookie is the demo backend's own tenant session, HttpOnly: nothing of the bank's.
  expect((await context.cookies('http://localhost')).map((c) => c.name)).toEqual(['tenant']);
  await page.reload();
  await expect(page.locator('bank-login').getByText('Logged in as Zhang *')).toBeVisible();
});

test('two <bank-login> elements share one session and one logout; BankSDK.logout() logs everything out', async ({ page }) => {
  await recordEvents(page);
  await servePartnerPage(page, '/two-logins', '{{sdk}}<bank-login id="a"></bank-login><bank-login id="b"></bank-login>');
  await page.goto('/two-logins');
  await logIn(page, '13800000001', page.locator('#b'));
  await expect(page.locator('#a').getByText('Logged in as Zhang *')).toBeVisible();
  await expect(page.locator('#b').getByText('Logged in as Zhang *')).toBeVisible();
  const events = await bankEvents(page);
  expect(events.filter((e) => e.type === 'bank-login-success').map((e) => e.target)).toEqual(['bank-login']);
  await page.locator('#a').getByRole('button', { name: 'Log out' }).click();
  await expect(page.locator('#a').getByRole('button', { name: 'Log in' })).toBeVisible();
  await expect(page.locator('#b').getByRole('button', { name: 'Log in' })).toBeVisible();
  // The elements show no customer while the bank logs them out; bank-logout fires once the bank has (once, from #a).
  await expect.poll(async () => (await bankEvents(page)).filter((e) => e.type === 'bank-logout').length).toBe(1);
  // After logout a reload stays logged out: the bank revoked the session, not just the page's view of it.
  await page.reload();
  await expect(page.locator('#a').getByRole('button', { name: 'Log in' })).toBeVisible();
  await logIn(page, '13800000001', page.locator('#a'));
  await expect(page.locator('#b').getByText('Logged in as Zhang *')).toBeVisible();
  await page.evaluate(() => (window as unknown as { BankSDK: { logout(): Promise<void> } }).BankSDK.logout());
  await expect(page.locator('#a').getByRole('button', { name: 'Log in' })).toBeVisible();
  await expect(page.locator('#b').getByRole('button', { name: 'Log in' })).toBeVisible();
});

test('Pay tapped while the bank logs the customer out asks for a login; a logout the bank refuses leaves them logged in', async ({ page }) => {
  await recordEvents(page);
  const orderId = await rentOrder('88.00');
  await servePartnerPage(page, '/logout-race', `{{sdk}}<bank-login></bank-login><bank-pay order-id="${orderId}"></bank-pay>`);
  await page.goto('/logout-race');
  await logIn(page);
  // Each logout the bridge sends is held until the test answers it: refused (503) or passed on to the bank.
  const logouts: ((answer: 'refuse' | 'pass') => void)[] = [];
  await page.route(`${bankOrigin}/v1/frame/logout`, async (route) => {
    const answer = await new Promise<'refuse' | 'pass'>((done) => logouts.push(done));
    if (answer === 'pass') await route.continue();
    else await route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: { code: 'internal', message: 'Down.' } }) });
  });
  const logOut = page.locator('bank-login').getByRole('button', { name: 'Log out' });
  const pay = page.locator('bank-pay').getByRole('button', { name: /^Pay ¥88\.00/ });

  // Refused: the customer is still logged in, as the bank says (Pay goes straight to the payment), and is told so.
  await logOut.click();
  await expect.poll(() => logouts.length).toBe(1);
  logouts[0]!('refuse');
  await expect.poll(async () => (await bankEvents(page)).filter((e) => e.type === 'bank-error' && e.target === 'bank-login').length).toBe(1);
  await pay.click();
  await expect(page.locator('iframe[title="Confirm payment"]')).toBeVisible();
  // Cancel removes the frame it is in: a dispatched click awaits no input acknowledgement from a frame that is gone.
  await page.frameLocator('iframe[title="Confirm payment"]').getByRole('button', { name: 'Cancel' }).dispatchEvent('click');
  await expect(page.locator('iframe[title="Confirm payment"]')).toHaveCount(0);

  // Held: Pay tapped meanwhile asks for a login, never a payment for the customer who is leaving.
  await page.locator('bank-login').getByRole('button', { name: 'Try again' }).click();
  await logOut.click();
  await expect.poll(() => logouts.length).toBe(2);
  await pay.click();
  await expect(page.locator('iframe[title="Bank login"]')).toBeVisible();
  await expect(page.locator('iframe[title="Confirm payment"]')).toHaveCount(0);
  logouts[1]!('pass');
  await expect.poll(async () => (await bankEvents(page)).filter((e) => e.type === 'bank-logout').length).toBe(1);
});

test('zh-CN is complete: the element and the bank frame speak Chinese', async ({ page }) => {
  await page.goto('/?lang=zh-CN');
  await page.locator('bank-login').getByRole('button', { name: '登录' }).click();
  const frame = page.frameLocator('iframe[title="银行登录"]');
  await frame.getByRole('textbox', { name: '手机号' }).fill('13800000001');
  await frame.getByRole('textbox', { name: '密码' }).fill(password);
  await frame.getByRole('button', { name: '登录' }).click();
  await frame.getByRole('textbox', { name: '短信验证码' }).fill(smsCode);
  await frame.getByRole('button', { name: '验证' }).click();
  await expect(page.locator('bank-login').getByText('已登录：张*')).toBeVisible();
  await expect(page.locator('bank-login').getByRole('button', { name: '退出登录' })).toBeVisible();
});

test('axe finds no serious or critical violation on the page or inside the login frame', async ({ page }) => {
  await page.goto('/?lang=en');
  await expect(page.locator('bank-login').getByRole('button', { name: 'Log in' })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await page.locator('bank-login').getByRole('button', { name: 'Log in' }).click();
  await expect(loginFrame(page).getByRole('textbox', { name: 'Phone number' })).toBeVisible();
  const frame = page.frames().find((f) => f.url().includes('/frames/login.html'))!;
  expect(await axeViolations(frame)).toEqual([]);
  await loginFrame(page).getByRole('button', { name: 'Log in' }).click(); // shows the field errors
  await expect(loginFrame(page).getByText('Enter an 11-digit mobile phone number.')).toBeVisible();
  expect(await axeViolations(frame)).toEqual([]);
  await page.keyboard.press('Escape');
  await logIn(page);
  await expect(page.locator('bank-login').getByText('Logged in as Zhang *')).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});
