import { define } from '../core/define.ts';
import { BankLogin } from './bank-login.ts';

define('bank-login', BankLogin);
