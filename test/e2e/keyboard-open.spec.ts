import { randomUUID } from 'node:crypto';
import { expect, type Page } from '@playwright/test';
import { loggedInSession } from './bank-client.ts';
import { freshId, freshPhone, newCustomer, password, paymentPin, smsCode, test } from './helpers.ts';
import { dialogOf, expectNoHorizontalOverflow, reach, reachAndClick } from './layout.ts';

/**
 * The dialogs of the newer elements (account opening, data sharing, buying and redeeming a wealth product, merchant
 * verification) with the on-screen keyboard open on the smallest phone (320×300), in zh-CN:
 * every field and button is reached the way a finger reaches it (scrolling the sheet, never sideways) and the flow
 * completes. Login, payment and the loan application are in phone.spec.ts.
 */
test.use({ viewport: { width: 320, height: 300 }, isMobile: true, hasTouch: true });

/** Logs in from the element's `opener` button through the login sheet, every button reached by scrolling the sheet. */
async function logInByTouch(page: Page, host: string, phone: string, opener: string | RegExp = '登录') {
  await page.locator(host).getByRole('button', { name: opener, exact: typeof opener === 'string' }).tap();
  const dialog = dialogOf(page, host);
  const login = page.frameLocator('iframe[title="银行登录"]');
  await login.getByRole('textbox', { name: '手机号' }).fill(phone);
  await login.getByRole('textbox', { name: '密码' }).fill(password);
  await reachAndClick(page, login.getByRole('button', { name: '登录', exact: true }), dialog);
  await login.getByRole('textbox', { name: '短信验证码' }).fill(smsCode);
  await reachAndClick(page, login.getByRole('button', { name: '验证' }), dialog);
}

/** A new customer with ¥50,000.00 and a valid risk assessment (balanced): may buy up to R3. */
async function assessedCustomer() {
  const customer = await newCustomer({ balance: '50000.00' });
  const { session } = await loggedInSession(customer);
  const answers = { age: 2, income: 2, assets: 2, experience: 2, knowledge: 2, horizon: 2, objective: 2, loss: 2, liquidity: 2, share: 2 };
  expect((await session.call('/invest/assessments', { body: { answers } })).status).toBe(201);
  return { customer, session };
}

/** The `detail` of every `type` event that reaches the partner page's document, as they arrive. */
async function detailsOf(page: Page, type: string) {
  const details: unknown[] = [];
  const name = `record_${type.replaceAll('-', '_')}`;
  await page.exposeFunction(name, (detail: unknown) => details.push(detail));
  await page.addInitScript(([type, name]) => {
    if (window.top === window) document.addEventListener(type, (e) => (window as unknown as Record<string, (d: unknown) => void>)[name]!((e as CustomEvent).detail));
  }, [type, name] as const);
  return details;
}

test('a new person opens a Class II account by touch in three steps', async ({ page }) => {
  test.slow();
  await page.goto('/?lang=zh-CN');
  await page.locator('bank-account-open').getByRole('button', { name: '开立账户' }).tap();
  const dialog = dialogOf(page, 'bank-account-open');
  const frame = page.frameLocator('iframe[title="开立账户"]');
  const fill = async (name: string, value: string) => {
    const field = frame.getByRole('textbox', { name, exact: true });
    await reach(page, field, dialog);
    await field.fill(value);
  };
  await fill('手机号', freshPhone());
  await reachAndClick(page, frame.getByRole('button', { name: '发送验证码' }), dialog);
  await fill('短信验证码', '123456');
  await reachAndClick(page, frame.getByRole('button', { name: '验证' }), dialog);

  await expect(frame.getByText('第2步，共3步：身份与银行卡')).toBeVisible();
  await fill('姓名', '王小明');
  await fill('身份证号', freshId());
  await fill('银行卡号', '6222000000000000012');
  const agree = frame.getByRole('checkbox', { name: '我已阅读并同意账户服务协议' });
  await reachAndClick(page, agree, dialog);
  await expect(agree).toBeChecked();
  await expectNoHorizontalOverflow(page, '开立账户');
  await reach(page, dialog.getByRole('button', { name: '关闭' }), dialog);
  await reachAndClick(page, frame.getByRole('button', { name: '继续' }), dialog);

  await expect(frame.getByText('第3步，共3步：安全设置')).toBeVisible();
  await fill('支付密码', '246802');
  await fill('再次输入支付密码', '246802');
  await fill('登录密码', 'Str0ng-pass');
  await expectNoHorizontalOverflow(page, '开立账户');
  await reachAndClick(page, frame.getByRole('button', { name: '开立账户' }), dialog);
  await expect(page.locator('bank-account-open').getByRole('status')).toContainText(/^您的II类账户 ···· \d{4}已开立。$/);
  await expect(dialog).toHaveCount(0);
});

test('a customer logs in and shares yes/no answers by touch', async ({ page }) => {
  test.slow();
  await page.goto('/?lang=zh-CN');
  const element = page.locator('bank-data-consent');
  await logInByTouch(page, 'bank-data-consent', '13800000001', /^共享/);
  const dialog = dialogOf(page, 'bank-data-consent');

  const frame = page.frameLocator('iframe[title="共享数据"]');
  await reach(page, frame.getByText('您近6个月的月均收入是否不低于¥10,500.00？'), dialog);
  const agree = frame.getByRole('checkbox', { name: '我同意向Demo Rental Homes共享以上信息' });
  await reachAndClick(page, agree, dialog);
  await expect(agree).toBeChecked();
  await expectNoHorizontalOverflow(page, '共享数据');
  await reach(page, frame.getByRole('button', { name: '不共享' }), dialog);
  await reachAndClick(page, frame.getByRole('button', { name: '共享', exact: true }), dialog);
  await expect(element.getByRole('status')).toHaveText(/^已于.+共享 · 有效期至.+$/);
});

