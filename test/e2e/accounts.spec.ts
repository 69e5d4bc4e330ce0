import { expect, type Frame, type FrameLocator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import {
  axeViolations, bankApi, bankEvents, freshId, freshPhone, installSpy, logIn, newCustomer, paymentPin, recordEvents,
  servePartnerPage, test,
  type RecordedEvent,
} from './helpers.ts';

/**
 * `<bank-account-open>` and `<bank-account>` end to end, cross-site: a new person opens a Class II account and
 * pays rent from it; the four-factor check, the failing card and the second Class II are refused in the frame;
 * statements download as CSV; the partner page never sees a balance, a card number, an ID number or a PIN.
 */
const goodCard = '6222000000000000012';
const failingCard = '6222000000000000020';
const openFrame = (page: Page): FrameLocator => page.frameLocator('iframe[title="Open an account"]');
const accountsFrame = (page: Page): FrameLocator => page.frameLocator('iframe[title="Accounts"]');
const frameOf = (page: Page, name: string) => page.frames().find((f) => f.url().includes(`/frames/${name}.html`)) as Frame;

async function recordAccountEvents(page: Page) {
  await recordEvents(page);
  await page.addInitScript(() => {
    if (window.top !== window) return;
    document.addEventListener('bank-account-opened', (event) => {
      (window as unknown as { bankEvents: unknown[] }).bankEvents.push({ type: 'bank-account-opened', target: 'x', detail: (event as CustomEvent).detail });
    });
  });
}

async function noHorizontalOverflow(page: Page, frameName?: string) {
  const target = frameName ? frameOf(page, frameName) : page;
  const overflow = await target.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `horizontal overflow in ${frameName ?? 'the page'}`).toBeLessThanOrEqual(0);
}

/** Step 1 for someone not logged in: phone and SMS code. */
async function verifyPhone(page: Page, phone: string) {
  const frame = openFrame(page);
  await expect(frame.getByText('Step 1 of 3: Your phone')).toBeVisible();
  await frame.getByRole('textbox', { name: 'Phone number' }).fill(phone);
  await frame.getByRole('button', { name: 'Send code' }).click();
  await expect(frame.getByRole('button', { name: /Send again in \d+ s/ })).toBeDisabled();
  await frame.getByRole('textbox', { name: 'SMS code' }).fill('123456');
  await frame.getByRole('button', { name: 'Verify' }).click();
}

async function fillIdentity(page: Page, { name, id, card }: { name: string; id: string; card: string }) {
  const frame = openFrame(page);
  await frame.getByRole('textbox', { name: 'Full name' }).fill(name);
  await frame.getByRole('textbox', { name: 'ID number' }).fill(id);
  await frame.getByRole('textbox', { name: 'Bank card number' }).fill(card);
  await frame.getByRole('checkbox', { name: 'I agree to the account terms' }).check();
  await frame.getByRole('button', { name: 'Continue' }).click();
}

const ofType = (events: RecordedEvent[], type: string) => events.filter((e) => e.type === type);

