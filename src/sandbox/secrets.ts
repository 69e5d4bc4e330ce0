import { createHash, randomBytes, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify(scrypt) as (secret: string, salt: Buffer, length: number) => Promise<Buffer>;

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

/**
 * Constant-time check; with no stored hash it still does the work, so unknown phones answer as slowly as wrong
 * passwords. Asynchronous, so a burst of logins or PIN checks never stalls the rest of the bank.
 */
export async function verifySecret(secret: string, stored: string | undefined): Promise<boolean> {
  const [saltHex, hashHex] = (stored ?? decoy).split(':');
  const actual = await scryptAsync(secret, Buffer.from(saltHex, 'hex'), 32);
  return timingSafeEqual(actual, Buffer.from(hashHex, 'hex')) && stored !== undefined;
}
