import type { Catalogue } from '../../i18n/locale.ts';

/**
 * What the `Accounts` frame says, complete in both locales (its own chunk: other frames don't load it). Errors it
 * explains like every frame (an expired session, a refused request…) are in common/messages.ts.
 */
const en = {
  'class.I': 'Class I debit account',
  'class.II': 'Class II account',
  'class.III': 'Class III account',
  balance: 'Balance',
  today: 'Today',
  thisYear: 'This year',
  usedLeft: '{used} used, {left} left',
  balanceCap: 'Holds at most {cap}',
  boundCard: 'Bound card {card}',
  transactions: 'Transactions',
  date: 'Date',
  description: 'Description',
  amountCol: 'Amount',
  balanceAfter: 'Balance {balance}',
  noTransactions: 'No transactions yet',
  loadMore: 'Load more',
  addMoney: 'Add money',
  statementMonth: 'Statement month',
  downloadStatement: 'Download statement',
  noAccounts: 'You have no account at this bank yet.',
  loadFailed: 'Could not load your accounts.',
  retry: 'Try again',
};

export type AccountMessage = keyof typeof en;

const zhCN: Record<AccountMessage, string> = {
  'class.I': 'I类借记账户',
  'class.II': 'II类账户',
  'class.III': 'III类账户',
  balance: '余额',
  today: '今日',
  thisYear: '本年',
  usedLeft: '已用{used}，剩余{left}',
  balanceCap: '余额上限{cap}',
  boundCard: '绑定卡{card}',
  transactions: '交易明细',
  date: '日期',
  description: '摘要',
  amountCol: '金额',
  balanceAfter: '余额{balance}',
  noTransactions: '暂无交易',
  loadMore: '加载更多',
  addMoney: '转入',
  statementMonth: '对账单月份',
  downloadStatement: '下载对账单',
  noAccounts: '您在本行还没有账户。',
  loadFailed: '无法加载您的账户。',
  retry: '重试',
};

export const accountMessages: Catalogue<AccountMessage> = { en, 'zh-CN': zhCN };
