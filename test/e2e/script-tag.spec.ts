import { expect } from '@playwright/test';
import { bankEvents, bankOrigin, logIn, recordEvents, servePartnerPage, watchForProblems, test } from './helpers.ts';

const loadings = [
  ['classic', ''],
  ['async', 'async'],
  ['defer', 'defer'],
  ['module', 'type="module"'],
] as const;

for (const [name, attrs] of loadings) {
  for (const place of ['before', 'after'] as const) {
    test(`the script tag works as ${name}, placed ${place} the element`, async ({ page }) => {
      const problems = watchForProblems(page);
      await recordEvents(page);
      const element = '<bank-login></bank-login>';
      await servePartnerPage(page, '/tag', place === 'before' ? `{{sdk}}${element}` : `${element}{{sdk}}`, { scriptAttrs: attrs });
      await page.goto('/tag');
      await expect(page.locator('bank-login').getByRole('button', { name: 'Log in' })).toBeVisible();
      await expect.poll(async () => (await bankEvents(page)).map((e) => e.type)).toContain('bank-ready');
      const sdk = await page.evaluate(async () => {
        const api = (window as unknown as { BankSDK: { version: string; ready: Promise<void> } }).BankSDK;
        await api.ready;
        return { version: api.version };
      });
      expect(sdk.version).toMatch(/^\d+\.\d+\.\d+$/);
      expect(problems).toEqual([]);
    });
  }
}

test('the script in <head> works, and an element inserted long after load comes alive', async ({ page }) => {
  await recordEvents(page);
  await servePartnerPage(
    page,
    '/late',
    `<main id="app"></main><script nonce="{{nonce}}">
      document.head.append(document.querySelector('script[data-app-id]'));
      setTimeout(() => { const el = document.createElement('bank-login'); el.id = 'late'; document.getElementById('app').append(el); }, 1200);
    </script>{{sdk}}`,
  );
  await page.goto('/late');
  await expect(page.locator('#late').getByRole('button', { name: 'Log in' })).toBeVisible();
  await logIn(page, '13800000001', page.locator('#late'));
  await expect(page.locator('#late').getByText('Logged in as Zhang *')).toBeVisible();
});

test('elements inserted by a framework after login show the shared session at once', async ({ page }) => {
  await servePartnerPage(page, '/spa', '{{sdk}}<bank-login id="first"></bank-login><div id="later"></div>');
  await page.goto('/spa');
  await logIn(page, '13800000001', page.locator('#first'));
  await expect(page.locator('#first').getByText('Logged in as Zhang *')).toBeVisible();
  await page.evaluate(() => {
    const el = document.createElement('bank-login');
    el.id = 'second';
    document.getElementById('later')!.append(el);
  });
  await expect(page.locator('#second').getByText('Logged in as Zhang *')).toBeVisible();
});

test('the script loaded twice starts once', async ({ page }) => {
  await servePartnerPage(page, '/twice', '{{sdk}}{{sdk}}<bank-login></bank-login>');
  await page.goto('/twice');
  await expect(page.locator('bank-login').getByRole('button', { name: 'Log in' })).toBeVisible();
  await expect(page.locator(`iframe[src^="${bankOrigin}/sdk/v1/frames/bridge.html"]`)).toHaveCount(1);
});