test('an assessed customer logs in from the shelf and buys a wealth product by touch', async ({ page }) => {
  test.slow();
  const { customer } = await assessedCustomer();
  const successes = await detailsOf(page, 'bank-invest-success');

  await page.goto('/?lang=zh-CN');
  await logInByTouch(page, 'bank-invest', customer);

  const panel = page.frameLocator('bank-invest iframe[title="理财"]');
  const product = panel.getByRole('region', { name: '平衡配置1年' });
  await expect(product).toBeVisible();
  // The shelf is in the page: the page scrolls to the product's Buy button as a finger would.
  await reachAndClick(page, product.getByRole('button', { name: '购买' }), page.locator('bank-invest'));
  const dialog = dialogOf(page, 'bank-invest');
  const buy = page.frameLocator('iframe[title="购买"]');
  const amount = buy.getByRole('textbox', { name: '金额' });
  await reach(page, amount, dialog);
  await amount.fill('1000');
  const ack = buy.getByRole('checkbox', { name: '我已阅读产品说明书和风险揭示书' });
  await reachAndClick(page, ack, dialog);
  await expect(ack).toBeChecked();
  const pin = buy.getByRole('textbox', { name: '支付密码' });
  await reach(page, pin, dialog);
  await pin.fill(paymentPin);
  await expectNoHorizontalOverflow(page, '购买');
  await reach(page, dialog.getByRole('button', { name: '关闭' }), dialog);
  await reachAndClick(page, buy.getByRole('button', { name: '确认购买' }), dialog);
  await expect.poll(() => successes).toEqual([expect.objectContaining({ productId: 'balanced-1y', amount: '1000.00', status: 'confirmed' })]);
  await expect(dialog).toHaveCount(0);
});

test('a customer redeems part of a Cash Plus holding by touch', async ({ page }) => {
  test.slow();
  const { customer, session } = await assessedCustomer();
  const [account] = await session.accounts();
  const documents = [{ id: 'terms-cash-plus', version: '2026.1' }, { id: 'risk-cash-plus', version: '2026.1' }];
  const bought = await session.call('/invest/subscriptions', {
    headers: { 'Idempotency-Key': randomUUID() },
    body: { productId: 'cash-plus', amount: '800.00', accountId: account!.id, pin: paymentPin, termsAcknowledged: true, documents, shownAt: new Date().toISOString() },
  });
  expect(bought.status, bought.text).toBe(201);
  const redeemed = await detailsOf(page, 'bank-invest-redeemed');

  await page.goto('/?lang=zh-CN');
  await logInByTouch(page, 'bank-invest', customer);
  const panel = page.frameLocator('bank-invest iframe[title="理财"]');
  const holding = panel.getByRole('listitem').filter({ hasText: '现金宝' });
  await expect(holding.getByText('¥800.00')).toBeVisible();
  await reachAndClick(page, holding.getByRole('button', { name: '赎回' }), page.locator('bank-invest'));
  const dialog = dialogOf(page, 'bank-invest');
  const redeem = page.frameLocator('iframe[title="赎回"]');
  const amount = redeem.getByRole('textbox', { name: '金额' });
  await reach(page, amount, dialog);
  await amount.fill('300');
  const pin = redeem.getByRole('textbox', { name: '支付密码' });
  await reach(page, pin, dialog);
  await pin.fill(paymentPin);
  await expectNoHorizontalOverflow(page, '赎回');
  await reach(page, dialog.getByRole('button', { name: '关闭' }), dialog);
  await reachAndClick(page, redeem.getByRole('button', { name: '确认赎回' }), dialog);
  await expect.poll(() => redeemed).toEqual([expect.objectContaining({ productId: 'cash-plus', amount: '300.00', arrival: 'instant' })]);
  await expect(dialog).toHaveCount(0);
  await expect(holding.getByText('¥500.00')).toBeVisible();
});

test('a landlord firm’s legal representative verifies the business by touch', async ({ page }) => {
  test.slow();
  await page.goto('/landlords?lang=zh-CN');
  const element = page.locator('bank-merchant-onboard');
  await expect(element.getByRole('status')).toContainText('尚未通过银行认证', { timeout: 20_000 });
  await logInByTouch(page, 'bank-merchant-onboard', '13800000001', '认证商户');
  const dialog = dialogOf(page, 'bank-merchant-onboard');
  const frame = page.frameLocator('iframe[title="商户认证"]');
  const fill = async (name: string, value: string) => {
    const field = frame.getByRole('textbox', { name, exact: true });
    await reach(page, field, dialog);
    await field.fill(value);
  };
  await fill('企业名称', '安居装修有限公司');
  await fill('统一社会信用代码', '91110105MA01ABCD13');
  await fill('法定代表人', '张三');
  await fill('法定代表人身份证号', '110105199003070017');
  await fill('结算账户号', '6222000000000000012');
  await expectNoHorizontalOverflow(page, '商户认证');
  await reach(page, dialog.getByRole('button', { name: '关闭' }), dialog);
  await reachAndClick(page, frame.getByRole('button', { name: '提交' }), dialog);
  await expect(element.getByRole('status')).toContainText('已通过银行认证。');
  await expect(dialog).toHaveCount(0);
});
