/**
 * The bridge frame carries its script inline (issue #14: no second round trip after its HTML). The bank's frame CSP
 * allows exactly that script, by its sha256, and nothing else inline: no 'unsafe-inline', and an inline script with
 * any other text is refused by the browser.
 */
import { test as base, expect } from '@playwright/test';
import { createHash } from 'node:crypto';
import { bankOrigin, demoAppId, partnerOrigin, servePartnerPage } from './helpers.ts';

// Not the suite's `test`: that one fails on any CSP violation, and here one is the expected, positive signal.
const test = base;

const bridgeUrl = `${bankOrigin}/sdk/v1/frames/bridge.html?app=${demoAppId}&origin=${encodeURIComponent(partnerOrigin)}&channel=`;
const inlineScripts = (html: string) => [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
const sha256 = (text: string) => `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;

test('the bridge’s HTML carries its one script inline, allowed by its hash alone', async () => {
  const answer = await fetch(bridgeUrl);
  expect(answer.status).toBe(200);
  const html = await answer.text();
  const scripts = inlineScripts(html);
  expect(scripts).toHaveLength(1);
  expect(html).not.toMatch(/<script\b[^>]*\bsrc=/); // nothing to fetch before the bridge runs
  const csp = answer.headers.get('content-security-policy') ?? '';
  const scriptSrc = csp.split('; ').find((d) => d.startsWith('script-src '));
  expect(scriptSrc).toBe(`script-src 'self' '${sha256(scripts[0]!)}'`);
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain('unsafe-eval');
  expect(csp).toContain(`frame-ancestors ${partnerOrigin}`);
  expect(csp).toContain("require-trusted-types-for 'script'");
});

test('an inline script in the bridge frame without the right hash is refused, and the SDK does not start', async ({ page }) => {
  // Every frame reports its CSP violations to the console, prefixed, so the refusal is seen where it happens.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation in ${location.origin}: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  // The bank's real answer (its real CSP header), with the inline script's text changed by one comment.
  let served = '';
  await page.route(`${bankOrigin}/sdk/v1/frames/bridge.html?*`, async (route) => {
    const response = await route.fetch();
    const html = await response.text();
    const [script] = inlineScripts(html);
    served = html.replace(`>${script}</script>`, () => `>/* not the bank's */${script}</script>`);
    await route.fulfill({ response, body: served });
  });
  const violations: string[] = [];
  page.on('console', (m) => m.text().startsWith('CSP violation') && violations.push(m.text()));
  const refused = page.waitForEvent('console', (m) => m.text() === `CSP violation in ${bankOrigin}: script-src-elem inline`);
  await servePartnerPage(page, '/tampered-bridge', '{{sdk}}<bank-login></bank-login>');
  await page.goto('/tampered-bridge');
  await refused; // the browser refused the changed script (the positive signal)…
  expect(served).toContain("/* not the bank's */");
  expect(violations).toEqual([`CSP violation in ${bankOrigin}: script-src-elem inline`]);
  // …so no bridge answered: the element says the bank did not answer (after the SDK's start timeout).
  await expect(page.locator('bank-login').getByRole('alert')).toContainText('bank', { timeout: 15_000 });
});
