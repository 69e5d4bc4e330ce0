import { define } from '../core/define.ts';
import { BankAccount } from './bank-account.ts';

define('bank-account', BankAccount);
