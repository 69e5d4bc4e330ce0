import type { PublicErrorCode } from '../../protocol/errors.ts';
import type { BankErrorCode, BankEventDetails } from '../../types/public.ts';

export type { BankEventDetails };

/** The error table's public codes and the published types name the same codes (a compile-time check). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type ErrorCodesAgree = Assert<Same<PublicErrorCode, BankErrorCode>>;

/**
 * The contract's events (CONTRACT §3), each made by `bankEvent(type, detail)` with the `detail` its type names
 * (`BankEventDetails`, the published types). They bubble and are composed, and `detail` is a plain JSON-safe object:
 * ids and display data only, never a token, code or full account number. They are `CustomEvent`s, so
 * `event.detail` and `instanceof CustomEvent` work as partners expect.
 *
 * @example
 * document.addEventListener('bank-pay-success', (event) => confirmOnServer(event.detail.orderId));
 */
export type BankEventType = keyof BankEventDetails;

/** An SDK event: a `CustomEvent` whose `type` names its `detail`. */
export type BankEvent<K extends BankEventType = BankEventType> = CustomEvent<BankEventDetails[K]> & { readonly type: K };

/** The SDK event `type` with its `detail` (`{}` for one that carries nothing). */
export const bankEvent = <K extends BankEventType>(type: K, detail: BankEventDetails[K]): BankEvent<K> =>
  new CustomEvent(type, { detail, bubbles: true, composed: true }) as BankEvent<K>;
