import { define } from '../core/define.ts';
import { BankAccountOpen } from './bank-account-open.ts';

define('bank-account-open', BankAccountOpen);
