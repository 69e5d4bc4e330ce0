import { randomUUID } from 'node:crypto';
import { expect, type Page } from '@playwright/test';
import { loggedInSession } from './bank-client.ts';
import { freshId, freshPhone, newCustomer, partnerOrigin, password, paymentPin, smsCode } from './helpers.ts';
import { brokenWords, clippedSideways, dialogOf, expectNoHorizontalOverflow, expectReadable, reach, reachAndClick, sheetMaxWidth, smallTapTargets, words } from './layout.ts';

/**
 * The newer elements' journeys by touch (account opening then Add money, data sharing, buying and redeeming a
 * wealth product, merchant verification), driven by accessible names in either locale, at any phone size (upright or
 * on its side), with or without the partner's dark theme: every field and button is reached the way a finger reaches
 * it (scrolling the dialog or the page, never sideways), the dialog lies wholly on the screen, nothing overflows
 * sideways in the page or the bank frame, and with a theme every text in each bank frame is readable. Used by keyboard-open.spec.ts and phone-flows.spec.ts.
 */
export type Locale = 'en' | 'zh-CN';
export interface Run {
  locale: Locale;
  width: number;
  height: number;
  /** The partner's dark theme (`darkTheme`), applied by the demo's own stylesheet. */
  dark?: boolean;
}

/** What the customer sees in the newer elements and their frames, per locale (the element's and the frame's words). */
export const journeyWords = {
  en: {
    ...words.en,
    openAccount: 'Open an account', sendCode: 'Send code', step2: 'Step 2 of 3: Identity and card', step3: 'Step 3 of 3: Security',
    fullName: 'Full name', name: 'Wang Xiaoming', idNumber: 'ID number', cardNumber: 'Bank card number',
    agreeTerms: 'I agree to the account terms', continue: 'Continue', repeatPin: 'Repeat payment PIN',
    loginPassword: 'Login password', openButton: 'Open account', opened: /^Your Class II account ···· \d{4} is open\.$/,
    accountsFrame: 'Accounts', classII: /^Class II account ···· \d{4}$/, addMoney: 'Add money', amount: 'Amount', added: '¥500.00 added.',
    share: /^Share/, consentDialog: 'Share data', income: 'Is your average monthly income over the last 6 months at least ¥10,500.00?',
    agreeShare: 'I agree to share this with Demo Rental Homes', shareButton: 'Share', dontShare: "Don't share",
    shared: /^Shared on .+ · valid until .+$/,
    investFrame: 'Investments', assess: 'Risk assessment', seeResult: 'See my result', result: 'Your result: C3 (balanced)', balanced: 'Balanced 1Y', risk3: 'R3 · medium risk', buy: 'Buy', buyDialog: 'Buy',
    ack: 'I have read the product terms and the risk disclosure', confirmBuy: 'Confirm purchase',
    cashPlus: 'Cash Plus', redeem: 'Redeem', redeemDialog: 'Redeem', confirmRedeem: 'Confirm redemption',
    verifyBusiness: 'Verify business', merchantDialog: 'Merchant verification', unverified: 'Not verified by the bank yet',
    verified: 'Verified by the bank.', businessName: 'Business name', creditCode: 'Unified social credit code',
    representative: 'Legal representative', representativeId: 'Legal representative ID number',
    settlementAccount: 'Settlement account number', firm: 'Anju Renovation Ltd', representativeName: 'Zhang San', submitMerchant: 'Submit',
  },
  'zh-CN': {
    ...words['zh-CN'],
    openAccount: '开立账户', sendCode: '发送验证码', step2: '第2步，共3步：身份与银行卡', step3: '第3步，共3步：安全设置',
    fullName: '姓名', name: '王小明', idNumber: '身份证号', cardNumber: '银行卡号',
    agreeTerms: '我已阅读并同意账户服务协议', continue: '继续', repeatPin: '再次输入支付密码',
    loginPassword: '登录密码', openButton: '开立账户', opened: /^您的II类账户 ···· \d{4}已开立。$/,
    accountsFrame: '我的账户', classII: /^II类账户 ···· \d{4}$/, addMoney: '转入', amount: '金额', added: '已转入¥500.00。',
    share: /^共享/, consentDialog: '共享数据', income: '您近6个月的月均收入是否不低于¥10,500.00？',
    agreeShare: '我同意向Demo Rental Homes共享以上信息', shareButton: '共享', dontShare: '不共享',
    shared: /^已于.+共享 · 有效期至.+$/,
    investFrame: '理财', assess: '风险测评', seeResult: '查看测评结果', result: '您的测评结果：C3（平衡型）', balanced: '平衡配置1年', risk3: 'R3 · 中风险', buy: '购买', buyDialog: '购买',
    ack: '我已阅读产品说明书和风险揭示书', confirmBuy: '确认购买',
    cashPlus: '现金宝', redeem: '赎回', redeemDialog: '赎回', confirmRedeem: '确认赎回',
    verifyBusiness: '认证商户', merchantDialog: '商户认证', unverified: '尚未通过银行认证',
    verified: '已通过银行认证。', businessName: '企业名称', creditCode: '统一社会信用代码',
    representative: '法定代表人', representativeId: '法定代表人身份证号',
    settlementAccount: '结算账户号', firm: '安居装修有限公司', representativeName: '张三', submitMerchant: '提交',
  },
} as const;
type JourneyWords = (typeof journeyWords)[Locale];

