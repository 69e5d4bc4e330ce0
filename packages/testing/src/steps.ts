import type { Page } from '@playwright/test';
import { BankDialog, BankFrameError, type StepOptions } from './dialog.ts';
import { sandboxPassword, sandboxSmsCode } from './sandbox-data.ts';

/** `bank-login-success`'s detail. */
export interface LoginSuccess {
  customerId: string;
  displayName: string;
  expiresAt: string;
}

/**
 * Logs a customer in through the open `Bank login` dialog: phone and password, then the SMS code. Resolves with
 * the `bank-login-success` detail once the element reports it. Open the dialog first the way your page does (your
 * `<bank-login>`'s `Log in` button, or any element that needs a login).
 *
 * @example
 * await page.locator('bank-login').getByRole('button', { name: 'Log in' }).click();
 * const { displayName } = await loginInBankFrame(page, { phone: '13800000001' });
 */
export async function loginInBankFrame(
  page: Page,
  { phone, password = sandboxPassword, smsCode = sandboxSmsCode, ...options }: { phone: string; password?: string; smsCode?: string } & StepOptions,
): Promise<LoginSuccess> {
  const dialog = new BankDialog(page, 'loginFrame', options);
  const n = dialog.names;
  await dialog.waitFor({ phone: dialog.textbox(n.phone) }, 'the phone number');
  await dialog.textbox(n.phone).fill(phone);
  await dialog.textbox(n.password).fill(password);
  await dialog.button(n.logIn).click();
  await dialog.waitFor({ code: dialog.textbox(n.smsCode) }, 'the SMS code');
  await dialog.textbox(n.smsCode).fill(smsCode);
  return dialog.submitAndWait<LoginSuccess>(() => dialog.button(n.verify).click(), 'bank-login-success');
}

/** `bank-pay-success`'s detail. */
export interface PaymentSuccess {
  orderId: string;
  paymentId: string;
  status: 'paid';
}

/**
 * Confirms the payment in the open `Confirm payment` dialog with the payment PIN, from the preselected account or
 * the one whose `Pay from` option label matches `account`. Resolves with the `bank-pay-success` detail; a
 * `bank-pay-failure` (wrong PIN, `insufficient_funds`, `account_frozen`, …) rejects with its `code`.
 *
 * @example
 * await page.locator('bank-pay').getByRole('button', { name: /^Pay/ }).click();
 * await loginInBankFrame(page, { phone: '13800000001' }); // when nobody is logged in yet
 * const { paymentId } = await confirmPayment(page, { pin: '135790' });
 */
export async function confirmPayment(
  page: Page,
  { pin, account, ...options }: { pin: string; account?: string | RegExp } & StepOptions,
): Promise<PaymentSuccess> {
  const dialog = new BankDialog(page, 'payFrame', options);
  const n = dialog.names;
  await dialog.waitFor({ pin: dialog.textbox(n.pin) }, 'the payment PIN');
  if (account !== undefined) {
    const payFrom = dialog.frame.getByRole('combobox', { name: n.payFrom, exact: true });
    const labels = await payFrom.locator('option').allInnerTexts();
    const label = labels.find((text) => (typeof account === 'string' ? text.includes(account) : account.test(text)));
    if (!label) throw new BankFrameError(dialog.title, `no account in ${n.payFrom} matches ${account}`, labels);
    await payFrom.selectOption({ label });
  }
  await dialog.textbox(n.pin).fill(pin);
  return dialog.submitAndWait<PaymentSuccess>(() => dialog.button(n.confirmPayment).click(), 'bank-pay-success', 'bank-pay-failure');
}

/** `bank-loan-submitted`'s detail. */
export interface LoanSubmitted {
  applicationId: string;
  status: 'approved' | 'pending' | 'declined';
  amount: string;
  termMonths: number;
  apr: string;
}

/**
 * Fills and submits the open `Loan application` dialog. Resolves with the `bank-loan-submitted` detail, whatever
 * the bank decided (`approved`, `pending`, `declined`): check `status`.
 *
 * @example
 * await page.locator('bank-loan-apply').getByRole('button', { name: 'Apply' }).click();
 * const { status } = await submitLoanApplication(page, {
 *   fullName: 'Zhang San', idNumber: '110105199003070017', monthlyIncome: '15000', employer: 'Example Co',
 * });
 */
export async function submitLoanApplication(
  page: Page,
  {
    fullName, idNumber, monthlyIncome, employer, authorizeCreditCheck = true, ...options
  }: { fullName: string; idNumber: string; monthlyIncome: string; employer: string; authorizeCreditCheck?: boolean } & StepOptions,
): Promise<LoanSubmitted> {
  const dialog = new BankDialog(page, 'loanFrame', options);
  const n = dialog.names;
  await dialog.waitFor({ form: dialog.textbox(n.fullName) }, 'the application form');
  await dialog.textbox(n.fullName).fill(fullName);
  await dialog.textbox(n.idNumber).fill(idNumber);
  await dialog.textbox(n.monthlyIncome).fill(monthlyIncome);
  await dialog.textbox(n.employer).fill(employer);
  await dialog.checkbox(n.creditCheck).setChecked(authorizeCreditCheck);
  return dialog.submitAndWait<LoanSubmitted>(() => dialog.button(n.submitApplication).click(), 'bank-loan-submitted');
}

