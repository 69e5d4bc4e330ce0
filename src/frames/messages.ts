import type { Catalogue } from '../i18n/locale.ts';

const en = {
  loginTitle: 'Bank login',
  phone: 'Phone number',
  password: 'Password',
  logIn: 'Log in',
  smsCode: 'SMS code',
  verify: 'Verify',
  codeSent: 'We sent a 6-digit code by SMS to {phone}.',
  cancel: 'Cancel',
  back: 'Back',
  secureNote: 'Secured by the bank. The website you came from cannot see what you type here.',
  working: 'Please wait…',
  'invalid.phone': 'Enter an 11-digit mobile phone number.',
  'invalid.password': 'Enter your password.',
  'invalid.code': 'Enter the 6-digit code.',
  'error.invalid_credentials': 'The phone number or password is wrong.',
  'error.invalid_code': 'The SMS code is wrong.',
  'error.locked': 'Too many wrong attempts: access is locked. Please contact the bank.',
  'error.session_expired': 'This step has expired. Please start again.',
  'error.network': 'Could not reach the bank. Check your connection and try again.',
  'error.origin_not_allowed': 'This bank window was opened by a website it does not belong to.',
  'error.other': 'Something went wrong at the bank. Please try again later.',
};

export type FrameMessage = keyof typeof en;

const zhCN: Record<FrameMessage, string> = {
  loginTitle: '银行登录',
  phone: '手机号',
  password: '密码',
  logIn: '登录',
  smsCode: '短信验证码',
  verify: '验证',
  codeSent: '6 位验证码已通过短信发送至 {phone}。',
  cancel: '取消',
  back: '返回',
  secureNote: '由银行提供安全保护，您来自的网站无法看到您在此输入的内容。',
  working: '请稍候…',
  'invalid.phone': '请输入 11 位手机号。',
  'invalid.password': '请输入密码。',
  'invalid.code': '请输入 6 位验证码。',
  'error.invalid_credentials': '手机号或密码错误。',
  'error.invalid_code': '短信验证码错误。',
  'error.locked': '错误次数过多，已被锁定，请联系银行。',
  'error.session_expired': '操作已过期，请重新开始。',
  'error.network': '无法连接银行，请检查网络后重试。',
  'error.origin_not_allowed': '此银行窗口由不属于它的网站打开。',
  'error.other': '银行系统出现问题，请稍后再试。',
};

/** Everything the bank's frames say, complete in both locales. */
export const frameMessages: Catalogue<FrameMessage> = { en, 'zh-CN': zhCN };
