import { expect } from '@playwright/test';
import { basename } from 'node:path';
import { dialogFiles } from '../sizes.ts';
import { bankEvents, bankOrigin, recordEvents, servePartnerPage, test } from './helpers.ts';

// The bank unreachable: every element says so visibly and fires bank-error `bank_unavailable` (retryable), which
// is not `network` (the customer's own connection); a dialog whose frame never shows says so inside the sheet.

const elements = '{{sdk}}<bank-login></bank-login><bank-pay order-id="ord_doesnotmatter"></bank-pay><bank-loan-apply product="rent-loan" amount="36000" term="12"></bank-loan-apply>';
const unavailable = 'The bank is not available right now. Please try again in a few minutes.';

test('bank down before load: every element shows it and fires bank_unavailable; offline is network', async ({ page }) => {
  await recordEvents(page);
  // The SDK's script came from a CDN edge that still answers; the bank's API and frames do not.
  await page.route(`${bankOrigin}/v1/**`, (route) => route.abort('connectionrefused'));
  await page.route(`${bankOrigin}/sdk/v1/frames/**`, (route) => route.abort('connectionrefused'));
  await servePartnerPage(page, '/down', elements);
  await page.goto('/down');
  for (const tag of ['bank-login', 'bank-pay', 'bank-loan-apply']) {
    await expect(page.locator(tag).getByRole('alert')).toContainText(unavailable);
    await expect(page.locator(tag).getByRole('button', { name: 'Try again' })).toBeVisible();
  }
  await expect
    .poll(async () => (await bankEvents(page)).filter((e) => e.type === 'bank-error').map((e) => `${e.target}:${e.detail.code}:${e.detail.retryable}`).sort())
    .toEqual(['bank-loan-apply:bank_unavailable:true', 'bank-login:bank_unavailable:true', 'bank-pay:bank_unavailable:true']);

  // The customer's own connection drops: that is `network`, with its own message.
  await page.context().setOffline(true);
  await page.locator('bank-login').getByRole('button', { name: 'Try again' }).click();
  await expect(page.locator('bank-login').getByRole('alert')).toContainText('Check your connection');
  await expect.poll(async () => (await bankEvents(page)).filter((e) => e.detail.code === 'network').length).toBeGreaterThan(0);
});

test('bank down after load: the login sheet says so with Try again and Close; Close closes it and focus returns', async ({ page }) => {
  test.slow();
  await recordEvents(page);
  await servePartnerPage(page, '/down-later', '{{sdk}}<bank-login></bank-login>');
  // The dialog's code follows bank-ready: the bank goes down after it has arrived (before, the element itself says
  // the bank is unavailable, which the test above covers).
  const dialogCode = Promise.all([...dialogFiles()].map((file) =>
    page.waitForResponse((response) => response.url().endsWith(`/sdk/v1/elements/${basename(file)}`))));
  await page.goto('/down-later');
  const logIn = page.locator('bank-login').getByRole('button', { name: 'Log in' });
  await expect(logIn).toBeVisible();
  await dialogCode;
  await page.route(`${bankOrigin}/**`, (route) => route.abort('connectionrefused'));
  await logIn.click();
  const dialog = page.locator('bank-login dialog[open]');
  await expect(dialog.getByRole('alert')).toContainText(unavailable, { timeout: 12_000 });
  const errors = (await bankEvents(page)).filter((e) => e.type === 'bank-error');
  expect(errors.map((e) => [e.target, e.detail.code, e.detail.retryable])).toEqual([['bank-login', 'bank_unavailable', true]]);
  await dialog.getByRole('alert').getByRole('button', { name: 'Close' }).click();
  await expect(page.locator('bank-login dialog')).toHaveCount(0);
  await expect(logIn).toBeFocused();
  expect((await bankEvents(page)).filter((e) => e.type === 'bank-cancel')).toHaveLength(1);

  // Again, and the bank comes back: Try again loads the frame.
  await logIn.click();
  await expect(dialog.getByRole('alert')).toContainText(unavailable, { timeout: 12_000 });
  await page.unroute(`${bankOrigin}/**`);
  await dialog.getByRole('button', { name: 'Try again' }).click();
  await expect(page.frameLocator('iframe[title="Bank login"]').getByRole('textbox', { name: 'Phone number' })).toBeVisible();
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  // The sheet's own × closes it too.
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.locator('bank-login dialog')).toHaveCount(0);
  await expect(logIn).toBeFocused();
});
