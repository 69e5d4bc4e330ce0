import { BankEvent, type BankEventDetails } from '../core/events.ts';

/** `<bank-loan-apply>`'s contract events (CONTRACT §3), in its own chunk: pages without it do not download them. */
export class BankLoanSubmittedEvent extends BankEvent<'bank-loan-submitted'> {
  constructor(detail: BankEventDetails['bank-loan-submitted']) {
    super('bank-loan-submitted', detail);
  }
}
