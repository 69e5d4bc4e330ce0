import type { Catalogue } from '../../i18n/locale.ts';

const en = {
  'attr.orderIdRequired': 'order-id is required',
  'attr.orderIdInvalid': 'order-id "{value}" is not an order id',
};

export type PayAttributeMessage = keyof typeof en;

const zhCN: Record<PayAttributeMessage, string> = {
  'attr.orderIdRequired': '缺少order-id属性',
  'attr.orderIdInvalid': 'order-id“{value}”不是有效的订单号',
};

/**
 * What <bank-pay> says about its own attributes when they are wrong, complete in both locales: a lazy chunk, fetched
 * only then (a page set up right never downloads it).
 */
export const attributeMessages: Catalogue<PayAttributeMessage> = { en, 'zh-CN': zhCN };
