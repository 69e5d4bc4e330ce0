import { expect, type Page } from '@playwright/test';
import { bankEvents, password, paymentPin, recordEvents, smsCode, test } from './helpers.ts';
import { dialogOf, reach, reachAndClick, sheetMaxWidth, useSafeArea, words, type Insets, type Words } from './layout.ts';

/**
 * Notched phones (a page with `viewport-fit=cover`, or an app's full-screen WebView): the notch, the status bar, the
 * home indicator and a camera hole in a phone on its side cover parts of the screen (`env(safe-area-inset-*)`,
 * emulated through Chromium's DevTools protocol). No bank dialog puts its content there: the sheet stops below the
 * status bar, its Close button and the frame stay clear of the sides, and every button is reached and tapped inside
 * the safe area (`reach` in layout.ts counts only that).
 */

/** The dialog and its frame and Close button lie in the safe area; the frame's primary button and Close are reachable there. */
async function expectInSafeArea(page: Page, tag: string, frameTitle: string, primary: string, w: Words, insets: Insets) {
  const viewport = page.viewportSize()!;
  const dialog = dialogOf(page, tag);
  const box = (await dialog.boundingBox())!;
  const frame = (await dialog.locator(`iframe[title="${frameTitle}"]`).boundingBox())!;
  // Never under the status bar or the notch, even when the sheet is as tall as it gets.
  expect(box.y).toBeGreaterThanOrEqual(insets.top);
  if (viewport.width > sheetMaxWidth) {
    // A centred dialog: wholly inside the safe area.
    expect(box.x).toBeGreaterThanOrEqual(insets.left);
    expect(box.x + box.width).toBeLessThanOrEqual(viewport.width - insets.right + 0.5);
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height - insets.bottom + 0.5);
  }
  // The sheet's background may reach the edges; what is in it (the bank's frame) stays clear of them.
  expect(frame.x).toBeGreaterThanOrEqual(insets.left);
  expect(frame.x + frame.width).toBeLessThanOrEqual(viewport.width - insets.right + 0.5);
  await reach(page, page.frameLocator(`iframe[title="${frameTitle}"]`).getByRole('button', { name: primary, exact: true }), dialog);
  await reach(page, dialog.getByRole('button', { name: w.close }), dialog);
}

async function logIn(page: Page, w: Words, tag: string) {
  const login = page.frameLocator(`iframe[title="${w.loginDialog}"]`);
  await login.getByRole('textbox', { name: w.phone }).fill('13800000001');
  await login.getByRole('textbox', { name: w.password }).fill(password);
  await reachAndClick(page, login.getByRole('button', { name: w.logIn, exact: true }), dialogOf(page, tag));
  await login.getByRole('textbox', { name: w.smsCode }).fill(smsCode);
  await reachAndClick(page, login.getByRole('button', { name: w.verify }), dialogOf(page, tag));
}

test.describe('a notched phone upright (390×844, status bar 47 px, home indicator 34 px), en', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('the login and the loan form with all its errors (the tallest sheet) stay below the status bar and above the home indicator', async ({ page }) => {
    test.slow();
    const w = words.en;
    const insets = { top: 47, right: 0, bottom: 34, left: 0 };
    await useSafeArea(page, insets);
    await page.goto('/?lang=en');
    await page.locator('bank-loan-apply').getByRole('button', { name: w.apply, exact: true }).tap();
    await expect(page.frameLocator(`iframe[title="${w.loginDialog}"]`).getByRole('textbox', { name: w.phone })).toBeVisible();
    await expectInSafeArea(page, 'bank-loan-apply', w.loginDialog, w.logIn, w, insets);
    await logIn(page, w, 'bank-loan-apply');
    const loan = page.frameLocator(`iframe[title="${w.loanDialog}"]`);
    await expect(page.locator('bank-loan-apply iframe[part~="frame"]')).not.toHaveClass(/measuring/);
    await reachAndClick(page, loan.getByRole('button', { name: w.submit }), dialogOf(page, 'bank-loan-apply'));
    await expect(loan.locator('.field-error')).toHaveCount(5);
    await expectInSafeArea(page, 'bank-loan-apply', w.loanDialog, w.submit, w, insets);
  });
});

test.describe('a notched phone upright with the keyboard open (390×400, status bar 47 px), zh-CN', () => {
  test.use({ viewport: { width: 390, height: 400 }, isMobile: true, hasTouch: true });

  test('a customer logs in and pays the rent, every tap inside the safe area', async ({ page }) => {
    test.slow();
    const w = words['zh-CN'];
    const insets = { top: 47, right: 0, bottom: 0, left: 0 };
    await useSafeArea(page, insets);
    await recordEvents(page);
    await page.goto('/?lang=zh-CN');
    await page.locator('bank-pay').getByRole('button', { name: w.pay }).tap();
    await expect(page.frameLocator(`iframe[title="${w.loginDialog}"]`).getByRole('textbox', { name: w.phone })).toBeVisible();
    await expectInSafeArea(page, 'bank-pay', w.loginDialog, w.logIn, w, insets);
    await logIn(page, w, 'bank-pay');
    const pay = page.frameLocator(`iframe[title="${w.payDialog}"]`);
    await pay.getByRole('textbox', { name: w.pin }).fill(paymentPin);
    await expectInSafeArea(page, 'bank-pay', w.payDialog, w.confirmPay, w, insets);
    await reachAndClick(page, pay.getByRole('button', { name: w.confirmPay }), dialogOf(page, 'bank-pay'));
    await expect(page.locator('bank-pay').getByRole('status')).toHaveText(w.paid);
    expect((await bankEvents(page)).filter((e) => e.type === 'bank-pay-success')).toHaveLength(1);
  });
});

// On its side: a notched iPhone (wider than a sheet: the centred dialog) and an Android phone with its camera hole on
// the left, as narrow as a sheet.
for (const [width, height, insets] of [
  [844, 390, { top: 0, right: 47, bottom: 21, left: 47 }],
  [640, 360, { top: 0, right: 0, bottom: 0, left: 32 }],
] as [number, number, Insets][]) {
  test.describe(`a phone on its side (${width}×${height}, insets ${insets.left} px left, ${insets.right} px right, ${insets.bottom} px below), en`, () => {
    test.use({ viewport: { width, height }, isMobile: true, hasTouch: true });

    test('the login and payment dialogs keep their frame and Close clear of the notch and the corners', async ({ page }) => {
      test.slow();
      const w = words.en;
      await useSafeArea(page, insets);
      await page.goto('/?lang=en');
      await page.locator('bank-pay').getByRole('button', { name: w.pay }).tap();
      await expect(page.frameLocator(`iframe[title="${w.loginDialog}"]`).getByRole('textbox', { name: w.phone })).toBeVisible();
      await expectInSafeArea(page, 'bank-pay', w.loginDialog, w.logIn, w, insets);
      await logIn(page, w, 'bank-pay');
      await expect(page.frameLocator(`iframe[title="${w.payDialog}"]`).getByRole('combobox', { name: w.payFrom })).toBeVisible();
      await expectInSafeArea(page, 'bank-pay', w.payDialog, w.confirmPay, w, insets);
    });
  });
}
