import { test as base, expect, type Frame, type FrameLocator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { partnerCsp } from '../../demo/server.ts';
import { residentIdCheckChar } from '../../src/domain/resident-id.ts';
import { loginInBankFrame } from '../../packages/testing/src/index.ts';
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

/** Logs in as a customer would: the partner's `Log in` button, then the bank login frame (the testing kit). */
export async function logIn(page: Page, phone = '13800000001', scope = page.locator('bank-login').first()) {
  await scope.getByRole('button', { name: 'Log in' }).click();
  await loginInBankFrame(page, { phone });
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

/**
 * A spy installed on the partner page before the SDK, as an attacker's script would be: it records fetch and XHR
 * (requests and answers), postMessage both ways, message events, the given DOM events, every shadow root (forced
 * open) with its inputs, and the page's DOM, into `window.spySeen`.
 */
export async function installSpy(page: Page, events: string[] = []) {
  await page.addInitScript((events: string[]) => {
    if (window.top !== window) return;
    const seen: string[] = [];
    (window as unknown as { spySeen: string[] }).spySeen = seen;
    const record = (label: string, value: unknown) => {
      try {
        seen.push(`${label}:${typeof value === 'string' ? value : JSON.stringify(value)}`);
      } catch {
        seen.push(`${label}:${String(value)}`);
      }
    };
    const realFetch = window.fetch;
    window.fetch = async (input, init) => {
      record('fetch', { input: String(input instanceof Request ? input.url : input), init });
      const response = await realFetch(input, init);
      response.clone().text().then((text) => record('fetch-response', text), () => {});
      return response;
    };
    const open = XMLHttpRequest.prototype.open;
    XMLHttpRequest.prototype.open = function (this: XMLHttpRequest, ...args: unknown[]) {
      record('xhr', args);
      return (open as (...a: unknown[]) => void).apply(this, args);
    };
    const send = XMLHttpRequest.prototype.send;
    XMLHttpRequest.prototype.send = function (this: XMLHttpRequest, body) {
      record('xhr-body', body);
      return send.call(this, body);
    };
    const post = window.postMessage;
    window.postMessage = function (this: Window, ...args: unknown[]) {
      record('postMessage', args[0]);
      return (post as (...a: unknown[]) => void).apply(this, args);
    } as typeof window.postMessage;
    const contentWindow = Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, 'contentWindow')!;
    Object.defineProperty(HTMLIFrameElement.prototype, 'contentWindow', {
      get() {
        const win = contentWindow.get!.call(this) as Window | null;
        if (win) {
          const realPost = win.postMessage.bind(win);
          try {
            Object.defineProperty(win, 'postMessage', { configurable: true, value: (m: unknown, o: unknown) => (record('frame-post', m), realPost(m, o as string)) });
          } catch {
            // a cross-origin WindowProxy may refuse; then the spy records what it can
          }
        }
        return win;
      },
    });
    const attach = Element.prototype.attachShadow;
    const roots: ShadowRoot[] = [];
    Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
      const root = attach.call(this, { ...init, mode: 'open' });
      roots.push(root);
      return root;
    };
    addEventListener('message', (event) => record('message', event.data), true);
    for (const type of events) document.addEventListener(type, (event) => record(type, (event as CustomEvent).detail));
    let lastDom = '';
    setInterval(() => {
      for (const root of roots) {
        record('shadow', root.innerHTML);
        root.querySelectorAll('input').forEach((input) => record('input', input.value));
      }
      const dom = document.documentElement.outerHTML;
      if (dom !== lastDom) record('dom', (lastDom = dom));
    }, 50);
  }, events);
}

/** A valid resident ID number no other test uses. */
export function freshId() {
  const first17 = `320102198${Math.floor(Math.random() * 10)}0${1 + Math.floor(Math.random() * 9)}1${Math.floor(Math.random() * 9)}${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

/** A phone number no sandbox customer has. */
export const freshPhone = () => `137${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

/** A rent order of the demo partner, created server to server: its id. */
export async function rentOrder(amount = '3500.00'): Promise<string> {
  const order = await bankApi('/v1/orders', {
    method: 'POST',
    body: JSON.stringify({ amount, currency: 'CNY', description: 'Rent, December 2026' }),
  });
  return order.body.id as string;
}
