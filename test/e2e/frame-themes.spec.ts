import { expect, type Page } from '@playwright/test';
import { loginInBankFrame } from '../../packages/testing/src/index.ts';
import { newCustomer, partnerOrigin, rentOrder, servePartnerPage, test } from './helpers.ts';
import { expectReadable } from './layout.ts';

/**
 * The bank owns the facts in every frame, not only login and payment (theme.spec.ts): with a partner theme that
 * tries to hide text (transparent colours), one that is dark with a white input, and a dark colour scheme, every
 * piece of text in the inline frames (Accounts, Investments) and the dialog frames (Bank login, Confirm payment,
 * Share data, Open an account, Loan application, Buy) is painted opaque on an opaque background at 4.5:1 or more.
 */
const themes = `
  html.attack { --bank-color-text: transparent; --bank-color-background: transparent; --bank-color-muted: transparent;
    --bank-color-input-background: transparent; --bank-color-border: transparent; }
  html.night { --bank-color-background: #111827; --bank-color-text: rgb(240 240 240); --bank-color-input-background: #fff;
    --bank-color-muted: #1f2937; }
  html.dark { color-scheme: dark; }
  html.dark body { background: #000; }
`;

async function closeDialog(page: Page, tag: string) {
  await page.locator(`${tag} dialog[open]`).getByRole('button', { name: 'Close' }).click();
  await expect(page.locator(`${tag} dialog[open]`)).toHaveCount(0);
}

// Each theme on a desktop; the dark ones also on the smallest phone, where the dialogs are bottom sheets.
const runs: [theme: string, width: number, height: number][] = [
  ['attack', 1280, 800], ['night', 1280, 800], ['dark', 1280, 800], ['night', 320, 568], ['dark', 320, 568],
];

for (const [theme, width, height] of runs) {
  test(`with the partner's "${theme}" theme at ${width}×${height} every text in the inline and dialog frames is readable`, async ({ page }) => {
    test.slow();
    await page.setViewportSize({ width, height });
    const orderId = await rentOrder();
    await page.route(`${partnerOrigin}/frame-themes.css`, (route) => route.fulfill({ contentType: 'text/css', body: themes }));
    await servePartnerPage(page, `/frame-themes-${theme}`, `<link rel="stylesheet" href="/frame-themes.css">{{sdk}}
      <bank-login></bank-login><bank-pay order-id="${orderId}"></bank-pay>
      <bank-data-consent purpose="rental-screening" claims="identity income-at-least:10500"></bank-data-consent>
      <bank-account-open account-class="III"></bank-account-open>
      <bank-loan-apply product="rent-loan" amount="36000" term="12"></bank-loan-apply>
      <bank-account></bank-account><bank-invest></bank-invest>`);
    await page.goto(`/frame-themes-${theme}`);
    await page.evaluate((name) => document.documentElement.classList.add(name), theme);
    await page.locator('bank-login').getByRole('button', { name: 'Log in' }).click();
    await expect(page.frameLocator('iframe[title="Bank login"]').getByRole('textbox', { name: 'Phone number' })).toBeVisible();
    await expectReadable(page, 'login', theme);
    // A customer of the test's own: no consent given yet, whatever the other runs did.
    await loginInBankFrame(page, { phone: await newCustomer() });

    await page.locator('bank-pay').getByRole('button', { name: /^Pay/ }).click();
    await expect(page.frameLocator('iframe[title="Confirm payment"]').getByRole('textbox', { name: 'Payment PIN' })).toBeVisible();
    await expectReadable(page, 'pay', theme);
    await closeDialog(page, 'bank-pay');

    const accounts = page.frameLocator('bank-account iframe[title="Accounts"]');
    await expect(accounts.getByText('Opening balance')).toBeVisible();
    await expectReadable(page, 'accounts', theme);
    const invest = page.frameLocator('bank-invest iframe[title="Investments"]');
    await expect(invest.getByText('Wealth products are not deposits. Investing involves risk; invest with care.')).toBeVisible();
    await expectReadable(page, 'invest', theme);

    await page.locator('bank-data-consent').getByRole('button', { name: /^Share/ }).click();
    await expect(page.frameLocator('iframe[title="Share data"]').getByRole('checkbox')).toBeVisible();
    await expectReadable(page, 'consent', theme);
    await closeDialog(page, 'bank-data-consent');

    await page.locator('bank-account-open').getByRole('button', { name: 'Open an account' }).click();
    await expect(page.frameLocator('iframe[title="Open an account"]').getByRole('button').first()).toBeVisible();
    await expectReadable(page, 'account-open', theme);
    await closeDialog(page, 'bank-account-open');

    await page.locator('bank-loan-apply').getByRole('button', { name: 'Apply', exact: true }).click();
    await expect(page.frameLocator('iframe[title="Loan application"]').getByRole('textbox', { name: 'Full name' })).toBeVisible();
    await expectReadable(page, 'loan', theme);
    await closeDialog(page, 'bank-loan-apply');

    await invest.getByRole('region', { name: 'Balanced 1Y' }).getByRole('button', { name: 'Buy' }).click();
    await expect(page.frameLocator('iframe[title="Buy"]').getByRole('radiogroup')).toHaveCount(10);
    await expectReadable(page, 'invest-buy', theme);
    await closeDialog(page, 'bank-invest');
  });
}
