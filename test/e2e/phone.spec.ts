import { expect, type Page } from '@playwright/test';
import { parseOpaqueRgb } from '../../src/domain/contrast.ts';
import { bankEvents, password, paymentPin, recordEvents, smsCode, test } from './helpers.ts';
import { useDarkTheme } from './journeys.ts';
import { brokenWords, dialogOf, expectNoHorizontalOverflow, expectReadable, horizontalOverflow, reach, reachAndClick, sheetMaxWidth, smallTapTargets, words, type Words } from './layout.ts';

// Login, pay and the loan form on phones upright (320×568, 375×667), phones on their side (667×375, wider than a
// bottom sheet, and 568×320, a sheet on a short screen) and a laptop (1280×800), each in both locales: the dialog
// wholly on the screen, nothing sideways, the primary button and Close reachable by scrolling as a person scrolls.
// At 375×667 in zh-CN under the partner's dark theme (journeys.ts `darkTheme`), every text of the login, payment
// and loan frames is also readable (4.5:1; frame-themes.spec.ts covers English). Below, the flows complete with
// the on-screen keyboard taking half the screen, upright and (leaving under 200 px) on the phone's side.

const sizes = [
  { width: 320, height: 568, phone: true },
  { width: 375, height: 667, phone: true, dark: 'zh-CN' },
  { width: 667, height: 375, phone: true },
  { width: 568, height: 320, phone: true },
  { width: 1280, height: 800, phone: false },
];

/** The sheet's own Close button is in view, and the primary button can be scrolled to and clicked. */
async function checkDialog(page: Page, tag: string, frameTitle: string, primary: string, w: Words) {
  const dialog = dialogOf(page, tag);
  await expectNoHorizontalOverflow(page, frameTitle);
  const frame = page.frameLocator(`iframe[title="${frameTitle}"]`);
  const box = await dialog.boundingBox();
  const viewport = page.viewportSize()!;
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width + 0.5);
  // No taller than the screen: what does not fit scrolls inside the dialog.
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height + 0.5);
  if (viewport.width <= sheetMaxWidth) {
    // A bottom sheet: full width, resting on the bottom edge.
    expect(Math.round(box!.width)).toBe(viewport.width);
    expect(Math.round(box!.y + box!.height)).toBe(viewport.height);
  }
  await reach(page, frame.getByRole('button', { name: primary, exact: true }), dialog);
  await reach(page, dialog.getByRole('button', { name: w.close }), dialog);
  // Scrolled, the strip under Close is opaque across the sheet: no line of the bank's text or field shows cut by a
  // floating button. At rest it is clear: the frame's heading shows.
  const [scrollable, contentWidth] = await dialog.evaluate((d) => {
    const style = getComputedStyle(d);
    return [d.scrollHeight > d.clientHeight + 60, d.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)];
  });
  if (scrollable) {
    const strip = () => dialog.locator('.dialog-bar').evaluate((bar) => {
      const { width, height } = bar.getBoundingClientRect();
      return { width, height, background: getComputedStyle(bar).backgroundColor };
    });
    const area = (await dialog.boundingBox())!;
    await page.mouse.move(area.x + area.width / 2, Math.min(area.y + area.height / 2, viewport.height - 20));
    // Swipes until the sheet moves (a first one may go to the frame's own page, when it can scroll by a pixel).
    const swipe = (dy: number) => async () => {
      await page.mouse.wheel(0, dy);
      return dialog.evaluate((d) => d.scrollTop);
    };
    await expect.poll(swipe(-5000)).toBe(0);
    expect(parseOpaqueRgb((await strip()).background), 'the strip at rest').toBeNull();
    await expect.poll(swipe(120)).toBeGreaterThan(40);
    const scrolled = await strip();
    expect(parseOpaqueRgb(scrolled.background), `the strip under Close, scrolled: ${scrolled.background}`).not.toBeNull();
    expect(scrolled.width).toBeGreaterThanOrEqual(contentWidth - 0.5);
    expect(scrolled.height).toBeGreaterThanOrEqual(44);
  }
  // Every control a finger's size (44×44 px); no word or amount split over two lines.
  const content = (await page.locator(`iframe[title="${frameTitle}"]`).elementHandle())!.contentFrame();
  expect(await smallTapTargets((await content)!), `tap targets under 44×44 px in ${frameTitle}`).toEqual([]);
  expect(await brokenWords((await content)!), `words split across lines in ${frameTitle}`).toEqual([]);
}

