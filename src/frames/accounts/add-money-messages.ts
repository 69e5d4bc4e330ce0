import type { Catalogue } from '../../i18n/locale.ts';

/** What the `Accounts` frame's Add money form says, complete in both locales (in the form's lazy chunk). */
const en = {
  'invalid.pin': 'Enter 6 digits.',
  'error.limit_exceeded': 'This exceeds the account’s limit.',
  amount: 'Amount',
  addMoneyHint: 'From your bound card {card}.',
  added: '{amount} added.',
  notConfirmed: 'The bank has not confirmed this. Nothing will be added twice: you can safely try again.',
  'invalid.amount': 'Enter an amount like 500 or 500.50.',
};

export type AddMoneyMessage = keyof typeof en;

const zhCN: Record<AddMoneyMessage, string> = {
  'invalid.pin': '请输入6位数字。',
  'error.limit_exceeded': '超出账户限额。',
  amount: '金额',
  addMoneyHint: '从绑定卡{card}转入。',
  added: '已转入{amount}。',
  notConfirmed: '银行尚未确认本次转入。不会重复转入，您可以放心重试。',
  'invalid.amount': '请输入金额，例如500或500.50。',
};

export const addMoneyMessages: Catalogue<AddMoneyMessage> = { en, 'zh-CN': zhCN };
