/**
 * Merchants end to end on the demo's "For landlords and firms" page: onboarding (verified and rejected) through
 * the bank's `Merchant verification` frame, a split rent payment with supervision, a payout, and the merchant loan
 * for the legal representative (and refused for another customer). The partner page is spied on throughout: the
 * ID number and the settlement account number never reach it.
 */
import { expect, type Frame, type Page } from '@playwright/test';
import { loginInBankFrame } from '../../packages/testing/src/index.ts';
import { axeViolations, bankApi, newCustomer, paymentPin, servePartnerPage, test } from './helpers.ts';

/**
 * Log out, and wait until the bank has logged the customer out: the elements show no customer at once, while the
 * bridge's request is still on its way (a page left meanwhile could take the request with it).
 */
async function logOut(page: Page) {
  const done = page.waitForResponse((response) => new URL(response.url()).pathname === '/v1/frame/logout');
  await page.locator('bank-login').getByRole('button', { name: 'Log out' }).click();
  expect((await done).ok()).toBe(true);
}

const idNumber = '110105199003070017';
const account = '6222000000000000012';
const rejectedAccount = '6222000000000000046';
/** Nothing in a frame is wider than its viewport (phone first). */
async function expectNoOverflow(frame: Frame) {
  const { scroll, client } = await frame.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(scroll).toBeLessThanOrEqual(client);
}

const merchantFrame = (page: Page) => page.frameLocator('iframe[title="Merchant verification"]');

/** Records merchant events, every message the partner window receives and every request it sends. */
async function spy(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { spied: string[] }).spied = seen;
    if (window.top !== window) return;
    addEventListener('message', (event) => seen.push(`message ${JSON.stringify(event.data)}`));
    for (const type of ['bank-merchant-verified', 'bank-loan-submitted', 'bank-error']) {
      document.addEventListener(type, (event) => seen.push(`event ${type} ${JSON.stringify((event as CustomEvent).detail)}`));
    }
  });
  const requests: string[] = [];
  page.on('request', (request) => {
    if (request.frame() === page.mainFrame()) requests.push(`${request.url()} ${request.postData() ?? ''}`);
  });
  return async () => {
    const inPage = await page.evaluate(() => (window as unknown as { spied: string[] }).spied);
    const dom = await page.evaluate(() => {
      const texts = [document.documentElement.outerHTML];
      for (const el of document.querySelectorAll('*')) if (el.shadowRoot) texts.push(el.shadowRoot.innerHTML);
      return texts.join('\n');
    });
    return { seen: [...inPage, ...requests].join('\n'), dom, events: inPage.filter((s) => s.startsWith('event ')) };
  };
}

/** Opens the landlords page with a fresh firm (its own cookie), logs in through the onboarding button, verifies. */
async function onboard(page: Page, { settlementAccount = account, phone = '13800000001' } = {}) {
  await page.goto('/landlords?lang=en');
  const onboard = page.locator('bank-merchant-onboard');
  // The first render waits for the partner server's bank calls and the SDK's start: slow on a busy machine.
  await expect(onboard.getByRole('status')).toContainText('Not verified by the bank yet', { timeout: 20_000 });
  await onboard.getByRole('button', { name: 'Verify business' }).click();
  await loginInBankFrame(page, { phone });
  const frame = merchantFrame(page);
  await frame.getByRole('textbox', { name: 'Business name' }).fill('Anju Renovation Ltd');
  await frame.getByRole('textbox', { name: 'Unified social credit code' }).fill('91110105MA01ABCD13');
  await frame.getByRole('textbox', { name: 'Legal representative', exact: true }).fill('Zhang San');
  await frame.getByRole('textbox', { name: 'Legal representative ID number' }).fill(idNumber);
  await frame.getByRole('textbox', { name: 'Settlement account number' }).fill(settlementAccount);
  await frame.getByRole('button', { name: 'Submit' }).click();
  return onboard;
}

// Each flow logs in, verifies a business and pays or applies through several bank frames: on a shared, busy
// machine that takes longer than one dialog does.
test.describe.configure({ timeout: 90_000 });

const merchantIdOf = (page: Page) => page.locator('bank-merchant-onboard').getAttribute('merchant-id') as Promise<string>;

