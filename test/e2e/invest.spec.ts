import { expect, type FrameLocator, type Locator, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { loginInBankFrame } from '../../packages/testing/src/index.ts';
import { loggedInSession } from './bank-client.ts';
import {
  axeViolations, bankEvents, newCustomer, paymentPin, recordEvents, servePartnerPage, test, watchForProblems,
} from './helpers.ts';

/**
 * <bank-invest> end to end, as customers use it, in both locales, on a phone (320 × 568) and a desktop (1280):
 * assessment then purchase, a product above the customer's level, an expired assessment, a private product's
 * cooling-off, an instant Cash Plus redemption, a closed-end product without a Redeem button, a minimum. Every
 * bank frame passes axe; the partner page sees only the contract's events.
 */
// Whole customer journeys through several bank frames, on a machine shared with other suites: more time than the default.
test.describe.configure({ timeout: 90_000 });

const phone = { width: 320, height: 568 };
const desktop = { width: 1280, height: 800 };

const texts = {
  en: {
    logIn: 'Log in',
    panel: 'Investments', buyFrame: 'Buy', redeemFrame: 'Redeem', cancelFrame: 'Cancel purchase',
    buy: 'Buy', redeem: 'Redeem', assess: 'Risk assessment', seeResult: 'See my result',
    amount: 'Amount', payFrom: 'Pay from', ack: 'I have read the product terms and the risk disclosure',
    qualified: 'I declare that I am a qualified investor', pin: 'Payment PIN', confirm: 'Confirm purchase',
    confirmRedeem: 'Confirm redemption', reassess: 'Take the assessment again', cancelPurchase: 'Cancel purchase',
    warning: 'Wealth products are not deposits. Investing involves risk; invest with care.',
    answerAll: /Answer every question/, result: 'Your result: C3 (balanced)', resultC5: 'Your result: C5 (aggressive)',
    mismatch: 'This product does not suit your risk level', expired: /more than 12 months old/,
    noHoldings: 'You hold no wealth products yet.', pending: /paid, shares confirmed on/, coolingOff: /cooling-off period/,
    belowMinimum: 'The amount is below this product’s minimum of ¥1.00.', cashYield: /^7-day annualised yield \d\.\d\d%$/,
    bondYield: 'performance benchmark 2.6%–3.1%',
    products: { 'cash-plus': 'Cash Plus', 'steady-bond-6m': 'Steady Bond 6M', 'balanced-1y': 'Balanced 1Y', 'equity-select': 'Equity Select', 'private-growth': 'Private Growth' },
  },
  'zh-CN': {
    logIn: '登录',
    panel: '理财', buyFrame: '购买', redeemFrame: '赎回', cancelFrame: '撤销购买',
    buy: '购买', redeem: '赎回', assess: '风险测评', seeResult: '查看测评结果',
    amount: '金额', payFrom: '付款账户', ack: '我已阅读产品说明书和风险揭示书',
    qualified: '本人声明为合格投资者', pin: '支付密码', confirm: '确认购买',
    confirmRedeem: '确认赎回', reassess: '重新测评', cancelPurchase: '撤销购买',
    warning: '理财非存款、产品有风险、投资须谨慎',
    answerAll: /请回答所有问题/, result: '您的测评结果：C3（平衡型）', resultC5: '您的测评结果：C5（进取型）',
    mismatch: '该产品与您的风险承受能力不匹配', expired: /超过12个月/,
    noHoldings: '您还没有持有理财产品。', pending: /份额于.*确认/, coolingOff: /冷静期/,
    belowMinimum: '金额低于该产品的起购金额¥1.00。', cashYield: /^七日年化收益率\d\.\d\d%$/,
    bondYield: '业绩比较基准2.6%–3.1%',
    products: { 'cash-plus': '现金宝', 'steady-bond-6m': '稳健债券6个月', 'balanced-1y': '平衡配置1年', 'equity-select': '精选权益', 'private-growth': '私募成长' },
  },
};
type Locale = keyof typeof texts;
type Texts = (typeof texts)[Locale];

/** Answers by option index: 2 everywhere scores 22 (C3); `best` scores 40 (C5). */
const balanced = [2, 2, 2, 2, 2, 2, 2, 2, 2, 2];
const best = [1, 4, 4, 4, 3, 4, 4, 4, 2, 0];
const balancedApi = { age: 2, income: 2, assets: 2, experience: 2, knowledge: 2, horizon: 2, objective: 2, loss: 2, liquidity: 2, share: 2 };

async function recordInvestEvents(page: Page) {
  await recordEvents(page);
  await page.addInitScript(() => {
    if (window.top !== window) return;
    const events = (window as unknown as { bankEvents: unknown[] }).bankEvents;
    for (const type of ['bank-invest-success', 'bank-invest-redeemed']) {
      document.addEventListener(type, (event) => events.push({ type, target: 'bank-invest', detail: (event as CustomEvent).detail }));
    }
  });
}

/** The demo site, logged in from <bank-invest>'s own Log in button; answers the Investments panel. */
async function openShelf(page: Page, locale: Locale, customer: string, path = `/?lang=${locale}`) {
  const t = texts[locale];
  await page.goto(path);
  const element = page.locator('bank-invest');
  await element.getByRole('button', { name: t.logIn, exact: true }).click();
  await loginInBankFrame(page, { phone: customer, locale });
  const panel = page.frameLocator(`bank-invest iframe[title="${t.panel}"]`);
  await expect(panel.getByText(t.warning)).toBeVisible();
  return panel;
}

const buyFrame = (page: Page, t: Texts) => page.frameLocator(`iframe[title="${t.buyFrame}"]`);

async function answer(frame: FrameLocator, choices: number[]) {
  const groups = frame.getByRole('radiogroup');
  await expect(groups).toHaveCount(10);
  for (const [i, choice] of choices.entries()) await groups.nth(i).getByRole('radio').nth(choice).check();
}

/**
 * Ticks a box in the Buy dialog. Once in a busy full run the click still missed after the frame was at rest ("did not
 * change its state"); ticking is idempotent, so it is tried again until the box is ticked.
 */
const tick = (box: Locator) => expect(async () => box.check({ timeout: 3_000 })).toPass({ timeout: 15_000 });

async function purchase(frame: FrameLocator, t: Texts, amount: string, { qualified = false } = {}) {
  await frame.getByRole('textbox', { name: t.amount }).fill(amount);
  await expect(frame.getByRole('combobox', { name: t.payFrom })).toBeVisible();
  // The dialog grows to the purchase form's height (a centred dialog moves as it grows): tick the box once the frame
  // is at rest, or the click lands where the box was (it did once in a clean-clone run: "did not change its state").
  const owner = frame.owner();
  await expect.poll(async () => {
    const before = await owner.boundingBox();
    await new Promise((done) => setTimeout(done, 100));
    return JSON.stringify(before) === JSON.stringify(await owner.boundingBox());
  }).toBe(true);
  await tick(frame.getByRole('checkbox', { name: t.ack }));
  if (qualified) await tick(frame.getByRole('checkbox', { name: t.qualified }));
  await frame.getByRole('textbox', { name: t.pin }).fill(paymentPin);
  await frame.getByRole('button', { name: t.confirm }).click();
}

/** A sandbox customer of the test's own, assessed through the frame API (and holding `buy`, if given). */
async function preparedCustomer(balance = '50000.00', buy?: { productId: string; amount: string }) {
  const customer = await newCustomer({ balance });
  const { session } = await loggedInSession(customer);
  expect((await session.call('/invest/assessments', { body: { answers: balancedApi } })).status).toBe(201);
  if (buy) {
    const [account] = await session.accounts();
    const documents = [{ id: `terms-${buy.productId}`, version: '2026.1' }, { id: `risk-${buy.productId}`, version: '2026.1' }];
    const bought = await session.call('/invest/subscriptions', {
      headers: { 'Idempotency-Key': randomUUID() },
      body: { ...buy, accountId: account!.id, pin: paymentPin, termsAcknowledged: true, documents, shownAt: new Date().toISOString() },
    });
    expect(bought.status, bought.text).toBe(201);
  }
  return customer;
}

async function noHorizontalOverflow(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
}

const runs: [Locale, { width: number; height: number }][] = [['en', desktop], ['zh-CN', phone]];

for (const [locale, viewport] of runs) {
  const t = texts[locale];

  test.describe(`${locale} at ${viewport.width}px`, () => {
    test.use({ viewport });

    test('a new customer takes the risk assessment, buys Balanced 1Y (confirmed) and sees the holding', async ({ page }) => {
      const problems = watchForProblems(page);
      await recordInvestEvents(page);
      // The contract's Zhang San (no assessment yet) on the desktop run; a customer of the test's own on the phone.
      const customer = locale === 'en' ? '13800000001' : await newCustomer();
      const panel = await openShelf(page, locale, customer);
      const product = panel.getByRole('region', { name: t.products['balanced-1y'] });
      await expect(product.getByText('R3')).toBeVisible();
      await expect(panel.getByRole('region', { name: t.products['cash-plus'] }).getByText(t.cashYield)).toBeVisible();
      await expect(panel.getByRole('region', { name: t.products['steady-bond-6m'] }).getByText(t.bondYield)).toBeVisible();
      await expect(panel.getByRole('region')).toHaveCount(5);
      expect(await axeViolations(page.frame({ url: /frames\/invest\.html/ })!)).toEqual([]);
      await product.getByRole('button', { name: t.buy }).click();

      const buy = buyFrame(page, t);
      await expect(buy.getByRole('heading', { name: t.assess })).toBeVisible();
      await buy.getByRole('button', { name: t.seeResult }).click();
      await expect(buy.getByRole('alert')).toHaveText(t.answerAll);
      expect(await axeViolations(page.frame({ url: /invest-buy\.html/ })!)).toEqual([]);
      await answer(buy, balanced);
      await buy.getByRole('button', { name: t.seeResult }).click();
      await expect(buy.getByRole('heading', { name: t.result })).toBeVisible();
      // The result and the purchase form together: the contract's `See my result`, then `Amount`.
      await expect(buy.getByRole('textbox', { name: t.amount })).toBeFocused();
      expect(await axeViolations(page.frame({ url: /invest-buy\.html/ })!)).toEqual([]);
      await purchase(buy, t, '1000');

      await expect.poll(async () => (await bankEvents(page)).find((e) => e.type === 'bank-invest-success')?.detail).toMatchObject({
        productId: 'balanced-1y', amount: '1000.00', status: 'confirmed', subscriptionId: expect.stringMatching(/^sub_/),
      });
      await expect(page.locator('iframe[title="Buy"], iframe[title="购买"]')).toHaveCount(0);
      const holding = panel.getByRole('listitem').filter({ hasText: t.products['balanced-1y'] });
      await expect(holding.getByText(t.pending)).toBeVisible();
      await noHorizontalOverflow(page);
      expect(problems).toEqual([]);
    });

    test('Chen Liu (C2) is stopped before any PIN for Equity Select (R4), with a way to reassess', async ({ page }) => {
      await recordInvestEvents(page);
      const panel = await openShelf(page, locale, '13800000006');
      await panel.getByRole('region', { name: t.products['equity-select'] }).getByRole('button', { name: t.buy }).click();
      const buy = buyFrame(page, t);
      await expect(buy.getByRole('heading', { name: t.mismatch })).toBeVisible();
      await expect(buy.getByRole('alert')).toContainText('R4');
      await expect(buy.getByRole('textbox', { name: t.pin })).toHaveCount(0);
      expect(await axeViolations(page.frame({ url: /invest-buy\.html/ })!)).toEqual([]);
      await buy.getByRole('button', { name: t.reassess }).click();
      await expect(buy.getByRole('heading', { name: t.assess })).toBeVisible();
      await page.keyboard.press('Escape');
      await expect.poll(async () => (await bankEvents(page)).map((e) => e.type)).toContain('bank-cancel');
      await noHorizontalOverflow(page);
    });

    test('Zhou Qi’s 13-month-old assessment must be taken again before buying', async ({ page }) => {
      const panel = await openShelf(page, locale, '13800000007');
      await panel.getByRole('region', { name: t.products['cash-plus'] }).getByRole('button', { name: t.buy }).click();
      const buy = buyFrame(page, t);
      await expect(buy.getByRole('heading', { name: t.assess })).toBeVisible();
      await expect(buy.getByText(t.expired)).toBeVisible();
      await expect(buy.getByRole('textbox', { name: t.amount })).toHaveCount(0);
    });

    test('an amount below the minimum is refused in the frame before the PIN is used', async ({ page }) => {
      const customer = await preparedCustomer();
      const panel = await openShelf(page, locale, customer);
      await panel.getByRole('region', { name: t.products['balanced-1y'] }).getByRole('button', { name: t.buy }).click();
      const buy = buyFrame(page, t);
      await purchase(buy, t, '0.50');
      await expect(buy.getByText(t.belowMinimum)).toBeVisible();
      await expect(buy.getByRole('textbox', { name: t.amount })).toBeFocused();
      await expect(buy.getByRole('textbox', { name: t.amount })).toHaveAttribute('aria-invalid', 'true');
    });

    test('Steady Bond 6M shows no Redeem button before maturity', async ({ page }) => {
      const customer = await preparedCustomer('50000.00', { productId: 'steady-bond-6m', amount: '100.00' });
      const panel = await openShelf(page, locale, customer);
      const holding = panel.getByRole('listitem').filter({ hasText: t.products['steady-bond-6m'] });
      await expect(holding).toBeVisible();
      await expect(holding.getByRole('button')).toHaveCount(0);
    });
  });
}

test.describe('on a phone, in English', () => {
  test.use({ viewport: phone });

  test('Private Growth: a C5 investor buys in cooling-off, then cancels for a full refund', async ({ page }) => {
    const t = texts.en;
    await recordInvestEvents(page);
    const customer = await newCustomer({ balance: '1500000.00' });
    const panel = await openShelf(page, 'en', customer);
    await panel.getByRole('region', { name: t.products['private-growth'] }).getByRole('button', { name: t.buy }).click();
    const buy = buyFrame(page, t);
    await answer(buy, best);
    await buy.getByRole('button', { name: t.seeResult }).click();
    await expect(buy.getByRole('heading', { name: t.resultC5 })).toBeVisible();
    await buy.getByRole('textbox', { name: t.amount }).fill('1000000');
    await tick(buy.getByRole('checkbox', { name: t.ack }));
    await buy.getByRole('textbox', { name: t.pin }).fill(paymentPin);
    await buy.getByRole('button', { name: t.confirm }).click();
    await expect(buy.getByText('This product is only for qualified investors.')).toBeVisible();
    expect(await axeViolations(page.frame({ url: /invest-buy\.html/ })!)).toEqual([]);
    await tick(buy.getByRole('checkbox', { name: t.qualified }));
    await buy.getByRole('button', { name: t.confirm }).click();
    await expect.poll(async () => (await bankEvents(page)).find((e) => e.type === 'bank-invest-success')?.detail).toMatchObject({
      productId: 'private-growth', amount: '1000000.00', status: 'cooling-off',
    });
    const holding = panel.getByRole('listitem').filter({ hasText: t.products['private-growth'] });
    await expect(holding.getByText(t.coolingOff)).toBeVisible();
    await expect(holding.getByRole('button', { name: t.redeem })).toHaveCount(0);
    await holding.getByRole('button', { name: t.cancelPurchase }).click();
    const cancel = page.frameLocator(`iframe[title="${t.cancelFrame}"]`);
    await expect(cancel.getByText(/The full amount goes back/)).toBeVisible();
    expect(await axeViolations(page.frame({ url: /invest-redeem\.html/ })!)).toEqual([]);
    await cancel.getByRole('button', { name: t.cancelPurchase }).click();
    await expect(panel.getByText(t.noHoldings)).toBeVisible();
    const { session } = await loggedInSession(customer);
    expect((await session.accounts())[0]!.balance).toBe('1500000.00');
    await noHorizontalOverflow(page);
  });

  test('Cash Plus redeems at once, and the page learns only the contract’s events', async ({ page }) => {
    const t = texts.en;
    await recordInvestEvents(page);
    // A spy on the partner page: everything its scripts could see of the bank's traffic and the elements' DOM.
    await page.addInitScript(() => {
      if (window.top !== window) return;
      const seen = new Set<string>();
      (window as unknown as { spySeen: Set<string> }).spySeen = seen;
      const record = (value: unknown) => seen.add(typeof value === 'string' ? value : JSON.stringify(value));
      addEventListener('message', (event) => record(event.data), true);
      const realFetch = window.fetch;
      window.fetch = async (input, init) => {
        const response = await realFetch(input, init);
        response.clone().text().then(record, () => {});
        return response;
      };
      const attach = Element.prototype.attachShadow;
      const roots: ShadowRoot[] = [];
      Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
        const root = attach.call(this, { ...init, mode: 'open' });
        roots.push(root);
        return root;
      };
      setInterval(() => roots.forEach((root) => record(root.innerHTML)), 50);
    });
    // A page with only <bank-invest>, so whatever the spy sees comes from it.
    await servePartnerPage(page, '/invest-spy', '{{sdk}}<bank-invest></bank-invest>');
    const customer = await preparedCustomer('50000.00', { productId: 'cash-plus', amount: '777.00' });
    const panel = await openShelf(page, 'en', customer, '/invest-spy');
    const holding = panel.getByRole('listitem').filter({ hasText: t.products['cash-plus'] });
    await expect(holding.getByText('¥777.00')).toBeVisible();
    await holding.getByRole('button', { name: t.redeem }).click();
    const redeem = page.frameLocator(`iframe[title="${t.redeemFrame}"]`);
    await expect(redeem.getByText(/arrives at once today/)).toBeVisible();
    expect(await axeViolations(page.frame({ url: /invest-redeem\.html/ })!)).toEqual([]);
    await redeem.getByRole('textbox', { name: t.amount }).fill('222');
    await redeem.getByRole('textbox', { name: t.pin }).fill(paymentPin);
    await redeem.getByRole('button', { name: t.confirmRedeem }).click();
    await expect.poll(async () => (await bankEvents(page)).find((e) => e.type === 'bank-invest-redeemed')?.detail).toMatchObject({
      productId: 'cash-plus', amount: '222.00', arrival: 'instant', redemptionId: expect.stringMatching(/^red_/),
    });
    await expect(holding.getByText('¥555.00')).toBeVisible();
    const { session } = await loggedInSession(customer);
    expect((await session.accounts())[0]!.balance).toBe('49445.00');

    await page.waitForTimeout(200);
    const seen = await page.evaluate(() => [...(window as unknown as { spySeen: Set<string> }).spySeen].join('\n'));
    expect(seen).toContain('title="Investments"'); // the spy saw the element's shadow DOM…
    expect(seen).toContain('222.00'); // …and the redemption's amount, which the contract's event carries
    for (const secret of ['Cash Plus', 'yield', '777', '555', '49445', '49,445', '"answers"', '"holdings"', 'Wealth products are not deposits']) {
      expect(seen, `the partner page saw "${secret}"`).not.toContain(secret);
    }
    // The customer's risk level, as a word of its own (a random id may hold the letters "C3": cus_…xC3y…).
    expect(seen, 'the partner page saw the risk level C3').not.toMatch(/(?<![\w-])C3(?![\w-])/);
  });

  test('an unknown product attribute is a visible invalid_attribute error', async ({ page }) => {
    await recordEvents(page);
    await servePartnerPage(page, '/invest-attr', '{{sdk}}<bank-invest product="gold-bars"></bank-invest>');
    await page.goto('/invest-attr');
    await expect(page.locator('bank-invest').getByRole('alert')).toContainText('gold-bars');
    await expect.poll(async () => (await bankEvents(page)).find((e) => e.type === 'bank-error')?.detail.code).toBe('invalid_attribute');
  });
});
