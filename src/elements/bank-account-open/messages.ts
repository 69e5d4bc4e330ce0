import type { Catalogue } from '../../i18n/locale.ts';

const en = {
  openAccount: 'Open an account',
  openDialog: 'Open an account',
  opened: 'Your {class} ···· {last4} is open.',
  'class.II': 'Class II account',
  'class.III': 'Class III account',
  'error.account_exists': 'You already have an account of this kind at the bank.',
};

export type AccountOpenMessage = keyof typeof en;

const zhCN: Record<AccountOpenMessage, string> = {
  openAccount: '开立账户',
  openDialog: '开立账户',
  opened: '您的{class} ···· {last4}已开立。',
  'class.II': 'II类账户',
  'class.III': 'III类账户',
  'error.account_exists': '您在本行已有同类账户。',
};

/** What <bank-account-open> says, complete in both locales. */
export const accountOpenMessages: Catalogue<AccountOpenMessage> = { en, 'zh-CN': zhCN };
