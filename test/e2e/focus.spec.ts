import { expect, type Page } from '@playwright/test';
import { loginInBankFrame } from '../../packages/testing/src/index.ts';
import { logIn, paymentPin, rentOrder, servePartnerPage, test } from './helpers.ts';

// When a dialog closes, for any reason, focus goes back where the customer was: the control that opened it, or
// what took its place (Log out after login, the receipt after payment, the decision after a loan application).

async function openPage(page: Page, amount = '3500.00') {
  const orderId = await rentOrder(amount);
  await servePartnerPage(
    page,
    '/focus',
    `{{sdk}}<bank-login></bank-login><bank-pay order-id="${orderId}"></bank-pay><bank-loan-apply product="rent-loan" amount="36000" term="12" reference="focus-${Date.now()}-${Math.random()}"></bank-loan-apply>`,
  );
  await page.goto('/focus');
}

const sheet = (page: Page, tag: string) => page.locator(`${tag} dialog[open]`);

test('login: Escape and Close return focus to Log in; success moves it to Log out', async ({ page }) => {
  await openPage(page);
  const button = page.locator('bank-login').getByRole('button', { name: 'Log in' });
  const phone = page.frameLocator('iframe[title="Bank login"]').getByRole('textbox', { name: 'Phone number' });
  await button.click();
  await expect(phone).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(button).toBeFocused();
  await button.click();
  await expect(phone).toBeFocused();
  await sheet(page, 'bank-login').getByRole('button', { name: 'Close' }).click();
  await expect(button).toBeFocused();
  await button.click();
  await loginInBankFrame(page, { phone: '13800000001' });
  await expect(page.locator('bank-login').getByRole('button', { name: 'Log out' })).toBeFocused();
});

test('pay: Escape and Close return focus to Pay; success moves it to the receipt; a failure back to Pay', async ({ page }) => {
  test.slow();
  await openPage(page);
  await logIn(page);
  const pay = page.locator('bank-pay').getByRole('button', { name: /^Pay/ });
  const frame = page.frameLocator('iframe[title="Confirm payment"]');
  await pay.click();
  await expect(frame.getByRole('textbox', { name: 'Payment PIN' })).toBeVisible();
  await frame.getByRole('textbox', { name: 'Payment PIN' }).focus();
  await page.keyboard.press('Escape');
  await expect(pay).toBeFocused();
  await pay.click();
  await sheet(page, 'bank-pay').getByRole('button', { name: 'Close' }).click();
  await expect(pay).toBeFocused();
  await pay.click();
  await frame.getByRole('textbox', { name: 'Payment PIN' }).fill(paymentPin);
  await frame.getByRole('button', { name: 'Confirm payment' }).click();
  await expect(page.locator('bank-pay [part~="receipt"] h3')).toHaveText('Paid');
  await expect(page.locator('bank-pay [part~="receipt"] h3')).toBeFocused();
});

test('pay: when no account can pay, the dialog says so first; its Cancel returns focus to Pay', async ({ page }) => {
  await openPage(page);
  await logIn(page, '13800000002');
  const pay = page.locator('bank-pay').getByRole('button', { name: /^Pay/ });
  await pay.click();
  const frame = page.frameLocator('iframe[title="Confirm payment"]');
  await expect(frame.getByRole('combobox', { name: 'Pay from' })).toHaveAccessibleDescription(/balance too low/);
  await frame.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.locator('iframe[title="Confirm payment"]')).toHaveCount(0);
  await expect(pay).toBeFocused();
});

for (const [phone, decision] of [['13800000001', 'Approved'], ['13800000004', 'Declined']] as const) {
  test(`loan: Escape and Close return focus to Apply; "${decision}" moves it to the decision`, async ({ page }) => {
    test.slow();
    await openPage(page);
    await logIn(page, phone);
    const apply = page.locator('bank-loan-apply').getByRole('button', { name: 'Apply', exact: true });
    const frame = page.frameLocator('iframe[title="Loan application"]');
    await apply.click();
    await expect(frame.getByRole('textbox', { name: 'Full name' })).toBeVisible();
    await frame.getByRole('textbox', { name: 'Full name' }).focus();
    await page.keyboard.press('Escape');
    await expect(apply).toBeFocused();
    await apply.click();
    // The customer closes the dialog they see: its form is there.
    await expect(frame.getByRole('textbox', { name: 'Full name' })).toBeVisible();
    await sheet(page, 'bank-loan-apply').getByRole('button', { name: 'Close' }).click();
    await expect(apply).toBeFocused();
    await apply.click();
    await frame.getByRole('textbox', { name: 'Full name' }).fill('张三');
    await frame.getByRole('textbox', { name: 'ID number' }).fill('110105199003070017');
    await frame.getByRole('textbox', { name: 'Monthly income' }).fill('15000');
    await frame.getByRole('textbox', { name: 'Employer' }).fill('Beijing Example Co.');
    await frame.getByRole('checkbox', { name: 'I authorize a credit check' }).check();
    await frame.getByRole('button', { name: 'Submit application' }).click();
    const result = page.locator('bank-loan-apply').locator('[part~="decision"]');
    await expect(result).toContainText(decision);
    await expect(result).toBeFocused();
  });
}

