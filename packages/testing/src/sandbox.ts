/**
 * Control of the sandbox bank from the partner's test runner (Node), over the sandbox-only endpoints. It sends the
 * app's secret key: call it from your tests' Node side, never from a browser page.
 */
export interface SandboxControlOptions {
  /** The sandbox bank's origin, e.g. `http://127.0.0.1:4010`. */
  bankOrigin: string;
  /** Your sandbox app's secret key (`Authorization: Bearer …`). */
  secretKey: string;
  /** A `fetch` to use instead of the global one. */
  fetch?: typeof fetch;
}

/** A sandbox endpoint answered with an error (`{"error": {"code", "message"}}`), or not with JSON. */
export class SandboxError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
    this.name = 'SandboxError';
  }
}

export interface SandboxControl {
  /**
   * Moves the sandbox bank's one clock forward (`POST /v1/sandbox/clock {"advanceSeconds"}`), for the whole sandbox:
   * tokens and sessions expire, cooling-off periods end, daily limits start again. Resolves with the bank's new time.
   */
  advanceClock(seconds: number): Promise<{ now: string }>;
  /** Puts the sandbox's clock back to real time (`POST /v1/sandbox/clock {"reset": true}`). */
  resetClock(): Promise<{ now: string }>;
  /**
   * Puts the whole sandbox back to its seeded state (`POST /v1/sandbox/reset`): orders, payments, sessions, locks,
   * consents, merchants, webhook events and customers you created are gone, the test customers are back with their
   * seeded balances, the clock is real time again; registered apps and their keys stay.
   */
  reset(): Promise<{ reset: true }>;
  /**
   * Delivers one of your app's webhook events again, now (`POST /v1/sandbox/webhooks/{id}/resend`; `id` is the
   * `evt_…` in its payload), signed with a fresh timestamp. `status`: `delivered` (your server answered 2xx),
   * `pending` (it did not; the bank retries with backoff) or `failed` (no retries left).
   */
  resendWebhook(id: string): Promise<{ id: string; status: 'delivered' | 'pending' | 'failed' }>;
}

/**
 * @example
 * const sandbox = sandboxControl({ bankOrigin: 'http://127.0.0.1:4010', secretKey: process.env.BANK_SECRET_KEY! });
 * test.beforeEach(() => sandbox.reset());
 * await sandbox.advanceClock(24 * 3600); // a day later
 */
export function sandboxControl({ bankOrigin, secretKey, fetch: fetcher = globalThis.fetch }: SandboxControlOptions): SandboxControl {
  if (typeof document !== 'undefined') throw new Error('sandboxControl sends your secret key: use it in your test runner (Node), not in a page.');
  const origin = new URL(bankOrigin).origin;
  if (!secretKey) throw new TypeError('sandboxControl needs the app’s secretKey');

  async function post<Answer>(path: string, body: unknown): Promise<Answer> {
    const response = await fetcher(`${origin}${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${secretKey}`, 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    let answer: unknown;
    try {
      answer = JSON.parse(text);
    } catch {
      throw new SandboxError(response.status, 'invalid_response', `POST ${path} answered ${response.status} without JSON: ${text.slice(0, 200)}`);
    }
    if (!response.ok) {
      const { code = 'unknown', message = '' } = (answer as { error?: { code?: string; message?: string } }).error ?? {};
      const hint = response.status === 404 && code === 'not_found' && !path.includes('/webhooks/') ? ' (is the bank in production mode? These endpoints exist in the sandbox only.)' : '';
      throw new SandboxError(response.status, code, `POST ${path} answered ${response.status} ${code}: ${message}${hint}`);
    }
    return answer as Answer;
  }

  return {
    advanceClock(seconds) {
      // The clock moves forward only (resetClock goes back to real time).
      if (!Number.isFinite(seconds) || seconds < 0) throw new TypeError(`advanceClock needs a number of seconds ≥ 0, not ${seconds}`);
      return post('/v1/sandbox/clock', { advanceSeconds: seconds });
    },
    resetClock: () => post('/v1/sandbox/clock', { reset: true }),
    reset: () => post('/v1/sandbox/reset', {}),
    resendWebhook(id) {
      if (!id) throw new TypeError('resendWebhook needs a webhook delivery id');
      return post(`/v1/sandbox/webhooks/${encodeURIComponent(id)}/resend`, {});
    },
  };
}
