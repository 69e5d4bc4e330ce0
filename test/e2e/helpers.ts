import { test as base, expect, type Frame, type FrameLocator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { partnerCsp } from '../../demo/server.ts';
import { bankPort, partnerPort } from '../playwright.config.ts';

/**
 * Playwright's `test`, plus a diagnostic that, when a test fails, prints what every frame logged and what each bank
 * frame shows: the bank frames are cross-origin, so their state is otherwise invisible in a failure report.
 */
export const test = base.extend<{ diagnostics: void }>({
  diagnostics: [
    async ({ page }, use, testInfo) => {
      const log: string[] = [];
      const violations: string[] = [];
      page.on('console', (m) => {
        log.push(`[${m.type()}] ${m.location().url.split('?')[0]}: ${m.text()}`);
        if (m.text().startsWith('CSP violation')) violations.push(m.text());
      });
      // Every test fails on a CSP or Trusted Types violation, in the partner page and in every bank frame.
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          console.error(`CSP violation in ${location.origin}: ${event.violatedDirective} ${event.blockedURI}`);
        });
      });
      page.on('requestfailed', (r) => log.push(`[requestfailed] ${r.url()} ${r.failure()?.errorText}`));
      await use();
      if (testInfo.status !== testInfo.expectedStatus) {
        for (const frame of page.frames()) {
          const text = await frame
            .evaluate(() => [...document.querySelectorAll('*')].map((el) => el.shadowRoot?.textContent ?? '').join(' ').replace(/\s+/g, ' '))
            .catch((e: Error) => e.message);
          log.push(`[frame] ${frame.url().split('?')[0]}: ${text}`);
        }
        await testInfo.attach('diagnostics', { body: log.join('\n'), contentType: 'text/plain' });
        console.log(`--- diagnostics for "${testInfo.title}"\n${log.join('\n')}`);
      }
      expect(violations, 'CSP violations').toEqual([]);
    },
    { auto: true },
  ],
});

/**
 * The e2e `test`, minus its browser diagnostics, for specs that only call the bank's HTTP API: nothing there opens
 * a page, so no browser is started at all (the auto `diagnostics` fixture would otherwise launch Chromium for every
 * test).
 */
export const apiTest = test.extend({
  // An override keeps the fixture automatic; without `page` among its parameters, no browser starts.
  diagnostics: async ({}, use) => use(),
});

export const bankOrigin = `http://127.0.0.1:${bankPort}`;
export const partnerOrigin = `http://localhost:${partnerPort}`;
export const demoAppId = 'app_demo_rental';
export const demoSecretKey = 'sk_sandbox_demo_rental_0123456789abcdef';
export const password = 'Passw0rd!';
export const smsCode = '123456';
/** Every sandbox customer's payment PIN. */
export const paymentPin = '135790';

/**
 * Collects console errors and uncaught exceptions, in the page and in every bank frame, for tests that assert a
 * clean run. (CSP violations fail every test anyway: see `diagnostics`.)
 */
export function watchForProblems(page: Page) {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  return problems;
}

/** Collects every bank event that reaches the partner's document. */
export async function recordEvents(page: Page) {
  await page.addInitScript(() => {
    const events: { type: string; target: string; detail: unknown }[] = [];
    (window as unknown as { bankEvents: typeof events }).bankEvents = events;
    if (window.top !== window) return;
    for (const type of [
      'bank-ready', 'bank-error', 'bank-cancel', 'bank-login-success', 'bank-logout', 'bank-pay-success',
      'bank-pay-failure', 'bank-loan-submitted',
    ]) {
      document.addEventListener(type, (event) => {
        const target = event.composedPath()[0];
        events.push({ type, target: target instanceof Element ? target.localName : 'document', detail: (event as CustomEvent).detail });
      });
    }
  });
}

export type RecordedEvent = { type: string; target: string; detail: Record<string, unknown> };
export const bankEvents = (page: Page) =>
  page.evaluate(() => (window as unknown as { bankEvents: RecordedEvent[] }).bankEvents);

export const loginFrame = (page: Page): FrameLocator => page.frameLocator('iframe[title="Bank login"]');

/** Logs in through the real bank login frame, as a customer would. */
export async function logIn(page: Page, phone = '13800000001', scope = page.locator('bank-login').first()) {
  await scope.getByRole('button', { name: 'Log in' }).click();
  await fillLoginDialog(page, phone);
}

/** Completes the bank login dialog once it is open (phone, password, SMS code). */
export async function fillLoginDialog(page: Page, phone = '13800000001') {
  const frame = loginFrame(page);
  await frame.getByRole('textbox', { name: 'Phone number' }).fill(phone);
  await frame.getByRole('textbox', { name: 'Password' }).fill(password);
  await frame.getByRole('button', { name: 'Log in' }).click();
  await frame.getByRole('textbox', { name: 'SMS code' }).fill(smsCode);
  await frame.getByRole('button', { name: 'Verify' }).click();
}

/** The demo partner's strict policy, optionally letting one more origin be framed (for a third-party frame). */
export function partnerCspHeader(nonce: string, extraFrameSrc = '') {
  return partnerCsp(nonce, bankOrigin).replace(`frame-src ${bankOrigin}`, `frame-src ${bankOrigin} ${extraFrameSrc}`);
}

/**
 * Serves a partner page of the test's own making at `path` on the partner origin, under the same strict CSP
 * as the demo. `{{sdk}}` in the body becomes the script tag (with `scriptAttrs`).
 */
export async function servePartnerPage(
  page: Page,
  path: string,
  body: string,
  { scriptAttrs = '', dataset = 'data-token-url="/api/bank/client-token" data-locale="en"', extraFrameSrc = '', origin = partnerOrigin } = {},
) {
  const nonce = 'test-nonce-' + Math.random().toString(36).slice(2);
  const sdk = `<script nonce="${nonce}" ${scriptAttrs} src="${bankOrigin}/sdk/v1/bank-sdk.js" data-app-id="${demoAppId}" ${dataset}></script>`;
  await page.route(`${origin}${path}`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      headers: { 'Content-Security-Policy': partnerCspHeader(nonce, extraFrameSrc) },
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test partner page</title><link rel="icon" href="data:,"></head><body>${body.replaceAll('{{sdk}}', sdk).replaceAll('{{nonce}}', nonce)}</body></html>`,
    }),
  );
}

const axeSource = readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');

/** Serious and critical axe violations in a page or frame (axe injected through the debugger, not the page's CSP). */
export async function axeViolations(target: Page | Frame) {
  await target.evaluate(axeSource);
  const results = await target.evaluate(() =>
    (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe.run(
      document, { resultTypes: ['violations'] },
    ),
  );
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes.length})`);
}

/** Partner API, server to bank, as the partner's backend calls it. */
export async function bankApi(path: string, init: RequestInit & { secretKey?: string } = {}) {
  const response = await fetch(`${bankOrigin}${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${init.secretKey ?? demoSecretKey}`, 'Content-Type': 'application/json', ...init.headers },
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

/** A fresh sandbox customer, so tests that lock or spend never disturb each other. */
export async function newCustomer(extra: Record<string, unknown> = {}) {
  const phone = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  const created = await bankApi('/v1/sandbox/customers', { method: 'POST', body: JSON.stringify({ phone, ...extra }) });
  expect(created.status).toBe(201);
  return phone;
}
