import { expect } from '@playwright/test';
import { confirmPayment, loginInBankFrame } from '../../packages/testing/src/index.ts';
import { loggedInSession } from './bank-client.ts';
import {
  axeViolations, bankApi, bankEvents, logIn, newCustomer, paymentPin, recordEvents, servePartnerPage, test,
  watchForProblems, type RecordedEvent,
} from './helpers.ts';
import type { Page } from '@playwright/test';

const payFrame = (page: Page) => page.frameLocator('iframe[title="Confirm payment"]');

async function createOrder(amount = '3500.00', description = 'Rent, December 2026') {
  const { status, body } = await bankApi('/v1/orders', {
    method: 'POST',
    body: JSON.stringify({ amount, currency: 'CNY', description }),
  });
  expect(status).toBe(201);
  return body.id as string;
}

/** Read through the bank's frame API as the customer would see it: a fresh login, then the account list. */
async function balanceOf(phone: string) {
  const { session } = await loggedInSession(phone);
  return (await session.accounts())[0].balance;
}

async function openPayPage(page: Page, orderId: string, extra = '') {
  await recordEvents(page);
  await servePartnerPage(page, '/pay', `{{sdk}}<bank-login></bank-login><bank-pay order-id="${orderId}" ${extra}></bank-pay>`);
  await page.goto('/pay');
}

/** Opens the pay page, logs `phone` in and clicks Pay: the confirm frame opens. */
async function openPayDialog(page: Page, orderId: string, phone: string) {
  await openPayPage(page, orderId);
  await logIn(page, phone);
  await page.locator('bank-pay').getByRole('button', { name: /^Pay/ }).click();
}

/** Types a PIN and confirms, without waiting for an outcome: for the refusals and the odd cases (happy paths use the kit). */
async function confirmWithPin(page: Page, value = paymentPin) {
  const frame = payFrame(page);
  await frame.getByRole('textbox', { name: 'Payment PIN' }).fill(value);
  await frame.getByRole('button', { name: 'Confirm payment' }).click();
}

const ofType = (events: RecordedEvent[], type: string) => events.filter((e) => e.type === type);

test('a tenant pays the rent on the demo site; the partner server confirms it with the bank', async ({ page }) => {
  const problems = watchForProblems(page);
  await recordEvents(page);
  await page.goto('/?lang=en');
  const pay = page.locator('bank-pay');
  await expect(pay.getByRole('button', { name: 'Pay ¥3,500.00' })).toBeVisible();
  await expect(pay).toContainText('Demo Rental Homes');
  await pay.getByRole('button', { name: /^Pay/ }).click();
  // Not logged in yet: the login dialog comes first, then the payment continues by itself.
  await loginInBankFrame(page, { phone: '13800000001' });
  const frame = payFrame(page);
  await expect(frame.getByRole('combobox', { name: 'Pay from' })).toContainText('Class I ···· ');
  await expect(frame.getByText('¥3,500.00')).toBeVisible();
  await confirmPayment(page, { pin: paymentPin });
  await expect(pay.getByRole('status')).toHaveText('Paid');
  await expect(pay).toContainText(/pay_/);
  const success = ofType(await bankEvents(page), 'bank-pay-success');
  expect(success).toHaveLength(1);
  expect(success[0].detail).toMatchObject({ status: 'paid', paymentId: expect.stringMatching(/^pay_/) });
  const order = await bankApi(`/v1/orders/${success[0].detail.orderId}`);
  expect(order.body).toMatchObject({ status: 'paid', amount: '3500.00', paymentId: success[0].detail.paymentId });
  await expect(page.locator('#rent-status')).toHaveAttribute('data-paid', 'true');
  // The demo backend was also told by a signed webhook.
  await expect.poll(async () => (await (await page.request.get('/api/rent')).json()).rentPaid).toBe(true);
  expect(problems).toEqual([]);
});

