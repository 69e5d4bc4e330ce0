import type { Catalogue } from '../../i18n/locale.ts';

const en = {
  'attr.merchantIdRequired': 'merchant-id is required for merchant-loan',
  'attr.merchantIdInvalid': 'merchant-id "{value}" is not a merchant id',
  'attr.productRequired': 'product is required',
  'attr.productUnknown': 'product "{value}" is not one of {list}',
  'attr.amount': 'amount "{value}" is not an amount in yuan like "36000"',
  'attr.term': 'term "{value}" is not a whole number of months',
};

export type LoanAttributeMessage = keyof typeof en;

const zhCN: Record<LoanAttributeMessage, string> = {
  'attr.merchantIdRequired': 'merchant-loan需要merchant-id属性',
  'attr.merchantIdInvalid': 'merchant-id“{value}”不是有效的商户号',
  'attr.productRequired': '缺少product属性',
  'attr.productUnknown': 'product“{value}”不是以下产品之一：{list}',
  'attr.amount': 'amount“{value}”不是以元为单位的金额（例如“36000”）',
  'attr.term': 'term“{value}”不是整月数',
};

/**
 * What <bank-loan-apply> says about its own attributes when they are wrong, complete in both locales: a lazy chunk, fetched
 * only then (a page set up right never downloads it).
 */
export const attributeMessages: Catalogue<LoanAttributeMessage> = { en, 'zh-CN': zhCN };
