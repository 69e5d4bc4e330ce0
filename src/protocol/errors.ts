/**
 * The one error table. Every code the bank answers, the bridge forwards, a frame shows or an element fires is
 * here, with its HTTP status and how the SDK treats it; the sandbox (`src/sandbox/errors.ts`), the frames'
 * bank client, `<bank-pay>` and the catalogues all derive from it. A test checks that every public code is
 * documented in docs/errors.md and translated in both locales.
 */
export interface ErrorRule {
  /** The HTTP status the bank answers with; 0 for codes only the SDK produces (they never cross the wire). */
  readonly status: number;
  /** Trying again later can succeed without changing anything. */
  readonly retryable: boolean;
  /** Server-only codes: the code the page sees instead (the bridge translates). */
  readonly exposedAs?: string;
  /** A payment attempt ending with it cannot succeed by another try in the same dialog. */
  readonly paymentFinal?: boolean;
  /** After that final failure, the customer may start a new payment attempt (`Pay` again). */
  readonly payAgain?: boolean;
}

const rules = {
  // Set-up and transport, produced by the SDK on the partner page.
  invalid_attribute: { status: 0, retryable: false },
  config_invalid: { status: 0, retryable: false },
  token_fetch_failed: { status: 0, retryable: true },
  network: { status: 0, retryable: true, payAgain: true },
  bank_unavailable: { status: 503, retryable: true, payAgain: true },
  // Answers of the bank.
  origin_not_allowed: { status: 403, retryable: false },
  session_expired: { status: 401, retryable: true, paymentFinal: true, payAgain: true },
  rate_limited: { status: 429, retryable: true },
  not_found: { status: 404, retryable: false, paymentFinal: true },
  invalid_request: { status: 400, retryable: false },
  internal: { status: 500, retryable: true, payAgain: true },
  invalid_credentials: { status: 401, retryable: false },
  locked: { status: 423, retryable: false, paymentFinal: true },
  insufficient_funds: { status: 402, retryable: false, paymentFinal: true, payAgain: true },
  limit_exceeded: { status: 403, retryable: false, paymentFinal: true, payAgain: true },
  account_frozen: { status: 403, retryable: false, paymentFinal: true },
  already_paid: { status: 409, retryable: false, paymentFinal: true },
  order_cancelled: { status: 409, retryable: false, paymentFinal: true },
  declined: { status: 422, retryable: false },
  duplicate_application: { status: 409, retryable: false },
  verification_failed: { status: 422, retryable: false },
  account_exists: { status: 409, retryable: false },
  suitability_mismatch: { status: 403, retryable: false },
  below_minimum: { status: 422, retryable: false },
  purpose_not_allowed: { status: 403, retryable: false },
  invalid_claim: { status: 400, retryable: false },
  merchant_unverified: { status: 409, retryable: false },
  split_exceeds_amount: { status: 422, retryable: false },
  // Server-only: the partner's server sees them as they are; the page sees `exposedAs`.
  unauthorized: { status: 401, retryable: false, exposedAs: 'session_expired' },
  forbidden: { status: 403, retryable: false, exposedAs: 'origin_not_allowed' },
  payload_too_large: { status: 413, retryable: false, exposedAs: 'invalid_request' },
  client_token_invalid: { status: 401, retryable: true, exposedAs: 'session_expired' },
  login_required: { status: 401, retryable: true, exposedAs: 'session_expired' },
  code_expired: { status: 401, retryable: true, exposedAs: 'session_expired' },
  idempotency_conflict: { status: 409, retryable: false, exposedAs: 'invalid_request' },
} as const satisfies Record<string, ErrorRule>;

/** Every code in the table. */
export type ErrorCode = keyof typeof rules;
type ServerOnly = { [K in ErrorCode]: (typeof rules)[K] extends { exposedAs: string } ? K : never }[ErrorCode];
/** Codes a partner page can see (`bank-error`, `bank-pay-failure`, frames). */
export type PublicErrorCode = Exclude<ErrorCode, ServerOnly>;

export const errorRules: Readonly<Record<ErrorCode, ErrorRule & { exposedAs?: PublicErrorCode }>> = rules;
export const errorCodes = Object.keys(rules) as ErrorCode[];
export const publicErrorCodes = errorCodes.filter((code) => !errorRules[code].exposedAs) as PublicErrorCode[];

export const isErrorCode = (code: unknown): code is ErrorCode => typeof code === 'string' && Object.hasOwn(rules, code);

/** The code a page sees for a code the bank answered (unknown codes become `internal`). */
export function publicCode(code: string): PublicErrorCode {
  if (!isErrorCode(code)) return 'internal';
  return (errorRules[code].exposedAs ?? code) as PublicErrorCode;
}
