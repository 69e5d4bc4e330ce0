import type { Catalogue } from '../../i18n/locale.ts';

/** What the `Buy` frame's risk assessment says, complete in both locales (in the assessment's lazy chunk). */
const en = {
  assessTitle: 'Risk assessment',
  assessIntro: 'Before you buy, the bank must know how much risk suits you. Your answers stay with the bank.',
  assessExpiredIntro: 'Your last risk assessment is more than 12 months old, so please answer these questions again.',
  seeResult: 'See my result',
  answerAll: 'Answer every question ({n} left).',
  resultTitle: 'Your result: {level}',
  resultAllows: 'You may buy products rated up to {risk}.',
};

export type AssessmentMessage = keyof typeof en;

const zhCN: Record<AssessmentMessage, string> = {
  assessTitle: '风险测评',
  assessIntro: '购买前，银行需要了解适合您的风险水平。您的回答仅保存在银行。',
  assessExpiredIntro: '您上次风险测评已超过12个月，请重新回答以下问题。',
  seeResult: '查看测评结果',
  answerAll: '请回答所有问题（还有{n}题）。',
  resultTitle: '您的测评结果：{level}',
  resultAllows: '您可以购买风险等级不高于{risk}的产品。',
};

export const assessmentMessages: Catalogue<AssessmentMessage> = { en, 'zh-CN': zhCN };
