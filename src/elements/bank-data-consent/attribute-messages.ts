import type { Catalogue } from '../../i18n/locale.ts';

const en = {
  'attr.purposeRequired': 'purpose is required',
  'attr.purposeUnknown': 'purpose "{value}" is not one of {list}',
  'attr.claimsRequired': 'claims is required',
};

export type ConsentAttributeMessage = keyof typeof en;

const zhCN: Record<ConsentAttributeMessage, string> = {
  'attr.purposeRequired': '缺少purpose属性',
  'attr.purposeUnknown': 'purpose“{value}”不是以下用途之一：{list}',
  'attr.claimsRequired': '缺少claims属性',
};

/**
 * What <bank-data-consent> says about its own attributes when they are wrong, complete in both locales: a lazy chunk, fetched
 * only then (a page set up right never downloads it).
 */
export const attributeMessages: Catalogue<ConsentAttributeMessage> = { en, 'zh-CN': zhCN };
