/** The sandbox's published test data (contract §6): every sandbox customer has the same password, SMS code and PIN. */
export const sandboxPassword = 'Passw0rd!';
export const sandboxSmsCode = '123456';
export const sandboxPin = '135790';

/** The sandbox customers by what they are good for (phone numbers). */
export const sandboxCustomers = {
  /** Zhang San, ¥50,000.00 in a Class I account, ID `110105199003070017`; loans within limits are `approved`. */
  good: '13800000001',
  /** Li Si, ¥10.00: payments fail `insufficient_funds`. */
  lowBalance: '13800000002',
  /** A frozen account: payments fail `account_frozen`. */
  frozen: '13800000003',
  /** Loans are `declined`. */
  loanDeclined: '13800000004',
  /** Loans go `pending` (manual review). */
  loanPending: '13800000005',
  /** Chen Liu, ¥80,000.00, risk level C2: products above R2 give `suitability_mismatch`. */
  conservativeInvestor: '13800000006',
  /** Zhou Qi, ¥20,000.00, risk assessment 13 months old: assessed again before buying. */
  expiredAssessment: '13800000007',
} as const;

/** ID numbers that pass the check, card numbers that pass (`good`) or fail (`failing`) the four-factor check. */
export const sandboxIdNumbers = ['110105199003070017', '310115198805120034', '11010519491231002X'] as const;
export const sandboxCards = { good: '6222000000000000012', failing: '6222000000000000020' } as const;

/** The demo app the sandbox starts with. Its keys are published on purpose: sandbox only. */
export const sandboxDemoApp = {
  appId: 'app_demo_rental',
  secretKey: 'sk_sandbox_demo_rental_0123456789abcdef',
  webhookSecret: 'whsec_sandbox_demo_rental_0123456789abcdef',
} as const;
