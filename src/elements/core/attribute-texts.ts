/**
 * Every element's texts for its attribute problems (`attr.*`, in each element's `attribute-messages.ts`), as one
 * lazy chunk that an element fetches only when one of its attributes is wrong (`BankElement.attributeMessages`).
 * One chunk, not one per element: a page set up right never fetches it, and the pinned release's loader carries a
 * hash for every chunk (about 0.1 KB each).
 */
export { attributeMessages as accountOpen } from '../bank-account-open/attribute-messages.ts';
export { attributeMessages as consent } from '../bank-data-consent/attribute-messages.ts';
export { attributeMessages as invest } from '../bank-invest/attribute-messages.ts';
export { attributeMessages as loan } from '../bank-loan-apply/attribute-messages.ts';
export { attributeMessages as merchantOnboard } from '../bank-merchant-onboard/attribute-messages.ts';
export { attributeMessages as pay } from '../bank-pay/attribute-messages.ts';
