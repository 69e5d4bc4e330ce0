import { AmountError, parseAmount } from '../domain/money.ts';
import { Amount, IsoTime, z } from './openapi.ts';

/**
 * Request and answer schemas of the partner server API (CONTRACT §5): validation and the OpenAPI document in one.
 * Request fields mirror the bank's field rules (lengths, formats); answers describe what the views produce.
 */

/** An amount as a request field: a string, checked by the route (its messages name the limit that applies). */
export const AmountField = (max = 20) => z.string().max(max).openapi({ pattern: '^\\d{1,9}(\\.\\d{1,2})?$', example: '3500.00' });
const optionalText = (max: number) => z.string().max(max).nullish();

// ------------------------------------------------------------------------------------------------ client tokens

export const ClientTokenRequest = z.object({
  customerRef: optionalText(100).openapi({ description: "Your own id for the customer (links the bank's customer id to it)." }),
}).openapi('ClientTokenRequest');
export const ClientToken = z.object({
  clientToken: z.string().openapi({ description: 'For one SDK start (`data-token-url` answers it to the page).' }),
  expiresAt: IsoTime,
}).openapi('ClientToken');

// ------------------------------------------------------------------------------------------------ customers

export const Customer = z.object({
  customerId: z.string(),
  displayName: z.string().openapi({ description: 'Masked, in the language the customer last saw your elements in, as `bank-login-success` gave it (`Zhang *`, `张*`; `zh-CN` if unknown).' }),
  displayNameEn: z.string(),
  phone: z.string().openapi({ description: 'Masked (e.g. `138****0001`).' }),
  locked: z.boolean().openapi({ description: 'Logins or payments are locked for now.' }),
}).openapi('Customer');

// ------------------------------------------------------------------------------------------------ orders

const maxOrderAmount = 100_000_000; // ¥1,000,000.00

const monthsRule = '`rent.months` must be a whole number from 1 to 36.';

export const OrderRequest = z.object({
  amount: AmountField().superRefine((text, ctx) => {
    try {
      parseAmount(text, { max: maxOrderAmount });
    } catch (error) {
      const reason = error instanceof AmountError ? error.reason : 'format';
      ctx.addIssue({
        code: 'custom',
        message: reason === 'too_large'
          ? '`amount` is above the ¥1,000,000.00 limit of one order.'
          : reason === 'zero'
            ? '`amount` must be positive.'
            : '`amount` must be a decimal string with at most two decimals, like "3500.00" (no sign, exponent or separators).',
      });
    }
  }).openapi({ description: 'At most ¥1,000,000.00.' }),
  currency: z.string().max(3).refine((v) => v === 'CNY', { message: '`currency` must be "CNY".' }).openapi({ enum: ['CNY'] }),
  description: z.string().max(140).refine((v) => v.trim() !== '', { message: '`description` must not be blank.' })
    .openapi({ description: 'Shown to the customer in the `Confirm payment` frame.' }),
  reference: optionalText(100).openapi({ description: 'Your own order id.' }),
  splits: z.array(z.object({ merchantId: z.string(), amount: AmountField() })).max(10).optional().openapi({
    description: 'On payment the bank credits each verified merchant with its amount; the rest is the platform\'s. Never more than the order (`split_exceeds_amount`).',
  }),
  rent: z.object({
    monthlyRent: AmountField(),
    months: z.number({ error: monthsRule }).int({ error: monthsRule }).min(1, { error: monthsRule }).max(36, { error: monthsRule }),
    deposit: AmountField().optional(),
  }).optional().openapi({
    description: 'Housing-rental fund rules: at most three months\' rent and one month\'s deposit released at once, the rest held and released month by month.',
  }),
}).openapi('OrderRequest');

const Split = z.object({ merchantId: z.string(), amount: Amount, settled: z.boolean() });
export const Order = z.object({
  id: z.string(),
  status: z.enum(['pending', 'paid', 'failed', 'cancelled']),
  amount: Amount,
  currency: z.literal('CNY'),
  description: z.string(),
  reference: z.string().nullable(),
  createdAt: IsoTime,
  paymentId: z.string().optional(),
  paidAt: IsoTime.optional(),
  cancelledAt: IsoTime.optional(),
  splits: z.array(Split).optional(),
  rent: z.object({ monthlyRent: Amount, months: z.number().int(), deposit: Amount }).optional(),
  supervision: z.object({
    held: Amount,
    released: Amount,
    schedule: z.array(z.object({ date: z.string(), amount: Amount, kind: z.string(), released: z.boolean() })),
  }).optional().openapi({ description: 'After payment of a `rent` order: what the supervised account holds and when it is released.' }),
}).openapi('Order');