/**
 * A dark theme as a partner applies it (docs/elements.md, *Styling* and *Dark pages*): `color-scheme: dark` and the
 * `--bank-*` properties on the page, a dark page around the elements.
 */
export const darkTheme = `
:root { color-scheme: dark; color: #e4e7eb; background: #0b1220;
  --bank-color-primary: #5eead4; --bank-color-on-primary: #0b1220; --bank-color-text: #e4e7eb;
  --bank-color-background: #121821; --bank-color-muted: #a9b4c2; --bank-color-error: #ff8a8a; --bank-color-focus: #7fb2ff;
  --bank-color-input-background: #1c2430; --bank-color-input-border: #8593a3; --bank-color-border: #334155; }
header, .listing { background: #111827; }
a, .brand { color: #5eead4; }
`;

/** Before `page.goto`: the demo's stylesheet ends with the partner's dark theme. */
export async function useDarkTheme(page: Page) {
  await page.route(`${partnerOrigin}/static/demo.css`, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: (await response.text()) + darkTheme });
  });
}

/**
 * Logs in from the element's `opener` button through the login sheet, every button reached by scrolling the sheet
 * (the login frame checked like every other: `check`).
 */
export async function logInByTouch(page: Page, host: string, phone: string, opener: string | RegExp, w: JourneyWords = journeyWords['zh-CN'], check?: Check) {
  await page.locator(host).getByRole('button', { name: opener, exact: typeof opener === 'string' }).tap();
  const dialog = dialogOf(page, host);
  const login = page.frameLocator(`iframe[title="${w.loginDialog}"]`);
  await login.getByRole('textbox', { name: w.phone }).fill(phone);
  await login.getByRole('textbox', { name: w.password }).fill(password);
  await check?.('login', w.loginDialog);
  await reachAndClick(page, login.getByRole('button', { name: w.logIn, exact: true }), dialog);
  await login.getByRole('textbox', { name: w.smsCode }).fill(smsCode);
  await reachAndClick(page, login.getByRole('button', { name: w.verify }), dialog);
}

/** A new customer with ¥50,000.00 and a valid risk assessment (balanced): may buy up to R3. */
export async function assessedCustomer() {
  const customer = await newCustomer({ balance: '50000.00' });
  const { session } = await loggedInSession(customer);
  const answers = { age: 2, income: 2, assets: 2, experience: 2, knowledge: 2, horizon: 2, objective: 2, loss: 2, liquidity: 2, share: 2 };
  expect((await session.call('/invest/assessments', { body: { answers } })).status).toBe(201);
  return { customer, session };
}

