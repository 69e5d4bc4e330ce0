/**
 * Errors the sandbox bank answers with: `{"error": {"code", "message"}}` and an HTTP status.
 * The codes are the public contract's (CONTRACT §3) plus the server-only request errors.
 */
export type BankErrorCode =
  | 'invalid_request'
  | 'unauthorized'
  | 'forbidden'
  | 'payload_too_large'
  | 'rate_limited'
  | 'client_token_invalid'
  | 'origin_not_allowed'
  | 'session_expired'
  | 'login_required'
  | 'code_expired'
  | 'not_found'
  | 'invalid_credentials'
  | 'locked'
  | 'idempotency_conflict'
  | 'already_paid'
  | 'order_cancelled'
  | 'insufficient_funds'
  | 'account_frozen'
  | 'limit_exceeded'
  | 'duplicate_application'
  | 'internal';

const statusOf: Record<BankErrorCode, number> = {
  invalid_request: 400,
  unauthorized: 401,
  forbidden: 403,
  payload_too_large: 413,
  rate_limited: 429,
  client_token_invalid: 401,
  origin_not_allowed: 403,
  session_expired: 401,
  login_required: 401,
  code_expired: 401,
  not_found: 404,
  invalid_credentials: 401,
  locked: 423,
  idempotency_conflict: 409,
  already_paid: 409,
  order_cancelled: 409,
  insufficient_funds: 402,
  account_frozen: 403,
  limit_exceeded: 403,
  duplicate_application: 409,
  internal: 500,
};

export class BankError extends Error {
  readonly status: number;
  constructor(
    readonly code: BankErrorCode,
    message: string,
    status?: number,
  ) {
    super(message);
    this.status = status ?? statusOf[code];
  }

  toJSON() {
    return { error: { code: this.code, message: this.message } };
  }
}