for (const [phone, code, state] of [
  ['13800000002', 'insufficient_funds', 'balance too low'],
  ['13800000003', 'account_frozen', 'frozen'],
] as const) {
  test(`sandbox customer ${phone} sees "${state}" before any PIN; confirming anyway, the bank refuses with ${code} and no money moves`, async ({ page }) => {
    const orderId = await createOrder();
    await openPayDialog(page, orderId, phone);
    const frame = payFrame(page);
    // Said before any PIN, and read out with `Pay from` (its description), where focus lands first.
    const payFrom = frame.getByRole('combobox', { name: 'Pay from' });
    await expect(payFrom).toHaveAccessibleDescription(new RegExp(`^None of your accounts can pay ¥3,500\\.00: Class I ···· \\d{4} · ¥[\\d,.]+ · ${state} Nothing has been charged\\.`));
    await expect(payFrom).toBeFocused();
    // A warning, not a verdict: nothing has failed yet, and the contract's fields are there.
    expect(ofType(await bankEvents(page), 'bank-pay-failure')).toEqual([]);
    await expect(frame.getByRole('alert')).toHaveCount(0);
    await frame.getByRole('textbox', { name: 'Payment PIN' }).fill(paymentPin);
    await frame.getByRole('button', { name: 'Confirm payment' }).click();
    // The bank decides: one failure, with its code; the dialog closes and the element says why.
    await expect.poll(async () => ofType(await bankEvents(page), 'bank-pay-failure').map((f) => f.detail.code)).toEqual([code]);
    expect(ofType(await bankEvents(page), 'bank-pay-failure')[0].detail.orderId).toBe(orderId);
    await expect(page.locator('iframe[title="Confirm payment"]')).toHaveCount(0);
    await expect(page.locator('bank-pay').getByRole('alert')).toContainText('The payment did not go through.');
    expect((await bankApi(`/v1/orders/${orderId}`)).body.status).toBe('pending');
  });
}

test('zh-CN: an account that cannot pay says so in Chinese, above the PIN', async ({ page }) => {
  const orderId = await createOrder('5000.00');
  await openPayPage(page, orderId, 'locale="zh-CN"');
  await logIn(page, '13800000002');
  await page.locator('bank-pay').getByRole('button', { name: /^支付/ }).click();
  const frame = page.frameLocator('iframe[title="确认付款"]');
  const payFrom = frame.getByRole('combobox', { name: '付款账户' });
  await expect(payFrom).toHaveAccessibleDescription(/^您没有可支付¥5,000\.00的账户：\s*I类账户 ···· \d{4} · ¥10\.00 · 余额不足/);
  await expect(frame.getByRole('textbox', { name: '支付密码' })).toBeVisible();
  await expect(frame.getByText('尚未扣款。请先向账户充值或联系银行；如现在确认，银行将再次核验。')).toBeVisible();
});

test('the account that can pay is preselected; those that cannot are shown with their state and cannot be chosen', async ({ page }) => {
  const phone = await newCustomer({ balance: '100.00' });
  const orderId = await createOrder('50.00');
  await openPayDialog(page, orderId, phone);
  const select = payFrame(page).getByRole('combobox', { name: 'Pay from' });
  await expect(select).toBeVisible();
  const options = await select.locator('option').evaluateAll((list) =>
    list.map((o) => ({ text: (o as HTMLOptionElement).text, selected: (o as HTMLOptionElement).selected, disabled: (o as HTMLOptionElement).disabled })));
  expect(options).toEqual([{ text: expect.stringMatching(/^Class I ···· \d{4} · ¥100\.00$/), selected: true, disabled: false }]);
  await expect(payFrame(page).getByRole('textbox', { name: 'Payment PIN' })).toBeVisible();
});

test('a Class I customer paying above the balance sees "balance too low" above the PIN; the bank refuses it too', async ({ page }) => {
  const phone = await newCustomer({ balance: '100.00' });
  const orderId = await createOrder('100.01');
  await openPayDialog(page, orderId, phone);
  await expect(payFrame(page).getByRole('combobox', { name: 'Pay from' })).toHaveAccessibleDescription(/¥100\.00 · balance too low/);
  await expect(payFrame(page).getByRole('combobox', { name: 'Pay from' })).toHaveValue(/.+/);
  // The frame's check is a convenience: the bank decides, and never lets a balance go negative.
  const { session } = await loggedInSession(phone);
  const [account] = await session.accounts();
  const answer = await session.pay({ orderId, accountId: account.id, amount: '100.01' });
  expect(answer.body.error.code).toBe('insufficient_funds');
  expect(await balanceOf(phone)).toBe('100.00');
});

