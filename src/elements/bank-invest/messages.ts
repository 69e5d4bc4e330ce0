import type { Catalogue } from '../../i18n/locale.ts';

const en = {
  investFrame: 'Investments',
  buyDialog: 'Buy',
  redeemDialog: 'Redeem',
  cancelDialog: 'Cancel purchase',
  loginPrompt: 'Log in to see the bank’s wealth products and your holdings.',
  'error.suitability_mismatch': 'This product’s risk level is above your risk assessment.',
  'error.below_minimum': 'The amount is below the product’s minimum.',
};

export type InvestMessage = keyof typeof en;

const zhCN: Record<InvestMessage, string> = {
  investFrame: '理财',
  buyDialog: '购买',
  redeemDialog: '赎回',
  cancelDialog: '撤销购买',
  loginPrompt: '登录后查看银行理财产品和您的持仓。',
  'error.suitability_mismatch': '该产品的风险等级高于您的风险评估结果。',
  'error.below_minimum': '金额低于该产品的起购金额。',
};

/** What <bank-invest> says, complete in both locales (in its own chunk). */
export const investMessages: Catalogue<InvestMessage> = { en, 'zh-CN': zhCN };