test('onboarding: the legal representative verifies the business; the page learns only the state', async ({ page }) => {
  const spied = await spy(page);
  await page.setViewportSize({ width: 320, height: 568 });
  await page.goto('/landlords?lang=en');
  const element = page.locator('bank-merchant-onboard');
  await element.getByRole('button', { name: 'Verify business' }).click({ timeout: 20_000 });
  await loginInBankFrame(page, { phone: '13800000001' });
  const frame = merchantFrame(page);
  await expect(frame.getByRole('textbox', { name: 'Unified social credit code' })).toBeVisible();
  const bankFrame = page.frames().find((f) => f.url().includes('/frames/merchant.html'))!;
  expect(await axeViolations(bankFrame)).toEqual([]);
  await expectNoOverflow(bankFrame);
  // Refused in the frame: a wrong check character, an ID number and an account that fail their checksums.
  await frame.getByRole('textbox', { name: 'Business name' }).fill('Anju Renovation Ltd');
  await frame.getByRole('textbox', { name: 'Unified social credit code' }).fill('91110105MA01ABCD14');
  await frame.getByRole('textbox', { name: 'Legal representative', exact: true }).fill('Zhang San');
  await frame.getByRole('textbox', { name: 'Legal representative ID number' }).fill('110105199003070018');
  await frame.getByRole('textbox', { name: 'Settlement account number' }).fill('6222000000000000013');
  await frame.getByRole('button', { name: 'Submit' }).click();
  await expect(frame.getByText('This unified social credit code is not valid')).toBeVisible();
  await expect(frame.getByText('This ID number is not valid')).toBeVisible();
  await expect(frame.getByText('This account number is not valid')).toBeVisible();
  expect(await axeViolations(bankFrame)).toEqual([]);
  await expectNoOverflow(bankFrame);
  await frame.getByRole('textbox', { name: 'Unified social credit code' }).fill('91350100M000100Y43');
  await frame.getByRole('textbox', { name: 'Legal representative ID number' }).fill(idNumber);
  await frame.getByRole('textbox', { name: 'Settlement account number' }).fill(account);
  await frame.getByRole('button', { name: 'Submit' }).click();
  await expect(element.getByRole('status')).toContainText('Verified by the bank.');
  await expect(element.getByRole('button', { name: 'Verify business' })).toHaveCount(0);
  await expect(page.locator('#merchant-status')).toHaveText('verified');
  const merchantId = await merchantIdOf(page);
  expect((await bankApi(`/v1/merchants/${merchantId}`)).body).toMatchObject({ status: 'verified', settlementAccount: '**** 0012' });
  const { seen, dom, events } = await spied();
  expect(events).toContain(`event bank-merchant-verified ${JSON.stringify({ merchantId, status: 'verified' })}`);
  for (const secret of [idNumber, account, '91350100M000100Y43', 'Zhang San']) {
    expect(seen, secret).not.toContain(secret);
    expect(dom, secret).not.toContain(secret);
  }
});

test('onboarding: a settlement account that fails the bank’s check is rejected, with the reason', async ({ page }) => {
  const spied = await spy(page);
  const element = await onboard(page, { settlementAccount: rejectedAccount });
  await expect(element.getByRole('status')).toContainText('The bank could not verify this merchant.');
  await expect(element.getByRole('status')).toContainText('failed the bank’s account check');
  await expect(element.getByRole('button', { name: 'Verify business' })).toBeVisible();
  expect((await bankApi(`/v1/merchants/${await merchantIdOf(page)}`)).body.status).toBe('rejected');
  const { seen, events } = await spied();
  expect(events.filter((e) => e.includes('bank-merchant-verified'))).toEqual([]);
  expect(seen).not.toContain(rejectedAccount);
});

test('a split rent payment: the landlord is credited its share, the rest is supervised; then a payout', async ({ page }) => {
  const element = await onboard(page);
  await expect(element.getByRole('status')).toContainText('Verified by the bank.');
  await page.goto('/landlords?lang=en');
  await page.getByRole('button', { name: 'Create the lease order' }).click();
  // The tenant is another customer: the landlord logs out, the tenant logs in when paying.
  await logOut(page);
  const pay = page.locator('bank-pay');
  await pay.getByRole('button', { name: /^Pay/ }).click();
  await loginInBankFrame(page, { phone: await newCustomer() });
  const payFrame = page.frameLocator('iframe[title="Confirm payment"]');
  await payFrame.getByRole('textbox', { name: 'Payment PIN' }).fill(paymentPin);
  await payFrame.getByRole('button', { name: 'Confirm payment' }).click();
  await expect(pay.getByRole('status')).toHaveText('Paid');
  await page.goto('/landlords?lang=en');
  await expect(page.locator('#merchant-balance')).toHaveText('¥13300.00');
  await expect(page.locator('#supervision')).toContainText('¥14000.00');
  await expect(page.locator('#supervision + table tr')).toHaveCount(5);
  // More than the balance is refused; a payout within it is pending until T+1.
  await page.getByRole('textbox', { name: 'Amount (¥)' }).fill('20000');
  await page.getByRole('button', { name: 'Request payout' }).click();
  await expect(page.locator('#payout-refused')).toContainText('insufficient_funds');
  await page.getByRole('textbox', { name: 'Amount (¥)' }).fill('1000');
  await page.getByRole('button', { name: 'Request payout' }).click();
  await expect(page.locator('#payouts')).toContainText('¥1000.00 · pending');
  await expect(page.locator('#merchant-balance')).toHaveText('¥12300.00');
  // The partner's server retrying a payout with the same Idempotency-Key pays nothing twice.
  const merchantId = await merchantIdOf(page);
  const retry = () => bankApi('/v1/payouts', { method: 'POST', headers: { 'Idempotency-Key': `retry-${merchantId}` }, body: JSON.stringify({ merchantId, amount: '300.00' }) });
  const [first, second] = [await retry(), await retry()];
  expect(second.body.id).toBe(first.body.id);
  expect((await bankApi(`/v1/merchants/${merchantId}`)).body.balance).toBe('12000.00');
  expect((await bankApi('/v1/sandbox/ledger')).body.ok).toBe(true);
});

