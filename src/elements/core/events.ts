import type { PublicErrorCode } from '../../protocol/errors.ts';
import type { BankErrorCode, BankEventDetails } from '../../types/public.ts';

export type { BankEventDetails };

/** The error table's public codes and the published types name the same codes (a compile-time check). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type ErrorCodesAgree = Assert<Same<PublicErrorCode, BankErrorCode>>;

/**
 * The contract's events (CONTRACT §3), one class each, with typed `detail`: here the ones every element fires
 * and the session's; each element's own are in its folder (`<tag>/events.ts`), in its chunk. They bubble and are composed, and
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
