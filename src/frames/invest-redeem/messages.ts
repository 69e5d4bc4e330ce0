import type { Catalogue } from '../../i18n/locale.ts';

/** What only the `Redeem` frame says (in its own build), complete in both locales; the rest is in common/invest-messages.ts. */
const en = {
  redeemTitle: 'Redeem',
  cancelTitle: 'Cancel purchase',
  holdingValue: 'Value you can redeem',
  redeemAmountHint: 'In yuan, at most {max}.',
  arrivalCash: 'Up to {left} more arrives at once today (¥10,000 a day); the rest arrives tomorrow.',
  arrivalNextDay: 'Redeemed at today’s NAV. The money arrives tomorrow in the account you paid from.',
  confirmRedemption: 'Confirm redemption',
  notRedeemable: 'This holding cannot be redeemed now.',
  cancelExplain: 'Cancel your purchase of {product} ({amount})? The full amount goes back to the account you paid from.',
  keep: 'Keep it',
};

export type InvestRedeemMessage = keyof typeof en;

const zhCN: Record<InvestRedeemMessage, string> = {
  redeemTitle: '赎回',
  cancelTitle: '撤销购买',
  holdingValue: '可赎回市值',
  redeemAmountHint: '单位：元，最多{max}。',
  arrivalCash: '今日还可实时到账{left}（每日1万元），超出部分次日到账。',
  arrivalNextDay: '按今日净值赎回，资金次日到账至原付款账户。',
  confirmRedemption: '确认赎回',
  notRedeemable: '该持仓当前不可赎回。',
  cancelExplain: '撤销购买{product}（{amount}）？全部款项将退回原付款账户。',
  keep: '保留',
};

export const investRedeemMessages: Catalogue<InvestRedeemMessage> = { en, 'zh-CN': zhCN };
