/**
 * The bank's attestation keys: ES256 (P-256) key pairs kept in the database, the newest one signing. Partners
 * verify attestations with the public keys at `GET /.well-known/jwks.json`, found by the JWS header's `kid`.
 *
 * Rotation: a new key signs from the moment it is created; the old key is retired but stays published for
 * {@link retiredKeyPublishedMs} (the longest a consent, and so an attestation about it, stays valid), so that
 * every attestation already handed out keeps verifying until its consent has expired anyway.
 */
import { createHash, generateKeyPairSync } from 'node:crypto';
import { importJWK, SignJWT, type JWK } from 'jose';
import { consentValidityMs } from '../domain/claims.ts';
import type { Db } from './sqlite.ts';

export const retiredKeyPublishedMs = consentValidityMs;

interface KeyRow {
  kid: string;
  private_jwk: string;
  public_jwk: string;
  created_at: number;
  retired_at: number | null;
}

/** RFC 7638 thumbprint of the public key: a `kid` anyone can recompute from the JWK. */
function thumbprint(jwk: JWK): string {
  const canonical = JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y });
  return createHash('sha256').update(canonical).digest('base64url');
}

function createKey(db: Db, now: number): string {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const publicJwk = publicKey.export({ format: 'jwk' }) as JWK;
  const kid = thumbprint(publicJwk);
  db.prepare('INSERT INTO signing_keys (kid, private_jwk, public_jwk, created_at) VALUES (?, ?, ?, ?)').run(
    kid, JSON.stringify(privateKey.export({ format: 'jwk' })), JSON.stringify(publicJwk), now,
  );
  return kid;
}

/** Creates the first signing key when the bank starts without one. */
export function ensureSigningKey(db: Db, now: number) {
  if (!db.prepare('SELECT 1 FROM signing_keys WHERE retired_at IS NULL').get()) createKey(db, now);
}

/** Sandbox: a new signing key takes over; the old one stays published until its attestations have expired. */
export function rotateSigningKey(db: Db, now: number): { kid: string; retired: string[] } {
  return db.transaction(() => {
    const retired = (db.prepare('SELECT kid FROM signing_keys WHERE retired_at IS NULL').all() as { kid: string }[]).map((r) => r.kid);
    db.prepare('UPDATE signing_keys SET retired_at = ? WHERE retired_at IS NULL').run(now);
    return { kid: createKey(db, now), retired };
  })();
}

/** The published keys (JWKS): the signing key and retired keys whose attestations may still be valid. */
export function publishedKeys(db: Db, now: number): { keys: JWK[] } {
  const rows = db
    .prepare('SELECT * FROM signing_keys WHERE retired_at IS NULL OR retired_at > ? ORDER BY created_at DESC')
    .all(now - retiredKeyPublishedMs) as KeyRow[];
  return { keys: rows.map((row) => ({ ...(JSON.parse(row.public_jwk) as JWK), kid: row.kid, alg: 'ES256', use: 'sig' })) };
}

/**
 * A compact JWS (ES256, `kid` in the header) over `payload`, for the app `audience`, issued by the bank.
 * Verify with `jwtVerify(jws, createRemoteJWKSet(jwksUrl), { issuer, audience })`.
 */
export async function signAttestation(db: Db, payload: Record<string, unknown>, issuer: string, audience: string, now: number) {
  ensureSigningKey(db, now);
  const row = db.prepare('SELECT * FROM signing_keys WHERE retired_at IS NULL ORDER BY created_at DESC').get() as KeyRow;
  const key = await importJWK(JSON.parse(row.private_jwk) as JWK, 'ES256');
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'ES256', kid: row.kid, typ: 'consent+jwt' })
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt(Math.floor(now / 1000))
    .sign(key);
}
