import type { Catalogue } from '../../i18n/locale.ts';

const en = {
  checking: 'Checking the payment with the bank…',
  payFailed: 'The payment did not go through.',
  'error.already_paid': 'This order is already paid.',
  'error.insufficient_funds': 'Not enough money in the account.',
  'error.limit_exceeded': 'This exceeds the account’s limit.',
  'error.account_frozen': 'The account is frozen. Please contact the bank.',
  lockedContact: 'Too many wrong attempts: payments are locked for a while. Please try again later, or call {bank} at {hotline} ({hours}).',
  'error.split_exceeds_amount': 'The order’s shares add up to more than its amount.',
};

export type PayFailureMessage = keyof typeof en;

const zhCN: Record<PayFailureMessage, string> = {
  checking: '正在向银行确认付款结果…',
  payFailed: '付款未成功。',
  'error.already_paid': '该订单已支付。',
  'error.insufficient_funds': '账户余额不足。',
  'error.limit_exceeded': '超出账户限额。',
  'error.account_frozen': '账户已冻结，请联系银行。',
  lockedContact: '错误次数过多，支付已暂时锁定。请稍后再试，或致电{bank}客服热线{hotline}（{hours}）。',
  'error.split_exceeds_amount': '订单分账金额合计超过订单金额。',
};

/**
 * What <bank-pay> says only once a payment was tried: the status check after the dialog closed and the failures
 * (complete in both locales). Part of the payment's chunk (payment.ts), fetched on a first sign of paying, long before a payment can fail.
 */
export const payFailureMessages: Catalogue<PayFailureMessage> = { en, 'zh-CN': zhCN };
