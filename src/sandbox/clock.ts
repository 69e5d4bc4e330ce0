/**
 * The sandbox bank's clock: a base clock (wall time, or a test's) plus an offset that partner CI moves with
 * `POST /v1/sandbox/clock`. Everything that reads time in the bank reads `now()` (SandboxOptions.now): token and
 * session lifetimes, order expiry, cooling-off, payment limits on China's calendar, webhook retries, the ledger.
 */
export class SandboxClock {
  private offsetMs = 0;

  constructor(private readonly base: () => number = Date.now) {}

  /** Bound, so it can be handed around as a plain `() => number`. */
  readonly now = (): number => this.base() + this.offsetMs;

  /** Moves the clock forward (never back: the bank's records must stay in order). */
  advance(ms: number) {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('The sandbox clock only moves forward.');
    this.offsetMs += ms;
    return this.now();
  }

  /** Back to the base clock. */
  reset() {
    this.offsetMs = 0;
    return this.now();
  }

  get offset() {
    return this.offsetMs;
  }
}
