import type { Catalogue } from '../i18n/locale.ts';

const en = {
  'months.one': '{n} month',
  'months.other': '{n} months',
  existingApplication: 'You already have an application for this ({status}): there is no need to apply again.',
  'status.approved': 'approved',
  'status.pending': 'under review',
  close: 'Close',
};

export type LoanMessage = keyof typeof en;

const zhCN: Record<LoanMessage, string> = {
  'months.one': '{n}个月',
  'months.other': '{n}个月',
  existingApplication: '您已有一笔同类申请（{status}），无需重复申请。',
  'status.approved': '已批准',
  'status.pending': '审核中',
  close: '关闭',
};

/** What only the `Loan application` frame says (in its own bundle), complete in both locales; the rest is in messages.ts. */
export const loanFrameMessages: Catalogue<LoanMessage> = { en, 'zh-CN': zhCN };
