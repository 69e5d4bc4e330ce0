import type { Catalogue } from '../../i18n/locale.ts';

const en = {
  loanAmount: 'Loan amount',
  term: 'Term',
  'termMonths.one': '{n} month',
  'termMonths.other': '{n} months',
  repaymentMethod: 'Repayment method',
  'method.equal-installment': 'Equal installments',
  'method.equal-principal': 'Equal principal',
  'method.interest-first': 'Interest first, principal at the end',
  apr: 'APR',
  aprNote: 'Annual percentage rate, including all costs of the loan',
  monthlyRate: 'Monthly interest rate {rate}',
  firstPayment: 'First payment',
  typicalPayment: 'Monthly payment',
  lastPayment: 'Last payment',
  totalInterest: 'Total interest',
  totalPayment: 'Total to repay',
  schedule: 'Repayment schedule',
  apply: 'Apply',
  loanDialog: 'Loan application',
  quoting: 'Calculating…',
  amountRange: 'Enter an amount from {min} to {max}.',
  amountFormat: 'Enter an amount like 36000, 3500.50 or 3.6万.',
  amountPrecision: 'Enter the amount in yuan with at most two decimals.',
  quoteFailed: 'The bank could not calculate this loan.',
  'error.duplicate_application': 'You already have an open application for this.',
};

export type LoanMessage = keyof typeof en;

const zhCN: Record<LoanMessage, string> = {
  loanAmount: '借款金额',
  term: '期限',
  'termMonths.one': '{n}个月',
  'termMonths.other': '{n}个月',
  repaymentMethod: '还款方式',
  'method.equal-installment': '等额本息',
  'method.equal-principal': '等额本金',
  'method.interest-first': '先息后本',
  apr: '年化利率',
  aprNote: '年化利率（APR），已包含借款的全部费用',
  monthlyRate: '月利率{rate}',
  firstPayment: '首期还款',
  typicalPayment: '每月还款',
  lastPayment: '末期还款',
  totalInterest: '利息总额',
  totalPayment: '还款总额',
  schedule: '还款计划',
  apply: '申请',
  loanDialog: '贷款申请',
  quoting: '计算中…',
  amountRange: '请输入{min}至{max}之间的金额。',
  amountFormat: '请输入金额，例如36000、3500.50或3.6万。',
  amountPrecision: '金额以元为单位，最多两位小数。',
  quoteFailed: '银行暂时无法试算该贷款。',
  'error.duplicate_application': '您已有一笔进行中的同类申请。',
};

/** What <bank-loan-apply> says, complete in both locales (in its own chunk). */
export const loanMessages: Catalogue<LoanMessage> = { en, 'zh-CN': zhCN };
