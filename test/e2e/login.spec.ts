import { expect, test } from '@playwright/test';
import { axeViolations, bankApi, bankEvents, logIn, loginFrame, recordEvents, watchForProblems } from './helpers.ts';

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
  expect(customer.body.displayName).toBe('张*');
  await expect(page.locator('#event-log')).toContainText('server verified with the bank: 张*');
  expect(problems).toEqual([]);
});
