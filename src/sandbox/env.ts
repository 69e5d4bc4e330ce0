import type { SandboxClock } from './clock.ts';
import type { Db } from './sqlite.ts';
import type { ThrottleLimits } from './throttle.ts';

/** How a sandbox bank is created (`createSandbox`), shared by every route module through the Hono context. */
export interface SandboxOptions {
  db: Db;
  /** This server's own origin, e.g. `http://127.0.0.1:4010`: the only origin its frames may call the frame API from. */
  bankOrigin: string;
  /** Built SDK files (`dist/sdk/v1`). */
  assetsDir: string;
  /** Production mode hides the sandbox-only endpoints. */
  production?: boolean;
  /** The base clock (wall time by default); the bank reads `clock.now`, which `POST /v1/sandbox/clock` moves. */
  now?: () => number;
  /** The bank's clock, when the caller shares it (e.g. with webhook delivery); made from `now` otherwise. */
  clock?: SandboxClock;
  /** Locks and throttles tightened or loosened (src/sandbox/throttle.ts); the defaults are the bank's. */
  limits?: ThrottleLimits;
  /**
   * The SMS gateway. Sandbox mode always sends `123456` and needs none; production mode sends a random code
   * through it (with none configured, the code goes nowhere and nobody can log in).
   */
  sendSms?: (phone: string, code: string) => void;
  /**
   * Every answer of a documented route is checked against its OpenAPI response schema; a mismatch becomes a 500
   * naming it. On in the tests (`BANK_CHECK_RESPONSES=1`), off by default.
   */
  checkResponses?: boolean;
}

export type Env = { Variables: { options: Required<SandboxOptions> } };