// ------------------------------------------------------------------------------------------------ loans

export const LoanProducts = z.object({
  products: z.array(z.object({
    id: z.string(),
    name: z.object({ en: z.string(), 'zh-CN': z.string() }),
    minAmount: Amount,
    maxAmount: Amount,
    minTermMonths: z.number().int(),
    maxTermMonths: z.number().int(),
    annualRate: z.string().openapi({ example: '4.35' }),
    repaymentMethods: z.array(z.string()),
  })),
}).openapi('LoanProducts');

export const LoanApplication = z.object({
  id: z.string(),
  status: z.string().openapi({ example: 'approved' }),
  product: z.string(),
  amount: Amount,
  termMonths: z.number().int(),
  repaymentMethod: z.string(),
  annualRate: z.string(),
  apr: z.string(),
  monthlyPayment: Amount,
  totalInterest: Amount,
  reference: z.string().nullable(),
  customerId: z.string(),
  createdAt: IsoTime,
  decidedAt: IsoTime.nullable(),
}).openapi('LoanApplication');

// ------------------------------------------------------------------------------------------------ consents

export const Consent = z.object({
  id: z.string(),
  status: z.enum(['active', 'revoked', 'expired']),
  purpose: z.string(),
  claims: z.record(z.string(), z.boolean()).openapi({ description: 'Each claim asked, answered true or false only.' }),
  createdAt: IsoTime,
  expiresAt: IsoTime,
  attestation: z.string().openapi({ description: 'A compact JWS (ES256) over the same fields; keys at `GET /.well-known/jwks.json`.' }),
}).openapi('Consent');

export const Jwks = z.object({
  keys: z.array(z.looseObject({ kty: z.string(), kid: z.string(), alg: z.literal('ES256'), use: z.literal('sig') })),
}).openapi('Jwks');

export const RotatedKey = z.object({ kid: z.string(), retired: z.array(z.string()) }).openapi('RotatedKey');

// ------------------------------------------------------------------------------------------------ merchants

export const MerchantRequest = z.object({
  type: z.string().max(20).refine((v) => v === 'individual' || v === 'business', { message: '`type` must be "individual" or "business".' })
    .openapi({ enum: ['individual', 'business'] }),
  name: z.string().max(100).refine((v) => [...v.trim()].length >= 2, { message: '`name` must not be blank.' }),
  reference: optionalText(100),
}).openapi('MerchantRequest');

export const Merchant = z.object({
  id: z.string(),
  status: z.enum(['unverified', 'pending', 'verified', 'rejected']),
  type: z.enum(['individual', 'business']),
  name: z.string(),
  reference: z.string().nullable(),
  balance: Amount,
  currency: z.literal('CNY'),
  rejectionReason: z.string().nullable().optional(),
  creditCode: z.string().optional().openapi({ description: 'Masked.' }),
  settlementAccount: z.string().optional().openapi({ description: 'Masked (`**** 1234`).' }),
  createdAt: IsoTime,
  verifiedAt: IsoTime.nullable(),
}).openapi('Merchant');

export const CreditOffer = z.object({
  merchantId: z.string(),
  limit: Amount,
  apr: z.string(),
  currency: z.literal('CNY'),
  basis: z.object({
    from: z.string(), to: z.string(), monthsWithIncome: z.number().int(), settledIncome: Amount, rule: z.string(),
  }),
}).openapi('CreditOffer');

export const PayoutRequest = z.object({ merchantId: z.string().max(100), amount: AmountField() }).openapi('PayoutRequest');
export const Payout = z.object({
  id: z.string(),
  merchantId: z.string(),
  amount: Amount,
  currency: z.literal('CNY'),
  status: z.enum(['pending', 'paid', 'failed']),
  createdAt: IsoTime,
  arrivesAt: IsoTime,
  paidAt: IsoTime.nullable(),
}).openapi('Payout');

