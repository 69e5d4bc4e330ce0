import type { Catalogue } from '../../i18n/locale.ts';

const en = {
  'attr.merchantIdRequired': 'merchant-id is required',
  'attr.merchantIdInvalid': 'merchant-id "{value}" is not a merchant id',
};

export type MerchantOnboardAttributeMessage = keyof typeof en;

const zhCN: Record<MerchantOnboardAttributeMessage, string> = {
  'attr.merchantIdRequired': '缺少merchant-id属性',
  'attr.merchantIdInvalid': 'merchant-id“{value}”不是有效的商户号',
};

/**
 * What <bank-merchant-onboard> says about its own attributes when they are wrong, complete in both locales: a lazy chunk, fetched
 * only then (a page set up right never downloads it).
 */
export const attributeMessages: Catalogue<MerchantOnboardAttributeMessage> = { en, 'zh-CN': zhCN };
