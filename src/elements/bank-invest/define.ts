import { define } from '../core/define.ts';
import { BankInvest } from './bank-invest.ts';

define('bank-invest', BankInvest);
