import { expect, type Page } from '@playwright/test';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  BankFrameError, buyInvestment, confirmPayment, loginInBankFrame, openAccountInBankFrame, redeemInvestment, sandboxCards,
  sandboxControl, sandboxCustomers, SandboxError, sandboxPin, shareDataInBankFrame, verifyMerchantInBankFrame,
} from '../../packages/testing/src/index.ts';
import { apiTest, bankApi, freshId, newCustomer, servePartnerPage, test } from './helpers.ts';

/**
 * The partner testing kit (packages/testing) on its own: what it refuses and how it says so, the dialogs the other
 * specs do not drive through it, the requests of its sandbox control, and the package as a partner installs it.
 * (The login, payment and loan steps of pay, loan, login, invest, data-consent, merchants, focus and trust specs
 * run through it too.)
 */

type Seen = { method: string; url: string; headers: IncomingMessage['headers']; body: string };

/** A tiny local HTTP stand-in for the sandbox endpoints: records each request and answers what the test says. */
async function stub(answer: (seen: Seen) => { status: number; body: string }) {
  const requests: Seen[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      const seen = { method: request.method!, url: request.url!, headers: request.headers, body };
      requests.push(seen);
      const { status, body: reply } = answer(seen);
      response.writeHead(status, { 'Content-Type': 'application/json' }).end(reply);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, requests, close: () => new Promise((resolve) => server.close(resolve)) };
}

apiTest('sandbox control sends the documented requests with the secret key, and returns the answers', async () => {
  const bank = await stub(({ url, body }) => {
    if (url === '/v1/sandbox/clock') {
      return { status: 200, body: JSON.stringify({ now: JSON.parse(body).reset ? '2026-11-27T10:00:00.000Z' : '2026-11-28T10:00:00.000Z' }) };
    }
    if (url === '/v1/sandbox/reset') return { status: 200, body: '{"reset":true}' };
    return { status: 200, body: JSON.stringify({ id: decodeURIComponent(url.split('/')[4]!), status: 'pending' }) };
  });
  try {
    // An origin given with a path or a trailing slash is used as the origin.
    const sandbox = sandboxControl({ bankOrigin: `${bank.origin}/ignored/`, secretKey: 'sk_test_123' });
    expect(await sandbox.advanceClock(86_400)).toEqual({ now: '2026-11-28T10:00:00.000Z' });
    expect(await sandbox.resetClock()).toEqual({ now: '2026-11-27T10:00:00.000Z' });
    expect(await sandbox.reset()).toEqual({ reset: true });
    expect(await sandbox.resendWebhook('evt_a/b')).toEqual({ id: 'evt_a/b', status: 'pending' });
    expect(bank.requests.map(({ method, url, body }) => ({ method, url, body }))).toEqual([
      { method: 'POST', url: '/v1/sandbox/clock', body: '{"advanceSeconds":86400}' },
      { method: 'POST', url: '/v1/sandbox/clock', body: '{"reset":true}' },
      { method: 'POST', url: '/v1/sandbox/reset', body: '{}' },
      { method: 'POST', url: '/v1/sandbox/webhooks/evt_a%2Fb/resend', body: '{}' },
    ]);
    for (const { headers } of bank.requests) {
      expect(headers.authorization).toBe('Bearer sk_test_123');
      expect(headers['content-type']).toBe('application/json');
    }
    expect(() => sandbox.advanceClock(Number.NaN)).toThrow(TypeError);
    expect(() => sandbox.advanceClock(-1)).toThrow(TypeError);
    expect(() => sandbox.resendWebhook('')).toThrow(TypeError);
    expect(bank.requests).toHaveLength(4);
  } finally {
    await bank.close();
  }
});

apiTest('sandbox control turns the bank’s error answers into a SandboxError with status and code', async () => {
  const bank = await stub(({ url }) =>
    url === '/v1/sandbox/reset'
      ? { status: 404, body: JSON.stringify({ error: { code: 'not_found', message: 'Not found.' } }) }
      : url.startsWith('/v1/sandbox/webhooks/')
        ? { status: 401, body: JSON.stringify({ error: { code: 'unauthorized', message: 'Wrong key.' } }) }
        : { status: 502, body: '<html>bad gateway</html>' });
  try {
    const sandbox = sandboxControl({ bankOrigin: bank.origin, secretKey: 'sk_test_123' });
    const production = sandbox.reset();
    await expect(production).rejects.toBeInstanceOf(SandboxError);
    await expect(production).rejects.toMatchObject({ status: 404, code: 'not_found' });
    await expect(production).rejects.toThrow(/production mode/);
    await expect(sandbox.resendWebhook('evt_1')).rejects.toMatchObject({ status: 401, code: 'unauthorized', message: expect.stringContaining('Wrong key.') });
    await expect(sandbox.advanceClock(60)).rejects.toMatchObject({ status: 502, code: 'invalid_response' });
  } finally {
    await bank.close();
  }
});

