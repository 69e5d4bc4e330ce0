import type { Catalogue } from '../../i18n/locale.ts';

const en = {
  verifyBusiness: 'Verify business',
  merchantDialog: 'Merchant verification',
  'status.unverified': 'Not verified by the bank yet. Verify to receive payments and payouts.',
  'status.pending': 'The bank is checking the details.',
  'status.verified': 'Verified by the bank.',
  'status.rejected': 'The bank could not verify this merchant.',
  'reason.settlement_account_check_failed': 'The settlement account failed the bank’s account check. Try another account.',
  'type.business': 'Business',
  'type.individual': 'Individual landlord',
  'error.merchant_unverified': 'This merchant is not verified by the bank yet.',
};

export type MerchantOnboardMessage = keyof typeof en;

const zhCN: Record<MerchantOnboardMessage, string> = {
  verifyBusiness: '认证商户',
  merchantDialog: '商户认证',
  'status.unverified': '尚未通过银行认证。认证后即可收款和提现。',
  'status.pending': '银行正在审核资料。',
  'status.verified': '已通过银行认证。',
  'status.rejected': '银行未能认证该商户。',
  'reason.settlement_account_check_failed': '结算账户未通过银行的账户核验，请换一个账户。',
  'type.business': '企业',
  'type.individual': '个人房东',
  'error.merchant_unverified': '该商户尚未通过银行认证。',
};

/** What <bank-merchant-onboard> says, complete in both locales (in its own chunk). */
export const merchantOnboardMessages: Catalogue<MerchantOnboardMessage> = { en, 'zh-CN': zhCN };
