import { createHmac } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { PartnerApp } from './apps.ts';
import type { Db } from './sqlite.ts';
import { randomToken } from './secrets.ts';
import { guardedLookup, webhookUrlProblem } from './webhook-guard.ts';

export const maxWebhookAttempts = 8;
const maxAttempts = maxWebhookAttempts;

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

export interface DeliveryOptions {
  /** The bank's clock (SandboxOptions.now). */
  now?: () => number;
  /** Production mode: https only, no internal addresses (src/sandbox/webhook-guard.ts). */
  production?: boolean;
  /** A delivery's deadline, connect to last byte read. */
  timeoutMs?: number;
  /** At most this much of a receiver's answer is read; the rest is dropped. */
  maxResponseBytes?: number;
}

interface DueDelivery {
  id: string;
  app_id: string;
  url: string;
  payload: string;
  attempts: number;
  secret: string | null;
  origins: string;
}

/**
 * One POST, guarded: no redirects (a 3xx is a failure), a deadline, a bounded read. Answers null when the receiver
 * took it (2xx), else why not.
 */
function postOnce(delivery: DueDelivery, timestamp: number, options: Required<Omit<DeliveryOptions, 'now'>>): Promise<string | null> {
  const problem = webhookUrlProblem(delivery.url, JSON.parse(delivery.origins) as string[], options.production);
  if (problem) return Promise.resolve(`refused: ${problem}`);
  if (!delivery.secret) return Promise.resolve('refused: the app has no webhook secret (its webhook URL was removed)');
  const url = new URL(delivery.url);
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (answer: string | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      req.destroy();
      resolve(answer);
    };
    const req = request(url, {
      method: 'POST',
      agent: false,
      headers: {
        'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(delivery.payload),
        'Bank-Signature': signWebhook(delivery.secret!, delivery.payload, timestamp),
      },
      // Production mode checks the address actually connected to, after DNS.
      ...(options.production ? { lookup: guardedLookup as never } : {}),
    }, (response) => {
      const status = response.statusCode ?? 0;
      let read = 0;
      const verdict = status >= 200 && status < 300 ? null
        : status >= 300 && status < 400 ? `HTTP ${status} (redirects are not followed)` : `HTTP ${status}`;
      response.on('data', (chunk: Buffer) => {
        read += chunk.length;
        if (read >= options.maxResponseBytes) finish(verdict); // enough: the answer's body is not needed
      });
      response.on('end', () => finish(verdict));
      response.on('error', () => finish(verdict));
    });
    const deadline = setTimeout(() => finish(`timeout after ${options.timeoutMs} ms`), options.timeoutMs);
    req.on('error', (error) => finish(String(error.message)));
    req.end(delivery.payload);
  });
}

/**
 * Delivers the webhooks due at `now()` once; answers how many it attempted. Failures retry with exponential
 * backoff (1 s, 2 s, 4 s … for 8 attempts); after the last one the delivery is marked failed and never tried again.
 */
export async function deliverDueWebhooks(db: Db, options: DeliveryOptions = {}, inFlight = inFlightFor(db)): Promise<number> {
  const now = options.now ?? Date.now;
  const due = (db
    .prepare(
      `SELECT d.*, a.webhook_secret AS secret, a.origins AS origins FROM webhook_deliveries d JOIN apps a ON a.id = d.app_id
       WHERE d.delivered_at IS NULL AND d.failed_at IS NULL AND d.attempts < ? AND d.next_attempt_at <= ? LIMIT 20`,
    )
    .all(maxAttempts, now()) as DueDelivery[]).filter((d) => !inFlight.has(d.id));
  for (const delivery of due) inFlight.add(delivery.id);
  await Promise.all(due.map((delivery) => attempt(db, delivery, options, inFlight)));
  return due.length;
}

/** One attempt of one delivery (already marked in flight), and its outcome recorded with the retry schedule. */
async function attempt(db: Db, delivery: DueDelivery, options: DeliveryOptions, inFlight: Set<string>) {
  const now = options.now ?? Date.now;
  const resolved = {
    production: options.production ?? false,
    timeoutMs: options.timeoutMs ?? 5000,
    maxResponseBytes: options.maxResponseBytes ?? 64 * 1024,
  };
  try {
    const error = await postOnce(delivery, Math.floor(now() / 1000), resolved);
    const attempts = delivery.attempts + 1;
    if (error === null) {
      db.prepare('UPDATE webhook_deliveries SET attempts = ?, delivered_at = ? WHERE id = ?').run(attempts, now(), delivery.id);
    } else {
      db.prepare(
        'UPDATE webhook_deliveries SET attempts = ?, next_attempt_at = ?, last_error = ?, failed_at = ? WHERE id = ?',
      ).run(
        attempts, now() + 1000 * 2 ** (attempts - 1), error.slice(0, 500), attempts >= maxAttempts ? now() : null, delivery.id,
      );
    }
  } finally {
    inFlight.delete(delivery.id);
  }
}

/** Deliveries being attempted, per database: the delivery loop and a resend never post the same event at once. */
const inFlightByDb = new WeakMap<Db, Set<string>>();
function inFlightFor(db: Db) {
  let set = inFlightByDb.get(db);
  if (!set) inFlightByDb.set(db, (set = new Set()));
  return set;
}

export type DeliveryStatus = 'delivered' | 'pending' | 'failed';

/**
 * Sandbox: delivers an event of `appId` again, now, signed as usual with a fresh timestamp, whatever happened to it
 * before (its attempts start over, so a failure is retried with the usual backoff). Answers null for no such event.
 */
export async function redeliverWebhook(db: Db, appId: string, id: string, options: DeliveryOptions = {}): Promise<DeliveryStatus | null> {
  const now = options.now ?? Date.now;
  const inFlight = inFlightFor(db);
  const exists = db.prepare('SELECT 1 FROM webhook_deliveries WHERE id = ? AND app_id = ?').get(id, appId);
  if (!exists) return null;
  if (!inFlight.has(id)) {
    // Synchronously, so the delivery loop cannot pick it up in between.
    db.prepare(
      'UPDATE webhook_deliveries SET attempts = 0, next_attempt_at = ?, delivered_at = NULL, failed_at = NULL, last_error = NULL WHERE id = ?',
    ).run(now(), id);
    const delivery = db.prepare(
      `SELECT d.*, a.webhook_secret AS secret, a.origins AS origins FROM webhook_deliveries d JOIN apps a ON a.id = d.app_id WHERE d.id = ?`,
    ).get(id) as DueDelivery;
    inFlight.add(id);
    await attempt(db, delivery, options, inFlight);
  }
  return deliveryStatus(db, id);
}

export function deliveryStatus(db: Db, id: string): DeliveryStatus {
  const row = db.prepare('SELECT delivered_at, failed_at FROM webhook_deliveries WHERE id = ?').get(id) as
    { delivered_at: number | null; failed_at: number | null };
  return row.delivered_at !== null ? 'delivered' : row.failed_at !== null ? 'failed' : 'pending';
}

/** Delivers due webhooks every `intervalMs`, on the bank's clock. */
export function startWebhookDelivery(db: Db, intervalOrOptions: number | (DeliveryOptions & { intervalMs?: number }) = 250) {
  const options = typeof intervalOrOptions === 'number' ? { intervalMs: intervalOrOptions } : intervalOrOptions;
  const inFlight = inFlightFor(db);
  const timer = setInterval(
    () => void deliverDueWebhooks(db, options, inFlight).catch((e) => console.error('[sandbox] webhook delivery', e)),
    options.intervalMs ?? 250,
  );
  timer.unref();
  return () => clearInterval(timer);
}
