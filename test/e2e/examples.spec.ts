/**
 * The partner examples in `examples/`, run as a partner runs them (`node examples/…/server.mjs`) against the test
 * sandbox bank, each with an app registered for its own origin through the sandbox API: sign in to the partner
 * site, log in to the bank, pay the rent order the server created, see the server's own check with the bank, and
 * receive the bank's signed webhook.
 */
import { expect, type APIRequestContext } from '@playwright/test';
import { signWebhook } from '../../src/sandbox/webhooks.ts';
import { registerApp } from './bank-client.ts';
import { logIn, newCustomer, paymentPin, test, watchForProblems } from './helpers.ts';
import { startExample, stopExample } from './example-servers.ts';
import { extraPorts } from './ports.ts';

const examples = [
  { name: 'partner-node', port: extraPorts.nodeExample, wrongKeyPort: extraPorts.nodeExampleWrongKey },
  { name: 'partner-express', port: extraPorts.expressExample, wrongKeyPort: extraPorts.expressExampleWrongKey },
];

/** Signs in to the partner site (its own user, its own cookie) through its form. */
async function signIn(request: APIRequestContext, origin: string) {
  const answer = await request.post(`${origin}/sign-in`, { form: { name: 'Test Tenant' }, maxRedirects: 0 });
  expect(answer.status()).toBe(303);
}

for (const { name, port, wrongKeyPort } of examples) {
  test.describe(`examples/${name}`, () => {
    const origin = `http://localhost:${port}`;

    test('a tenant pays; the server verifies the order with the bank and receives a verified webhook, once', async ({ page }) => {
      test.setTimeout(60_000);
      const problems = watchForProblems(page);
      const app = await registerApp({ name: `HomeNest (${name})`, origins: [origin], webhookUrl: `${origin}/webhooks/bank` });
      const server = await startExample(name, port, { APP_ID: app.appId, BANK_SECRET_KEY: app.secretKey, WEBHOOK_SECRET: app.webhookSecret! }, '/app.js');
      try {
        const phone = await newCustomer();
        await page.goto(`${origin}/`);
        await page.getByRole('textbox', { name: 'Your name' }).fill('Test Tenant');
        await page.getByRole('button', { name: 'Sign in' }).click();
        await expect(page.getByText('Signed in to HomeNest as Test Tenant')).toBeVisible();
        const orderId = await page.locator('bank-pay').getAttribute('order-id');
        expect(orderId).toMatch(/^ord_/);
        // The same user loading the page again gets the same order (Idempotency-Key per user and month).
        await page.reload();
        expect(await page.locator('bank-pay').getAttribute('order-id')).toBe(orderId);

        await expect(page.locator('bank-loan-apply').getByRole('button', { name: 'Apply' })).toBeVisible();
        await logIn(page, phone);
        await expect(page.locator('bank-login')).toContainText('Logged in as');
        await page.locator('bank-pay').getByRole('button', { name: 'Pay ¥3,500.00' }).click();
        const payFrame = page.frameLocator('iframe[title="Confirm payment"]');
        await payFrame.getByRole('textbox', { name: 'Payment PIN' }).fill(paymentPin);
        await payFrame.getByRole('button', { name: 'Confirm payment' }).click();
        await expect(page.getByRole('status').filter({ hasText: 'Paid: confirmed by our server with the bank.' })).toBeVisible();

        // The bank's webhook reached the example and passed its signature and freshness checks.
        const order = async () => (await page.request.get(`${origin}/api/orders/${orderId}`)).json();
        await expect.poll(async () => (await order()).webhookEventId, { timeout: 15_000 }).toMatch(/^evt_/);
        expect(await order()).toMatchObject({ status: 'paid', checkedWithBank: true });

        // A redelivery of the same event is acknowledged once more and not applied twice; forgeries are refused.
        const { webhookEventId } = await order();
        const body = JSON.stringify({ id: webhookEventId, type: 'order.paid', createdAt: new Date().toISOString(), data: { id: orderId, status: 'paid' } });
        const deliver = (signature: string) =>
          page.request.post(`${origin}/webhooks/bank`, { headers: { 'Content-Type': 'application/json', 'Bank-Signature': signature }, data: body });
        const now = Math.floor(Date.now() / 1000);
        const again = await deliver(signWebhook(app.webhookSecret!, body, now));
        expect([again.status(), await again.json()]).toEqual([200, { received: true, duplicate: true }]);
        const forged = await deliver(signWebhook('whsec_not_the_secret', body, now));
        expect([forged.status(), await forged.json()]).toEqual([400, { error: 'signature mismatch' }]);
        const stale = await deliver(signWebhook(app.webhookSecret!, body, now - 600));
        expect([stale.status(), await stale.json()]).toEqual([400, { error: 'signature too old' }]);
        expect(problems).toEqual([]);
      } finally {
        await stopExample(server.child);
      }
    });

    test('the token endpoint is for signed-in users only, and passes the bank’s refusal on', async ({ playwright }) => {
      const app = await registerApp({ name: `Wrong key (${name})`, origins: [`http://localhost:${wrongKeyPort}`] });
      const server = await startExample(name, wrongKeyPort, { APP_ID: app.appId, BANK_SECRET_KEY: 'sk_sandbox_wrong', WEBHOOK_SECRET: 'whsec_x' }, '/app.js');
      const request = await playwright.request.newContext();
      try {
        const wrongOrigin = `http://localhost:${wrongKeyPort}`;
        const anonymous = await request.post(`${wrongOrigin}/api/bank/client-token`);
        expect([anonymous.status(), (await anonymous.json()).error.code]).toEqual([401, 'login_required']);
        await signIn(request, wrongOrigin);
        const refused = await request.post(`${wrongOrigin}/api/bank/client-token`);
        expect(refused.status()).toBe(401);
        expect((await refused.json()).error.code).toBe('unauthorized');
      } finally {
        await request.dispose();
        await stopExample(server.child);
      }
    });
  });
}
