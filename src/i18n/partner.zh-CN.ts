import type { PartnerMessage } from './partner.en.ts';

/** What the partner-side elements say in Chinese (its own chunk: a page downloads only its locale's texts). */
const zhCN: Record<PartnerMessage, string> = {
  loading: '正在连接银行…',
  logIn: '登录',
  loginDialog: '银行登录',
  retry: '重试',
  bridgeTitle: '银行连接',
  'attr.locale': 'locale属性“{value}”必须是“en”或“zh-CN”',
  'error.invalid_attribute': '组件配置有误：{detail}',
  'error.config_invalid': '银行SDK配置有误：{detail}',
  'error.token_fetch_failed': '暂时无法连接银行，请稍后再试。',
  'error.origin_not_allowed': '本网站未获准使用银行服务。',
  'error.network': '无法连接银行，请检查网络后重试。',
  'error.session_expired': '银行会话已过期，请重新登录。',
  'error.not_found': '银行找不到该订单。',
  'error.invalid_credentials': '密码或支付密码错误。',
  'error.locked': '错误次数过多，已暂时锁定，请稍后再试。',
  'error.declined': '银行拒绝了该请求。',
  'error.invalid_request': '银行无法受理该请求。',
  'error.internal': '银行系统出现问题，请稍后再试。',
  'error.bank_unavailable': '银行服务暂时不可用，请几分钟后再试。',
  'error.rate_limited': '操作过于频繁，请稍等一分钟后再试。',
  'error.verification_failed': '银行无法核验所填信息。',
  developerHint: '开发者提示（仅沙箱环境显示）：{detail}',
  close: '关闭',
};

export default zhCN;
