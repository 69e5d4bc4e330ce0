import type { Catalogue } from '../../i18n/locale.ts';

/*
 * What the bank's frames say, complete in both locales. `frameMessages` is what every frame may say (the shell's
 * words, the payment PIN, the errors any bank call can end in, the titles of frames without a catalogue of their
 * own) and is in every frame's build. The dialog forms' shared words are three more tables, in the builds of the
 * frames that name them in their `formMessages` (src/frames/common/secure-form.ts) only. A frame's own words are in
 * its folder's messages.ts.
 */
const en = {
  cancel: 'Cancel',
  secureNote: 'Secured by the bank. The website you came from cannot see what you type here.',
  pin: 'Payment PIN',
  pinHint: 'The 6-digit PIN for payments, not your login password.',
  loading: 'Loading…',
  'invalid.pin': 'Enter your 6-digit payment PIN.',
  'error.invalid_pin': 'The payment PIN is wrong.',
  'error.lockedContact': 'Too many wrong attempts: locked for a while. Please try again later, or call {bank} at {hotline} ({hours}).',
  'error.insufficient_funds': 'Not enough money in this account.',
  'error.account_frozen': 'This account is frozen. Please contact the bank.',
  'error.limit_exceeded': 'This payment exceeds the account’s limit.',
  'error.invalid_request': 'The bank could not accept these details. Check them and try again.',
  'error.locked': 'Too many wrong attempts: locked for a while. Please try again later.',
  'error.session_expired': 'This step has expired. Please start again.',
  'error.network': 'Could not reach the bank. Check your connection and try again.',
  'error.origin_not_allowed': 'This bank window was opened by a website it does not belong to.',
  'error.other': 'Something went wrong at the bank. Please try again later.',
  'error.bank_unavailable': 'The bank is not available right now. Please try again in a few minutes.',
  'error.rate_limited': 'Too many requests in a short time. Please wait a minute and try again.',
  accountsTitle: 'Accounts',
  accountOpenTitle: 'Open an account',
  consentTitle: 'Share data',
};

export type ShellMessage = keyof typeof en;

const zhCN: Record<ShellMessage, string> = {
  cancel: '取消',
  secureNote: '由银行提供安全保护，您来自的网站无法看到您在此输入的内容。',
  pin: '支付密码',
  pinHint: '6位支付密码，不是登录密码。',
  loading: '加载中…',
  'invalid.pin': '请输入6位支付密码。',
  'error.invalid_pin': '支付密码错误。',
  'error.lockedContact': '错误次数过多，已暂时锁定。请稍后再试，或致电{bank}客服热线{hotline}（{hours}）。',
  'error.insufficient_funds': '该账户余额不足。',
  'error.account_frozen': '该账户已冻结，请联系银行。',
  'error.limit_exceeded': '本次付款超出账户限额。',
  'error.invalid_request': '银行无法受理所填信息，请核对后重试。',
  'error.locked': '错误次数过多，已暂时锁定，请稍后再试。',
  'error.session_expired': '操作已过期，请重新开始。',
  'error.network': '无法连接银行，请检查网络后重试。',
  'error.origin_not_allowed': '此银行窗口由不属于它的网站打开。',
  'error.other': '银行系统出现问题，请稍后再试。',
  'error.bank_unavailable': '银行服务暂时不可用，请几分钟后再试。',
  'error.rate_limited': '操作过于频繁，请稍等一分钟后再试。',
  accountsTitle: '我的账户',
  accountOpenTitle: '开立账户',
  consentTitle: '共享数据',
};

/** What every frame says (and the errors it explains), complete in both locales. */
export const frameMessages: Catalogue<ShellMessage> = { en, 'zh-CN': zhCN };

