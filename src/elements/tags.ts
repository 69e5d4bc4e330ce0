/** The public tag names (CONTRACT §3): the single source of truth for the loader and the build. */
export const elementTags = [
  'bank-login', 'bank-pay', 'bank-loan-apply', 'bank-account-open', 'bank-account', 'bank-invest', 'bank-data-consent',
  'bank-merchant-onboard',
] as const;
export type ElementTag = (typeof elementTags)[number];
