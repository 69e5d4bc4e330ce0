import { createHmac, timingSafeEqual } from 'node:crypto';

/** Signatures older than this are refused, so a captured webhook cannot be replayed later. */
export const webhookTolerance = 5 * 60;

/**
 * Checks `Bank-Signature: t=<unix seconds>,v1=<hex>` over `"<t>.<raw body>"` with the app's webhook secret.
 * Answers why it is refused, or null when it is genuine and fresh.
 */
export function webhookProblem(secret: string, header: string | undefined, body: string, nowSeconds: number): string | null {
  const parts = Object.fromEntries((header ?? '').split(',').map((part) => part.split('=', 2) as [string, string]));
  if (!/^\d{1,12}$/.test(parts.t ?? '') || !/^[0-9a-f]{64}$/.test(parts.v1 ?? '')) return 'malformed signature';
  const timestamp = Number(parts.t);
  if (Math.abs(nowSeconds - timestamp) > webhookTolerance) return 'signature too old';
  const expected = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest();
  return timingSafeEqual(expected, Buffer.from(parts.v1, 'hex')) ? null : 'signature mismatch';
}

/**
 * Event ids already handled. The bank retries a delivery until it gets a 2xx, so the same event can arrive twice
 * (a timeout after the receiver processed it); a receiver handles each id once. Ids are kept a day (the bank's
 * retries end within minutes), and at most `max` of them.
 */
export class SeenEvents {
  private readonly seen = new Map<string, number>();
  constructor(
    private readonly ttlMs = 24 * 3600_000,
    private readonly max = 10_000,
  ) {}

  /** True the first time an id is offered (process it), false for a resend (answer 2xx, do nothing). */
  first(id: string, now = Date.now()): boolean {
    for (const [old, at] of this.seen) {
      if (now - at < this.ttlMs && this.seen.size < this.max) break;
      this.seen.delete(old); // oldest first: a Map keeps insertion order
    }
    if (this.seen.has(id)) return false;
    this.seen.set(id, now);
    return true;
  }
}