/** `bank-account-opened`'s detail. */
export interface AccountOpened {
  accountId: string;
  accountClass: 'II' | 'III';
  last4: string;
}

/**
 * Opens an account in the open `Open an account` dialog: for someone not logged in, the phone and SMS code first
 * (skipped when the customer is logged in); then identity and the Class I card to bind, the terms; then the new
 * payment PIN (and, for a new customer, a login password). Resolves with the `bank-account-opened` detail.
 *
 * @example
 * await page.locator('bank-account-open').getByRole('button', { name: 'Open an account' }).click();
 * const { last4 } = await openAccountInBankFrame(page, {
 *   phone: '13800000099', fullName: 'Wang Xiaoming', idNumber: '11010519491231002X',
 *   cardNumber: '6222000000000000012', pin: '246802',
 * });
 */
export async function openAccountInBankFrame(
  page: Page,
  {
    phone, smsCode = sandboxSmsCode, fullName, idNumber, cardNumber, pin, loginPassword = sandboxPassword, ...options
  }: {
    /** Needed when nobody is logged in. */
    phone?: string;
    smsCode?: string;
    fullName: string;
    idNumber: string;
    cardNumber: string;
    /** The new account's payment PIN (six digits, not a run or a repeat). */
    pin: string;
    /** Asked of a new customer only. */
    loginPassword?: string;
  } & StepOptions,
): Promise<AccountOpened> {
  const dialog = new BankDialog(page, 'accountOpenFrame', options);
  const n = dialog.names;
  const first = await dialog.waitFor({ phone: dialog.textbox(n.phone), identity: dialog.textbox(n.fullName) }, 'the first step');
  if (first === 'phone') {
    if (!phone) throw new BankFrameError(dialog.title, 'asks for a phone number (nobody is logged in): pass `phone`');
    await dialog.textbox(n.phone).fill(phone);
    await dialog.button(n.sendCode).click();
    await dialog.waitFor({ code: dialog.textbox(n.smsCode) }, 'the SMS code');
    await dialog.textbox(n.smsCode).fill(smsCode);
    await dialog.button(n.verify).click();
    await dialog.waitFor({ identity: dialog.textbox(n.fullName) }, 'the identity step');
  }
  await dialog.textbox(n.fullName).fill(fullName);
  await dialog.textbox(n.idNumber).fill(idNumber);
  await dialog.textbox(n.cardNumber).fill(cardNumber);
  await dialog.checkbox(n.agreeTerms).check();
  await dialog.button(n.continue).click();
  await dialog.waitFor({ security: dialog.textbox(n.pin) }, 'the security step');
  await dialog.textbox(n.pin).fill(pin);
  await dialog.textbox(n.repeatPin).fill(pin);
  if (await dialog.textbox(n.loginPassword).isVisible()) await dialog.textbox(n.loginPassword).fill(loginPassword);
  return dialog.submitAndWait<AccountOpened>(() => dialog.button(n.openAccount).click(), 'bank-account-opened');
}

/** `bank-consent-granted`'s detail, or `bank-consent-declined`'s. */
export type ConsentAnswer =
  | { outcome: 'granted'; consentId: string; purpose: string; expiresAt: string }
  | { outcome: 'declined'; purpose: string };

/**
 * Answers the open `Share data` dialog: ticks `I agree to share this with <app>` and clicks `Share` (the default),
 * or clicks `Don't share` with `share: false`. With `recipient`, the dialog must name exactly that app. Resolves
 * with the outcome and the event's detail.
 *
 * @example
 * await page.locator('bank-data-consent').getByRole('button', { name: /^Share/ }).click();
 * const answer = await shareDataInBankFrame(page, { recipient: 'Demo Rental Homes' });
 * // { outcome: 'granted', consentId, purpose, expiresAt }
 */
export async function shareDataInBankFrame(
  page: Page,
  { share = true, recipient, ...options }: { share?: boolean; recipient?: string } & StepOptions = {},
): Promise<ConsentAnswer> {
  const dialog = new BankDialog(page, 'consentFrame', options);
  const n = dialog.names;
  const agree = dialog.checkbox(recipient === undefined ? n.agreeToShare : n.agreeToShareWith(recipient));
  const first = await dialog.waitFor({ agree, other: dialog.checkbox(n.agreeToShare) }, 'the consent');
  // Both locators match the named checkbox: `other` can win the race even when the name is right.
  if (first === 'other' && !(await agree.isVisible())) {
    const named = await dialog.checkbox(n.agreeToShare).first().ariaSnapshot({ timeout: 1_000 }).catch(() => '');
    throw new BankFrameError(dialog.title, `does not ask to share with ${recipient}`, named ? [named] : []);
  }
  if (!share) {
    const detail = await dialog.submitAndWait<{ purpose: string }>(() => dialog.button(n.dontShare).click(), 'bank-consent-declined');
    return { outcome: 'declined', ...detail };
  }
  await agree.check();
  const detail = await dialog.submitAndWait<{ consentId: string; purpose: string; expiresAt: string }>(
    () => dialog.button(n.share).click(), 'bank-consent-granted');
  return { outcome: 'granted', ...detail };
}

