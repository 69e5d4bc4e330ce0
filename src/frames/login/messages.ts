import type { Catalogue } from '../../i18n/locale.ts';

const en = {
  resendCode: 'Resend code',
  resendIn: 'Resend code ({s} s)',
  codeResent: 'We sent a new code to {phone}.',
  'error.rate_limited': 'Too many requests in a short time. Please wait a minute and try again.',
  loginTitle: 'Bank login',
  logIn: 'Log in',
};

export type LoginMessage = keyof typeof en;

const zhCN: Record<LoginMessage, string> = {
  resendCode: '重新发送',
  resendIn: '重新发送（{s}秒）',
  codeResent: '新验证码已发送至{phone}。',
  'error.rate_limited': '操作过于频繁，请稍等一分钟后再试。',
  loginTitle: '银行登录',
  logIn: '登录',
};

/** What only the `Bank login` frame says (in its own bundle), complete in both locales; the rest is in messages.ts. */
export const loginFrameMessages: Catalogue<LoginMessage> = { en, 'zh-CN': zhCN };
