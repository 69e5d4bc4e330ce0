import type { Catalogue } from '../../i18n/locale.ts';

/** What only the `Investments` frame says (in its own build), complete in both locales; the rest is in common/invest-messages.ts. */
const en = {
  investTitle: 'Investments',
  products: 'Products',
  holdings: 'Your holdings',
  noHoldings: 'You hold no wealth products yet.',
  riskLevel: 'Risk level',
  yieldNote: 'Past performance and benchmarks are not a promise of future returns.',
  nav: 'NAV',
  navOn: '{nav} on {date}',
  minimum: 'Minimum',
  redemption: 'Redemption',
  'redeem.cash': 'Any time: up to ¥10,000 a day arrives at once, the rest the next day',
  'redeem.closed': 'At maturity only ({months} months)',
  'redeem.open': 'The money arrives the next day',
  'redeem.private': 'Not redeemable here · 24-hour cooling-off after purchase',
  redeem: 'Redeem',
  value: 'Value',
  shares: 'Shares',
  pendingConfirm: '{amount} paid, shares confirmed on {date}',
  coolingOff: '{amount} in the cooling-off period until {date}: you may still cancel for a full refund',
  arriving: '{amount} arriving on {date}',
  maturesOn: 'Matures on {date}',
  assessmentNone: 'You have not taken the risk assessment yet. You take it when you first buy.',
  assessmentValid: 'Your risk level: {level}, valid until {date}.',
  assessmentExpired: 'Your risk assessment of {date} has expired. You take it again when you buy.',
  tryAgain: 'Try again',
};

export type InvestPanelMessage = keyof typeof en;

const zhCN: Record<InvestPanelMessage, string> = {
  investTitle: '理财',
  products: '理财产品',
  holdings: '我的持仓',
  noHoldings: '您还没有持有理财产品。',
  riskLevel: '风险等级',
  yieldNote: '过往业绩及业绩比较基准不代表未来表现，不构成收益承诺。',
  nav: '单位净值',
  navOn: '{nav}（{date}）',
  minimum: '起购金额',
  redemption: '赎回',
  'redeem.cash': '随时赎回：每日1万元以内实时到账，超出部分次日到账',
  'redeem.closed': '仅到期可赎回（{months}个月）',
  'redeem.open': '资金次日到账',
  'redeem.private': '本渠道不可赎回 · 购买后24小时冷静期',
  redeem: '赎回',
  value: '市值',
  shares: '份额',
  pendingConfirm: '已支付{amount}，份额于{date}确认',
  coolingOff: '{amount}处于冷静期，至{date}前可撤销并全额退款',
  arriving: '{amount}将于{date}到账',
  maturesOn: '{date}到期',
  assessmentNone: '您尚未进行风险测评，首次购买时进行。',
  assessmentValid: '您的风险承受能力：{level}，有效期至{date}。',
  assessmentExpired: '您{date}的风险测评已过期，购买时需重新测评。',
  tryAgain: '重试',
};

export const investPanelMessages: Catalogue<InvestPanelMessage> = { en, 'zh-CN': zhCN };
