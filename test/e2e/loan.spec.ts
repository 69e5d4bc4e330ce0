import { expect, type Page } from '@playwright/test';
import { frameSession, loggedInSession } from './bank-client.ts';
import { BankFrameError, loginInBankFrame, submitLoanApplication } from '../../packages/testing/src/index.ts';
import {
  axeViolations, bankApi, bankEvents, logIn, recordEvents, servePartnerPage, test, watchForProblems,
} from './helpers.ts';

const validIds = ['110105199003070017', '310115198805120034', '11010519491231002X'];
const loanFrame = (page: Page) => page.frameLocator('iframe[title="Loan application"]');

async function openLoanPage(page: Page, attrs = 'product="rent-loan" amount="36000" term="12"', locale = 'en') {
  await recordEvents(page);
  await servePartnerPage(page, '/loan', `{{sdk}}<bank-login></bank-login><bank-loan-apply ${attrs}></bank-loan-apply>`, {
    dataset: `data-token-url="/api/bank/client-token" data-locale="${locale}"`,
  });
  await page.goto('/loan');
}

const application = { fullName: '张三', idNumber: validIds[0], monthlyIncome: '15000', employer: 'Beijing Example Co.' };

test('the calculator shows the bank’s APR, payments and full schedule before any login', async ({ page }) => {
  const problems = watchForProblems(page);
  await openLoanPage(page);
  const loan = page.locator('bank-loan-apply');
  await expect(loan.locator('[part~="apr"]')).toHaveText(/APR\s*7\.20%/);
  await expect(loan.getByText('Monthly payment')).toBeVisible();
  // 36,000.00 over 12 months at 7.20% nominal, equal installments: 3,118.28 a month (hand-checked in the loan tests).
  await expect(loan.locator('[part~="quote"]')).toContainText('¥3,118.28');
  await expect(loan.locator('[part~="quote"]')).toContainText('¥1,419.41');
  // The APR is the most prominent rate: larger than the monthly rate's text.
  const sizes = await loan.evaluate((el) => {
    const root = el.shadowRoot!;
    const size = (sel: string) => parseFloat(getComputedStyle(root.querySelector(sel)!).fontSize);
    return { apr: size('.apr-value'), monthly: size('.fine') };
  });
  expect(sizes.apr).toBeGreaterThan(sizes.monthly * 2);
  await loan.getByText('Repayment schedule', { exact: true }).first().click();
  const table = loan.getByRole('table');
  await expect(table.getByRole('row')).toHaveCount(13);
  await expect(table.getByRole('columnheader', { name: 'Interest' })).toBeVisible();
  // Changing the method and the term requotes.
  await loan.getByRole('radio', { name: 'Equal principal' }).check();
  await expect(loan.locator('[part~="quote"]')).toContainText('¥3,216.00');
  await loan.getByRole('combobox', { name: 'Term' }).selectOption('24');
  await expect(table.getByRole('row')).toHaveCount(25);
  expect(problems).toEqual([]);
});

test('typing an amount is debounced and cached: one quote request per distinct value', async ({ page }) => {
  const quotes: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/v1/frame/loan-quotes')) quotes.push(r.postData() ?? '');
  });
  await openLoanPage(page);
  const loan = page.locator('bank-loan-apply');
  await expect(loan.locator('[part~="apr"]')).toContainText('7.20%');
  expect(quotes).toHaveLength(1);
  const amount = loan.getByRole('textbox', { name: 'Loan amount' });
  await amount.fill('');
  await amount.pressSequentially('48000', { delay: 30 });
  await expect(loan.locator('[part~="quote"]')).toContainText('¥4,157.71');
  expect(quotes).toHaveLength(2);
  await amount.fill('36000');
  await expect(loan.locator('[part~="quote"]')).toContainText('¥3,118.28');
  expect(quotes).toHaveLength(2); // served from the cache
});

test('amounts out of range are refused in the calculator, and by the bank too', async ({ page }) => {
  await openLoanPage(page);
  const loan = page.locator('bank-loan-apply');
  const amount = loan.getByRole('textbox', { name: 'Loan amount' });
  await amount.fill('250000');
  await expect(loan.getByText('Enter an amount from ¥1,000.00 to ¥200,000.00.')).toBeVisible();
  await expect(loan.getByRole('button', { name: 'Apply' })).toBeDisabled();
  await expect(amount).toHaveAttribute('aria-invalid', 'true');
  await amount.fill('12abc');
  await expect(loan.getByText('Enter an amount like 36000, 3500.50 or 3.6万.')).toBeVisible();
  // The bank refuses the same terms on its own: client checks are for convenience only.
  const session = await frameSession({ origin: new URL(page.url()).origin });
  const quote = await session.call('/loan-quotes', {
    body: { product: 'rent-loan', amount: '250000.00', termMonths: 12, repaymentMethod: 'equal-installment' },
  });
  expect(quote.status).toBe(403);
  expect(quote.body.error.code).toBe('limit_exceeded');
});

