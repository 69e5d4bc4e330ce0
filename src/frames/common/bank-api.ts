import ky, { HTTPError, TimeoutError } from 'ky';
import { errorRules, publicCode } from '../../protocol/errors.ts';
import { sdkError, type SdkError } from '../../protocol/post-message.ts';

/**
 * The frame API, same-origin. Only the bridge frame calls it: the session token is its private state,
 * attached to each request here and nowhere else.
 */
export class BankApi {
  token: string | null = null;
  /** Told the bank's own code of every error answer, before it becomes a partner-facing code. */
  onError?: (bankCode: string) => void;
  private readonly http = ky.create({
    prefixUrl: '/v1/frame/',
    headers: { 'X-Bank-Frame': '1' },
    credentials: 'same-origin',
    timeout: 15000,
    retry: 0,
    hooks: {
      beforeRequest: [
        (request) => {
          if (this.token) request.headers.set('Authorization', `Bearer ${this.token}`);
        },
      ],
    },
  });

  /**
   * The language of the frame whose request is being made (see the bridge), sent as `X-Bank-Locale`; none: the
   * session's. Read when a call starts, so it must be set just before the handler's first call.
   */
  locale?: string;

  async get<T>(path: string): Promise<T> {
    return this.call<T>('get', path, {});
  }

  async post<T>(path: string, body: unknown = {}, headers: Record<string, string> = {}): Promise<T> {
    return this.call<T>('post', path, { json: body, headers });
  }

  private call<T>(method: 'get' | 'post', path: string, options: { json?: unknown; headers?: Record<string, string> }) {
    if (this.locale) options.headers = { ...options.headers, 'X-Bank-Locale': this.locale };
    return this.send<T>(() => this.http[method](path, options).json<T>());
  }

  private async send<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw await toSdkError(error, this.onError);
    }
  }
}

export async function toSdkError(error: unknown, onError?: (bankCode: string) => void): Promise<SdkError> {
  if (error instanceof HTTPError) {
    const body = (await error.response.json().catch(() => undefined)) as
      | { error?: { code?: string; message?: string; attemptsLeft?: unknown } }
      | undefined;
    const code = body?.error?.code ?? 'internal';
    const status = error.response.status;
    onError?.(code);
    const sdkCode = publicCode(code);
    // An ended session is fixed by starting again (a fresh client token), so it is worth a retry.
    const retryable = status >= 500 || status === 429 || errorRules[sdkCode].retryable;
    const answer = sdkError(sdkCode, body?.error?.message ?? `HTTP ${status}`, retryable);
    // Optional: a bank that does not count tries answers without it, and the frame says less.
    const left = body?.error?.attemptsLeft;
    return Number.isInteger(left) && (left as number) >= 0 ? { ...answer, attemptsLeft: left as number } : answer;
  }
  // Offline is the customer's own connection; otherwise the bank (this frame's own origin) is down or blocked.
  const code = navigator.onLine === false ? 'network' : 'bank_unavailable';
  if (error instanceof TimeoutError) return sdkError(code, 'The bank did not answer in time.', true);
  return sdkError(code, 'Could not reach the bank.', true);
}
