import { expect, type Page } from '@playwright/test';
import { contrastRatio, parseOpaqueRgb, type Rgb } from '../../src/domain/contrast.ts';
import { logIn, partnerOrigin, rentOrder, servePartnerPage, test } from './helpers.ts';

// Themes reach the bank's frames as opaque rgb() whatever syntax the partner wrote, and no theme can make the
// facts of a payment unreadable: the frame falls back to the bank's colours for any pair a theme would break.

const themes = `
  html.attack {
    --bank-color-text: transparent; --bank-color-background: transparent; --bank-color-backdrop: transparent;
  }
  html.attack bank-pay::part(dialog) { background: transparent; box-shadow: none; }
  .fake { display: none; }
  html.attack .fake {
    display: block; position: fixed; inset: 0; z-index: 0; pointer-events: none; font: 700 3rem sans-serif; color: #000; background: #fff;
    padding-top: 40vh; text-align: center;
  }
  html.faint { --bank-color-text: rgba(0, 0, 0, 0.1); --bank-color-background: rgba(255, 255, 255, 0.1); }
  html.low { --bank-color-text: #999; --bank-color-background: #aaa; }
  html.syntax { --brand: hsl(210 80% 30%); --bank-color-primary: var(--brand); --bank-color-on-primary: white; --bank-color-focus: color(display-p3 0.2 0.4 0.6); }
  html.dark bank-pay, html.dark bank-login { color-scheme: dark; }
  html.night { --bank-color-background: #111827; --bank-color-text: rgb(240 240 240); --bank-color-input-background: #fff; }
`;

interface Painted {
  background: string;
  payee: string;
  amount: string;
  amountText: string;
  inputText: string;
  inputBackground: string;
  primary: string;
  onPrimary: string;
  focus: string;
  scheme: string;
}

async function openPage(page: Page) {
  const orderId = await rentOrder();
  await page.route(`${partnerOrigin}/theme-test.css`, (route) => route.fulfill({ contentType: 'text/css', body: themes }));
  await servePartnerPage(
    page,
    '/theme',
    `<link rel="stylesheet" href="/theme-test.css"><div class="fake">¥1.00</div>{{sdk}}<bank-login></bank-login><bank-pay order-id="${orderId}"></bank-pay>`,
  );
  await page.goto('/theme');
  await logIn(page);
}

/** Opens the pay dialog with the page wearing `theme`, reads what the frame paints, closes it. */
async function paintedWith(page: Page, theme: string): Promise<Painted> {
  await page.evaluate((name) => (document.documentElement.className = name), theme);
  await page.locator('bank-pay').getByRole('button', { name: /^Pay/ }).click();
  const frame = page.frameLocator('iframe[title="Confirm payment"]');
  await expect(frame.getByRole('combobox', { name: 'Pay from' })).toBeVisible();
  const painted = await frame.locator('bank-pay-form').evaluate((form) => {
    const root = form.shadowRoot!;
    const style = (selector: string) => getComputedStyle(root.querySelector(selector)!);
    const html = getComputedStyle(document.documentElement);
    return {
      background: html.backgroundColor,
      payee: style('dl.order dd').color,
      amount: style('dl.order dd.amount').color,
      amountText: root.querySelector('dl.order dd.amount')!.textContent!.trim(),
      inputText: style('input').color,
      inputBackground: style('input').backgroundColor,
      primary: style('button[type="submit"]').backgroundColor,
      onPrimary: style('button[type="submit"]').color,
      focus: html.getPropertyValue('--bank-color-focus').trim(),
      scheme: html.colorScheme,
    };
  });
  await page.locator('bank-pay dialog').getByRole('button', { name: 'Close' }).click();
  await expect(page.locator('bank-pay dialog[open]')).toHaveCount(0);
  return painted;
}

function opaque(value: string): Rgb {
  const colour = parseOpaqueRgb(value);
  expect(colour, `${value} is an opaque rgb()`).not.toBeNull();
  return colour!;
}

