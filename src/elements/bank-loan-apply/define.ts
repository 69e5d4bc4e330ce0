import { define } from '../core/define.ts';
import { BankLoanApply } from './bank-loan-apply.ts';

define('bank-loan-apply', BankLoanApply);
