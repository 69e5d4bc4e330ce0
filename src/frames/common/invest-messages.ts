import type { Catalogue } from '../../i18n/locale.ts';

/** What the wealth frames (`Investments`, `Buy`, `Redeem`) say, complete in both locales. */
const en = {
  warning: 'Wealth products are not deposits. Investing involves risk; invest with care.',
  'risk.R1': 'R1 · low risk',
  'risk.R2': 'R2 · moderately low risk',
  'risk.R3': 'R3 · medium risk',
  'risk.R4': 'R4 · moderately high risk',
  'risk.R5': 'R5 · high risk',
  'level.C1': 'C1 (very conservative)',
  'level.C2': 'C2 (conservative)',
  'level.C3': 'C3 (balanced)',
  'level.C4': 'C4 (growth)',
  'level.C5': 'C5 (aggressive)',
  yield: 'Yield',
  'yield.seven-day-annualised': '7-day annualised yield {rate}%',
  'yield.benchmark': 'performance benchmark {low}%–{high}%',
  'yield.past-year-nav': 'NAV growth over the past year {rate}%',
  buy: 'Buy',
  cancelPurchase: 'Cancel purchase',
  close: 'Close',
  amount: 'Amount',
  'invalid.amount': 'Enter an amount in yuan, like 1000 or 1000.50.',
  'error.suitability_mismatch': 'This product’s risk level is above your risk assessment.',
  'error.below_minimum': 'The amount is below this product’s minimum of {minimum}.',
  'error.insufficient_funds': 'Not enough money in this account.',
  'error.invalid_request': 'The bank could not accept this. Check the details and try again.',
  'error.not_found': 'The bank could not find this product.',
  'error.redeem_insufficient': 'That is more than you can redeem now.',
};

export type InvestMessage = keyof typeof en;

const zhCN: Record<InvestMessage, string> = {
  warning: '理财非存款、产品有风险、投资须谨慎',
  'risk.R1': 'R1 · 低风险',
  'risk.R2': 'R2 · 中低风险',
  'risk.R3': 'R3 · 中风险',
  'risk.R4': 'R4 · 中高风险',
  'risk.R5': 'R5 · 高风险',
  'level.C1': 'C1（保守型）',
  'level.C2': 'C2（稳健型）',
  'level.C3': 'C3（平衡型）',
  'level.C4': 'C4（成长型）',
  'level.C5': 'C5（进取型）',
  yield: '收益',
  'yield.seven-day-annualised': '七日年化收益率{rate}%',
  'yield.benchmark': '业绩比较基准{low}%–{high}%',
  'yield.past-year-nav': '近一年净值增长率{rate}%',
  buy: '购买',
  cancelPurchase: '撤销购买',
  close: '关闭',
  amount: '金额',
  'invalid.amount': '请输入以元为单位的金额，例如1000或1000.50。',
  'error.suitability_mismatch': '该产品的风险等级高于您的风险测评结果。',
  'error.below_minimum': '金额低于该产品的起购金额{minimum}。',
  'error.insufficient_funds': '该账户余额不足。',
  'error.invalid_request': '银行无法受理，请检查后重试。',
  'error.not_found': '银行找不到该产品。',
  'error.redeem_insufficient': '超出当前可赎回的金额。',
};

export const investMessages: Catalogue<InvestMessage> = { en, 'zh-CN': zhCN };