test('a wrong PIN says how many attempts are left; the fifth locks, naming the bank and its hotline; no money moves', async ({ page }) => {
  const phone = await newCustomer();
  const orderId = await createOrder('10.00');
  await openPayDialog(page, orderId, phone);
  const frame = payFrame(page);
  // The kit's confirmPayment refuses with the element's failure code and what the frame said.
  for (const left of [4, 3, 2]) {
    await expect(confirmPayment(page, { pin: '000000' })).rejects.toMatchObject({ code: 'invalid_credentials' });
    await expect(frame.getByRole('alert')).toHaveText(`The payment PIN is wrong. ${left} attempts left before payments are locked.`);
  }
  await expect(confirmPayment(page, { pin: '000000' })).rejects.toThrow(
    'Confirm payment: bank-pay-failure (invalid_credentials). The frame shows: The payment PIN is wrong. 1 attempt left before payments are locked.');
  await expect(frame.getByRole('alert')).toHaveText('The payment PIN is wrong. 1 attempt left before payments are locked.');
  await expect(confirmPayment(page, { pin: '000000' })).rejects.toMatchObject({ code: 'locked' });
  await expect(page.locator('bank-pay').getByRole('alert')).toHaveText(
    'The payment did not go through. Too many wrong attempts: payments are locked for a while. Please try again later, or call Sandbox Bank at 95xxx (8:00–20:00).');
  const codes = ofType(await bankEvents(page), 'bank-pay-failure').map((f) => f.detail.code);
  expect(codes).toEqual(['invalid_credentials', 'invalid_credentials', 'invalid_credentials', 'invalid_credentials', 'locked']);
  expect((await bankApi(`/v1/orders/${orderId}`)).body.status).toBe('pending');
  // The PIN lock is for payments: the customer still logs in, sees the money untouched, and the right PIN is refused.
  const { session } = await loggedInSession(phone);
  const [account] = await session.accounts();
  expect(account.balance).toBe('50000.00');
  const retry = await session.pay({ orderId, accountId: account.id, amount: '10.00' });
  expect(retry.status, retry.text).toBe(423);
  expect(retry.body.error.code).toBe('locked');
});

test('the PIN failure answer carries attemptsLeft for frames; a frame without it still says the PIN is wrong', async ({ page }) => {
  const phone = await newCustomer();
  const orderId = await createOrder('10.00');
  const { session } = await loggedInSession(phone);
  const [account] = await session.accounts();
  const answer = await session.pay({ orderId, accountId: account.id, amount: '10.00', pinCode: '000000' });
  expect(answer.body.error).toMatchObject({ code: 'invalid_credentials', attemptsLeft: 4 });
  // A bank answer without the count (an older bank): the frame reads it as optional.
  await page.route('**/v1/frame/payments', (route) =>
    route.fulfill({ status: 401, json: { error: { code: 'invalid_credentials', message: 'The payment PIN is wrong.' } } }));
  await openPayDialog(page, orderId, phone);
  await confirmWithPin(page, '000000');
  await expect(payFrame(page).getByRole('alert')).toHaveText('The payment PIN is wrong.');
});

test('the page changing order-id and amount after the dialog opened changes nothing in what is paid', async ({ page }) => {
  const cheap = await createOrder('0.01', 'Cheap order');
  const real = await createOrder('1234.56', 'Real order');
  const phone = await newCustomer({ balance: '5000.00' });
  await openPayPage(page, real, 'amount="0.01"');
  await logIn(page, phone);
  const pay = page.locator('bank-pay');
  await expect(pay.getByRole('button', { name: 'Pay ¥1,234.56' })).toBeVisible();
  await pay.getByRole('button', { name: /^Pay/ }).click();
  await expect(payFrame(page).getByText('¥1,234.56')).toBeVisible();
  await pay.evaluate((el, id) => {
    el.setAttribute('order-id', id);
    el.setAttribute('amount', '0.01');
  }, cheap);
  await confirmPayment(page, { pin: paymentPin });
  await expect.poll(async () => (await bankApi(`/v1/orders/${real}`)).body.status).toBe('paid');
  expect((await bankApi(`/v1/orders/${cheap}`)).body.status).toBe('pending');
  expect(await balanceOf(phone)).toBe('3765.44');
  await expect.poll(async () => ofType(await bankEvents(page), 'bank-pay-success').map((e) => e.detail.orderId)).toEqual([real]);
});

