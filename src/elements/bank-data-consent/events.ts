import { BankEvent, type BankEventDetails } from '../core/events.ts';

/** `<bank-data-consent>`'s contract events (CONTRACT §3), in its own chunk: pages without it do not download them. */
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
