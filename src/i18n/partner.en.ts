/** What the partner-side elements say in English (its own chunk: a page downloads only its locale's texts). */
const en = {
  loading: 'Connecting to the bank…',
  logIn: 'Log in',
  loginDialog: 'Bank login',
  retry: 'Try again',
  bridgeTitle: 'Bank connection',
  'attr.locale': 'locale "{value}" must be "en" or "zh-CN"',
  'error.invalid_attribute': 'This element is set up wrongly: {detail}',
  'error.config_invalid': 'The bank SDK is set up wrongly: {detail}',
  'error.token_fetch_failed': 'Could not reach the bank. Please try again later.',
  'error.origin_not_allowed': 'This website is not allowed to use the bank’s services.',
  'error.network': 'Could not reach the bank. Check your connection and try again.',
  'error.session_expired': 'Your bank session has expired. Please log in again.',
  'error.not_found': 'The bank could not find this order.',
  'error.invalid_credentials': 'The PIN or password you entered is wrong.',
  'error.locked': 'Too many wrong attempts: locked for a while. Please try again later.',
  'error.declined': 'The bank declined the request.',
  'error.invalid_request': 'The bank could not accept the request.',
  'error.internal': 'Something went wrong at the bank. Please try again later.',
  'error.bank_unavailable': 'The bank is not available right now. Please try again in a few minutes.',
  'error.rate_limited': 'Too many requests in a short time. Please wait a minute and try again.',
  'error.verification_failed': 'The bank could not verify these details.',
  developerHint: 'For the developer (sandbox only): {detail}',
  close: 'Close',
};

export type PartnerMessage = keyof typeof en;

export default en;