/** Payee and amount are painted opaque, on an opaque background, at 4.5:1 or more; so is the PIN input. */
function expectReadable(painted: Painted) {
  const background = opaque(painted.background);
  expect(contrastRatio(opaque(painted.payee), background)).toBeGreaterThanOrEqual(4.5);
  expect(contrastRatio(opaque(painted.amount), background)).toBeGreaterThanOrEqual(4.5);
  expect(contrastRatio(opaque(painted.inputText), opaque(painted.inputBackground))).toBeGreaterThanOrEqual(4.5);
  expect(contrastRatio(opaque(painted.onPrimary), opaque(painted.primary))).toBeGreaterThanOrEqual(4.5);
  expect(painted.amountText).toBe('¥3,500.00');
}

const near = (value: string, [r, g, b]: number[]) => {
  const c = opaque(value);
  expect(Math.abs(c.r - r) + Math.abs(c.g - g) + Math.abs(c.b - b), `${value} ≈ rgb(${r}, ${g}, ${b})`).toBeLessThanOrEqual(4);
};

test('the theme attack fails: transparent text and background with a fake "¥1.00" behind the frame', async ({ page }) => {
  await openPage(page);
  const painted = await paintedWith(page, 'attack');
  // The partner really painted its fake amount behind the dialog…
  await expect(page.locator('.fake')).toBeVisible();
  // …but the frame paints the real one, opaque and readable, over an opaque background.
  expectReadable(painted);
  expect(opaque(painted.background)).toEqual(opaque('rgb(255, 255, 255)'));
});

test('faint, low-contrast and dark themes stay readable in the frame; hsl(), display-p3 and var() chains arrive as rgb()', async ({ page }) => {
  test.slow();
  await openPage(page);

  const faint = await paintedWith(page, 'faint');
  expectReadable(faint);

  const low = await paintedWith(page, 'low');
  expectReadable(low);
  // The partner's background is kept; its text colour (#999 on #aaa, 1.2:1) is not.
  expect(opaque(low.background)).toEqual(opaque('rgb(170, 170, 170)'));
  expect(opaque(low.payee)).not.toEqual(opaque('rgb(153, 153, 153)'));

  const syntax = await paintedWith(page, 'syntax');
  expectReadable(syntax);
  near(syntax.primary, [15, 77, 138]); // hsl(210 80% 30%) through var(--brand)
  near(syntax.focus, [27, 104, 157]); // color(display-p3 0.2 0.4 0.6) in sRGB
  expect(opaque(syntax.onPrimary)).toEqual(opaque('rgb(255, 255, 255)'));

  const night = await paintedWith(page, 'night');
  expectReadable(night);
  expect(opaque(night.background)).toEqual(opaque('rgb(17, 24, 39)'));
  expect(opaque(night.payee)).toEqual(opaque('rgb(240, 240, 240)'));
  // A white input under near-white text (1.1:1) is not taken.
  expect(opaque(night.inputBackground)).not.toEqual(opaque('rgb(255, 255, 255)'));

  const dark = await paintedWith(page, 'dark');
  expectReadable(dark);
  expect(dark.scheme).toBe('dark');
  // The bank's dark palette, in the frame and in the elements alike.
  expect(opaque(dark.background)).toEqual(opaque('rgb(18, 24, 33)'));
  const elementText = await page.locator('bank-pay').evaluate((el) => getComputedStyle(el).color);
  expect(opaque(elementText)).toEqual(opaque('rgb(228, 231, 235)'));
});

test('a customer who prefers dark, on a page with no theme and no colour scheme: the dark palette, in the element and the frame', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openPage(page);
  const painted = await paintedWith(page, '');
  expectReadable(painted);
  expect(painted.scheme).toBe('dark');
  expect(opaque(painted.background)).toEqual(opaque('rgb(18, 24, 33)'));
  const elementText = await page.locator('bank-pay').evaluate((el) => getComputedStyle(el).color);
  expect(opaque(elementText)).toEqual(opaque('rgb(228, 231, 235)'));
});
