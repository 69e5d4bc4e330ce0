import type { Catalogue } from '../../i18n/locale.ts';

const en = {
  share: 'Share my data',
  consentDialog: 'Share data',
  hint: 'The bank asks you first and shares only yes/no answers, never amounts.',
  shared: 'Shared on {created} · valid until {expires}',
  'error.purpose_not_allowed': 'This website may not ask for data for this purpose.',
  'error.invalid_claim': 'This data request is set up wrongly: {detail}',
};

export type ConsentMessage = keyof typeof en;

const zhCN: Record<ConsentMessage, string> = {
  share: '共享我的数据',
  consentDialog: '共享数据',
  hint: '银行会先征得您的同意，只共享“是/否”结果，不共享任何金额。',
  shared: '已于{created}共享 · 有效期至{expires}',
  'error.purpose_not_allowed': '本网站无权以此用途申请数据。',
  'error.invalid_claim': '数据授权请求配置有误：{detail}',
};

/** What <bank-data-consent> says, complete in both locales (in its own chunk). */
export const consentMessages: Catalogue<ConsentMessage> = { en, 'zh-CN': zhCN };