test('a double click on Confirm payment pays once', async ({ page }) => {
  const phone = await newCustomer({ balance: '1000.00' });
  const orderId = await createOrder('100.00');
  await openPayDialog(page, orderId, phone);
  const frame = payFrame(page);
  await frame.getByRole('textbox', { name: 'Payment PIN' }).fill(paymentPin);
  await frame.getByRole('button', { name: 'Confirm payment' }).dblclick();
  await expect(page.locator('bank-pay').getByRole('status')).toHaveText('Paid');
  expect(await balanceOf(phone)).toBe('900.00');
  expect(ofType(await bankEvents(page), 'bank-pay-success')).toHaveLength(1);
});

test('the answer is lost after the bank committed: the element checks the status and nothing is paid twice', async ({ page }) => {
  const phone = await newCustomer({ balance: '1000.00' });
  const orderId = await createOrder('250.00');
  let confirms = 0;
  await page.route('**/v1/frame/payments', async (route) => {
    confirms++;
    await route.fetch(); // the bank commits…
    await route.abort('connectionreset'); // …and the answer never arrives
  });
  await openPayDialog(page, orderId, phone);
  await confirmWithPin(page);
  await expect(page.locator('bank-pay').getByRole('status')).toHaveText('Paid');
  expect(confirms).toBe(1);
  expect(await balanceOf(phone)).toBe('750.00');
  expect((await bankApi(`/v1/orders/${orderId}`)).body.status).toBe('paid');
});

test('a 503 from the bank: no blind re-POST; a retry reuses the attempt key and pays exactly once', async ({ page }) => {
  const phone = await newCustomer({ balance: '1000.00' });
  const orderId = await createOrder('300.00');
  const keys: string[] = [];
  let failNext = true;
  await page.route('**/v1/frame/payments', async (route) => {
    keys.push(route.request().headers()['idempotency-key']);
    if (failNext) {
      failNext = false;
      return route.fulfill({ status: 503, json: { error: { code: 'internal', message: 'unavailable' } } });
    }
    return route.continue();
  });
  await openPayDialog(page, orderId, phone);
  await confirmWithPin(page);
  const frame = payFrame(page);
  await expect(frame.getByRole('alert')).toContainText('Nothing will be charged twice');
  expect(keys).toHaveLength(1); // a status check, not a second POST
  expect((await bankApi(`/v1/orders/${orderId}`)).body.status).toBe('pending');
  await confirmWithPin(page);
  await expect(page.locator('bank-pay').getByRole('status')).toHaveText('Paid');
  expect(keys).toHaveLength(2);
  expect(keys[1]).toBe(keys[0]);
  expect(await balanceOf(phone)).toBe('700.00');
});

test('two tabs paying the same order: one payment; the second tab shows the order paid', async ({ browser }) => {
  const phone = await newCustomer({ balance: '1000.00' });
  const orderId = await createOrder('400.00');
  const context = await browser.newContext();
  const [first, second] = [await context.newPage(), await context.newPage()];
  for (const page of [first, second]) await openPayPage(page, orderId);
  await logIn(first, phone);
  await second.reload(); // logged in through the bank's own session cookie
  for (const page of [first, second]) await page.locator('bank-pay').getByRole('button', { name: /^Pay/ }).click();
  await confirmWithPin(first);
  await expect(first.locator('bank-pay').getByRole('status')).toHaveText('Paid');
  await confirmWithPin(second);
  // The second frame learns at once (or on confirming) that the order is paid; it never pays again.
  await expect(second.locator('bank-pay').getByRole('status')).toHaveText('Paid');
  expect(await balanceOf(phone)).toBe('600.00');
  await context.close();
});

test('an order that does not exist, a cancelled one, and a bad order-id each say so', async ({ page }) => {
  const cancelled = await createOrder('5.00');
  await bankApi(`/v1/orders/${cancelled}/cancel`, { method: 'POST', body: '{}' });
  await recordEvents(page);
  await servePartnerPage(
    page,
    '/orders',
    `{{sdk}}<bank-pay id="missing" order-id="ord_doesnotexist"></bank-pay><bank-pay id="cancelled" order-id="${cancelled}"></bank-pay>
     <bank-pay id="bad" order-id="12345"></bank-pay><bank-pay id="none"></bank-pay>`,
  );
  await page.goto('/orders');
  await expect(page.locator('#missing').getByRole('alert')).toHaveText('The bank could not find this order.');
  await expect(page.locator('#cancelled').getByRole('status')).toHaveText('This order was cancelled and cannot be paid.');
  await expect(page.locator('#cancelled').getByRole('button')).toHaveCount(0);
  await expect(page.locator('#bad').getByRole('alert')).toContainText('order-id "12345" is not an order id');
  await expect(page.locator('#none').getByRole('alert')).toContainText('order-id is required');
  const codes = ofType(await bankEvents(page), 'bank-error').map((e) => e.detail.code).sort();
  expect(codes).toEqual(['invalid_attribute', 'invalid_attribute', 'not_found']);
});