/** The `detail` of every `type` event that reaches the partner page's document, as they arrive. */
export async function detailsOf(page: Page, type: string) {
  const details: unknown[] = [];
  const name = `record_${type.replaceAll('-', '_')}`;
  await page.exposeFunction(name, (detail: unknown) => details.push(detail));
  await page.addInitScript(([type, name]) => {
    if (window.top === window) document.addEventListener(type, (e) => (window as unknown as Record<string, (d: unknown) => void>)[name]!((e as CustomEvent).detail));
  }, [type, name] as const);
  return details;
}

/** Checks a bank frame where it shows its facts: `frame` is its file name, `title` its iframe's title. */
type Check = (frame: string, title: string) => Promise<void>;

/**
 * What a frame shows that is not a finished text of its locale: a message key, an unfilled `{placeholder}`,
 * `undefined`, or Chinese in an English frame.
 */
export async function untranslated(page: Page, frame: string, locale: Locale) {
  const text = await page.frames().find((f) => f.url().includes(`/frames/${frame}.html`))!.evaluate(() => {
    const parts: string[] = [];
    const visit = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) visit(el.shadowRoot);
        if (el.closest('script, style, template')) continue;
        for (const node of el.childNodes) if (node.nodeType === Node.TEXT_NODE && node.textContent!.trim()) parts.push(node.textContent!.trim());
        for (const name of ['aria-label', 'placeholder', 'title']) if (el.getAttribute(name)) parts.push(el.getAttribute(name)!);
      }
    };
    visit(document);
    return parts;
  });
  const wrong = /\bundefined\b|\bNaN\b|\{\w+\}|\b(error|invalid|attr|status|class|risk|level|yield|stepName|claim|purpose)\.[\w-]+/;
  return text.filter((t) => wrong.test(t) || (locale === 'en' && /[\u3400-\u9fff]/.test(t)));
}

/**
 * Nothing sideways in the page and in the frame, no tap target under 44×44 px and no word split over two lines in the
 * frame; every text in the frame is in the run's locale; with the dark theme, every text in the frame readable.
 */
export const checkerFor = (page: Page, run: Run): Check => async (frame, title) => {
  await expectNoHorizontalOverflow(page, title);
  const content = page.frames().find((f) => f.url().includes(`/frames/${frame}.html`))!;
  expect(await clippedSideways(content), `cut off sideways in ${frame}`).toEqual([]);
  // What a finger taps is at least 44×44 px; no word, amount or date is split over two lines (a column a letter wide).
  expect(await smallTapTargets(content), `tap targets under 44×44 px in ${frame}`).toEqual([]);
  expect(await brokenWords(content), `words split across lines in ${frame}`).toEqual([]);
  const dialog = page.locator('dialog[open]');
  if (await dialog.count()) {
    const box = (await dialog.boundingBox())!;
    // Wholly on the screen, whatever its shape: nothing of it past an edge (what scrolls is inside it).
    expect(box.x, `the ${frame} dialog's left`).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, `the ${frame} dialog's right`).toBeLessThanOrEqual(run.width + 0.5);
    expect(box.y, `the ${frame} dialog's top`).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height, `the ${frame} dialog's bottom`).toBeLessThanOrEqual(run.height + 0.5);
    // Up to 640 px wide (a phone upright, or a small one on its side), a bottom sheet: full width, on the bottom
    // edge. Wider (a phone on its side), the centred dialog above, as on a desktop.
    if (run.width <= sheetMaxWidth) {
      expect([Math.round(box.x), Math.round(box.width), Math.round(box.y + box.height)], `the ${frame} sheet`).toEqual([0, run.width, run.height]);
    }
  }
  expect(await untranslated(page, frame, run.locale), `untranslated text in ${frame}`).toEqual([]);
  if (run.dark) await expectReadable(page, frame, 'dark');
};

export interface Journey {
  name: string;
  path: string;
  /** Walks the journey; `open()` loads the page (after any set-up that must come first). */
  go(page: Page, w: JourneyWords, check: Check, open: () => Promise<unknown>): Promise<void>;
}

