import type { Catalogue } from '../../i18n/locale.ts';

const en = {
  merchantTitle: 'Merchant verification',
  businessName: 'Business name',
  creditCode: 'Unified social credit code',
  creditCodeHint: 'The 18 characters on the business licence.',
  representative: 'Legal representative',
  representativeId: 'Legal representative ID number',
  settlementAccount: 'Settlement account number',
  settlementHint: 'Payments and payouts go to this account. It must be in the merchant’s own name.',
  representativeHint: 'You must be the legal representative, logged in with your own bank login.',
  submit: 'Submit',
  close: 'Close',
  alreadyVerified: 'This merchant is already verified.',
  alreadyPending: 'The bank is already checking this merchant.',
  'invalid.businessName': 'Enter the business name as on the licence.',
  'invalid.creditCode': 'This unified social credit code is not valid: check the 18 characters.',
  'invalid.representative': 'Enter the legal representative’s full name.',
  'invalid.settlementAccount': 'This account number is not valid. Check it and try again.',
  'error.verification_failed': 'The legal representative must be you, with your own name and ID number.',
  'error.not_found': 'The bank could not find this merchant.',
};

export type MerchantFrameMessage = keyof typeof en;

const zhCN: Record<MerchantFrameMessage, string> = {
  merchantTitle: '商户认证',
  businessName: '企业名称',
  creditCode: '统一社会信用代码',
  creditCodeHint: '营业执照上的18位代码。',
  representative: '法定代表人',
  representativeId: '法定代表人身份证号',
  settlementAccount: '结算账户号',
  settlementHint: '收款和提现都进入该账户，账户须为商户本人（本企业）名下。',
  representativeHint: '须由法定代表人本人登录银行账号办理。',
  submit: '提交',
  close: '关闭',
  alreadyVerified: '该商户已通过认证。',
  alreadyPending: '银行正在审核该商户。',
  'invalid.businessName': '请输入营业执照上的企业名称。',
  'invalid.creditCode': '统一社会信用代码无效，请核对18位字符。',
  'invalid.representative': '请输入法定代表人姓名。',
  'invalid.settlementAccount': '账户号无效，请核对后重试。',
  'error.verification_failed': '法定代表人须为您本人，姓名和身份证号须与您本人一致。',
  'error.not_found': '银行找不到该商户。',
};

/** The `Merchant verification` frame's own texts, complete in both locales. */
export const merchantFrameMessages: Catalogue<MerchantFrameMessage> = { en, 'zh-CN': zhCN };