for (const size of sizes) {
  for (const locale of ['en', 'zh-CN'] as const) {
    const w = words[locale];
    const dark = size.dark === locale;
    test.describe(`${size.width}×${size.height} ${locale}${dark ? ' dark' : ''}`, () => {
      test.use({ viewport: { width: size.width, height: size.height }, isMobile: size.phone, hasTouch: size.phone });

      test('login, SMS step, pay and the loan form with every error: nothing sideways, buttons and Close reachable', async ({ page }) => {
        // Three dialogs with many scroll-and-measure steps: generous on a shared, busy machine.
        test.setTimeout(180_000);
        if (dark) await useDarkTheme(page);
        await page.goto(`/?lang=${locale}`);
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
        // The elements on the partner's page with their data: no amount or masked number split across lines.
        await expect(page.locator('bank-loan-apply [part~="quote"] dd').first()).toContainText('¥');
        expect(await brokenWords(page), 'words split across lines on the partner page').toEqual([]);
        // The repayment schedule, opened, scrolls sideways inside the element: the page never widens (a wider page
        // on a phone shifts every bank dialog below sideways, the payee and the amount cut off at the left edge).
        await page.locator('bank-loan-apply').getByText(w.schedule, { exact: true }).click();
        await expect(page.locator('bank-loan-apply').getByRole('region', { name: w.schedule })).toBeVisible();
        expect(await horizontalOverflow(page), 'the page with the schedule open').toEqual([]);

        await page.locator('bank-login').getByRole('button', { name: w.logIn }).click();
        const login = page.frameLocator(`iframe[title="${w.loginDialog}"]`);
        await expect(login.getByRole('textbox', { name: w.phone })).toBeVisible();
        // Submitting nothing shows every error of the step.
        await reachAndClick(page, login.getByRole('button', { name: w.logIn, exact: true }), dialogOf(page, 'bank-login'));
        await expect(login.locator('.field-error')).toHaveCount(2);
        await checkDialog(page, 'bank-login', w.loginDialog, w.logIn, w);
        if (dark) await expectReadable(page, 'login', 'dark');
        await login.getByRole('textbox', { name: w.phone }).fill('138 0000 0001');
        await login.getByRole('textbox', { name: w.password }).fill(password);
        await reachAndClick(page, login.getByRole('button', { name: w.logIn, exact: true }), dialogOf(page, 'bank-login'));
        await expect(login.getByRole('textbox', { name: w.smsCode })).toBeVisible();
        await checkDialog(page, 'bank-login', w.loginDialog, w.verify, w);
        if (dark) await expectReadable(page, 'login', 'dark');
        await login.getByRole('textbox', { name: w.smsCode }).fill(smsCode);
        await reachAndClick(page, login.getByRole('button', { name: w.verify }), dialogOf(page, 'bank-login'));
        await expect(page.locator('bank-login').getByRole('button', { name: w.logOut })).toBeVisible();

        await page.locator('bank-pay').getByRole('button', { name: w.pay }).click();
        const pay = page.frameLocator(`iframe[title="${w.payDialog}"]`);
        await expect(pay.getByRole('combobox', { name: w.payFrom })).toBeVisible();
        await checkDialog(page, 'bank-pay', w.payDialog, w.confirmPay, w);
        if (dark) await expectReadable(page, 'pay', 'dark');
        await reachAndClick(page, dialogOf(page, 'bank-pay').getByRole('button', { name: w.close }), dialogOf(page, 'bank-pay'));
        await expect(dialogOf(page, 'bank-pay')).toHaveCount(0);

        await page.locator('bank-loan-apply').getByRole('button', { name: w.apply, exact: true }).click();
        const loan = page.frameLocator(`iframe[title="${w.loanDialog}"]`);
        // A frame that has not measured itself yet is not shown (and takes no clicks): wait until it has.
        await expect(page.locator('bank-loan-apply iframe[part~="frame"]')).not.toHaveClass(/measuring/);
        await reachAndClick(page, loan.getByRole('button', { name: w.submit }), dialogOf(page, 'bank-loan-apply'));
        await expect(loan.locator('.field-error')).toHaveCount(5);
        await checkDialog(page, 'bank-loan-apply', w.loanDialog, w.submit, w);
        if (dark) await expectReadable(page, 'loan', 'dark');
        await reachAndClick(page, dialogOf(page, 'bank-loan-apply').getByRole('button', { name: w.close }), dialogOf(page, 'bank-loan-apply'));
        await expect(dialogOf(page, 'bank-loan-apply')).toHaveCount(0);
        // The page behind never scrolled sideways, and is scrollable again.
        expect(await page.evaluate(() => document.documentElement.classList.contains('bank-sdk-scroll-lock'))).toBe(false);
      });
    });
  }
}

