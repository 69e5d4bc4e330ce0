import type { Catalogue } from './locale.ts';

const en = {
  loading: 'Connecting to the bank…',
  logIn: 'Log in',
  logOut: 'Log out',
  loggedInAs: 'Logged in as {name}',
  loginDialog: 'Bank login',
  retry: 'Try again',
  'error.invalid_attribute': 'This element is set up wrongly: {detail}',
  'error.config_invalid': 'The bank SDK is set up wrongly: {detail}',
  'error.token_fetch_failed': 'Could not reach the bank. Please try again later.',
  'error.origin_not_allowed': 'This website is not allowed to use the bank’s services.',
  'error.network': 'Could not reach the bank. Check your connection and try again.',
  'error.session_expired': 'Your bank session has expired. Please log in again.',
  'error.not_found': 'The bank could not find this order.',
  'error.insufficient_funds': 'Not enough money in the account.',
  'error.limit_exceeded': 'This exceeds the account’s limit.',
  'error.account_frozen': 'The account is frozen. Please contact the bank.',
  'error.invalid_credentials': 'The PIN or password you entered is wrong.',
  'error.locked': 'Too many wrong attempts: access is locked. Please contact the bank.',
  'error.declined': 'The bank declined the request.',
  'error.invalid_request': 'The bank could not accept the request.',
  'error.already_paid': 'This order is already paid.',
  'error.order_cancelled': 'This order was cancelled and cannot be paid.',
  'error.duplicate_application': 'You already have an open application for this.',
  'error.internal': 'Something went wrong at the bank. Please try again later.',
  developerHint: 'For the developer (sandbox only): {detail}',
};

export type PartnerMessage = keyof typeof en;

const zhCN: Record<PartnerMessage, string> = {
  loading: '正在连接银行…',
  logIn: '登录',
  logOut: '退出登录',
  loggedInAs: '已登录：{name}',
  loginDialog: '银行登录',
  retry: '重试',
  'error.invalid_attribute': '组件配置有误：{detail}',
  'error.config_invalid': '银行 SDK 配置有误：{detail}',
  'error.token_fetch_failed': '暂时无法连接银行，请稍后再试。',
  'error.origin_not_allowed': '本网站未获准使用银行服务。',
  'error.network': '无法连接银行，请检查网络后重试。',
  'error.session_expired': '银行会话已过期，请重新登录。',
  'error.not_found': '银行找不到该订单。',
  'error.insufficient_funds': '账户余额不足。',
  'error.limit_exceeded': '超出账户限额。',
  'error.account_frozen': '账户已冻结，请联系银行。',
  'error.invalid_credentials': '密码或支付密码错误。',
  'error.locked': '错误次数过多，已被锁定，请联系银行。',
  'error.declined': '银行拒绝了该请求。',
  'error.invalid_request': '银行无法受理该请求。',
  'error.already_paid': '该订单已支付。',
  'error.order_cancelled': '该订单已取消，无法支付。',
  'error.duplicate_application': '您已有一笔进行中的同类申请。',
  'error.internal': '银行系统出现问题，请稍后再试。',
  developerHint: '开发者提示（仅沙箱环境显示）：{detail}',
};

/** What the partner-side elements say, complete in both locales. Error texts are by `bank-error` code. */
export const partnerMessages: Catalogue<PartnerMessage> = { en, 'zh-CN': zhCN };
