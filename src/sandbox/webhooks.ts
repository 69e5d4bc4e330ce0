import { createHmac } from 'node:crypto';
import type { PartnerApp } from './apps.ts';
import type { Db } from './db.ts';
import { randomToken } from './secrets.ts';

const maxAttempts = 8;

/**
 * `Bank-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">` with the app's webhook secret.
 * Receivers recompute it and reject timestamps older than five minutes (replays).
 */
export function signWebhook(secret: string, body: string, timestamp: number): string {
  const v1 = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `t=${timestamp},v1=${v1}`;
}

export function enqueueWebhook(db: Db, app: PartnerApp, type: string, data: unknown, now: number) {
  if (!app.webhookUrl || !app.webhookSecret) return;
  const id = randomToken('evt', 12);
  const payload = JSON.stringify({ id, type, createdAt: new Date(now).toISOString(), data });
  db.prepare('INSERT INTO webhook_deliveries (id, app_id, url, payload, next_attempt_at) VALUES (?, ?, ?, ?, ?)').run(
    id, app.id, app.webhookUrl, payload, now,
  );
}

/** Delivers due webhooks, retrying failures with exponential backoff (1 s, 2 s, 4 s … up to 8 attempts). */
export function startWebhookDelivery(db: Db, intervalMs = 250) {
  const inFlight = new Set<string>();
  const tick = async () => {
    const due = db
      .prepare(
        `SELECT d.*, a.webhook_secret AS secret FROM webhook_deliveries d JOIN apps a ON a.id = d.app_id
         WHERE d.delivered_at IS NULL AND d.attempts < ? AND d.next_attempt_at <= ? LIMIT 20`,
      )
      .all(maxAttempts, Date.now()) as { id: string; url: string; payload: string; attempts: number; secret: string }[];
    await Promise.all(
      due.filter((d) => !inFlight.has(d.id)).map(async (delivery) => {
        inFlight.add(delivery.id);
        let error: string | null = null;
        try {
          const response = await fetch(delivery.url, {
            method: 'POST',
            headers: {
              'Content-Type': 'application/json',
              'Bank-Signature': signWebhook(delivery.secret, delivery.payload, Math.floor(Date.now() / 1000)),
            },
            body: delivery.payload,
            signal: AbortSignal.timeout(5000),
          });
          if (!response.ok) error = `HTTP ${response.status}`;
        } catch (e) {
          error = String(e);
        }
        const attempts = delivery.attempts + 1;
        if (error === null) {
          db.prepare('UPDATE webhook_deliveries SET attempts = ?, delivered_at = ? WHERE id = ?').run(attempts, Date.now(), delivery.id);
        } else {
          db.prepare('UPDATE webhook_deliveries SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?').run(
            attempts, Date.now() + 1000 * 2 ** (attempts - 1), error, delivery.id,
          );
        }
        inFlight.delete(delivery.id);
      }),
    );
  };
  const timer = setInterval(() => void tick().catch((e) => console.error('[sandbox] webhook delivery', e)), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
