import { BankEvent, type BankEventDetails } from '../core/events.ts';

/** `<bank-merchant-onboard>`'s contract events (CONTRACT §3), in its own chunk: pages without it do not download them. */
export class BankMerchantVerifiedEvent extends BankEvent<'bank-merchant-verified'> {
  constructor(detail: BankEventDetails['bank-merchant-verified']) {
    super('bank-merchant-verified', detail);
  }
}
