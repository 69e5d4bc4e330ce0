import type { PublicErrorCode } from '../../protocol/errors.ts';
import type { BankErrorCode, BankEventDetails } from '../../types/public.ts';

export type { BankEventDetails };

/** The error table's public codes and the published types name the same codes (a compile-time check). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type ErrorCodesAgree = Assert<Same<PublicErrorCode, BankErrorCode>>;

/**
 * The contract's events (CONTRACT §3), one class each, with typed `detail`. They bubble and are composed, and
 * `detail` is a plain JSON-safe object: ids and display data only, never a token, code or full account number.
 * They extend `CustomEvent`, so `event.detail` and `instanceof CustomEvent` work as partners expect.
 *
 * @example
 * document.addEventListener('bank-pay-success', (event) => confirmOnServer(event.detail.orderId));
 */
export type BankEventType = keyof BankEventDetails;

/** The base of every SDK event: bubbles, composed, with a typed `detail`. */
export class BankEvent<K extends BankEventType = BankEventType> extends CustomEvent<BankEventDetails[K]> {
  declare readonly type: K;
  constructor(type: K, detail: BankEventDetails[K]) {
    super(type, { detail, bubbles: true, composed: true });
  }
}

const none = {} as Record<string, never>;

export class BankReadyEvent extends BankEvent<'bank-ready'> {
  constructor() {
    super('bank-ready', none);
  }
}
export class BankErrorEvent extends BankEvent<'bank-error'> {
  constructor(detail: BankEventDetails['bank-error']) {
    super('bank-error', detail);
  }
}
export class BankCancelEvent extends BankEvent<'bank-cancel'> {
  constructor() {
    super('bank-cancel', none);
  }
}
export class BankLoginSuccessEvent extends BankEvent<'bank-login-success'> {
  constructor(detail: BankEventDetails['bank-login-success']) {
    super('bank-login-success', detail);
  }
}
export class BankLogoutEvent extends BankEvent<'bank-logout'> {
  constructor() {
    super('bank-logout', none);
  }
}
export class BankPaySuccessEvent extends BankEvent<'bank-pay-success'> {
  constructor(detail: BankEventDetails['bank-pay-success']) {
    super('bank-pay-success', detail);
  }
}
export class BankPayFailureEvent extends BankEvent<'bank-pay-failure'> {
  constructor(detail: BankEventDetails['bank-pay-failure']) {
    super('bank-pay-failure', detail);
  }
}
export class BankLoanSubmittedEvent extends BankEvent<'bank-loan-submitted'> {
  constructor(detail: BankEventDetails['bank-loan-submitted']) {
    super('bank-loan-submitted', detail);
  }
}
export class BankAccountOpenedEvent extends BankEvent<'bank-account-opened'> {
  constructor(detail: BankEventDetails['bank-account-opened']) {
    super('bank-account-opened', detail);
  }
}
export class BankInvestSuccessEvent extends BankEvent<'bank-invest-success'> {
  constructor(detail: BankEventDetails['bank-invest-success']) {
    super('bank-invest-success', detail);
  }
}
export class BankInvestRedeemedEvent extends BankEvent<'bank-invest-redeemed'> {
  constructor(detail: BankEventDetails['bank-invest-redeemed']) {
    super('bank-invest-redeemed', detail);
  }
}
export class BankConsentGrantedEvent extends BankEvent<'bank-consent-granted'> {
  constructor(detail: BankEventDetails['bank-consent-granted']) {
    super('bank-consent-granted', detail);
  }
}
export class BankConsentDeclinedEvent extends BankEvent<'bank-consent-declined'> {
  constructor(detail: BankEventDetails['bank-consent-declined']) {
    super('bank-consent-declined', detail);
  }
}
export class BankMerchantVerifiedEvent extends BankEvent<'bank-merchant-verified'> {
  constructor(detail: BankEventDetails['bank-merchant-verified']) {
    super('bank-merchant-verified', detail);
  }
}