test('a new person opens a Class II account on the rental site, adds money, pays the rent from it; the page sees none of it', async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 320, height: 568 });
  await recordAccountEvents(page);
  await installSpy(page, ['bank-account-opened', 'bank-login-success', 'bank-pay-success', 'bank-ready', 'bank-error']);
  await page.goto('/?lang=en');
  const id = freshId();
  const opener = page.locator('bank-account-open');
  await expect(page.locator('bank-account').getByRole('button', { name: 'Log in' })).toBeVisible();
  await opener.getByRole('button', { name: 'Open an account' }).click();
  await expect(openFrame(page).getByRole('textbox', { name: 'Phone number' })).toBeVisible();
  await noHorizontalOverflow(page, 'account-open');
  // A number no sandbox customer has (the walk-through's 13800000099 works once per database; a retry needs another).
  await verifyPhone(page, freshPhone());
  const frame = openFrame(page);
  await expect(frame.getByText('Step 2 of 3: Identity and card')).toBeVisible();
  await expect(frame.getByRole('heading', { name: /Account terms \(version [\d-]+\)/ })).toBeVisible();
  await noHorizontalOverflow(page, 'account-open');
  // Field errors in the frame: a card failing the Luhn check, an ID with a wrong check character, no consent.
  await frame.getByRole('textbox', { name: 'Bank card number' }).fill('6222000000000000013');
  await frame.getByRole('textbox', { name: 'ID number' }).fill(id.slice(0, 17) + (id[17] === '1' ? '2' : '1'));
  await frame.getByRole('button', { name: 'Continue' }).click();
  await expect(frame.getByText('This card number is not valid: check the digits.')).toBeVisible();
  await expect(frame.getByText('This ID number is not valid: check the 18 characters.')).toBeVisible();
  await expect(frame.getByText('To open the account, agree to the terms.')).toBeVisible();
  await fillIdentity(page, { name: 'Wang Xiaoming', id, card: goodCard });
  await expect(frame.getByText('Step 3 of 3: Security')).toBeVisible();
  // Back keeps what was typed.
  await frame.getByRole('button', { name: 'Back' }).click();
  await expect(frame.getByRole('textbox', { name: 'Full name' })).toHaveValue('Wang Xiaoming');
  await expect(frame.getByRole('checkbox', { name: 'I agree to the account terms' })).toBeChecked();
  await frame.getByRole('button', { name: 'Continue' }).click();
  await frame.getByRole('textbox', { name: 'Payment PIN', exact: true }).fill('123456');
  await frame.getByRole('textbox', { name: 'Repeat payment PIN' }).fill('123456');
  await frame.getByRole('textbox', { name: 'Login password' }).fill('Str0ng-pass');
  await frame.getByRole('button', { name: 'Open account' }).click();
  await expect(frame.getByText('Not a run like 123456 or 654321: choose a harder PIN.')).toBeVisible();
  await frame.getByRole('textbox', { name: 'Payment PIN', exact: true }).fill('246802');
  await frame.getByRole('textbox', { name: 'Repeat payment PIN' }).fill('246803');
  await frame.getByRole('button', { name: 'Open account' }).click();
  await expect(frame.getByText('The two PINs are not the same.')).toBeVisible();
  await noHorizontalOverflow(page, 'account-open');
  await frame.getByRole('textbox', { name: 'Repeat payment PIN' }).fill('246802');
  await frame.getByRole('button', { name: 'Open account' }).click();

  await expect(opener.getByRole('status')).toContainText(/Your Class II account ···· \d{4} is open\./);
  const events = await bankEvents(page);
  const opened = ofType(events, 'bank-account-opened');
  expect(opened).toHaveLength(1);
  expect(Object.keys(opened[0]!.detail).sort()).toEqual(['accountClass', 'accountId', 'last4']);
  expect(opened[0]!.detail).toMatchObject({ accountClass: 'II', last4: expect.stringMatching(/^\d{4}$/) });
  expect(ofType(events, 'bank-login-success')).toHaveLength(1);
  expect(ofType(events, 'bank-login-success')[0]!.detail.displayName).toBe('Wang *');
  await expect(page.locator('bank-login')).toContainText('Logged in as Wang *');

  // The inline Accounts frame: the new account, empty, with its limits.
  const last4 = opened[0]!.detail.last4 as string;
  const accounts = accountsFrame(page);
  const region = accounts.getByRole('region', { name: `Class II account ···· ${last4}` });
  await expect(region).toBeVisible();
  await expect(region.getByText('No transactions yet')).toBeVisible();
  await expect(region.getByText('¥0.00 used, ¥10,000.00 left')).toBeVisible();
  await noHorizontalOverflow(page, 'accounts');
  await region.getByRole('button', { name: 'Add money' }).click();
  await region.getByRole('textbox', { name: 'Amount' }).fill('5000');
  await region.getByRole('textbox', { name: 'Payment PIN' }).fill('246802');
  await noHorizontalOverflow(page, 'accounts');
  await region.getByRole('button', { name: 'Add money' }).click();
  await expect(region.getByRole('status')).toHaveText('¥5,000.00 added.');
  await expect(region.getByRole('table')).toContainText('Add money');
  await expect(region.getByRole('columnheader')).toHaveText(['Date', 'Description', 'Amount']);
  await noHorizontalOverflow(page);

  // Pay the rent from the new Class II account.
  const pay = page.frameLocator('iframe[title="Confirm payment"]');
  const payFrom = pay.getByRole('combobox', { name: 'Pay from' });
  // The inline frames above and below may still be settling their height on a busy machine: a click that lands
  // during a layout shift is tried again.
  await expect(async () => {
    await page.locator('bank-pay').getByRole('button', { name: /^Pay/ }).click({ timeout: 3000 });
    await expect(payFrom).toBeVisible({ timeout: 5000 });
  }).toPass({ timeout: 25_000 });
  await expect(payFrom).toContainText(`Class II ···· ${last4} · ¥5,000.00 · can pay ¥10,000.00 today`);
  await payFrom.selectOption({ label: `Class II ···· ${last4} · ¥5,000.00 · can pay ¥10,000.00 today` });
  await pay.getByRole('textbox', { name: 'Payment PIN' }).fill('246802');
  await pay.getByRole('button', { name: 'Confirm payment' }).click();
  await expect(page.locator('#rent-status')).toHaveAttribute('data-paid', 'true');
  await page.waitForTimeout(200);
  const seen = await page.evaluate(() => (window as unknown as { spySeen: string[] }).spySeen.join('\n'));
  expect(seen).toContain('bank-account-opened'); // the spy saw the traffic…
  expect(seen).toContain('Class II');
  for (const secret of [id, goodCard, '246802', 'Str0ng-pass', '5,000.00', '5000.00', '1,500.00', '1500.00', 'Wang Xiaoming', '0.00 used']) {
    expect(seen, secret).not.toContain(secret); // …but never a balance, the card, the ID, the PIN or the password
  }
  await page.reload();
  const after = accountsFrame(page).getByRole('region', { name: `Class II account ···· ${last4}` });
  await expect(after.getByText('¥3,500.00 used, ¥6,500.00 left')).toBeVisible();
  await expect(after.getByRole('row').nth(1)).toContainText('Rent, December 2026');
  await expect(after.getByRole('row').nth(1)).toContainText('Demo Rental Homes');
  await expect(after.getByRole('row').nth(1)).toContainText('-¥3,500.00');
});

