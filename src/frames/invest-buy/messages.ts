import type { Catalogue } from '../../i18n/locale.ts';

/** What only the `Buy` frame says (in its own build), complete in both locales; the rest is in common/invest-messages.ts. */
const en = {
  buyTitle: 'Buy',
  mismatchTitle: 'This product does not suit your risk level',
  mismatch: '{product} is rated {risk}, above your risk level {level}. The bank cannot sell it to you.',
  mismatchHelp: 'If your circumstances have changed, you can take the risk assessment again. Or choose a product rated {allowed} or lower.',
  reassess: 'Take the assessment again',
  amountHint: 'In yuan. Minimum {minimum}.',
  payFrom: 'Pay from',
  accountOption: '{class} ···· {last4} (balance {balance})',
  classI: 'Class I debit account',
  classII: 'Class II account',
  classIII: 'Class III account',
  documents: 'Product terms and risk disclosure',
  version: 'Version {version}',
  acknowledge: 'I have read the product terms and the risk disclosure',
  qualified: 'I declare that I am a qualified investor',
  qualifiedHint: 'Financial assets of at least ¥3,000,000, or an average yearly income of at least ¥500,000 over the last three years, and two years of investment experience.',
  coolingOffNote: 'After you buy, you have 24 hours to change your mind and cancel for a full refund.',
  confirmPurchase: 'Confirm purchase',
  settlementNote: 'Shares are confirmed on the next day at the NAV of the day you buy.',
  'invalid.acknowledge': 'Please read the product terms and risk disclosure, then tick the box.',
  'invalid.qualified': 'This product is only for qualified investors.',
};

export type InvestBuyMessage = keyof typeof en;

const zhCN: Record<InvestBuyMessage, string> = {
  buyTitle: '购买',
  mismatchTitle: '该产品与您的风险承受能力不匹配',
  mismatch: '{product}的风险等级为{risk}，高于您的风险承受能力{level}，银行不能向您销售该产品。',
  mismatchHelp: '如果您的情况有变化，可以重新进行风险测评；或选择风险等级为{allowed}及以下的产品。',
  reassess: '重新测评',
  amountHint: '单位：元。起购金额{minimum}。',
  payFrom: '付款账户',
  accountOption: '{class} ···· {last4}（余额{balance}）',
  classI: '一类借记账户',
  classII: '二类账户',
  classIII: '三类账户',
  documents: '产品说明书与风险揭示书',
  version: '版本{version}',
  acknowledge: '我已阅读产品说明书和风险揭示书',
  qualified: '本人声明为合格投资者',
  qualifiedHint: '金融资产不低于300万元，或最近三年个人年均收入不低于50万元，且具有2年以上投资经历。',
  coolingOffNote: '购买后有24小时冷静期，期间可撤销并全额退款。',
  confirmPurchase: '确认购买',
  settlementNote: '份额于下一日按购买当日净值确认。',
  'invalid.acknowledge': '请阅读产品说明书和风险揭示书后勾选。',
  'invalid.qualified': '该产品仅面向合格投资者。',
};

export const investBuyMessages: Catalogue<InvestBuyMessage> = { en, 'zh-CN': zhCN };
