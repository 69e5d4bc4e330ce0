import type { Context } from 'hono';
import type { Db } from './sqlite.ts';
import { BankError } from './errors.ts';

/**
 * Locks and throttles, kept in one table (`throttles`) keyed by what is counted:
 *
 * | key | counts | at the limit |
 * |---|---|---|
 * | `login:<phone>` | wrong passwords and SMS codes in a row, for any phone string, customer or not | `locked` (423) for 15 min, then 1 h, 4 h, 24 h |
 * | `pin:<customerId>` | wrong payment PINs in a row; only a correct PIN resets it | payments `locked` (423), same steps |
 * | `device:<frame session>` | wrong logins from one page (frame session) | `rate_limited` (429) for that page |
 * | `address:<ip>` | wrong logins from one network address, any phone | `rate_limited` (429) for that address, escalating |
 * | `mint:<appId>` | client tokens minted per app per minute | `rate_limited` (429) until the minute ends |
 *
 * A lock is always temporary; its level (which step of the ladder the next lock takes) falls back to the first
 * step once a day has passed without a new lock, and a successful login or correct PIN resets it. A lock blocks
 * new logins (or payments) only: it never ends a customer's live sessions, so an attacker who can make wrong
 * guesses can at worst delay a login, never log anyone out.
 */
export interface ThrottleRule {
  /** Failures (or events) that trigger the lock. */
  limit: number;
  /** Counting window; `null` means "in a row" (until a success clears it). */
  windowMs: number | null;
  /** Lock lengths, one per level; the last repeats. */
  lockMs: number[];
}

const minute = 60_000;
const hour = 60 * minute;
const ladder = [15 * minute, hour, 4 * hour, 24 * hour];
/** A day without a new lock brings the next lock back to the first step. */
const levelDecayMs = 24 * hour;

export const throttleRules = {
  /** CONTRACT §6: five wrong passwords or codes in a row for a phone number. */
  login: { limit: 5, windowMs: null, lockMs: ladder },
  /** CONTRACT §6: five wrong PINs in a row lock payments. */
  pin: { limit: 5, windowMs: null, lockMs: ladder },
  /** One page (frame session, 30 minutes long) gets ten wrong logins: enough for a person, not for a sprayer. */
  device: { limit: 10, windowMs: 30 * minute, lockMs: [30 * minute] },
  /**
   * One network address gets 100 wrong logins in 15 minutes. Generous, because carrier-grade NAT puts many
   * customers behind one address; it stops one machine spraying many numbers, not a botnet (that is what the
   * per-number lock is for).
   */
  address: { limit: 100, windowMs: 15 * minute, lockMs: [15 * minute, hour, 4 * hour] },
  /** Client tokens per app per minute (each SDK start spends one). */
  mint: { limit: 600, windowMs: minute, lockMs: [0] },
} satisfies Record<string, ThrottleRule>;

export type ThrottleKind = keyof typeof throttleRules;

interface ThrottleRow {
  key: string;
  failures: number;
  window_start: number;
  locked_until: number | null;
  lock_level: number;
  last_lock_at: number | null;
}

/** Rules a sandbox may tighten or loosen (tests; a bank's configuration). */
export type ThrottleLimits = Partial<Record<ThrottleKind, Partial<ThrottleRule>>>;

let failCalls = 0;

export class Throttles {
  private readonly rules: Record<ThrottleKind, ThrottleRule>;

  constructor(
    private readonly db: Db,
    limits: ThrottleLimits = {},
  ) {
    this.rules = Object.fromEntries(
      Object.entries(throttleRules).map(([kind, rule]) => [kind, { ...rule, ...limits[kind as ThrottleKind] }]),
    ) as Record<ThrottleKind, ThrottleRule>;
  }

  private row(key: string) {
    return this.db.prepare('SELECT * FROM throttles WHERE key = ?').get(key) as ThrottleRow | undefined;
  }

  /** When the lock on `kind:id` ends, or null if there is none now. */
  lockedUntil(kind: ThrottleKind, id: string, now: number): number | null {
    const row = this.row(`${kind}:${id}`);
    return row?.locked_until != null && row.locked_until > now ? row.locked_until : null;
  }

