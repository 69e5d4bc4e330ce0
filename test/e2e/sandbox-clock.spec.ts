import { expect, test } from '@playwright/test';
import { createSandbox } from '../../src/sandbox/app.ts';
import { demoApp, openDatabase } from '../../src/sandbox/db.ts';

/**
 * Lifetimes, checked on the sandbox itself in-process with a clock the test moves: client tokens (5 min), the
 * SMS challenge (5 min) and the customer's login (30 min). No waiting, no browser.
 */
const origin = 'http://localhost:4999';
let clock = Date.parse('2026-12-01T09:00:00Z');
const minutes = (n: number) => n * 60_000;

function bank() {
  const db = openDatabase(':memory:', [origin]);
  const app = createSandbox({ db, bankOrigin: 'http://127.0.0.1:4999', assetsDir: '/nonexistent', now: () => clock });
  const call = async (path: string, { token, secret, body, method, cookie }: { token?: string; secret?: boolean; body?: unknown; method?: string; cookie?: string } = {}) => {
    const headers: Record<string, string> = { 'Content-Type': 'application/json', 'X-Bank-Frame': '1' };
    if (cookie) headers.Cookie = cookie;
    if (token) headers.Authorization = `Bearer ${token}`;
    if (secret) headers.Authorization = `Bearer ${demoApp.secretKey}`;
    const response = await app.fetch(new Request(`http://127.0.0.1:4999${path}`, {
      method: method ?? (body === undefined ? 'GET' : 'POST'), headers, body: body === undefined ? undefined : JSON.stringify(body),
    }));
    return { status: response.status, body: (await response.json()) as Record<string, any>, setCookie: response.headers.getSetCookie() };
  };
  const clientToken = async () => (await call('/v1/client-tokens', { secret: true, body: {} })).body.clientToken as string;
  const session = async () =>
    (await call('/v1/frame/sessions', { body: { clientToken: await clientToken(), appId: demoApp.id, origin, locale: 'en' } })).body.sessionToken as string;
  return { call, clientToken, session };
}

test('a client token expires after five minutes', async () => {
  const { call, clientToken } = bank();
  const fresh = await clientToken();
  const stale = await clientToken();
  clock += minutes(4);
  expect((await call('/v1/frame/sessions', { body: { clientToken: fresh, appId: demoApp.id, origin, locale: 'en' } })).status).toBe(201);
  clock += minutes(1) + 1;
  const late = await call('/v1/frame/sessions', { body: { clientToken: stale, appId: demoApp.id, origin, locale: 'en' } });
  expect(late.status).toBe(401);
  expect(late.body.error.code).toBe('client_token_invalid');
});

test('the SMS code expires after five minutes; the login after thirty', async () => {
  const { call, session, clientToken } = bank();
  const token = await session();
  const login = async () => (await call('/v1/frame/login', { token, body: { phone: '13800000001', password: 'Passw0rd!' } })).body.challengeId;
  const slow = await login();
  clock += minutes(5) + 1;
  const expired = await call('/v1/frame/login/verify', { token, body: { challengeId: slow, code: '123456' } });
  expect(expired.body.error.code).toBe('code_expired');
  const quick = await login();
  const verified = await call('/v1/frame/login/verify', { token, body: { challengeId: quick, code: '123456' } });
  const loggedInAt = clock;
  expect(Date.parse(verified.body.customer.expiresAt)).toBe(loggedInAt + minutes(30));
  const cookie = verified.setCookie[0].split(';')[0];
  // The frame session (30 minutes from its start, 5 minutes before the login) ends first: the bridge then starts
  // a new one, which the resume cookie links to the customer while the login lasts.
  clock = loggedInAt + minutes(24);
  expect((await call('/v1/frame/session', { token })).body.customer).toMatchObject({ displayName: 'Zhang *' });
  clock = loggedInAt + minutes(25) + 1;
  const ended = await call('/v1/frame/session', { token });
  expect(ended.status).toBe(401);
  expect(ended.body.error.code).toBe('session_expired');
  const resumed = async () => {
    const started = await call('/v1/frame/sessions', { cookie, body: { clientToken: await clientToken(), appId: demoApp.id, origin, locale: 'en' } });
    expect(started.status).toBe(201);
    return started.body.customer;
  };
  clock = loggedInAt + minutes(30) - 1;
  expect(await resumed()).toMatchObject({ displayName: 'Zhang *' });
  clock = loggedInAt + minutes(30);
  expect(await resumed()).toBeNull();
});

// Throttles per page, per address and per phone number: see throttle.spec.ts.