export const journeys: Journey[] = [
  {
    name: 'a new person opens a Class II account in three steps, then adds money to it',
    path: '/',
    async go(page, w, check, open) {
      await open();
      await page.locator('bank-account-open').getByRole('button', { name: w.openAccount }).tap();
      const dialog = dialogOf(page, 'bank-account-open');
      const frame = page.frameLocator(`iframe[title="${w.openAccount}"]`);
      const fill = async (name: string, value: string) => {
        const field = frame.getByRole('textbox', { name, exact: true });
        await reach(page, field, dialog);
        await field.fill(value);
      };
      // Asking for a code with no number: the field's error, in the frame's words, fits.
      await reachAndClick(page, frame.getByRole('button', { name: w.sendCode }), dialog);
      await expect(frame.locator('[aria-invalid="true"]')).toHaveCount(1);
      await check('account-open', w.openAccount);
      await fill(w.phone, freshPhone());
      await reachAndClick(page, frame.getByRole('button', { name: w.sendCode }), dialog);
      await fill(w.smsCode, smsCode);
      await reachAndClick(page, frame.getByRole('button', { name: w.verify }), dialog);

      await expect(frame.getByText(w.step2)).toBeVisible();
      await reachAndClick(page, frame.getByRole('button', { name: w.continue }), dialog);
      await expect(frame.locator('.field-error')).toHaveCount(4);
      await check('account-open', w.openAccount);
      await fill(w.fullName, w.name);
      await fill(w.idNumber, freshId());
      await fill(w.cardNumber, '6222000000000000012');
      const agree = frame.getByRole('checkbox', { name: w.agreeTerms });
      await reachAndClick(page, agree, dialog);
      await expect(agree).toBeChecked();
      await check('account-open', w.openAccount);
      await reach(page, dialog.getByRole('button', { name: w.close }), dialog);
      await reachAndClick(page, frame.getByRole('button', { name: w.continue }), dialog);

      await expect(frame.getByText(w.step3)).toBeVisible();
      await fill(w.pin, '246802');
      await fill(w.repeatPin, '246802');
      await fill(w.loginPassword, 'Str0ng-pass');
      await check('account-open', w.openAccount);
      await reachAndClick(page, frame.getByRole('button', { name: w.openButton }), dialog);
      await expect(page.locator('bank-account-open').getByRole('status')).toHaveText(w.opened);
      await expect(dialog).toHaveCount(0);
      // Focus goes back where the customer was (docs/elements.md, *Keyboard and accessibility*).
      await expect(page.locator('bank-account-open').getByRole('button', { name: w.openAccount })).toBeFocused();

      // Logged in by the opening: the inline Accounts frame shows the new account, whose Add money is reached by
      // scrolling the page.
      const account = page.locator('bank-account');
      const region = page.frameLocator(`bank-account iframe[title="${w.accountsFrame}"]`).getByRole('region', { name: w.classII });
      await reachAndClick(page, region.getByRole('button', { name: w.addMoney }), account);
      const amount = region.getByRole('textbox', { name: w.amount });
      await expect(amount).toBeFocused();
      await reachAndClick(page, region.getByRole('button', { name: w.addMoney }), account);
      await expect(region.locator('.field-error')).toHaveCount(2);
      await check('accounts', w.accountsFrame);
      await reach(page, amount, account);
      await amount.fill('500');
      const pin = region.getByRole('textbox', { name: w.pin });
      await reach(page, pin, account);
      await pin.fill('246802');
      await check('accounts', w.accountsFrame);
      await reachAndClick(page, region.getByRole('button', { name: w.addMoney }), account);
      await expect(region.getByRole('status')).toHaveText(w.added);
      await check('accounts', w.accountsFrame);
    },
  },
  {
    name: 'a customer logs in and shares yes/no answers',
    path: '/',
    async go(page, w, check, open) {
      await open();
      await logInByTouch(page, 'bank-data-consent', await newCustomer(), w.share, w, check);
      const dialog = dialogOf(page, 'bank-data-consent');
      const frame = page.frameLocator(`iframe[title="${w.consentDialog}"]`);
      await reach(page, frame.getByText(w.income), dialog);
      await reachAndClick(page, frame.getByRole('button', { name: w.shareButton, exact: true }), dialog);
      await expect(frame.locator('[aria-invalid="true"]')).toHaveCount(1);
      await check('consent', w.consentDialog);
      const agree = frame.getByRole('checkbox', { name: w.agreeShare });
      await reachAndClick(page, agree, dialog);
      await expect(agree).toBeChecked();
      await check('consent', w.consentDialog);
      await reach(page, frame.getByRole('button', { name: w.dontShare }), dialog);
      await reachAndClick(page, frame.getByRole('button', { name: w.shareButton, exact: true }), dialog);
      await expect(page.locator('bank-data-consent').getByRole('status')).toHaveText(w.shared);
      // The Share button is gone: focus goes to what replaced it.
      await expect(page.locator('bank-data-consent').getByRole('status')).toBeFocused();
    },
  },
  {
    name: 'a new investor logs in from the shelf, takes the risk assessment and buys a wealth product',
    path: '/',
    async go(page, w, check, open) {
      const customer = await newCustomer({ balance: '50000.00' });
      const successes = await detailsOf(page, 'bank-invest-success');
      await open();
      await logInByTouch(page, 'bank-invest', customer, w.logIn, w);

      const panel = page.frameLocator(`bank-invest iframe[title="${w.investFrame}"]`);
      const product = panel.getByRole('region', { name: w.balanced });
      await expect(product.getByText(w.risk3)).toBeVisible();
      await check('invest', w.investFrame);
      // The shelf is in the page: the page scrolls to the product's Buy button as a finger would.
      await reachAndClick(page, product.getByRole('button', { name: w.buy }), page.locator('bank-invest'));
      const dialog = dialogOf(page, 'bank-invest');
      const buy = page.frameLocator(`iframe[title="${w.buyDialog}"]`);
      // The risk assessment first: ten questions, the middle answer (option 3) to each scores C3 (balanced).
      await expect(buy.getByRole('heading', { name: w.assess })).toBeVisible();
      const questions = buy.getByRole('radiogroup');
      await expect(questions).toHaveCount(10);
      // (The C3 result below shows that every tap landed.)
      for (let i = 0; i < 10; i++) await reachAndClick(page, questions.nth(i).getByRole('radio').nth(2), dialog);
      await check('invest-buy', w.buyDialog);
      await reachAndClick(page, buy.getByRole('button', { name: w.seeResult }), dialog);
      await expect(buy.getByRole('heading', { name: w.result })).toBeVisible();
      await expect(buy.getByRole('textbox', { name: w.amount })).toBeFocused();
      await check('invest-buy', w.buyDialog);
      await reachAndClick(page, buy.getByRole('button', { name: w.confirmBuy }), dialog);
      await expect(buy.locator('.field-error')).toHaveCount(3);
      await check('invest-buy', w.buyDialog);
      const amount = buy.getByRole('textbox', { name: w.amount });
      await reach(page, amount, dialog);
      await amount.fill('1000');
      const ack = buy.getByRole('checkbox', { name: w.ack });
      await reachAndClick(page, ack, dialog);
      await expect(ack).toBeChecked();
      const pin = buy.getByRole('textbox', { name: w.pin });
      await reach(page, pin, dialog);
      await pin.fill(paymentPin);
      await check('invest-buy', w.buyDialog);
      await reach(page, dialog.getByRole('button', { name: w.close }), dialog);
      await reachAndClick(page, buy.getByRole('button', { name: w.confirmBuy }), dialog);
      await expect.poll(() => successes).toEqual([expect.objectContaining({ productId: 'balanced-1y', amount: '1000.00', status: 'confirmed' })]);
      await expect(dialog).toHaveCount(0);
      await expect(page.locator(`bank-invest iframe[title="${w.investFrame}"]`)).toBeFocused();
    },
  },
  {
    name: 'a customer redeems part of a Cash Plus holding',
    path: '/',
    async go(page, w, check, open) {
      const { customer, session } = await assessedCustomer();
      const [account] = await session.accounts();
      const documents = [{ id: 'terms-cash-plus', version: '2026.1' }, { id: 'risk-cash-plus', version: '2026.1' }];
      const bought = await session.call('/invest/subscriptions', {
        headers: { 'Idempotency-Key': randomUUID() },
        body: { productId: 'cash-plus', amount: '800.00', accountId: account!.id, pin: paymentPin, termsAcknowledged: true, documents, shownAt: new Date().toISOString() },
      });
      expect(bought.status, bought.text).toBe(201);
      const redeemed = await detailsOf(page, 'bank-invest-redeemed');
      await open();
      await logInByTouch(page, 'bank-invest', customer, w.logIn, w);

      const panel = page.frameLocator(`bank-invest iframe[title="${w.investFrame}"]`);
      const holding = panel.getByRole('listitem').filter({ hasText: w.cashPlus });
      await expect(holding.getByText('¥800.00')).toBeVisible();
      await reachAndClick(page, holding.getByRole('button', { name: w.redeem }), page.locator('bank-invest'));
      const dialog = dialogOf(page, 'bank-invest');
      const redeem = page.frameLocator(`iframe[title="${w.redeemDialog}"]`);
      await reachAndClick(page, redeem.getByRole('button', { name: w.confirmRedeem }), dialog);
      await expect(redeem.locator('.field-error')).toHaveCount(2);
      await check('invest-redeem', w.redeemDialog);
      const amount = redeem.getByRole('textbox', { name: w.amount });
      await reach(page, amount, dialog);
      await amount.fill('300');
      const pin = redeem.getByRole('textbox', { name: w.pin });
      await reach(page, pin, dialog);
      await pin.fill(paymentPin);
      await check('invest-redeem', w.redeemDialog);
      await reach(page, dialog.getByRole('button', { name: w.close }), dialog);
      await reachAndClick(page, redeem.getByRole('button', { name: w.confirmRedeem }), dialog);
      await expect.poll(() => redeemed).toEqual([expect.objectContaining({ productId: 'cash-plus', amount: '300.00', arrival: 'instant' })]);
      await expect(dialog).toHaveCount(0);
      await expect(holding.getByText('¥500.00')).toBeVisible();
      await expect(page.locator(`bank-invest iframe[title="${w.investFrame}"]`)).toBeFocused();
    },
  },
  {
    name: 'a landlord firm’s legal representative verifies the business',
    path: '/landlords',
    async go(page, w, check, open) {
      await open();
      const element = page.locator('bank-merchant-onboard');
      await expect(element.getByRole('status')).toContainText(w.unverified, { timeout: 20_000 });
      await logInByTouch(page, 'bank-merchant-onboard', '13800000001', w.verifyBusiness, w);
      const dialog = dialogOf(page, 'bank-merchant-onboard');
      const frame = page.frameLocator(`iframe[title="${w.merchantDialog}"]`);
      const fill = async (name: string, value: string) => {
        const field = frame.getByRole('textbox', { name, exact: true });
        await reach(page, field, dialog);
        await field.fill(value);
      };
      await reachAndClick(page, frame.getByRole('button', { name: w.submitMerchant }), dialog);
      await expect(frame.locator('.field-error')).toHaveCount(5);
      await check('merchant', w.merchantDialog);
      await fill(w.businessName, w.firm);
      await fill(w.creditCode, '91110105MA01ABCD13');
      await fill(w.representative, w.representativeName);
      await fill(w.representativeId, '110105199003070017');
      await fill(w.settlementAccount, '6222000000000000012');
      await check('merchant', w.merchantDialog);
      await reach(page, dialog.getByRole('button', { name: w.close }), dialog);
      await reachAndClick(page, frame.getByRole('button', { name: w.submitMerchant }), dialog);
      await expect(element.getByRole('status')).toContainText(w.verified);
      await expect(dialog).toHaveCount(0);
      // The Verify button is gone: focus goes to the state that replaced it.
      await expect(element.getByRole('status')).toBeFocused();
    },
  },
];

/** Opens the journey's page in the run's locale (and theme) and walks it. */
export async function walk(page: Page, run: Run, journey: Journey) {
  if (run.dark) await useDarkTheme(page);
  await journey.go(page, journeyWords[run.locale], checkerFor(page, run), () => page.goto(`${journey.path}?lang=${run.locale}`));
}
