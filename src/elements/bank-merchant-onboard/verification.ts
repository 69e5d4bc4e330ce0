import type { MerchantState } from '../../protocol/post-message.ts';
import type { BankCore, FrameResult, SessionState } from '../core/context.ts';
import type { BankMerchantOnboard } from './bank-merchant-onboard.ts';
import { BankMerchantVerifiedEvent } from './events.ts';

/**
 * What `<bank-merchant-onboard>`'s Verify does, once pressed: a lazy chunk, fetched on a first pointer down or
 * focus on the button, or on the click, once a page (bank-merchant-onboard.ts).
 */

/** The element's members verification works with: it is part of the element, in a chunk of its own. */
interface Verification {
  merchant?: MerchantState;
  session?: SessionState;
  bank: BankCore;
  emit(event: Event): void;
  openSecureFrame(name: string, titleKey: string, params?: Record<string, string>): Promise<FrameResult>;
}

/** Login first (the bank checks that the legal representative is the customer logged in), then the bank's frame. */
export async function verify(element: BankMerchantOnboard, merchant: MerchantState) {
  const onboarding = element as unknown as Verification;
  if (!onboarding.session?.customer) {
    onboarding.bank.act(element);
    if (!(await onboarding.openSecureFrame('login', 'loginDialog'))) return;
  }
  const result = await onboarding.openSecureFrame('merchant', 'merchantDialog', { merchant: merchant.merchantId });
  if (!result) return;
  const status = result.status as MerchantState['status'];
  onboarding.merchant = { ...merchant, status, ...(typeof result.reason === 'string' ? { reason: result.reason } : {}) };
  if (status === 'verified' || status === 'pending') {
    onboarding.emit(new BankMerchantVerifiedEvent({ merchantId: merchant.merchantId, status }));
  }
}
