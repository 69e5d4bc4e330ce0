import { createContext } from '@lit/context';
import type { Locale } from '../../i18n/locale.ts';
import type { CustomerDisplay, SdkError } from '../../protocol/post-message.ts';

/** The SDK's configuration as the elements see it: no secrets. */
export interface SdkConfig {
  appId: string;
  locale: Locale;
  /** The origin the script was loaded from: the only bank this page talks to. */
  bankOrigin: string;
  /** `…/sdk/v1/` on the bank origin. */
  base: string;
  /** Set when the script tag is wrong; every element shows it. */
  error: SdkError | null;
  /** Counts the page's changes of language or look (`watchPage` in sdk.ts): elements render again, frames follow. */
  revision?: number;
}

/** Session *display* state shared by every element on the page. The token itself never leaves the bank's frames. */
export interface SessionState {
  status: 'starting' | 'ready' | 'error';
  customer: CustomerDisplay | null;
  error: SdkError | null;
}

// String keys, so that contexts match even if two copies of this module were ever loaded.
export const configContext = createContext<SdkConfig>('bank-sdk/config');
export const sessionContext = createContext<SessionState>('bank-sdk/session');
