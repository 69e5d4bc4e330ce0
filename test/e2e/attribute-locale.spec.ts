import { expect } from '@playwright/test';
import { bankEvents, recordEvents, servePartnerPage, test } from './helpers.ts';

/**
 * A wrong attribute is shown in the element's locale and announced in English for the developer, for the newer
 * elements as for `<bank-pay>` and `<bank-loan-apply>` (docs/elements.md, "Locales").
 */
test('bad attributes on a zh-CN page: Chinese in the element, English in bank-error', async ({ page }) => {
  await recordEvents(page);
  await servePartnerPage(page, '/attributes-zh', `{{sdk}}
    <bank-account-open id="open" account-class="IV"></bank-account-open>
    <bank-invest id="invest" product="gold-bars"></bank-invest>
    <bank-data-consent id="consent" purpose="marketing"></bank-data-consent>
    <bank-merchant-onboard id="merchant" merchant-id="shop-1"></bank-merchant-onboard>
    <bank-loan-apply id="loan" product="merchant-loan" merchant-id="x"></bank-loan-apply>`, {
    dataset: 'data-token-url="/api/bank/client-token" data-locale="zh-CN"',
  });
  await page.goto('/attributes-zh');
  const shown = {
    open: 'account-class属性“IV”必须是“II”或“III”',
    invest: 'product“gold-bars”必须是以下产品之一：',
    consent: 'purpose“marketing”不是以下用途之一：',
    merchant: 'merchant-id“shop-1”不是有效的商户号',
    loan: 'merchant-id“x”不是有效的商户号',
  };
  for (const [id, text] of Object.entries(shown)) await expect(page.locator(`#${id}`).getByRole('alert')).toContainText(text);
  await expect(page.locator('#consent').getByRole('alert')).toContainText('缺少claims属性');
  const announced = (await bankEvents(page)).filter((e) => e.type === 'bank-error').map((e) => e.detail.message as string);
  expect(announced).toEqual(expect.arrayContaining([
    'account-class "IV" must be "II" or "III"',
    expect.stringMatching(/^product "gold-bars" must be one of /),
    expect.stringMatching(/^purpose "marketing" is not one of .*; claims is required$/),
    'merchant-id "shop-1" is not a merchant id',
    'merchant-id "x" is not a merchant id',
  ]));
});
