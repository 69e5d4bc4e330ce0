import { define } from '../core/define.ts';
import { BankMerchantOnboard } from './bank-merchant-onboard.ts';

define('bank-merchant-onboard', BankMerchantOnboard);
