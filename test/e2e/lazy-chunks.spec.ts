import { expect, type Page } from '@playwright/test';
import { bankApi, bankEvents, recordEvents, servePartnerPage, test } from './helpers.ts';

/**
 * What an element does only once the customer pressed its button is a lazy chunk of its own (`<bank-data-consent>`:
 * share.ts, `<bank-merchant-onboard>`: verification.ts; `<bank-pay>` and `<bank-loan-apply>` in their own specs),
 * fetched on a first pointer down or focus on the button, or on the click. A CDN that fails it shows in the element:
 * bank_unavailable, with Try again, after which the button fetches it again and works.
 */

/** Fails the first fetch of the element chunk whose code contains `marker` (an event only that chunk fires). */
async function failFirstFetchOf(page: Page, marker: string) {
  const fetches = { failed: 0, total: 0 };
  await page.route('**/sdk/v1/elements/chunk-*.js', async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    if (!body.includes(marker)) return route.fulfill({ response, body });
    if (fetches.total++ === 0) {
      fetches.failed++;
      return route.abort('connectionfailed');
    }
    return route.fulfill({ response, body });
  });
  return fetches;
}

const unavailable = 'The bank is not available right now. Please try again in a few minutes.';
const bankErrors = async (page: Page) => (await bankEvents(page)).filter((e) => e.type === 'bank-error').map((e) => e.detail);

test('<bank-data-consent>: Share’s code cannot be fetched → bank_unavailable with Try again; then Share opens the login', async ({ page }) => {
  const fetches = await failFirstFetchOf(page, 'bank-consent-granted');
  await recordEvents(page);
  await servePartnerPage(page, '/consent-lazy', '{{sdk}}<bank-data-consent purpose="car-rental-deposit-waiver" claims="identity"></bank-data-consent>');
  await page.goto('/consent-lazy');
  const consent = page.locator('bank-data-consent');
  await consent.getByRole('button', { name: 'Share' }).click();
  await expect(consent.getByRole('alert')).toContainText(unavailable);
  await expect.poll(() => bankErrors(page)).toEqual([{ code: 'bank_unavailable', message: 'The bank did not answer.', retryable: true }]);
  await expect(page.locator('iframe[title="Bank login"]')).toHaveCount(0);
  await consent.getByRole('button', { name: 'Try again' }).click();
  await consent.getByRole('button', { name: 'Share' }).click();
  await expect(page.frameLocator('iframe[title="Bank login"]').getByRole('textbox', { name: 'Phone number' })).toBeVisible();
  expect(fetches).toEqual({ failed: 1, total: 2 });
});

test('<bank-merchant-onboard>: Verify’s code cannot be fetched → bank_unavailable with Try again; then Verify opens the login', async ({ page }) => {
  const created = await bankApi('/v1/merchants', { method: 'POST', body: JSON.stringify({ type: 'individual', name: 'Wang Landlord' }) });
  const fetches = await failFirstFetchOf(page, 'bank-merchant-verified');
  await recordEvents(page);
  await servePartnerPage(page, '/merchant-lazy', `{{sdk}}<bank-merchant-onboard merchant-id="${created.body.id}"></bank-merchant-onboard>`);
  await page.goto('/merchant-lazy');
  const merchant = page.locator('bank-merchant-onboard');
  await merchant.getByRole('button', { name: 'Verify business' }).click();
  await expect(merchant.getByRole('alert')).toContainText(unavailable);
  await expect.poll(() => bankErrors(page)).toEqual([{ code: 'bank_unavailable', message: 'The bank did not answer.', retryable: true }]);
  await merchant.getByRole('button', { name: 'Try again' }).click();
  await merchant.getByRole('button', { name: 'Verify business' }).click();
  await expect(page.frameLocator('iframe[title="Bank login"]').getByRole('textbox', { name: 'Phone number' })).toBeVisible();
  expect(fetches).toEqual({ failed: 1, total: 2 });
});
