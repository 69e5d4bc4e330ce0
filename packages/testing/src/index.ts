/**
 * `@bank-sdk/testing`: Playwright helpers that drive the bank's secure frames the way a customer does (by role and
 * accessible name), and control of the sandbox bank for a partner's CI. See docs/testing.md.
 */
export { BankDialog, BankFrameError, type StepOptions } from './dialog.ts';
export { frameNames, type Locale } from './names.ts';
export {
  buyInvestment, confirmPayment, loginInBankFrame, openAccountInBankFrame, redeemInvestment, shareDataInBankFrame,
  submitLoanApplication, verifyMerchantInBankFrame,
  type AccountOpened, type ConsentAnswer, type InvestmentBought, type InvestmentRedeemed, type LoanSubmitted,
  type LoginSuccess, type MerchantVerified, type PaymentSuccess,
} from './steps.ts';
export { sandboxControl, SandboxError, type SandboxControl, type SandboxControlOptions } from './sandbox.ts';
export {
  sandboxCards, sandboxCustomers, sandboxDemoApp, sandboxIdNumbers, sandboxPassword, sandboxPin, sandboxSmsCode,
} from './sandbox-data.ts';