test('bad attributes give invalid_attribute, visibly; fixing them brings the calculator back', async ({ page }) => {
  await recordEvents(page);
  await servePartnerPage(page, '/bad-loans', `{{sdk}}
    <bank-loan-apply id="unknown" product="car-loan"></bank-loan-apply>
    <bank-loan-apply id="abc" product="rent-loan" amount="abc"></bank-loan-apply>
    <bank-loan-apply id="zero" product="rent-loan" term="0"></bank-loan-apply>`);
  await page.goto('/bad-loans');
  await expect(page.locator('#unknown').getByRole('alert')).toContainText('product "car-loan" is not one of');
  await expect(page.locator('#abc').getByRole('alert')).toContainText('amount "abc"');
  await expect(page.locator('#zero').getByRole('alert')).toContainText('term "0"');
  const codes = (await bankEvents(page)).filter((e) => e.type === 'bank-error').map((e) => e.detail.code);
  expect(codes).toEqual(['invalid_attribute', 'invalid_attribute', 'invalid_attribute']);
  await page.locator('#abc').evaluate((el) => el.setAttribute('amount', '50000'));
  await expect(page.locator('#abc').getByRole('textbox', { name: 'Loan amount' })).toHaveValue('50000');
  await expect(page.locator('#abc').locator('[part~="apr"]')).toContainText('7.20%');
  await page.locator('#unknown').evaluate((el) => el.setAttribute('product', 'renovation-loan'));
  await expect(page.locator('#unknown').getByRole('heading', { name: 'Renovation loan' })).toBeVisible();
  await expect(page.locator('#unknown').locator('[part~="apr"]')).toContainText('5.40%');
});

for (const [phone, status] of [['13800000001', 'approved'], ['13800000005', 'pending'], ['13800000004', 'declined']] as const) {
  test(`sandbox customer ${phone} applies and gets "${status}"; the partner server reads the same`, async ({ page }) => {
    await openLoanPage(page, `product="rent-loan" amount="36000" term="12" reference="lease-${phone}-${Date.now()}"`);
    const loan = page.locator('bank-loan-apply');
    await expect(loan.locator('[part~="apr"]')).toContainText('7.20%');
    await loan.getByRole('button', { name: 'Apply' }).click();
    await loginInBankFrame(page, { phone });
    await expect(loanFrame(page).getByText('APR 7.20%')).toBeVisible();
    await submitLoanApplication(page, application);
    await expect(loan.locator('[part~="decision"]')).toContainText({ approved: 'Approved', pending: 'Under review', declined: 'Declined' }[status]);
    const submitted = (await bankEvents(page)).filter((e) => e.type === 'bank-loan-submitted');
    expect(submitted).toHaveLength(1);
    expect(submitted[0].detail).toEqual({
      applicationId: expect.stringMatching(/^loan_/), status, amount: '36000.00', termMonths: 12, apr: '7.20',
    });
    const stored = await bankApi(`/v1/loan-applications/${submitted[0].detail.applicationId}`);
    expect(stored.body).toMatchObject({ status, product: 'rent-loan', amount: '36000.00', termMonths: 12, repaymentMethod: 'equal-installment', apr: '7.20' });
    expect(JSON.stringify(stored.body)).not.toContain('110105199003070017');
  });
}

test('a bad ID checksum and missing consent are refused in the frame; a second open application for a reference is refused', async ({ page }) => {
  const reference = `lease-dup-${Date.now()}`;
  await openLoanPage(page, `product="rent-loan" amount="20000" term="6" reference="${reference}"`);
  await logIn(page);
  const loan = page.locator('bank-loan-apply');
  await loan.getByRole('button', { name: 'Apply' }).click();
  const frame = loanFrame(page);
  const refused = submitLoanApplication(page, { ...application, idNumber: '110105199003070018', authorizeCreditCheck: false });
  await expect(refused).rejects.toThrow(BankFrameError);
  await expect(refused).rejects.toThrow(/Loan application: refused\. The frame shows: .*This ID number is not valid\./);
  await expect(frame.getByText('This ID number is not valid.')).toBeVisible();
  await expect(frame.getByText('The bank can only decide with your authorization for a credit check.')).toBeVisible();
  await expect(frame.getByRole('textbox', { name: 'ID number' })).toBeFocused();
  await frame.getByRole('textbox', { name: 'ID number' }).fill(validIds[2].toLowerCase());
  await frame.getByRole('checkbox', { name: 'I authorize a credit check' }).check();
  await frame.getByRole('button', { name: 'Submit application' }).click();
  await expect(loan.locator('[part~="decision"]')).toContainText('Approved');
  // A second application for the same reference, from a fresh page: found before any personal data is typed.
  await page.reload();
  await page.locator('bank-loan-apply').getByRole('button', { name: 'Apply' }).click();
  await expect(loanFrame(page).getByRole('status')).toHaveText(/already have an application for this \(approved\)/);
  await expect(loanFrame(page).getByRole('textbox', { name: 'Full name' })).toHaveCount(0);
  // The bank refuses it on its own too, whatever a frame shows.
  const { session } = await loggedInSession('13800000001');
  const again = await session.call('/loan-applications', {
    body: { product: 'rent-loan', amount: '20000.00', termMonths: 6, repaymentMethod: 'equal-installment', reference,
      fullName: 'Zhang San', idNumber: validIds[0], monthlyIncome: '15000.00', employer: 'Example Co', consent: true },
  });
  expect(again.body.error.code).toBe('duplicate_application');
});

