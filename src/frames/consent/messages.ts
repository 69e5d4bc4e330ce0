/**
 * What only the `Share data` dialog says, complete in both locales: consent text (version `consentTextVersion` in
 * src/domain/claims.ts), like the purposes and questions in common/consent-messages.ts: change the version with
 * the words.
 */
import type { Catalogue } from '../../i18n/locale.ts';

const en = {
  recipient: 'Recipient',
  contact: 'Contact',
  purpose: 'Purpose',
  questions: 'Questions the bank answers',
  onlyYesNo: 'Only a yes or no answer to each question is shared — never your income, balances, transactions or ID number.',
  validity: 'Valid for {days} days, until {date}. The answers are as of today.',
  withdraw: 'You can withdraw this consent at any time in your bank account, under Data sharing. {app} is told at once.',
  agree: 'I agree to share this with {app}',
  agreeNeeded: "Tick the box to share, or choose Don't share.",
  share: 'Share',
  // The contract fixes this name with a plain apostrophe: partners find the button by it.
  dontShare: "Don't share",
};

export type ConsentDialogText = keyof typeof en;

const zhCN: Record<ConsentDialogText, string> = {
  recipient: '接收方',
  contact: '联系方式',
  purpose: '用途',
  questions: '银行将回答的问题',
  onlyYesNo: '每个问题只共享“是”或“否”——绝不共享您的收入、余额、交易明细或身份证号。',
  validity: '有效期{days}天，至{date}。答案以今天的数据为准。',
  withdraw: '您可随时在银行账户的“数据共享”中撤回本授权，{app}会立即收到通知。',
  agree: '我同意向{app}共享以上信息',
  agreeNeeded: '请勾选同意后共享，或选择“不共享”。',
  share: '共享',
  dontShare: '不共享',
};

export const consentDialogTexts: Catalogue<ConsentDialogText> = { en, 'zh-CN': zhCN };
