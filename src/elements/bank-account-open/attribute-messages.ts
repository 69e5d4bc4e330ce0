import type { Catalogue } from '../../i18n/locale.ts';

const en = {
  'attr.accountClass': 'account-class "{value}" must be "II" or "III"',
};

export type AccountOpenAttributeMessage = keyof typeof en;

const zhCN: Record<AccountOpenAttributeMessage, string> = {
  'attr.accountClass': 'account-class属性“{value}”必须是“II”或“III”',
};

/**
 * What <bank-account-open> says about its own attributes when they are wrong, complete in both locales: a lazy chunk, fetched
 * only then (a page set up right never downloads it).
 */
export const attributeMessages: Catalogue<AccountOpenAttributeMessage> = { en, 'zh-CN': zhCN };
