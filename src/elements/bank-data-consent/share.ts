import type { BankCore, FrameResult, SessionState } from '../core/context.ts';
import type { BankDataConsent } from './bank-data-consent.ts';
import { BankConsentDeclinedEvent, BankConsentGrantedEvent } from './events.ts';

/**
 * What `<bank-data-consent>`'s Share does, once pressed: a lazy chunk, fetched on a first pointer down or focus on
 * Share, or on the click, once a page (bank-data-consent.ts).
 */

/** The element's members sharing works with: it is part of the element, in a chunk of its own. */
interface Sharing {
  claims?: string;
  granted?: { createdAt: string; expiresAt: string };
  session?: SessionState;
  bank: BankCore;
  emit(event: Event): void;
  openSecureFrame(name: string, titleKey: string, params?: Record<string, string>): Promise<FrameResult>;
}

/** Login first if nobody is, then the bank's `Share data` frame: granted, or declined (closing declines too). */
export async function share(element: BankDataConsent, purpose: string) {
  const consent = element as unknown as Sharing;
  if (!consent.session?.customer) {
    consent.bank.act(element);
    if (!(await consent.openSecureFrame('login', 'loginDialog'))) {
      consent.emit(new BankConsentDeclinedEvent({ purpose }));
      return;
    }
  }
  const result = await consent.openSecureFrame('consent', 'consentDialog', { purpose, claims: consent.claims! });
  if (result?.outcome === 'granted' && typeof result.consentId === 'string' && typeof result.expiresAt === 'string') {
    consent.granted = { createdAt: String(result.createdAt), expiresAt: result.expiresAt };
    consent.emit(new BankConsentGrantedEvent({ consentId: result.consentId, purpose, expiresAt: result.expiresAt }));
  } else {
    consent.emit(new BankConsentDeclinedEvent({ purpose }));
  }
}
