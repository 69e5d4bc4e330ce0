import type { Catalogue } from '../../i18n/locale.ts';

const en = {
  accountsFrame: 'Accounts',
};

export type AccountMessage = keyof typeof en;

const zhCN: Record<AccountMessage, string> = {
  accountsFrame: '我的账户',
};

/** What <bank-account> says, complete in both locales. */
export const accountMessages: Catalogue<AccountMessage> = { en, 'zh-CN': zhCN };
