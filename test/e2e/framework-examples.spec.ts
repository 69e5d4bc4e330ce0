/**
 * The framework examples (`examples/react`, `examples/vue`), built by `npm test` (examples/build.mjs) and served by
 * their partner backend (`node examples/<name>/server.mjs`) on their own origin, against the test sandbox bank:
 * a customer logs in through the bank's login frame, pays the server's rent order with the PIN in the pay frame and
 * applies for a rent loan; each time the page shows what the React or Vue code rendered from the element's event.
 */
import { expect, type Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { registerApp } from './bank-client.ts';
import {
  bankEvents, logIn, newCustomer, paymentPin, recordEvents, test, watchForProblems, type RecordedEvent,
} from './helpers.ts';
import { startExample, stopExample } from './example-servers.ts';
import { extraPorts } from './ports.ts';

const root = new URL('../../', import.meta.url).pathname;

/** The first event of `type` that reached the page, once it has. */
async function eventOf(page: Page, type: string) {
  await expect.poll(async () => (await bankEvents(page)).some((e) => e.type === type)).toBe(true);
  return (await bankEvents(page)).find((e) => e.type === type) as RecordedEvent;
}

const frameworks = [
  { name: 'react', port: extraPorts.reactExample },
  { name: 'vue', port: extraPorts.vueExample },
];

for (const { name, port } of frameworks) {
  test(`examples/${name}: log in, pay the rent, apply for a rent loan; the app renders each event`, async ({ page }) => {
    test.setTimeout(60_000);
    expect(existsSync(`${root}examples/${name}/dist/index.html`), 'built by examples/build.mjs (npm test runs it)').toBe(true);
    const origin = `http://localhost:${port}`;
    const problems = watchForProblems(page);
    await recordEvents(page);
    const app = await registerApp({ name: `HomeNest (${name} example)`, origins: [origin] });
    const server = await startExample(name, port, { APP_ID: app.appId, BANK_SECRET_KEY: app.secretKey }, '/favicon.ico');
    try {
      const phone = await newCustomer();
      await page.goto(`${origin}/`);
      await expect(page.getByRole('heading', { name: 'Rent for December: ¥3,500.00' })).toBeVisible();
      // The app asked its server for the order and rendered <bank-pay> with its id.
      await expect(page.locator('bank-pay')).toHaveAttribute('order-id', /^ord_/);
      const orderId = await page.locator('bank-pay').getAttribute('order-id');
      await expect(page.getByRole('status').filter({ hasText: 'Not logged in to the bank yet.' })).toBeVisible();

      await logIn(page, phone);
      const login = await eventOf(page, 'bank-login-success');
      await expect(page.getByRole('status').filter({ hasText: `Logged in to the bank as ${login.detail.displayName}.` })).toBeVisible();

      await page.locator('bank-pay').getByRole('button', { name: 'Pay ¥3,500.00' }).click();
      const payFrame = page.frameLocator('iframe[title="Confirm payment"]');
      await payFrame.getByRole('textbox', { name: 'Payment PIN' }).fill(paymentPin);
      await payFrame.getByRole('button', { name: 'Confirm payment' }).click();
      const paid = await eventOf(page, 'bank-pay-success');
      expect(paid.detail).toMatchObject({ orderId, status: 'paid' });
      expect(paid.detail.paymentId).toEqual(expect.any(String));
      // Rendered from the event, then confirmed by the example's server with the bank (GET /v1/orders/{id}).
      await expect(page.getByRole('status').filter({ hasText: `Paid: ${paid.detail.paymentId}. Confirmed by our server with the bank.` })).toBeVisible();

      // One login serves every element: Apply opens the loan application at once.
      await page.locator('bank-loan-apply').getByRole('button', { name: 'Apply' }).click();
      const loanFrame = page.frameLocator('iframe[title="Loan application"]');
      await loanFrame.getByRole('textbox', { name: 'Full name' }).fill('张三');
      await loanFrame.getByRole('textbox', { name: 'ID number' }).fill('110105199003070017');
      await loanFrame.getByRole('textbox', { name: 'Monthly income' }).fill('15000');
      await loanFrame.getByRole('textbox', { name: 'Employer' }).fill('Beijing Example Co.');
      await loanFrame.getByRole('checkbox', { name: 'I authorize a credit check' }).check();
      await loanFrame.getByRole('button', { name: 'Submit application' }).click();
      const submitted = await eventOf(page, 'bank-loan-submitted');
      expect(submitted.detail).toMatchObject({ status: 'approved', amount: '36000.00', termMonths: 12, apr: '7.20' });
      await expect(
        page.getByRole('status').filter({ hasText: `Loan application ${submitted.detail.applicationId}: approved, ¥36000.00 over 12 months at APR 7.20%.` }),
      ).toBeVisible();
      expect(problems).toEqual([]);
    } finally {
      await stopExample(server.child);
    }
  });
}
