/**
 * Partner-page markup shared by the benchmark (test/bench.ts) and the many-elements e2e test
 * (test/e2e/many-elements.spec.ts): one valid instance of every element kind, and a page of many mixed ones.
 */
import { elementTags, type ElementTag } from '../../src/elements/tags.ts';

/** What the partner's server created for the page: `<bank-pay>` needs its own order, `<bank-merchant-onboard>` a merchant. */
export interface PartnerIds {
  orderId: string;
  merchantId: string;
}

/** Every tag with valid attributes (CONTRACT §3), as a partner would write it. Every one fires `bank-ready` logged out. */
export const elementMarkup: Record<ElementTag, (ids: PartnerIds) => string> = {
  'bank-login': () => '<bank-login></bank-login>',
  'bank-pay': ({ orderId }) => `<bank-pay order-id="${orderId}"></bank-pay>`,
  'bank-loan-apply': () => '<bank-loan-apply product="rent-loan" amount="36000" term="12"></bank-loan-apply>',
  'bank-account-open': () => '<bank-account-open account-class="II"></bank-account-open>',
  'bank-account': () => '<bank-account></bank-account>',
  'bank-invest': () => '<bank-invest></bank-invest>',
  'bank-data-consent': () => '<bank-data-consent purpose="rental-screening" claims="identity income-at-least:10500"></bank-data-consent>',
  'bank-merchant-onboard': ({ merchantId }) => `<bank-merchant-onboard merchant-id="${merchantId}"></bank-merchant-onboard>`,
};

/** `count` element kinds taking turns through every tag (50 → 7 × login and pay, 6 × each of the others). */
export const mixedKinds = (count: number): ElementTag[] => Array.from({ length: count }, (_, i) => elementTags[i % elementTags.length]!);

/** The markup of a page of `kinds`, each `<bank-pay>` with the next of `orderIds` (one real order each). */
export function mixedMarkup(kinds: ElementTag[], orderIds: string[], merchantId: string): string {
  let next = 0;
  return kinds
    .map((tag) => elementMarkup[tag]({ orderId: tag === 'bank-pay' ? orderIds[next++]! : '', merchantId }))
    .join('\n');
}
