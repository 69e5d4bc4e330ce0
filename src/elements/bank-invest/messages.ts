import type { Catalogue } from '../../i18n/locale.ts';

const en = {
  investFrame: 'Investments',
  buyDialog: 'Buy',
  redeemDialog: 'Redeem',
  cancelDialog: 'Cancel purchase',
  loginPrompt: 'Log in to see the bank’s wealth products and your holdings.',
};

export type InvestMessage = keyof typeof en;

const zhCN: Record<InvestMessage, string> = {
  investFrame: '理财',
  buyDialog: '购买',
  redeemDialog: '赎回',
  cancelDialog: '撤销购买',
  loginPrompt: '登录后查看银行理财产品和您的持仓。',
};

/** What <bank-invest> says, complete in both locales (in its own chunk). */
export const investMessages: Catalogue<InvestMessage> = { en, 'zh-CN': zhCN };