/** `bank-invest-success`'s detail. */
export interface InvestmentBought {
  subscriptionId: string;
  productId: string;
  amount: string;
  status: 'confirmed' | 'cooling-off';
}

/**
 * Buys in the open `Buy` dialog (opened by a product's `Buy` button in the `Investments` frame). When the bank
 * asks for the risk assessment first, `riskAnswers` answers it: for each question in order, the index of the
 * option to choose (0 is the first); without them the step stops with a `BankFrameError` saying so. A product
 * above the customer's level is refused the same way (`This product does not suit your risk level`).
 *
 * @example
 * await page.frameLocator('iframe[title="Investments"]').getByRole('region', { name: 'Cash Plus' })
 *   .getByRole('button', { name: 'Buy' }).click();
 * await buyInvestment(page, { amount: '1000', pin: '135790', riskAnswers: [2, 2, 2, 2, 2, 2, 2, 2, 2, 2] });
 */
export async function buyInvestment(
  page: Page,
  {
    amount, pin, riskAnswers, qualifiedInvestor = false, ...options
  }: { amount: string; pin: string; riskAnswers?: number[]; qualifiedInvestor?: boolean } & StepOptions,
): Promise<InvestmentBought> {
  const dialog = new BankDialog(page, 'buyFrame', options);
  const n = dialog.names;
  const amountBox = dialog.textbox(n.amount);
  const first = await dialog.waitFor({ buy: amountBox, assess: dialog.frame.getByRole('heading', { name: n.riskAssessment, exact: true }) }, 'the purchase');
  if (first === 'assess') {
    if (!riskAnswers) throw new BankFrameError(dialog.title, 'asks for the risk assessment first: pass `riskAnswers`');
    const groups = dialog.frame.getByRole('radiogroup');
    for (const [question, choice] of riskAnswers.entries()) await groups.nth(question).getByRole('radio').nth(choice).check();
    await dialog.button(n.seeResult).click();
    // The result shows with the purchase form below it (or, above the customer's level, why not).
    await dialog.waitFor({ buy: amountBox }, 'the purchase');
  }
  await amountBox.fill(amount);
  await dialog.checkbox(n.acknowledge).check();
  if (qualifiedInvestor) await dialog.checkbox(n.qualifiedInvestor).check();
  await dialog.textbox(n.pin).fill(pin);
  return dialog.submitAndWait<InvestmentBought>(() => dialog.button(n.confirmPurchase).click(), 'bank-invest-success');
}

/** `bank-invest-redeemed`'s detail. */
export interface InvestmentRedeemed {
  redemptionId: string;
  productId: string;
  amount: string;
  arrival: 'instant' | 'next-day';
}

/**
 * Redeems in the open `Redeem` dialog (opened by a holding's `Redeem` button in the `Investments` frame).
 *
 * @example
 * await redeemInvestment(page, { amount: '222', pin: '135790' });
 */
export async function redeemInvestment(page: Page, { amount, pin, ...options }: { amount: string; pin: string } & StepOptions): Promise<InvestmentRedeemed> {
  const dialog = new BankDialog(page, 'redeemFrame', options);
  const n = dialog.names;
  await dialog.waitFor({ amount: dialog.textbox(n.amount) }, 'the redemption');
  await dialog.textbox(n.amount).fill(amount);
  await dialog.textbox(n.pin).fill(pin);
  return dialog.submitAndWait<InvestmentRedeemed>(() => dialog.button(n.confirmRedemption).click(), 'bank-invest-redeemed');
}

/** `bank-merchant-verified`'s detail. */
export interface MerchantVerified {
  merchantId: string;
  status: 'verified' | 'pending';
}

/**
 * Fills and submits the open `Merchant verification` dialog (the logged-in customer must be the legal
 * representative). Resolves with the `bank-merchant-verified` detail.
 */
export async function verifyMerchantInBankFrame(
  page: Page,
  {
    businessName, creditCode, legalRepresentative, legalRepresentativeId, settlementAccount, ...options
  }: { businessName: string; creditCode: string; legalRepresentative: string; legalRepresentativeId: string; settlementAccount: string } & StepOptions,
): Promise<MerchantVerified> {
  const dialog = new BankDialog(page, 'merchantFrame', options);
  const n = dialog.names;
  await dialog.waitFor({ form: dialog.textbox(n.businessName) }, 'the verification form');
  await dialog.textbox(n.businessName).fill(businessName);
  await dialog.textbox(n.creditCode).fill(creditCode);
  await dialog.textbox(n.representative).fill(legalRepresentative);
  await dialog.textbox(n.representativeId).fill(legalRepresentativeId);
  await dialog.textbox(n.settlementAccount).fill(settlementAccount);
  return dialog.submitAndWait<MerchantVerified>(() => dialog.button(n.submit).click(), 'bank-merchant-verified');
}
