import { BankEvent, type BankEventDetails } from '../core/events.ts';

/** `<bank-pay>`'s contract events (CONTRACT §3), in its own chunk: pages without it do not download them. */
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