// The payment when no account can pay (13800000002): the warning above Pay from, then the PIN and Confirm payment,
// on the smallest phone, under the dark theme and with the keyboard open, in both locales.
for (const [width, height, locale, dark] of [[320, 568, 'zh-CN', false], [375, 667, 'en', true], [375, 300, 'en', false], [320, 300, 'zh-CN', true]] as const) {
  test.describe(`no account can pay, ${width}×${height} ${locale}${dark ? ' dark' : ''}`, () => {
    test.use({ viewport: { width, height }, isMobile: true, hasTouch: true });

    test('the warning, Pay from, the PIN and Confirm payment: nothing sideways, every button reachable', async ({ page }) => {
      test.slow();
      const w = words[locale];
      if (dark) await useDarkTheme(page);
      await page.goto(`/?lang=${locale}`);
      await page.locator('bank-pay').getByRole('button', { name: w.pay }).tap();
      const login = page.frameLocator(`iframe[title="${w.loginDialog}"]`);
      await login.getByRole('textbox', { name: w.phone }).fill('13800000002');
      await login.getByRole('textbox', { name: w.password }).fill(password);
      await reachAndClick(page, login.getByRole('button', { name: w.logIn, exact: true }), dialogOf(page, 'bank-pay'));
      await login.getByRole('textbox', { name: w.smsCode }).fill(smsCode);
      await reachAndClick(page, login.getByRole('button', { name: w.verify }), dialogOf(page, 'bank-pay'));
      const payFrom = page.frameLocator(`iframe[title="${w.payDialog}"]`).getByRole('combobox', { name: w.payFrom });
      await expect(payFrom).toHaveAccessibleDescription(locale === 'en' ? /balance too low/ : /余额不足/);
      await checkDialog(page, 'bank-pay', w.payDialog, w.confirmPay, w);
      if (dark) await expectReadable(page, 'pay', 'dark');
    });
  });
}