test('a spy on the partner page never sees the ID number, the income or the employer', async ({ page }) => {
  await page.addInitScript(() => {
    if (window.top !== window) return;
    const seen: string[] = [];
    (window as unknown as { spySeen: string[] }).spySeen = seen;
    addEventListener('message', (event) => seen.push(JSON.stringify(event.data)), true);
    const realFetch = window.fetch;
    window.fetch = async (...args) => {
      seen.push(JSON.stringify(args));
      return realFetch(...args);
    };
    for (const type of ['bank-loan-submitted', 'bank-ready', 'bank-login-success']) {
      document.addEventListener(type, (event) => seen.push(JSON.stringify((event as CustomEvent).detail)));
    }
  });
  await openLoanPage(page);
  await logIn(page);
  await page.locator('bank-loan-apply').getByRole('button', { name: 'Apply' }).click();
  await submitLoanApplication(page, application);
  await expect(page.locator('bank-loan-apply').locator('[part~="decision"]')).toContainText('Approved');
  const seen = await page.evaluate(() => (window as unknown as { spySeen: string[] }).spySeen.join('\n'));
  expect(seen).toContain('applicationId');
  for (const secret of [validIds[0], '15000', 'Beijing Example Co.', '张三']) expect(seen).not.toContain(secret);
});

test('zh-CN: the calculator and the application frame are in Chinese, with 年化利率 prominent', async ({ page }) => {
  await openLoanPage(page, 'product="renovation-loan" amount="100000" term="36"', 'zh-CN');
  const loan = page.locator('bank-loan-apply');
  await expect(loan.getByRole('heading', { name: '装修贷' })).toBeVisible();
  await expect(loan.locator('[part~="apr"]')).toHaveText(/年化利率\s*5\.40%/);
  await expect(loan.getByRole('radio', { name: '先息后本' })).toBeVisible();
  await expect(loan.getByRole('button', { name: '申请' })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});

test('axe finds no serious or critical violation in the calculator or the application frame', async ({ page }) => {
  await openLoanPage(page);
  const loan = page.locator('bank-loan-apply');
  await expect(loan.locator('[part~="apr"]')).toContainText('7.20%');
  await loan.getByText('Repayment schedule', { exact: true }).first().click();
  expect(await axeViolations(page)).toEqual([]);
  await logIn(page);
  await loan.getByRole('button', { name: 'Apply' }).click();
  await expect(loanFrame(page).getByRole('textbox', { name: 'Full name' })).toBeVisible();
  const frame = page.frames().find((f) => f.url().includes('/frames/loan.html'))!;
  expect(await axeViolations(frame)).toEqual([]);
  await loanFrame(page).getByRole('button', { name: 'Submit application' }).click();
  await expect(loanFrame(page).getByText('Enter your full name as on your ID card.')).toBeVisible();
  expect(await axeViolations(frame)).toEqual([]);
});

// What Apply does, with the schedule's table and the decision (after-action.ts), is a lazy chunk, fetched on opening
// the schedule or on a first pointer down or focus on Apply: a CDN that fails it then shows in the element, with
// Try again, which fetches again.
test('when the application’s code cannot be fetched, Apply says the bank is unavailable, with Try again; then it applies', async ({ page }) => {
  let blocked = 0;
  await page.route('**/sdk/v1/elements/chunk-*.js', async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    if (body.includes('bank-loan-submitted') && blocked++ < 1) return route.abort('connectionfailed');
    return route.fulfill({ response, body });
  });
  await openLoanPage(page);
  const loan = page.locator('bank-loan-apply');
  await expect(loan.locator('[part~="apr"]')).toContainText('7.20%');
  await loan.getByRole('button', { name: 'Apply' }).click();
  await expect(loan.getByRole('alert')).toContainText('The bank is not available right now. Please try again in a few minutes.');
  await expect.poll(async () => (await bankEvents(page)).filter((e) => e.type === 'bank-error').map((e) => e.detail)).toEqual([
    { code: 'bank_unavailable', message: 'The bank did not answer.', retryable: true },
  ]);
  await expect(page.locator('iframe[title="Bank login"]')).toHaveCount(0);
  await loan.getByRole('button', { name: 'Try again' }).click();
  await loan.getByRole('button', { name: 'Apply' }).click();
  // Not logged in: the login dialog comes first, as always.
  await expect(page.frameLocator('iframe[title="Bank login"]').getByRole('textbox', { name: 'Phone number' })).toBeVisible();
  expect(blocked, 'fetched again').toBe(2);
});