export const IncomeRequest = z.object({
  months: z.unknown().superRefine((months, ctx) => {
    if (typeof months !== 'number' || !Number.isInteger(months) || months < 1 || months > 12) {
      ctx.addIssue({ code: 'custom', message: '`months` must be a whole number from 1 to 12.' });
    }
  }).openapi({ type: 'integer', minimum: 1, maximum: 12 }),
  amount: AmountField(),
}).openapi('SandboxIncomeRequest');

// ------------------------------------------------------------------------------------------------ sandbox

export const SandboxAppRequest = z.object({
  name: z.string().max(100),
  origins: z.array(z.string().max(200)).min(1).max(20).openapi({ description: 'Origins (scheme://host[:port]) whose pages may embed the frames.' }),
  webhookUrl: z.string().max(500).regex(/^https?:\/\/\S+$/).nullish(),
  contact: optionalText(200).openapi({ description: 'What the `Share data` dialog names as your contact.' }),
  purposes: z.array(z.string().max(200)).min(1).max(3).optional(),
}).openapi('SandboxAppRequest');

export const RegisteredApp = z.object({
  appId: z.string(),
  secretKey: z.string(),
  origins: z.array(z.string()),
  webhookUrl: z.string().optional(),
  webhookSecret: z.string().optional(),
}).openapi('RegisteredApp');

export const SandboxApp = z.object({
  appId: z.string(),
  name: z.string(),
  origins: z.array(z.string()),
  webhookUrl: z.string().nullable(),
  webhookSecret: z.string().nullable(),
  secretKey: z.string().nullable(),
  createdAt: IsoTime,
}).openapi('SandboxApp');

export const SandboxAppPatch = z.object({
  addOrigins: z.array(z.string().max(200)).min(1).max(20).optional(),
  removeOrigins: z.array(z.string().max(200)).min(1).max(20).optional(),
  webhookUrl: z.string().max(500).regex(/^https?:\/\/\S+$/).nullable().optional().openapi({ description: 'A URL, or null to stop webhooks.' }),
}).openapi('SandboxAppPatch');

export const SandboxCustomerRequest = z.object({
  phone: z.string().regex(/^1\d{10}$/).openapi({ example: '13900000001' }),
  nameEn: optionalText(60),
  nameZh: optionalText(20),
  balance: optionalText(20).openapi({ example: '50000.00', description: 'Default "50000.00".' }),
  accountClass: z.string().regex(/^(I|II)$/).nullish().openapi({ enum: ['I', 'II'] }),
  frozen: z.boolean().optional(),
}).openapi('SandboxCustomerRequest');

export const SandboxCustomer = z.object({
  phone: z.string(), password: z.string(), pin: z.string(), smsCode: z.string(),
}).openapi('SandboxCustomer');

export const LedgerCheck = z.object({
  entriesSum: z.number(),
  transactions: z.number(),
  unbalancedTransactions: z.number(),
  accountsNotMatchingEntries: z.number(),
  negativeCustomerAccounts: z.number(),
  negativeMerchantAccounts: z.number(),
  supervisedNotMatchingHeld: z.number(),
  ok: z.boolean(),
}).openapi('LedgerCheck');

export const SdkApp = z.object({ appId: z.string(), name: z.string() }).openapi('SdkApp');

export const ClockRequest = z.object({
  advanceSeconds: z.number().min(0).max(10 * 365 * 86_400).optional().openapi({ description: 'Moves the clock forward by this many seconds (≥ 0).' }),
  reset: z.literal(true).optional().openapi({ description: 'Puts the clock back to real time.' }),
}).refine((b) => (b.advanceSeconds === undefined) !== (b.reset === undefined), {
  message: 'Send `{"advanceSeconds": <seconds ≥ 0>}` or `{"reset": true}`.',
}).openapi('SandboxClockRequest', { description: 'Exactly one of `advanceSeconds` and `reset`.' });
export const ClockState = z.object({ now: IsoTime }).openapi('SandboxClock');
export const ResetState = z.object({ reset: z.literal(true) }).openapi('SandboxReset');
export const WebhookResend = z.object({
  id: z.string(),
  status: z.enum(['delivered', 'pending', 'failed']).openapi({
    description: '`delivered`: the receiver answered 2xx; `pending`: it did not, and the bank retries with backoff; `failed`: no retries left.',
  }),
}).openapi('SandboxWebhookResend');