  /**
   * Counts one failure (or, for `mint`, one event). Answers the end of the lock it caused, or null. Failures made
   * while a lock holds are not counted, so hammering a locked number does not lengthen its lock.
   */
  fail(kind: ThrottleKind, id: string, now: number): number | null {
    const rule = this.rules[kind];
    const key = `${kind}:${id}`;
    // Sprayed phone strings leave rows behind: now and then, forget those idle for two days (their level has decayed).
    if (++failCalls % 1000 === 0) {
      this.db.prepare('DELETE FROM throttles WHERE window_start < ? AND COALESCE(locked_until, 0) < ?').run(now - 2 * levelDecayMs, now - levelDecayMs);
    }
    return this.db.transaction((): number | null => {
      const row = this.row(key) ?? {
        key, failures: 0, window_start: now, locked_until: null, lock_level: 0, last_lock_at: null,
      };
      if (row.locked_until !== null && row.locked_until > now) return row.locked_until;
      let { failures, window_start: windowStart, lock_level: level } = row;
      if (rule.windowMs !== null && now - windowStart >= rule.windowMs) {
        failures = 0;
        windowStart = now;
      }
      if (row.locked_until !== null && now - row.locked_until >= levelDecayMs) level = 0;
      failures += 1;
      let lockedUntil: number | null = null;
      if (failures >= rule.limit) {
        lockedUntil = now + rule.lockMs[Math.min(level, rule.lockMs.length - 1)];
        if (rule.windowMs !== null && kind === 'mint') lockedUntil = windowStart + rule.windowMs;
        level += 1;
        failures = 0;
        windowStart = now;
      }
      this.db
        .prepare(
          `INSERT INTO throttles (key, failures, window_start, locked_until, lock_level, last_lock_at)
           VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT(key) DO UPDATE SET failures = excluded.failures, window_start = excluded.window_start,
             locked_until = COALESCE(excluded.locked_until, throttles.locked_until), lock_level = excluded.lock_level,
             last_lock_at = COALESCE(excluded.last_lock_at, throttles.last_lock_at)`,
        )
        .run(key, failures, windowStart, lockedUntil, level, lockedUntil === null ? null : now);
      return lockedUntil;
    })();
  }

  /** A success: the count (and the escalation level) start again. */
  clear(kind: ThrottleKind, id: string) {
    this.db.prepare('DELETE FROM throttles WHERE key = ?').run(`${kind}:${id}`);
  }

  /** Failures counted so far toward the next lock (for "n attempts left"). */
  failures(kind: ThrottleKind, id: string): number {
    return this.row(`${kind}:${id}`)?.failures ?? 0;
  }

  limit(kind: ThrottleKind) {
    return this.rules[kind].limit;
  }
}

/** "15 minutes", "1 hour", "24 hours": for lock messages. */
export function lockLength(ms: number): string {
  const minutes = Math.ceil(ms / minute);
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.ceil(minutes / 60);
  return `${hours} hour${hours === 1 ? '' : 's'}`;
}

export function lockedError(what: 'logins' | 'payments', until: number, now: number) {
  const subject = what === 'logins' ? 'Logins for this phone number' : 'Payments for this customer';
  return new BankError('locked', `Too many wrong attempts. ${subject} are locked for ${lockLength(until - now)}.`);
}

export function rateLimitedError(until: number, now: number) {
  return new BankError('rate_limited', `Too many attempts from here. Try again in ${lockLength(until - now)}.`);
}

/**
 * The caller's network address. The sandbox is the edge, so it reads the TCP peer (`@hono/node-server` puts the
 * socket in `c.env.incoming`). A production bank sits behind its own load balancer or CDN: it must read the
 * address that edge sets (e.g. the last hop it appended to `X-Forwarded-For`, or a signed header), and never a
 * header a client can send itself. In-process tests pass `{ incoming: { socket: { remoteAddress } } }` as env.
 */
export function clientAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } }; server?: { incoming?: { socket?: { remoteAddress?: string } } } } | undefined;
  const address = env?.incoming?.socket?.remoteAddress ?? env?.server?.incoming?.socket?.remoteAddress;
  // IPv4 clients of a dual-stack socket show as ::ffff:a.b.c.d.
  return address ? address.replace(/^::ffff:/, '') : 'unknown';
}