// Upright, then on its side (a landscape phone keeps about 190 px above its keyboard).
for (const [width, height] of [[375, 300], [667, 190]]) {
  test.describe(`with the on-screen keyboard open (${width}×${height})`, () => {
    test.use({ viewport: { width, height }, isMobile: true, hasTouch: true });

    test('a customer logs in and pays the rent; the page behind does not scroll', async ({ page }) => {
      test.slow();
      const w = words.en;
      await recordEvents(page);
      await page.goto('/?lang=en');
      await page.locator('bank-pay').getByRole('button', { name: w.pay }).tap();
      const dialog = dialogOf(page, 'bank-pay');
      const login = page.frameLocator(`iframe[title="${w.loginDialog}"]`);
      await login.getByRole('textbox', { name: w.phone }).fill('138-0000-0001');
      // Scroll lock: the page's own scroll position does not move while the sheet is open.
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).overflow)).toBe('hidden');
      await login.getByRole('textbox', { name: w.password }).fill(password);
      await reachAndClick(page, login.getByRole('button', { name: w.logIn, exact: true }), dialog);
      await login.getByRole('textbox', { name: w.smsCode }).fill(smsCode);
      await reachAndClick(page, login.getByRole('button', { name: w.verify }), dialog);
      const pay = page.frameLocator(`iframe[title="${w.payDialog}"]`);
      await pay.getByRole('textbox', { name: w.pin }).fill(paymentPin);
      await expectNoHorizontalOverflow(page, w.payDialog);
      await reachAndClick(page, pay.getByRole('button', { name: w.confirmPay }), dialog);
      await expect(page.locator('bank-pay').getByRole('status')).toHaveText(w.paid);
      expect((await bankEvents(page)).filter((e) => e.type === 'bank-pay-success')).toHaveLength(1);
    });
  });
}

// The smallest phone upright, then on its side (568×320 keeps about 170 px above its keyboard).
for (const [width, height] of [[320, 300], [568, 170]]) {
  test.describe(`with the on-screen keyboard open on the smallest phone (${width}×${height}, zh-CN)`, () => {
    test.use({ viewport: { width, height }, isMobile: true, hasTouch: true });

    test('a customer logs in and submits a rent-loan application by touch; every field and button is reachable', async ({ page }) => {
      test.slow();
      const w = words['zh-CN'];
      await recordEvents(page);
      await page.goto('/?lang=zh-CN');
      await page.locator('bank-loan-apply').getByRole('button', { name: w.apply, exact: true }).tap();
      const dialog = dialogOf(page, 'bank-loan-apply');
      const login = page.frameLocator(`iframe[title="${w.loginDialog}"]`);
      await login.getByRole('textbox', { name: w.phone }).fill('13800000001');
      await login.getByRole('textbox', { name: w.password }).fill(password);
      await reachAndClick(page, login.getByRole('button', { name: w.logIn, exact: true }), dialog);
      await login.getByRole('textbox', { name: w.smsCode }).fill(smsCode);
      await reachAndClick(page, login.getByRole('button', { name: w.verify }), dialog);

      const loan = page.frameLocator(`iframe[title="${w.loanDialog}"]`);
      await expect(page.locator('bank-loan-apply iframe[part~="frame"]')).not.toHaveClass(/measuring/);
      for (const [name, value] of [['姓名', '张三'], ['身份证号', '110105199003070017'], ['月收入', '15000'], ['工作单位', '北京示例有限公司']]) {
        const field = loan.getByRole('textbox', { name });
        await reach(page, field, dialog);
        await field.fill(value);
      }
      const consent = loan.getByRole('checkbox', { name: '本人授权银行查询征信' });
      await reachAndClick(page, consent, dialog);
      await expect(consent).toBeChecked();
      await expectNoHorizontalOverflow(page, w.loanDialog);
      await reach(page, dialog.getByRole('button', { name: w.close }), dialog);
      await reachAndClick(page, loan.getByRole('button', { name: w.submit }), dialog);
      await expect(page.locator('bank-loan-apply').locator('[part~="decision"]')).toContainText('已批准');
      const submitted = (await bankEvents(page)).filter((e) => e.type === 'bank-loan-submitted');
      expect(submitted).toHaveLength(1);
      expect(submitted[0]!.detail).toMatchObject({ status: 'approved', amount: '36000.00', termMonths: 12 });
    });
  });
}