test('a forged bank-pay-success does not make the demo backend mark the rent paid', async ({ page }) => {
  await page.goto('/?lang=en');
  await expect(page.locator('bank-pay').getByRole('button', { name: /^Pay/ })).toBeVisible();
  await page.evaluate(() => {
    document.querySelector('bank-pay')!.dispatchEvent(new CustomEvent('bank-pay-success', {
      bubbles: true, composed: true, detail: { orderId: 'ord_forged', paymentId: 'pay_forged', status: 'paid' },
    }));
  });
  await expect(page.locator('#event-log')).toContainText('server checked the order with the bank: pending');
  expect((await (await page.request.get('/api/rent')).json()).rentPaid).toBe(false);
  await expect(page.locator('#rent-status')).toHaveAttribute('data-paid', 'false');
});

test('axe finds no serious or critical violation in <bank-pay> or inside the confirm frame (zh-CN too)', async ({ page }) => {
  const orderId = await createOrder('88.00');
  for (const locale of ['en', 'zh-CN']) {
    await servePartnerPage(page, `/axe-${locale}`, `{{sdk}}<bank-pay order-id="${orderId}"></bank-pay>`, {
      dataset: `data-token-url="/api/bank/client-token" data-locale="${locale}"`,
    });
    await page.goto(`/axe-${locale}`);
    await expect(page.locator('bank-pay').getByRole('button')).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  }
  await page.locator('bank-pay').getByRole('button', { name: '支付¥88.00' }).click();
  await loginInBankFrame(page, { phone: '13800000001', locale: 'zh-CN' });
  const payFrame = (p: Page) => p.frameLocator('iframe[title="确认付款"]');
  await expect(payFrame(page).getByRole('textbox', { name: '支付密码' })).toBeVisible();
  const frame = page.frames().find((f) => f.url().includes('/frames/pay.html'))!;
  expect(await axeViolations(frame)).toEqual([]);
  await payFrame(page).getByRole('button', { name: '确认付款' }).click(); // the empty PIN's error state
  await expect(payFrame(page).getByText('请输入6位支付密码。')).toBeVisible();
  expect(await axeViolations(frame)).toEqual([]);
});

// What a payment does after the click (payment.ts, with its failure texts) is a lazy chunk, fetched on a first
// pointer down or focus on Pay: a CDN that fails it then shows in the element, with Try again, which fetches again.
test('when the payment’s code cannot be fetched, Pay says the bank is unavailable, with Try again; then it pays', async ({ page }) => {
  const orderId = await createOrder('12.00', 'Key deposit');
  let blocked = 0;
  await page.route('**/sdk/v1/elements/chunk-*.js', async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    if (body.includes('bank-pay-success') && blocked++ < 1) return route.abort('connectionfailed');
    return route.fulfill({ response, body });
  });
  await openPayPage(page, orderId);
  const pay = page.locator('bank-pay');
  await pay.getByRole('button', { name: /^Pay/ }).click();
  await expect(pay.getByRole('alert')).toContainText('The bank is not available right now. Please try again in a few minutes.');
  await expect.poll(async () => ofType(await bankEvents(page), 'bank-error').map((e) => e.detail)).toEqual([
    { code: 'bank_unavailable', message: 'The bank did not answer.', retryable: true },
  ]);
  expect(blocked, 'fetched once, on pointer down (the click waited for that fetch)').toBe(1);
  await pay.getByRole('button', { name: 'Try again' }).click();
  await pay.getByRole('button', { name: /^Pay/ }).click();
  // Not logged in: the login dialog comes first, as always.
  await expect(page.frameLocator('iframe[title="Bank login"]').getByRole('textbox', { name: 'Phone number' })).toBeVisible();
  expect(blocked, 'fetched again').toBe(2);
});
