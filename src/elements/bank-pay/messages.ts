import type { Catalogue } from '../../i18n/locale.ts';

const en = {
  pay: 'Pay {amount}',
  payDialog: 'Confirm payment',
  payee: 'Payee',
  orderFor: 'For',
  amount: 'Amount',
  paid: 'Paid',
  receipt: 'Payment receipt',
  paymentId: 'Payment ID',
  paidAt: 'Paid at',
  'error.order_cancelled': 'This order was cancelled and cannot be paid.',
};

export type PayMessage = keyof typeof en;

const zhCN: Record<PayMessage, string> = {
  pay: '支付{amount}',
  payDialog: '确认付款',
  payee: '收款方',
  orderFor: '用途',
  amount: '金额',
  paid: '已支付',
  receipt: '付款凭证',
  paymentId: '付款编号',
  paidAt: '付款时间',
  'error.order_cancelled': '该订单已取消，无法支付。',
};

/**
 * What <bank-pay> says before anyone pays, complete in both locales (in its own chunk, so other elements don't load
 * it). What only a payment can end with is in failure-messages.ts, in the payment's chunk (payment.ts).
 */
export const payMessages: Catalogue<PayMessage> = { en, 'zh-CN': zhCN };
