import { BankEvent, type BankEventDetails } from '../core/events.ts';

/** `<bank-invest>`'s contract events (CONTRACT §3), in its own chunk: pages without it do not download them. */
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
