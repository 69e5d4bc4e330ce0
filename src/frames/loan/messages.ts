import type { Catalogue } from '../../i18n/locale.ts';

const en = {
  'months.one': '{n} month',
  'months.other': '{n} months',
  existingApplication: 'You already have an application for this ({status}): there is no need to apply again.',
  'status.approved': 'approved',
  'status.pending': 'under review',
  close: 'Close',
  loanTitle: 'Loan application',
  'product.rent-loan': 'Rent loan',
  'product.renovation-loan': 'Renovation loan',
  'product.merchant-loan': 'Merchant loan',
  loanSummary: '{amount} over {term} · APR {apr}% · {payment} a month',
  merchantOffer: 'Credit offer for this business: up to {limit} at APR {apr}%, from its settled sales {from} to {to}.',
  monthlyIncome: 'Monthly income',
  employer: 'Employer',
  consent: 'I authorize a credit check',
  consentHint: 'The bank checks your credit record with the credit reference center to decide on this application.',
  submitApplication: 'Submit application',
  'invalid.monthlyIncome': 'Enter your monthly income, like 12000.',
  'invalid.employer': 'Enter your employer.',
  'invalid.consent': 'The bank can only decide with your authorization for a credit check.',
};

export type LoanMessage = keyof typeof en;

const zhCN: Record<LoanMessage, string> = {
  'months.one': '{n}个月',
  'months.other': '{n}个月',
  existingApplication: '您已有一笔同类申请（{status}），无需重复申请。',
  'status.approved': '已批准',
  'status.pending': '审核中',
  close: '关闭',
  loanTitle: '贷款申请',
  'product.rent-loan': '租金贷',
  'product.renovation-loan': '装修贷',
  'product.merchant-loan': '经营贷',
  loanSummary: '{amount}，{term} · 年化利率{apr}% · 每月{payment}',
  merchantOffer: '该商户的授信额度：最高{limit}，年化利率{apr}%，依据{from}至{to}的已结算销售额。',
  monthlyIncome: '月收入',
  employer: '工作单位',
  consent: '本人授权银行查询征信',
  consentHint: '银行将向征信中心查询您的信用报告，用于审批本次申请。',
  submitApplication: '提交申请',
  'invalid.monthlyIncome': '请输入月收入，例如12000。',
  'invalid.employer': '请输入工作单位。',
  'invalid.consent': '须经您授权查询征信，银行才能审批。',
};

/** What only the `Loan application` frame says (in its own bundle), complete in both locales; the rest is in messages.ts. */
export const loanFrameMessages: Catalogue<LoanMessage> = { en, 'zh-CN': zhCN };
