import { define } from '../core/define.ts';
import { BankDataConsent } from './bank-data-consent.ts';

define('bank-data-consent', BankDataConsent);
