import type { Catalogue } from '../../i18n/locale.ts';

const en = {
  'attr.product': 'product "{value}" must be one of {list}',
};

export type InvestAttributeMessage = keyof typeof en;

const zhCN: Record<InvestAttributeMessage, string> = {
  'attr.product': 'product“{value}”必须是以下产品之一：{list}',
};

/**
 * What <bank-invest> says about its own attributes when they are wrong, complete in both locales: a lazy chunk, fetched
 * only then (a page set up right never downloads it).
 */
export const attributeMessages: Catalogue<InvestAttributeMessage> = { en, 'zh-CN': zhCN };
