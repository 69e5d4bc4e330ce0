import type { Catalogue } from './locale.ts';
import en, { type PartnerMessage } from './partner.en.ts';
import zhCN from './partner.zh-CN.ts';

export type { PartnerMessage };

/**
 * What the partner-side elements say, complete in both locales. Error texts are by `bank-error` code.
 * Both at once, for tests and tools; the elements load one locale at a time (`src/i18n/partner-catalogue.ts`).
 */
export const partnerMessages: Catalogue<PartnerMessage> = { en, 'zh-CN': zhCN };
