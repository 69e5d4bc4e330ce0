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