apiTest('the package builds on its own: a partner imports compiled JavaScript and types through its exports', async () => {
  test.setTimeout(60_000);
  const folder = fileURLToPath(new URL('../../packages/testing/', import.meta.url));
  // Laid out as npm installs it: the package's own package.json beside the compiled dist/.
  const out = mkdtempSync(join(tmpdir(), 'bank-testing-'));
  try {
    execFileSync('npx', ['tsc', '-p', join(folder, 'tsconfig.json'), '--outDir', join(out, 'dist')], { stdio: 'pipe' });
    copyFileSync(join(folder, 'package.json'), join(out, 'package.json'));
    const manifest = JSON.parse(readFileSync(join(out, 'package.json'), 'utf8'));
    expect(manifest).toMatchObject({
      name: '@bank-sdk/testing',
      type: 'module',
      exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' } },
      peerDependencies: { '@playwright/test': expect.any(String) },
    });
    expect(manifest.dependencies).toBeUndefined();
    const kit = await import(pathToFileURL(join(out, manifest.exports['.'].default)).href);
    for (const name of ['loginInBankFrame', 'confirmPayment', 'submitLoanApplication', 'openAccountInBankFrame', 'shareDataInBankFrame',
      'buyInvestment', 'redeemInvestment', 'verifyMerchantInBankFrame', 'sandboxControl']) expect(typeof kit[name], name).toBe('function');
    expect(kit.sandboxCustomers.good).toBe('13800000001');
    expect(readFileSync(join(out, manifest.exports['.'].types), 'utf8')).toContain('loginInBankFrame');
    // The compiled code needs nothing at run time beyond Node: Playwright is imported for types only.
    expect(readFileSync(join(out, 'dist', 'dialog.js'), 'utf8')).not.toContain('@playwright/test');
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

apiTest('the guide’s example test file and Playwright configuration type-check against the kit', async () => {
  test.setTimeout(60_000);
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const guide = readFileSync(join(root, 'docs/testing.md'), 'utf8');
  const block = (first: string) => {
    const found = [...guide.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!).find((code) => code.startsWith(first));
    expect(found, `a ts block starting ${first}`).toBeTruthy();
    return found!;
  };
  // Inside the repository, so that @playwright/test resolves as it does in a partner's project.
  mkdirSync(join(root, 'test-results'), { recursive: true });
  const dir = mkdtempSync(join(root, 'test-results', 'kit-guide-'));
  try {
    writeFileSync(join(dir, 'rent.spec.ts'), block('// e2e/rent.spec.ts'));
    writeFileSync(join(dir, 'playwright.config.ts'), block('// playwright.config.ts'));
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
      compilerOptions: {
        target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', lib: ['ES2023', 'DOM'], types: ['node'], strict: true,
        noEmit: true, skipLibCheck: true, allowImportingTsExtensions: true,
        paths: { '@bank-sdk/testing': [join(root, 'packages/testing/src/index.ts')] },
      },
      files: ['rent.spec.ts', 'playwright.config.ts'],
    }));
    const result = spawnSync('npx', ['tsc', '-p', join(dir, 'tsconfig.json')], { encoding: 'utf8' });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

async function createOrder(amount: string) {
  const order = await bankApi('/v1/orders', { method: 'POST', body: JSON.stringify({ amount, currency: 'CNY', description: 'Kit test' }) });
  expect(order.status).toBe(201);
  return order.body.id as string;
}

async function openPay(page: Page, orderId: string) {
  await servePartnerPage(page, '/kit-pay', `{{sdk}}<bank-pay order-id="${orderId}"></bank-pay>`);
  await page.goto('/kit-pay');
  await page.locator('bank-pay').getByRole('button', { name: /^Pay/ }).click();
}

test('a refusal rejects with what the frame said (a wrong password) or with the bank’s code (an account that cannot pay)', async ({ page }) => {
  await openPay(page, await createOrder('3500.00'));
  // A wrong password counts towards a lock: on a customer of this test's own, not a shared one.
  const wrong = loginInBankFrame(page, { phone: await newCustomer(), password: 'wrong-password' });
  await expect(wrong).rejects.toThrow(BankFrameError);
  await expect(wrong).rejects.toThrow('Bank login: refused (waiting for the SMS code). The frame shows: The phone number or password is wrong.');
  await loginInBankFrame(page, { phone: sandboxCustomers.lowBalance });
  // The frame warns that no account can pay; confirming anyway, the bank refuses: the failure's code.
  const unpayable = confirmPayment(page, { pin: sandboxPin });
  await expect(unpayable).rejects.toThrow(BankFrameError);
  await expect(unpayable).rejects.toMatchObject({ frame: 'Confirm payment', code: 'insufficient_funds' });
});

test('a step whose dialog is not open says so instead of hanging', async ({ page }) => {
  await servePartnerPage(page, '/kit-none', '{{sdk}}<bank-login></bank-login>');
  await page.goto('/kit-none');
  await expect(page.locator('bank-login').getByRole('button', { name: 'Log in' })).toBeVisible();
  await expect(confirmPayment(page, { pin: sandboxPin, timeout: 1_000 })).rejects.toThrow(
    'Confirm payment: no such frame is open (waited 1000 ms for the payment PIN).');
});

test('open an account as a new person, then decline to share data, on the demo site', async ({ page }) => {
  test.setTimeout(90_000); // several bank frames on a shared, busy machine
  await page.goto('/?lang=en');
  await page.locator('bank-account-open').getByRole('button', { name: 'Open an account' }).click();
  const phone = `136${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  const opened = await openAccountInBankFrame(page, { phone, fullName: 'Wang Xiaoming', idNumber: freshId(), cardNumber: sandboxCards.good, pin: '246802' });
  expect(opened).toEqual({ accountId: expect.any(String), accountClass: 'II', last4: expect.stringMatching(/^\d{4}$/) });
  await expect(page.locator('bank-login')).toContainText('Logged in as Wang *');
  await page.locator('bank-data-consent').getByRole('button', { name: /^Share/ }).click();
  const other = shareDataInBankFrame(page, { recipient: 'Another App' });
  await expect(other).rejects.toThrow('Share data: does not ask to share with Another App. The frame shows: - checkbox "I agree to share this with Demo Rental Homes"');
  expect(await shareDataInBankFrame(page, { share: false, recipient: 'Demo Rental Homes' })).toEqual({ outcome: 'declined', purpose: 'rental-screening' });
  await expect(page.locator('iframe[title="Share data"]')).toHaveCount(0);
});

test('buy after the risk assessment, then redeem, through the Investments frame', async ({ page }) => {
  test.setTimeout(90_000);
  const customer = await newCustomer({ balance: '50000.00' });
  await servePartnerPage(page, '/kit-invest', '{{sdk}}<bank-invest></bank-invest>');
  await page.goto('/kit-invest');
  await page.locator('bank-invest').getByRole('button', { name: 'Log in', exact: true }).click();
  await loginInBankFrame(page, { phone: customer });
  const shelf = page.frameLocator('iframe[title="Investments"]');
  // The shelf as the logged-in customer's (a click on the one before the login could land as it is replaced).
  await expect(shelf.getByText('You have not taken the risk assessment yet.')).toBeVisible();
  await shelf.getByRole('region', { name: 'Cash Plus' }).getByRole('button', { name: 'Buy' }).click();
  await expect(buyInvestment(page, { amount: '1000', pin: sandboxPin })).rejects.toThrow(
    'Buy: asks for the risk assessment first: pass `riskAnswers`.');
  const bought = await buyInvestment(page, { amount: '1000', pin: sandboxPin, riskAnswers: [2, 2, 2, 2, 2, 2, 2, 2, 2, 2] });
  expect(bought).toEqual({ subscriptionId: expect.stringMatching(/^sub_/), productId: 'cash-plus', amount: '1000.00', status: 'confirmed' });
  const holding = shelf.getByRole('listitem').filter({ hasText: 'Cash Plus' });
  await holding.getByRole('button', { name: 'Redeem' }).click();
  const redeemed = await redeemInvestment(page, { amount: '250', pin: sandboxPin });
  expect(redeemed).toEqual({ redemptionId: expect.stringMatching(/^red_/), productId: 'cash-plus', amount: '250.00', arrival: 'instant' });
});

test('verify a business as its legal representative', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/landlords?lang=en');
  await page.locator('bank-merchant-onboard').getByRole('button', { name: 'Verify business' }).click({ timeout: 20_000 });
  await loginInBankFrame(page, { phone: sandboxCustomers.good });
  const verified = await verifyMerchantInBankFrame(page, {
    businessName: 'Anju Renovation Ltd', creditCode: '91110105MA01ABCD13', legalRepresentative: 'Zhang San',
    legalRepresentativeId: '110105199003070017', settlementAccount: sandboxCards.good,
  });
  expect(verified).toEqual({ merchantId: expect.any(String), status: 'verified' });
});