test('an existing customer with a wrong name, then the failing card, is refused; a second Class II is account_exists', async ({ page }) => {
  const phone = await newCustomer({ nameEn: 'Chen Mei', nameZh: '陈梅' });
  const id = freshId();
  await recordAccountEvents(page);
  await servePartnerPage(page, '/open', '{{sdk}}<bank-login></bank-login><bank-account-open></bank-account-open><bank-account-open id="bad" account-class="IV"></bank-account-open>');
  await page.goto('/open');
  await expect(page.locator('#bad').getByRole('alert')).toContainText('account-class "IV" must be "II" or "III"');
  expect(ofType(await bankEvents(page), 'bank-error')[0]?.detail.code).toBe('invalid_attribute');
  await logIn(page, phone);
  const opener = page.locator('bank-account-open').first();
  await opener.getByRole('button', { name: 'Open an account' }).click();
  const frame = openFrame(page);
  await expect(frame.getByText('Step 1 of 2: Identity and card')).toBeVisible();
  await fillIdentity(page, { name: 'Li Si', id, card: goodCard });
  await expect(frame.getByRole('alert')).toHaveText(/could not verify your name, ID number, phone number and card/);
  await frame.getByRole('textbox', { name: 'Full name' }).fill('Chen Mei');
  await frame.getByRole('textbox', { name: 'Bank card number' }).fill(failingCard);
  await frame.getByRole('button', { name: 'Continue' }).click();
  await expect(frame.getByRole('alert')).toHaveText(/could not verify your name, ID number, phone number and card/);
  await frame.getByRole('textbox', { name: 'Bank card number' }).fill(goodCard);
  await frame.getByRole('button', { name: 'Continue' }).click();
  await expect(frame.getByText('Step 2 of 2: Security')).toBeVisible();
  await expect(frame.getByRole('textbox', { name: 'Login password' })).toHaveCount(0);
  await frame.getByRole('textbox', { name: 'Payment PIN', exact: true }).fill(paymentPin);
  await frame.getByRole('textbox', { name: 'Repeat payment PIN' }).fill(paymentPin);
  await frame.getByRole('button', { name: 'Open account' }).click();
  await expect(opener.getByRole('status')).toContainText('Class II account');
  const events = await bankEvents(page);
  expect(ofType(events, 'bank-account-opened')).toHaveLength(1);
  expect(ofType(events, 'bank-login-success')).toHaveLength(1); // the login, not the opening

  await opener.getByRole('button', { name: 'Open an account' }).click();
  await fillIdentity(page, { name: 'Chen Mei', id, card: goodCard });
  await expect(frame.getByRole('alert')).toHaveText('You already have an account of this class at the bank.');
});

