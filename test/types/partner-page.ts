// A partner's TypeScript, written only against the published types (packages/types): `npm test` compiles it
// with `tsc -p test/types`. Each `@ts-expect-error` is a misuse the types must refuse; an unused one fails too.
/// <reference path="../../packages/types/index.d.ts" />
import type { BankErrorCode, BankEventDetails } from '../../packages/types/index.d.ts';

document.addEventListener('bank-pay-success', (event) => {
  const paymentId: string = event.detail.paymentId;
  const status: 'paid' = event.detail.status;
  // @ts-expect-error: a payment event carries no amount
  console.log(paymentId, status, event.detail.amount);
});

document.querySelector('bank-pay')?.addEventListener('bank-pay-failure', (event) => {
  const code: BankErrorCode = event.detail.code;
  // @ts-expect-error: codes are a closed list
  const wrong: typeof code = 'card_declined';
  console.log(wrong);
});

document.addEventListener('bank-loan-submitted', (event) => {
  const months: number = event.detail.termMonths;
  // @ts-expect-error: the APR is a decimal string, never a float
  const apr: number = event.detail.apr;
  console.log(months, apr);
});

addEventListener('bank-invest-redeemed', (event) => {
  const arrival: 'instant' | 'next-day' = event.detail.arrival;
  console.log(arrival);
});

const pay = document.createElement('bank-pay');
pay.orderId = 'ord_123';
pay.locale = 'en';
// @ts-expect-error: <bank-pay> has no amount: the partner's server decides it
pay.amount = '1.00';

const loan = document.querySelector('bank-loan-apply');
if (loan) loan.product = 'rent-loan';

async function start() {
  await window.BankSDK?.ready;
  await window.BankSDK?.logout();
  // @ts-expect-error: BankSDK is read-only and has no token
  console.log(window.BankSDK?.token);
}

const consent: BankEventDetails['bank-consent-granted'] = { consentId: 'con_1', purpose: 'rental-screening', expiresAt: '' };
void start();
console.log(consent);
