import type { Catalogue } from '../../i18n/locale.ts';

const en = {
  accountState: '{option} · {state}',
  lowBalance: 'balance too low',
  overLimit: 'over today’s limit',
  noUsableAccount: 'None of your accounts can pay {amount}:',
  noUsableHint: 'Nothing has been charged. Add money to an account or contact the bank first; if you confirm now, the bank checks again.',
  'error.invalid_pin.one': 'The payment PIN is wrong. {n} attempt left before payments are locked.',
  'error.invalid_pin.other': 'The payment PIN is wrong. {n} attempts left before payments are locked.',
  payTitle: 'Confirm payment',
  payee: 'Payee',
  orderFor: 'For',
  confirmPay: 'Confirm payment',
  checking: 'Checking with the bank whether the payment went through…',
  canPayToday: 'can pay {amount} today',
};

export type PayMessage = keyof typeof en;

const zhCN: Record<PayMessage, string> = {
  accountState: '{option} · {state}',
  lowBalance: '余额不足',
  overLimit: '超出今日限额',
  noUsableAccount: '您没有可支付{amount}的账户：',
  noUsableHint: '尚未扣款。请先向账户充值或联系银行；如现在确认，银行将再次核验。',
  'error.invalid_pin.one': '支付密码错误，还可尝试{n}次，之后将锁定支付。',
  'error.invalid_pin.other': '支付密码错误，还可尝试{n}次，之后将锁定支付。',
  payTitle: '确认付款',
  payee: '收款方',
  orderFor: '用途',
  confirmPay: '确认付款',
  checking: '正在向银行确认付款是否成功…',
  canPayToday: '今日可付{amount}',
};

/** What only the `Confirm payment` frame says (in its own bundle), complete in both locales; the rest is in messages.ts. */
export const payFrameMessages: Catalogue<PayMessage> = { en, 'zh-CN': zhCN };
