import { createHash, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

/** A random, URL-safe secret or id with a readable prefix (`ct_…`, `sess_…`). */
export function randomToken(prefix: string, bytes = 24): string {
  return `${prefix}_${randomBytes(bytes).toString('base64url')}`;
}

/** Tokens are stored only as hashes, so a database leak does not leak live sessions. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function hashSecret(secret: string): string {
  const salt = randomBytes(16);
  return `${salt.toString('hex')}:${scryptSync(secret, salt, 32).toString('hex')}`;
}

const decoy = hashSecret('decoy');

/** Constant-time check; with no stored hash it still does the work, so unknown phones answer as slowly as wrong passwords. */
export function verifySecret(secret: string, stored: string | undefined): boolean {
  const [saltHex, hashHex] = (stored ?? decoy).split(':');
  const actual = scryptSync(secret, Buffer.from(saltHex, 'hex'), 32);
  return timingSafeEqual(actual, Buffer.from(hashHex, 'hex')) && stored !== undefined;
}
