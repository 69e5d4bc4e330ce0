import { expect, type Page } from '@playwright/test';
import { expectNoHorizontalOverflow } from './layout.ts';
import { bankEvents, logIn, newCustomer, partnerOrigin, recordEvents, rentOrder, servePartnerPage, test } from './helpers.ts';

/**
 * Live language and look (issue #13, item 5): the page changes `<html lang>`, the script's `data-locale` or its
 * theme while a bank dialog and an inline frame are open; the elements, the dialog's frame and the inline frame
 * follow without a page reload.
 */
const css = `html.night { --bank-color-background: #111827; --bank-color-text: rgb(240 240 240); }`;

async function openPage(page: Page, dataset: string) {
  const orderId = await rentOrder();
  await page.route(`${partnerOrigin}/live.css`, (route) => route.fulfill({ contentType: 'text/css', body: css }));
  await servePartnerPage(page, '/live', `<link rel="stylesheet" href="/live.css">{{sdk}}<bank-login></bank-login>
    <bank-pay order-id="${orderId}"></bank-pay><bank-account></bank-account>`, { dataset });
  await page.goto('/live');
  await logIn(page, await newCustomer());
  await expect(page.frameLocator('bank-account iframe[title="Accounts"]').getByRole('table', { name: 'Transactions' })).toBeVisible();
  await page.locator('bank-pay').getByRole('button', { name: /^Pay/ }).click();
  await expect(page.frameLocator('iframe[title="Confirm payment"]').getByRole('textbox', { name: 'Payment PIN' })).toBeVisible();
}

async function expectChinese(page: Page) {
  // The open dialog: its frame loaded again in zh-CN, its title and Close follow.
  await expect(page.frameLocator('iframe[title="确认付款"]').getByRole('textbox', { name: '支付密码' })).toBeVisible();
  await expect(page.locator('bank-pay dialog[open]').getByRole('button', { name: '关闭' })).toBeVisible();
  // The elements, and the inline frame.
  await expect(page.locator('bank-login').getByRole('button', { name: '退出登录' })).toBeVisible();
  await expect(page.frameLocator('bank-account iframe[title="我的账户"]').getByRole('table', { name: '交易明细' })).toBeVisible();
}

for (const [width, height] of [[1280, 800], [320, 568]] as const) {
  test(`<html lang> changed with the payment dialog open at ${width}×${height}: the elements, the dialog frame and the inline frame switch to zh-CN`, async ({ page }) => {
    test.slow();
    await page.setViewportSize({ width, height });
    await recordEvents(page);
    await openPage(page, 'data-token-url="/api/bank/client-token"');
    await page.evaluate(() => (document.documentElement.lang = 'zh-CN'));
    await expectChinese(page);
    // The longer or shorter texts fit the phone as they did before: nothing needs sideways scrolling.
    await expectNoHorizontalOverflow(page, '确认付款');
    // The customer pays in the new language: one payment, nothing cancelled or failed by the switch.
    await page.frameLocator('iframe[title="确认付款"]').getByRole('textbox', { name: '支付密码' }).fill('135790');
    await page.frameLocator('iframe[title="确认付款"]').getByRole('button', { name: '确认付款' }).click();
    await expect(page.locator('bank-pay').getByRole('status')).toContainText('已支付');
    const outcomes = (await bankEvents(page)).map((e) => e.type).filter((t) => ['bank-pay-success', 'bank-pay-failure', 'bank-cancel', 'bank-error'].includes(t));
    expect(outcomes).toEqual(['bank-pay-success']);
  });
}

test('the script’s data-locale changed, then the theme: the open dialog’s frame follows both', async ({ page }) => {
  test.slow();
  await openPage(page, 'data-token-url="/api/bank/client-token" data-locale="en"');
  // <html lang> does not override the script's data-locale…
  await page.evaluate(() => (document.documentElement.lang = 'zh-CN'));
  await expect(page.locator('bank-login').getByRole('button', { name: 'Log out' })).toBeVisible();
  // …but a new data-locale does.
  await page.evaluate(() => document.querySelector('script[data-app-id]')!.setAttribute('data-locale', 'zh-CN'));
  await expectChinese(page);
  // A dark class on <html>: the open frame loads again wearing it.
  await page.evaluate(() => document.documentElement.classList.add('night'));
  const pay = () => page.frames().find((f) => f.url().includes('/frames/pay.html'))!;
  // The frame is loading again meanwhile: a read that meets the old page going away counts as "not yet".
  await expect.poll(async () => pay()?.evaluate(() => getComputedStyle(document.documentElement).backgroundColor).catch(() => null)).toBe('rgb(17, 24, 39)');
  await expect(page.frameLocator('iframe[title="确认付款"]').getByRole('textbox', { name: '支付密码' })).toBeVisible();
});