test('merchant loan: approved for the legal representative, refused for another customer', async ({ page }) => {
  const spied = await spy(page);
  const element = await onboard(page);
  await expect(element.getByRole('status')).toContainText('Verified by the bank.');
  await page.goto('/landlords?lang=en');
  await page.getByRole('button', { name: 'Add 6 months of sample sales (sandbox)' }).click();
  await expect(page.locator('#credit-offer')).toContainText('up to ¥36000.00 at APR 6.00%');
  const loan = page.locator('bank-loan-apply');
  await expect(loan.getByRole('heading', { name: 'Merchant loan' })).toBeVisible();
  await loan.getByRole('button', { name: 'Apply' }).click();
  const loanFrame = page.frameLocator('iframe[title="Loan application"]');
  await expect(loanFrame.getByText('Credit offer for this business: up to ¥36,000.00 at APR 6.00%')).toBeVisible();
  const fill = async () => {
    await loanFrame.getByRole('textbox', { name: 'Full name' }).fill('Zhang San');
    await loanFrame.getByRole('textbox', { name: 'ID number' }).fill(idNumber);
    await loanFrame.getByRole('textbox', { name: 'Monthly income' }).fill('15000');
    await loanFrame.getByRole('textbox', { name: 'Employer' }).fill('Anju Renovation Ltd');
    await loanFrame.getByRole('checkbox', { name: 'I authorize a credit check' }).check();
    await loanFrame.getByRole('button', { name: 'Submit application' }).click();
  };
  await fill();
  await expect(loan.locator('[part~="decision"]')).toContainText('36,000.00');
  const { events } = await spied();
  const submitted = events.find((e) => e.includes('bank-loan-submitted'))!;
  expect(submitted).toContain('"status":"approved"');
  // Another customer, logged in on the same page, is refused by the bank.
  await logOut(page);
  await page.goto('/landlords?lang=en');
  await page.locator('bank-loan-apply').getByRole('button', { name: 'Apply' }).click();
  await loginInBankFrame(page, { phone: '13800000002' });
  await fill();
  await expect(loanFrame.getByRole('alert')).toContainText('Only the merchant’s verified legal representative may apply.');
});

test('attributes: a missing or malformed merchant-id is invalid_attribute, an unknown one not_found; zh-CN is complete', async ({ page }) => {
  await page.addInitScript(() => {
    const errors: string[] = [];
    (window as unknown as { errors: string[] }).errors = errors;
    document.addEventListener('bank-error', (event) => errors.push(`${(event.composedPath()[0] as Element).id} ${(event as CustomEvent).detail.code}`));
  });
  const created = await bankApi('/v1/merchants', { method: 'POST', body: JSON.stringify({ type: 'individual', name: 'Wang Landlord' }) });
  await servePartnerPage(page, '/merchant-attributes', `
    <bank-merchant-onboard id="missing"></bank-merchant-onboard>
    <bank-merchant-onboard id="malformed" merchant-id="12345"></bank-merchant-onboard>
    <bank-merchant-onboard id="unknown" merchant-id="mer_doesnotexist"></bank-merchant-onboard>
    <bank-merchant-onboard id="chinese" locale="zh-CN" merchant-id="${created.body.id}"></bank-merchant-onboard>{{sdk}}`);
  await page.goto('/merchant-attributes');
  await expect(page.locator('#missing').getByRole('alert')).toContainText('merchant-id is required');
  await expect(page.locator('#malformed').getByRole('alert')).toContainText('is not a merchant id');
  await expect(page.locator('#unknown').getByRole('alert')).toBeVisible();
  const chinese = page.locator('#chinese');
  await expect(chinese.getByRole('status')).toContainText('个人房东');
  await expect(chinese.getByRole('status')).toContainText('尚未通过银行认证');
  await expect(chinese.getByRole('button', { name: '认证商户' })).toBeVisible();
  await expect.poll(() => page.evaluate(() => (window as unknown as { errors: string[] }).errors.sort()))
    .toEqual(['malformed invalid_attribute', 'missing invalid_attribute', 'unknown not_found']);
  expect(await axeViolations(page)).toEqual([]);
});
