import type { Catalogue } from '../../i18n/locale.ts';

const en = {
  period: 'Month',
  payment: 'Payment',
  principal: 'Principal',
  interest: 'Interest',
  remaining: 'Remaining',
  newApplication: 'Start a new application',
  'decision.approved': 'Approved',
  'decision.pending': 'Under review: the bank will let you know.',
  'decision.declined': 'Declined',
  applicationId: 'Application ID',
};

export type AfterActionMessage = keyof typeof en;

const zhCN: Record<AfterActionMessage, string> = {
  period: '期数',
  payment: '还款额',
  principal: '本金',
  interest: '利息',
  remaining: '剩余本金',
  newApplication: '发起新的申请',
  'decision.approved': '已批准',
  'decision.pending': '审核中，银行会通知您结果。',
  'decision.declined': '未通过',
  applicationId: '申请编号',
};

/**
 * What <bank-loan-apply> shows only after the customer acted (the schedule's column heads, the decision), complete
 * in both locales: in the lazy chunk of after-action.ts, not in the element's.
 */
export const afterActionMessages: Catalogue<AfterActionMessage> = { en, 'zh-CN': zhCN };