test('statements download from the bank as CSV with a BOM; the limits and balance cap of Class III show', async ({ page }) => {
  const phone = await newCustomer({ nameEn: 'Lin Na', nameZh: '林娜' });
  const id = freshId();
  await servePartnerPage(page, '/statement', '{{sdk}}<bank-login></bank-login><bank-account-open account-class="III"></bank-account-open><bank-account></bank-account>');
  await page.goto('/statement');
  await logIn(page, phone);
  await page.locator('bank-account-open').getByRole('button', { name: 'Open an account' }).click();
  await expect(openFrame(page).getByText(/Class III account for small payments/)).toHaveCount(0); // logged in: no phone step
  await fillIdentity(page, { name: '林娜', id, card: goodCard });
  await openFrame(page).getByRole('textbox', { name: 'Payment PIN', exact: true }).fill(paymentPin);
  await openFrame(page).getByRole('textbox', { name: 'Repeat payment PIN' }).fill(paymentPin);
  await openFrame(page).getByRole('button', { name: 'Open account' }).click();
  const region = accountsFrame(page).getByRole('region', { name: /^Class III account ···· \d{4}$/ });
  await expect(region.getByText('Holds at most ¥2,000.00')).toBeVisible();
  await region.getByRole('button', { name: 'Add money' }).click();
  await region.getByRole('textbox', { name: 'Amount' }).fill('2000.01');
  await region.getByRole('textbox', { name: 'Payment PIN' }).fill(paymentPin);
  await region.getByRole('button', { name: 'Add money' }).click();
  await expect(region.getByRole('alert')).toHaveText('This exceeds the account’s limit.');
  await region.getByRole('textbox', { name: 'Amount' }).fill('1800');
  await region.getByRole('textbox', { name: 'Payment PIN' }).fill(paymentPin);
  await region.getByRole('button', { name: 'Add money' }).click();
  await expect(region.getByRole('status')).toHaveText('¥1,800.00 added.');

  const download = page.waitForEvent('download');
  await region.getByRole('button', { name: 'Download statement' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^statement-\d{4}-\d{4}-\d{2}\.csv$/);
  const bytes = readFileSync(await file.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n');
  expect(lines[0]).toBe('Date,Description,Counterparty,Amount,Balance');
  expect(lines.slice(1)).toEqual([expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},Add money,Bound card ···· 0012,1800\.00,1800\.00$/)]);
});

