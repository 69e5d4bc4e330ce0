import { BankEvent, type BankEventDetails } from '../core/events.ts';

/** `<bank-account-open>`'s contract events (CONTRACT §3), in its own chunk: pages without it do not download them. */
export class BankAccountOpenedEvent extends BankEvent<'bank-account-opened'> {
  constructor(detail: BankEventDetails['bank-account-opened']) {
    super('bank-account-opened', detail);
  }
}
