import { expect } from '@playwright/test';
import { base64url, compactVerify, createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from 'jose';
import { createSandbox } from '../../src/sandbox/app.ts';
import { demoApp, openDatabase } from '../../src/sandbox/db.ts';
import { apiTest as test } from './helpers.ts';

/**
 * The data-sharing API, in-process on the sandbox with a clock the test moves: consents granted through the
 * frame API (as the `Share data` frame does), read by the partner's server, signed, expired, revoked, rotated.
 */
const origin = 'http://localhost:4998';
const bankOrigin = 'http://127.0.0.1:4998';
const day = 86_400_000;
const claims = 'identity income-at-least:10500 balance-at-least:3500';

function bank(start = Date.parse('2026-11-27T04:00:00Z')) {
  const clock = { now: start };
  const db = openDatabase(':memory:', [origin], `${origin}/webhooks`);
  const app = createSandbox({ db, bankOrigin, assetsDir: '/nonexistent', now: () => clock.now });
  const call = async (path: string, { token, secret, body, method }: { token?: string; secret?: string; body?: unknown; method?: string } = {}) => {
    const headers: Record<string, string> = { 'Content-Type': 'application/json', 'X-Bank-Frame': '1' };
    if (token) headers.Authorization = `Bearer ${token}`;
    if (secret) headers.Authorization = `Bearer ${secret}`;
    const response = await app.fetch(new Request(`${bankOrigin}${path}`, {
      method: method ?? (body === undefined ? 'GET' : 'POST'), headers, body: body === undefined ? undefined : JSON.stringify(body),
    }));
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  };
  const session = async (appId = demoApp.id, secret = demoApp.secretKey) => {
    const clientToken = (await call('/v1/client-tokens', { secret, body: {} })).body.clientToken as string;
    return (await call('/v1/frame/sessions', { body: { clientToken, appId, origin, locale: 'en' } })).body.sessionToken as string;
  };
  const loggedIn = async (phone = '13800000001', appId = demoApp.id, secret = demoApp.secretKey) => {
    const token = await session(appId, secret);
    const { challengeId } = (await call('/v1/frame/login', { token, body: { phone, password: 'Passw0rd!' } })).body;
    expect((await call('/v1/frame/login/verify', { token, body: { challengeId, code: '123456' } })).status).toBe(200);
    return token;
  };
  const grant = async (token: string, body: Record<string, unknown> = {}) =>
    call('/v1/frame/consents', { token, body: { purpose: 'rental-screening', claims, textVersion: 'share-data/2026-11', agreed: true, ...body } });
  const jwks = async () => (await call('/.well-known/jwks.json')).body as JSONWebKeySet;
  return { db, clock, call, session, loggedIn, grant, jwks };
}

test('a granted consent answers yes/no, signed with a published key over exactly the answered fields', async () => {
  const { call, loggedIn, grant, jwks } = bank();
  const granted = await grant(await loggedIn());
  expect(granted.status).toBe(201);
  expect(Object.keys(granted.body).sort()).toEqual(['consentId', 'createdAt', 'expiresAt', 'purpose']);
  expect(Date.parse(granted.body.expiresAt) - Date.parse(granted.body.createdAt)).toBe(30 * day);

  const read = await call(`/v1/consents/${granted.body.consentId}`, { secret: demoApp.secretKey });
  expect(read.status).toBe(200);
  const { attestation, ...fields } = read.body;
  expect(fields).toEqual({
    id: granted.body.consentId,
    status: 'active',
    purpose: 'rental-screening',
    claims: { identity: true, 'income-at-least:10500.00': true, 'balance-at-least:3500.00': true },
    createdAt: granted.body.createdAt,
    expiresAt: granted.body.expiresAt,
  });
  const keys = await jwks();
  expect(keys.keys).toHaveLength(1);
  expect(keys.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
  expect(keys.keys[0]).not.toHaveProperty('d');
  const header = decodeProtectedHeader(attestation);
  expect(header).toMatchObject({ alg: 'ES256', kid: keys.keys[0].kid });
  const { payload } = await jwtVerify(attestation, createLocalJWKSet(keys), { issuer: bankOrigin, audience: demoApp.id });
  const { iss, aud, iat, ...signed } = payload;
  expect(signed).toEqual(fields);
  expect([iss, aud, typeof iat]).toEqual([bankOrigin, demoApp.id, 'number']);
});

test('changing any byte of the signed payload breaks the signature', async () => {
  const { call, loggedIn, grant, jwks } = bank();
  const granted = await grant(await loggedIn());
  const { attestation } = (await call(`/v1/consents/${granted.body.consentId}`, { secret: demoApp.secretKey })).body;
  const keySet = createLocalJWKSet(await jwks());
  const [head, body, signature] = (attestation as string).split('.');
  await compactVerify(attestation, keySet); // the original verifies
  const bytes = base64url.decode(body);
  expect(bytes.length).toBeGreaterThan(150);
  for (let i = 0; i < bytes.length; i++) {
    const changed = bytes.slice();
    changed[i] ^= 1 << (i % 8);
    const forged = `${head}.${base64url.encode(changed)}.${signature}`;
    await expect(compactVerify(forged, keySet), `byte ${i}`).rejects.toThrow(/signature verification failed/);
  }
  // The classic forgery: the same payload with `true` where the bank said `false`, re-encoded.
  const lie = new TextDecoder().decode(bytes).replace('"identity":true', '"identity":false');
  await expect(compactVerify(`${head}.${base64url.encode(lie)}.${signature}`, keySet)).rejects.toThrow();
});

test('Li Si gets false for income and balance; the answers are frozen when the consent is given', async () => {
  const { call, loggedIn, grant, clock } = bank();
  const granted = await grant(await loggedIn('13800000002'), { claims: 'identity income-at-least:10500 balance-at-least:10' });
  const read = await call(`/v1/consents/${granted.body.consentId}`, { secret: demoApp.secretKey });
  // ¥10.00 is at least ¥10.00; no income at all.
  expect(read.body.claims).toEqual({ identity: true, 'income-at-least:10500.00': false, 'balance-at-least:10.00': true });
  // Zhang San's consent keeps its answers even after the months move on.
  const zhang = await grant(await loggedIn(), { claims: 'income-at-least:15000 income-at-least:15000.01' });
  clock.now += 20 * day;
  const later = await call(`/v1/consents/${zhang.body.consentId}`, { secret: demoApp.secretKey });
  expect(later.body.claims).toEqual({ 'income-at-least:15000.00': true, 'income-at-least:15000.01': false });
});

test('Zhang San’s ¥15,000 salary counts on any day of the year, across month ends', async () => {
  const { call, loggedIn, grant, clock } = bank();
  for (const iso of ['2026-12-01T00:00:30+08:00', '2026-11-30T23:59:59+08:00', '2027-01-01T00:00:00+08:00', '2026-02-28T12:00:00+08:00']) {
    clock.now = Date.parse(iso);
    const granted = await grant(await loggedIn(), { claims: 'income-at-least:15000 income-at-least:15000.01 balance-at-least:50000' });
    const read = await call(`/v1/consents/${granted.body.consentId}`, { secret: demoApp.secretKey });
    expect(read.body.claims, iso).toEqual({ 'income-at-least:15000.00': true, 'income-at-least:15000.01': false, 'balance-at-least:50000.00': true });
  }
});

test('another app’s consent does not exist for you (404), and nor does a made-up id', async () => {
  const { call, loggedIn, grant } = bank();
  const granted = await grant(await loggedIn());
  const other = await call('/v1/sandbox/apps', { body: { name: 'Other Co', origins: ['http://localhost:4997'] } });
  const crossApp = await call(`/v1/consents/${granted.body.consentId}`, { secret: other.body.secretKey });
  expect(crossApp.status).toBe(404);
  expect(crossApp.body.error.code).toBe('not_found');
  expect((await call('/v1/consents/cns_nope', { secret: demoApp.secretKey })).status).toBe(404);
  expect((await call(`/v1/consents/${granted.body.consentId}`)).status).toBe(401);
});

test('a consent expires after 30 days on the sandbox clock and leaves the customer’s list', async () => {
  const { call, loggedIn, grant, clock } = bank();
  const token = await loggedIn();
  const granted = await grant(token);
  expect((await call('/v1/frame/consents', { token })).body.consents).toHaveLength(1);
  clock.now += 30 * day - 1;
  expect((await call(`/v1/consents/${granted.body.consentId}`, { secret: demoApp.secretKey })).body.status).toBe('active');
  clock.now += 1;
  const expired = await call(`/v1/consents/${granted.body.consentId}`, { secret: demoApp.secretKey });
  expect(expired.body.status).toBe('expired');
  // A fresh login (the old one timed out meanwhile) sees no active consent.
  expect((await call('/v1/frame/consents', { token: await loggedIn() })).body.consents).toEqual([]);
});

test('revoking answers `revoked` at once, queues a signed consent.revoked webhook, and is the customer’s alone', async () => {
  const { db, call, loggedIn, grant } = bank();
  const token = await loggedIn();
  const granted = await grant(token);
  const id = granted.body.consentId;
  const list = (await call('/v1/frame/consents', { token })).body.consents;
  expect(list[0]).toMatchObject({ id, recipient: 'Demo Rental Homes', purpose: 'rental-screening', status: 'active' });
  // Li Si cannot revoke Zhang San's consent.
  const stranger = await call(`/v1/frame/consents/${id}/revoke`, { token: await loggedIn('13800000002'), body: {} });
  expect(stranger.status).toBe(404);
  const revoked = await call(`/v1/frame/consents/${id}/revoke`, { token, body: {} });
  expect(revoked.body).toEqual({ id, status: 'revoked' });
  const read = await call(`/v1/consents/${id}`, { secret: demoApp.secretKey });
  expect(read.body.status).toBe('revoked');
  expect(((await jwtVerify(read.body.attestation, createLocalJWKSet((await call('/.well-known/jwks.json')).body as JSONWebKeySet))).payload).status).toBe('revoked');
  expect((await call('/v1/frame/consents', { token })).body.consents).toEqual([]);
  // Once, even if revoked twice.
  await call(`/v1/frame/consents/${id}/revoke`, { token, body: {} });
  const webhooks = db.prepare(`SELECT payload FROM webhook_deliveries WHERE payload LIKE '%consent.revoked%'`).all() as { payload: string }[];
  expect(webhooks).toHaveLength(1);
  expect(JSON.parse(webhooks[0].payload)).toMatchObject({ type: 'consent.revoked', data: { id, status: 'revoked', purpose: 'rental-screening' } });
});

test('key rotation: new attestations use the new key; the old key stays published until its attestations expire', async () => {
  const { call, loggedIn, grant, jwks, clock } = bank();
  const granted = await grant(await loggedIn());
  const before = (await call(`/v1/consents/${granted.body.consentId}`, { secret: demoApp.secretKey })).body.attestation as string;
  const oldKid = decodeProtectedHeader(before).kid;
  const rotated = await call('/v1/sandbox/signing-keys/rotate', { body: {} });
  expect(rotated.status).toBe(201);
  expect(rotated.body.retired).toEqual([oldKid]);
  const keys = await jwks();
  expect(keys.keys.map((k) => k.kid).sort()).toEqual([oldKid, rotated.body.kid].sort());
  await jwtVerify(before, createLocalJWKSet(keys)); // the old attestation still verifies
  const after = (await call(`/v1/consents/${granted.body.consentId}`, { secret: demoApp.secretKey })).body.attestation as string;
  expect(decodeProtectedHeader(after).kid).toBe(rotated.body.kid);
  await jwtVerify(after, createLocalJWKSet(keys));
  clock.now += 30 * day + 1;
  const later = await jwks();
  expect(later.keys.map((k) => k.kid)).toEqual([rotated.body.kid]);
  await expect(jwtVerify(before, createLocalJWKSet(later))).rejects.toThrow();
});

test('requests are checked: unknown purposes and claims, purposes the app is not registered for, no agreement, no login', async () => {
  const { call, session, loggedIn, grant } = bank();
  const token = await loggedIn();
  const limited = await call('/v1/sandbox/apps', {
    body: { name: 'Car Co', origins: [origin], contact: 'dpo@car.example', purposes: ['car-rental-deposit-waiver'] },
  });
  expect(limited.status).toBe(201);
  const limitedSession = await session(limited.body.appId, limited.body.secretKey);
  const check = (t: string, purpose: string, c = claims) => call('/v1/frame/consent-checks', { token: t, body: { purpose, claims: c } });
  expect((await check(token, 'rental-screening')).body).toEqual({ allowed: true });
  expect((await check(limitedSession, 'rental-screening')).body).toEqual({ allowed: false });
  expect((await check(limitedSession, 'car-rental-deposit-waiver')).body).toEqual({ allowed: true });
  const preview = await call('/v1/frame/consent-previews', { token: limitedSession, body: { purpose: 'car-rental-deposit-waiver', claims: 'identity' } });
  expect(preview.body).toMatchObject({ recipient: { name: 'Car Co', contact: 'dpo@car.example' }, claims: ['identity'], validityDays: 30 });
  expect((await call('/v1/frame/consent-previews', { token: limitedSession, body: { purpose: 'rental-screening', claims } })).body.error.code)
    .toBe('purpose_not_allowed');
  const bad = await check(token, 'rental-screening', 'identity income-at-least:-5');
  expect([bad.status, bad.body.error.code]).toEqual([400, 'invalid_claim']);
  expect((await check(token, 'marketing')).body.error.code).toBe('invalid_request');
  expect((await grant(token, { agreed: false })).body.error.code).toBe('invalid_request');
  expect((await grant(token, { textVersion: 'share-data/2020-01' })).body.error.code).toBe('invalid_request');
  expect((await grant(token, { claims: 'identity identity' })).body.error.code).toBe('invalid_claim');
  expect((await grant(await session())).body.error.code).toBe('login_required');
  expect((await call('/v1/sandbox/apps', { body: { name: 'X', origins: [origin], purposes: ['spying'] } })).status).toBe(400);
  // Nothing was stored by any refused request.
  expect((await call('/v1/frame/consents', { token })).body.consents).toEqual([]);
});

test('the consent frame routes answer only the bank’s own frames, and the JWKS is public', async () => {
  const { db } = bank();
  const app = createSandbox({ db, bankOrigin, assetsDir: '/nonexistent' });
  const post = (headers: Record<string, string>) =>
    app.fetch(new Request(`${bankOrigin}/v1/frame/consent-checks`, { method: 'POST', headers, body: JSON.stringify({ purpose: 'rental-screening', claims }) }));
  expect((await post({})).status).toBe(403);
  expect((await post({ 'X-Bank-Frame': '1', Origin: 'http://localhost:4998' })).status).toBe(403);
  expect((await post({ 'X-Bank-Frame': '1', 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
  expect((await post({ 'X-Bank-Frame': '1' })).status).toBe(401); // the guard passes; no session
  const jwks = await app.fetch(new Request(`${bankOrigin}/.well-known/jwks.json`));
  expect(jwks.headers.get('Access-Control-Allow-Origin')).toBe('*');
  expect(((await jwks.json()) as JSONWebKeySet).keys).toHaveLength(1);
});