test('axe finds nothing serious in the Open an account and Accounts frames, in both locales, at 320×568', async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 320, height: 568 });
  const phone = await newCustomer({ nameEn: 'Gao Yu', nameZh: '高宇' });
  for (const locale of ['en', 'zh-CN'] as const) {
    await servePartnerPage(page, `/axe-accounts-${locale}`, '{{sdk}}<bank-account-open></bank-account-open><bank-account></bank-account>', {
      dataset: `data-token-url="/api/bank/client-token" data-locale="${locale}"`,
    });
    await page.goto(`/axe-accounts-${locale}`);
    const open = locale === 'en' ? 'Open an account' : '开立账户';
    await page.locator('bank-account-open').getByRole('button', { name: open }).click();
    const frame = page.frameLocator(`iframe[title="${open}"]`);
    await expect(frame.getByRole('textbox').first()).toBeVisible();
    expect(await axeViolations(frameOf(page, 'account-open'))).toEqual([]);
    await noHorizontalOverflow(page, 'account-open');
    // The field errors' state too.
    await frame.getByRole('button', { name: locale === 'en' ? 'Send code' : '发送验证码' }).click();
    await expect(frame.locator('[aria-invalid="true"]')).toHaveCount(1);
    expect(await axeViolations(frameOf(page, 'account-open'))).toEqual([]);
    // Cancel removes the frame as it is clicked; a dispatched click, so no input acknowledgement is awaited from a
    // frame that is gone (a real click once hung there until the test timed out, the dialog already closed).
    await frame.getByRole('button', { name: locale === 'en' ? 'Cancel' : '取消' }).dispatchEvent('click');
    await expect(page.locator(`iframe[title="${open}"]`)).toHaveCount(0);
    expect(await axeViolations(page)).toEqual([]);
  }
  // Logged in (zh-CN page): the identity step and the accounts panel.
  await page.locator('bank-account').getByRole('button', { name: '登录' }).click();
  const login = page.frameLocator('iframe[title="银行登录"]');
  await login.getByRole('textbox', { name: '手机号' }).fill(phone);
  await login.getByRole('textbox', { name: '密码' }).fill('Passw0rd!');
  await login.getByRole('button', { name: '登录' }).click();
  await login.getByRole('textbox', { name: '短信验证码' }).fill('123456');
  await login.getByRole('button', { name: '验证' }).click();
  const panel = page.frameLocator('iframe[title="我的账户"]');
  await expect(panel.getByRole('region', { name: /^I类借记账户 ···· \d{4}$/ })).toBeVisible();
  await expect(panel.getByRole('columnheader')).toHaveText(['日期', '摘要', '金额']);
  expect(await axeViolations(frameOf(page, 'accounts'))).toEqual([]);
  await noHorizontalOverflow(page, 'accounts');
  await noHorizontalOverflow(page);
  await page.locator('bank-account-open').getByRole('button', { name: '开立账户' }).click();
  const frame = page.frameLocator('iframe[title="开立账户"]');
  await expect(frame.getByText('第1步，共2步：身份与银行卡')).toBeVisible();
  expect(await axeViolations(frameOf(page, 'account-open'))).toEqual([]);
  await noHorizontalOverflow(page, 'account-open');
});

test('bank-account-opened carries no personal data even when the page asks for Class III', async ({ page }) => {
  // The API answers the same shapes the element passes on: only ids and display data.
  const created = await bankApi('/v1/sandbox/customers', { method: 'POST', body: JSON.stringify({ phone: freshPhone() }) });
  expect(created.status).toBe(201);
  await recordAccountEvents(page);
  await servePartnerPage(page, '/three', '{{sdk}}<bank-login></bank-login><bank-account-open account-class="III"></bank-account-open>');
  await page.goto('/three');
  await logIn(page, created.body.phone as string);
  await page.locator('bank-account-open').getByRole('button', { name: 'Open an account' }).click();
  await fillIdentity(page, { name: 'Test Customer', id: freshId(), card: goodCard });
  await openFrame(page).getByRole('textbox', { name: 'Payment PIN', exact: true }).fill(paymentPin);
  await openFrame(page).getByRole('textbox', { name: 'Repeat payment PIN' }).fill(paymentPin);
  await openFrame(page).getByRole('button', { name: 'Open account' }).click();
  await expect.poll(async () => ofType(await bankEvents(page), 'bank-account-opened')[0]?.detail.accountClass).toBe('III');
});
