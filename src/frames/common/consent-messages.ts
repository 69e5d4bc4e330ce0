/**
 * The words of data sharing, shared by the `Share data` dialog and the `Data sharing` list: purposes and claims
 * in plain words (what only the dialog says is in consent/messages.ts). This is consent text (version `consentTextVersion` in src/domain/claims.ts): change the
 * version with the words. (No domain imports: the claims arrive normalised from the bank, and the dialog frame
 * stays within its size budget.)
 */
import { format, type Catalogue, type Locale } from '../../i18n/locale.ts';

const en = {
  'purpose.rental-screening': 'Tenant screening for a rental, for example to waive the deposit',
  'purpose.car-rental-deposit-waiver': 'Waiving the deposit for a car rental',
  'purpose.renovation-financing': 'Offering you financing for a renovation',
  'claim.identity': 'Are you real-name verified by the bank?',
  'claim.income-at-least': 'Is your average monthly income over the last 6 months at least {amount}?',
  'claim.balance-at-least': 'Is the total balance of your accounts at this bank at least {amount}?',
};

export type ConsentText = keyof typeof en;

const zhCN: Record<ConsentText, string> = {
  'purpose.rental-screening': '租房资质审核，例如免除押金',
  'purpose.car-rental-deposit-waiver': '租车免押金',
  'purpose.renovation-financing': '为您提供装修分期融资',
  'claim.identity': '您是否已在本行完成实名认证？',
  'claim.income-at-least': '您近6个月的月均收入是否不低于{amount}？',
  'claim.balance-at-least': '您在本行各账户的总余额是否不低于{amount}？',
};

export const consentTexts: Catalogue<ConsentText> = { en, 'zh-CN': zhCN };

export function consentText(locale: Locale, key: ConsentText, params?: Record<string, string | number>) {
  return format(consentTexts[locale][key], params);
}

export function purposeText(locale: Locale, purpose: string) {
  const key = `purpose.${purpose}` as ConsentText;
  return key in consentTexts.en ? consentText(locale, key) : purpose;
}

/** A normalised claim key from the bank (`income-at-least:10500.00`) as the question the customer is asked. */
export function claimQuestion(locale: Locale, key: string) {
  const amount = /^(balance-at-least|income-at-least):(\d+\.\d{2})$/.exec(key);
  if (!amount) return key === 'identity' ? consentText(locale, 'claim.identity') : key;
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol' });
  return consentText(locale, `claim.${amount[1]}` as ConsentText, { amount: money.format(Number(amount[2])) });
}

export function formatDate(locale: Locale, iso: string | number) {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(iso));
}
