import type { Catalogue } from '../../i18n/locale.ts';

const en = {
  pay: 'Pay {amount}',
  'attr.orderIdRequired': 'order-id is required',
  'attr.orderIdInvalid': 'order-id "{value}" is not an order id',
  payDialog: 'Confirm payment',
  payee: 'Payee',
  orderFor: 'For',
  amount: 'Amount',
  checking: 'Checking the payment with the bank…',
  paid: 'Paid',
  receipt: 'Payment receipt',
  paymentId: 'Payment ID',
  paidAt: 'Paid at',
  payFailed: 'The payment did not go through.',
  'error.already_paid': 'This order is already paid.',
  'error.order_cancelled': 'This order was cancelled and cannot be paid.',
  'error.insufficient_funds': 'Not enough money in the account.',
  'error.limit_exceeded': 'This exceeds the account’s limit.',
  'error.account_frozen': 'The account is frozen. Please contact the bank.',
  lockedContact: 'Too many wrong attempts: payments are locked for a while. Please try again later, or call {bank} at {hotline} ({hours}).',
  'error.split_exceeds_amount': 'The order’s shares add up to more than its amount.',
};

export type PayMessage = keyof typeof en;

const zhCN: Record<PayMessage, string> = {
  pay: '支付{amount}',
  'attr.orderIdRequired': '缺少order-id属性',
  'attr.orderIdInvalid': 'order-id“{value}”不是有效的订单号',
  payDialog: '确认付款',
  payee: '收款方',
  orderFor: '用途',
  amount: '金额',
  checking: '正在向银行确认付款结果…',
  paid: '已支付',
  receipt: '付款凭证',
  paymentId: '付款编号',
  paidAt: '付款时间',
  payFailed: '付款未成功。',
  'error.already_paid': '该订单已支付。',
  'error.order_cancelled': '该订单已取消，无法支付。',
  'error.insufficient_funds': '账户余额不足。',
  'error.limit_exceeded': '超出账户限额。',
  'error.account_frozen': '账户已冻结，请联系银行。',
  lockedContact: '错误次数过多，支付已暂时锁定。请稍后再试，或致电{bank}客服热线{hotline}（{hours}）。',
  'error.split_exceeds_amount': '订单分账金额合计超过订单金额。',
};

/** What <bank-pay> says, complete in both locales (in its own chunk, so other elements don't load it). */
export const payMessages: Catalogue<PayMessage> = { en, 'zh-CN': zhCN };