const signInEn = {
  phone: 'Phone number',
  password: 'Password',
  smsCode: 'SMS code',
  verify: 'Verify',
  codeSent: 'We sent a 6-digit code by SMS to {phone}.',
  back: 'Back',
  'invalid.phone': 'Enter an 11-digit mobile phone number.',
  'invalid.password': 'Enter your password.',
  'invalid.code': 'Enter the 6-digit code.',
  'error.invalid_credentials': 'The phone number or password is wrong.',
  'error.invalid_code': 'The SMS code is wrong.',
};

const signInZhCN: Record<keyof typeof signInEn, string> = {
  phone: '手机号',
  password: '密码',
  smsCode: '短信验证码',
  verify: '验证',
  codeSent: '6位验证码已通过短信发送至{phone}。',
  back: '返回',
  'invalid.phone': '请输入11位手机号。',
  'invalid.password': '请输入密码。',
  'invalid.code': '请输入6位验证码。',
  'error.invalid_credentials': '手机号或密码错误。',
  'error.invalid_code': '短信验证码错误。',
};

/** Signing in and verifying a phone number (`Log in`, `Open an account`). */
export const signInMessages: Catalogue<keyof typeof signInEn> = { en: signInEn, 'zh-CN': signInZhCN };

const identityEn = {
  fullName: 'Full name',
  idNumber: 'ID number',
  idHint: 'Your 18-character resident identity card number.',
  'invalid.fullName': 'Enter your full name as on your ID card.',
  'invalid.idNumber': 'This ID number is not valid. Check it and try again.',
  'error.verification_failed': 'The bank could not verify this. Only the merchant’s verified legal representative may apply.',
  'error.duplicate_application': 'You already have an open application for this.',
  'error.merchant_unverified': 'This merchant is not verified by the bank yet.',
};

const identityZhCN: Record<keyof typeof identityEn, string> = {
  fullName: '姓名',
  idNumber: '身份证号',
  idHint: '18位居民身份证号码。',
  'invalid.fullName': '请输入与身份证一致的姓名。',
  'invalid.idNumber': '身份证号无效，请核对后重试。',
  'error.verification_failed': '银行未能核验。仅商户已认证的法定代表人本人可以申请。',
  'error.duplicate_application': '您已有一笔进行中的同类申请。',
  'error.merchant_unverified': '该商户尚未通过银行认证。',
};

/** Who the customer is (`Open an account`, `Loan`, `Merchant`). */
export const identityMessages: Catalogue<keyof typeof identityEn> = { en: identityEn, 'zh-CN': identityZhCN };

const paymentEn = {
  amount: 'Amount',
  payFrom: 'Pay from',
  accountOption: '{class} ···· {last4} · {balance}',
  classI: 'Class I',
  classII: 'Class II',
  classIII: 'Class III account',
  frozen: 'frozen',
  notConfirmed: 'The bank has not confirmed this payment. Nothing will be charged twice: you can safely try again.',
  noAccounts: 'You have no account at this bank to pay from.',
  'error.already_paid': 'This order is already paid.',
  'error.order_cancelled': 'This order was cancelled and cannot be paid.',
  'error.not_found': 'The bank could not find this order.',
};

const paymentZhCN: Record<keyof typeof paymentEn, string> = {
  amount: '金额',
  payFrom: '付款账户',
  accountOption: '{class} ···· {last4} · {balance}',
  classI: 'I类账户',
  classII: 'II类账户',
  classIII: 'III类账户',
  frozen: '已冻结',
  notConfirmed: '银行尚未确认本次付款。不会重复扣款，您可以放心重试。',
  noAccounts: '您在本行没有可用于付款的账户。',
  'error.already_paid': '该订单已支付。',
  'error.order_cancelled': '该订单已取消，无法支付。',
  'error.not_found': '银行找不到该订单。',
};

/** Paying from an account (`Pay`). */
export const paymentMessages: Catalogue<keyof typeof paymentEn> = { en: paymentEn, 'zh-CN': paymentZhCN };

/** Every shared key a frame may look up (which of them a frame has depends on its `formMessages`). */
export type FrameMessage = ShellMessage | keyof typeof signInEn | keyof typeof identityEn | keyof typeof paymentEn;
