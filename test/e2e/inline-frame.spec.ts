import { expect } from '@playwright/test';
import { bankEvents, bankOrigin, partnerOrigin, recordEvents, servePartnerPage, test } from './helpers.ts';

// The inline-frame mechanism (src/elements/core/inline-frame.ts, as <bank-account> and <bank-invest> use it), proven with a test-only element and a fake bank
// frame: the frame is sized to its content (no inner scrollbar), carries the theme, keeps a skeleton of stable
// height until measured, and its ready/error reach the page as bank-ready/bank-error; a frame that never shows
// itself becomes a visible bank_unavailable error.

/** A stand-in bank frame, served at the bank's origin: reports its height, then ready, an error or nothing. */
const fakeFrame = `<!doctype html><html><head><meta charset="utf-8"><title>Test panel</title>
<link rel="stylesheet" href="test-panel.css"></head><body><div id="content">Balance ¥1,234.00</div>
<script src="test-panel.js"></script></body></html>`;
const fakeFrameScript = `
const query = new URLSearchParams(location.search);
const post = (event, data) => parent.postMessage({ bank: 1, event, data }, query.get('origin'));
const mode = query.get('mode');
if (mode !== 'silent') {
  post('resize', { height: document.documentElement.getBoundingClientRect().height });
  if (mode === 'ready') post('ready', {});
  if (mode === 'error') post('error', { code: 'internal', message: 'The panel could not load.', retryable: true });
}`;

/** A partner-side element built on <bank-account>, the SDK's own inline-frame element, showing another frame. */
const testElement = `
await customElements.whenDefined('bank-account');
customElements.define('test-panel', class extends customElements.get('bank-account') {
  get showsRealData() { return this.panel.ready; }
  renderReady() { return this.panel.render('test-panel', 'Test panel', { mode: this.getAttribute('mode') }); }
});`;

test('an inline frame: sized to its content, themed, skeleton while loading, ready → bank-ready, error → bank-error, silence → bank_unavailable', async ({ page }) => {
  test.slow();
  await recordEvents(page);
  await page.route(`${bankOrigin}/sdk/v1/frames/test-panel.html?*`, (route) => route.fulfill({ contentType: 'text/html', body: fakeFrame }));
  await page.route(`${bankOrigin}/sdk/v1/frames/test-panel.css`, (route) =>
    route.fulfill({ contentType: 'text/css', body: 'html, body { margin: 0; } #content { height: 237px; }' }));
  await page.route(`${bankOrigin}/sdk/v1/frames/test-panel.js`, (route) =>
    route.fulfill({ contentType: 'text/javascript', body: fakeFrameScript }));
  await page.route(`${partnerOrigin}/panel-theme.css`, (route) =>
    route.fulfill({ contentType: 'text/css', body: 'test-panel { display: block; width: 300px; --bank-color-primary: hsl(0 100% 25%); }' }));
  await servePartnerPage(
    page,
    '/panel',
    `<link rel="stylesheet" href="/panel-theme.css">{{sdk}}<bank-account></bank-account>
     <test-panel id="ready" mode="ready"></test-panel><test-panel id="error" mode="error"></test-panel><test-panel id="silent" mode="silent"></test-panel>
     <script type="module" nonce="{{nonce}}">${testElement}</script>`,
  );
  await page.goto('/panel');

  // While a frame has not measured itself: a skeleton of stable height, and the frame hidden.
  const silent = page.locator('#silent');
  await expect(silent.locator('[part~="skeleton"]')).toBeVisible();
  expect((await silent.locator('[part~="skeleton"]').boundingBox())!.height).toBeGreaterThanOrEqual(190);

  // Ready: exactly as tall as its content, no skeleton, no inner scrollbar; bank-ready from the element.
  const ready = page.locator('#ready iframe[part~="panel"]');
  await expect(ready).toHaveAttribute('height', '237');
  await expect(page.locator('#ready [part~="skeleton"]')).toHaveCount(0);
  expect((await ready.boundingBox())!.height).toBe(237);
  const inner = await (await ready.elementHandle())!.contentFrame();
  expect(await inner!.evaluate(() => document.documentElement.scrollHeight <= document.documentElement.clientHeight)).toBe(true);
  // The theme came along, resolved to rgb().
  const theme = JSON.parse(new URL((await ready.getAttribute('src'))!).searchParams.get('theme')!);
  expect(theme).toMatchObject({ '--bank-color-primary': 'rgb(128, 0, 0)', scheme: 'light' });

  await expect
    .poll(async () => (await bankEvents(page)).filter((e) => e.type === 'bank-ready' && e.target === 'test-panel').length)
    .toBe(1);
  const errors = async () => (await bankEvents(page)).filter((e) => e.type === 'bank-error' && e.target === 'test-panel').map((e) => e.detail.code);
  await expect.poll(errors).toEqual(['internal']);

  // A frame that never shows itself: after the timeout, a visible error and bank_unavailable.
  await expect(silent.getByRole('alert')).toContainText('The bank is not available right now', { timeout: 12_000 });
  await expect(silent.getByRole('button', { name: 'Try again' })).toBeVisible();
  await expect.poll(errors).toEqual(['internal', 'bank_unavailable']);
});
