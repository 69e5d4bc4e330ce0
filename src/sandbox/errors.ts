import { errorRules, type ErrorCode } from '../protocol/errors.ts';

/**
 * Errors the sandbox bank answers with: `{"error": {"code", "message"}}` and an HTTP status, both from the one
 * error table (`src/protocol/errors.ts`).
 */
export type BankErrorCode = ErrorCode;

export class BankError extends Error {
  readonly status: number;
  constructor(
    readonly code: BankErrorCode,
    message: string,
    status?: number,
    /** Extra answer fields beside `code` and `message` (e.g. `attemptsLeft` after a wrong PIN). */
    readonly extra?: Record<string, string | number>,
  ) {
    super(message);
    this.status = status ?? (errorRules[code].status || 500);
  }

  toJSON() {
    return { error: { code: this.code, message: this.message, ...this.extra } };
  }
}
