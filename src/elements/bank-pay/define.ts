import { define } from '../core/define.ts';
import { BankPay } from './bank-pay.ts';

define('bank-pay', BankPay);
