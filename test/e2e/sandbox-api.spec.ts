/**
 * The sandbox bank's HTTP API, server to server: the partner API (CONTRACT §5), the sandbox customers' rules
 * (CONTRACT §6), and the frame API the bank's own frames call, driven from Node the way those frames would
 * (`X-Bank-Frame: 1`, no cross-site Origin). No browser page: these are fast, and each asserts one rule.
 */
import { expect } from '@playwright/test';
import {
  call, frameCall, FrameSession, frameSession, loggedInSession, mintClientToken, registerApp, startFrameSession, type Answer,
} from './bank-client.ts';
import { apiTest as test, bankApi, bankOrigin, demoAppId, demoSecretKey, newCustomer, partnerOrigin, password, smsCode } from './helpers.ts';

/** The demo partner's origin, the one origin registered for the demo app (`http://localhost:4100` in the tests). */
const demoOrigin = partnerOrigin;

// ---------------------------------------------------------------------------------------------------------------
// Local helpers
// ---------------------------------------------------------------------------------------------------------------

/** `name=value` of the resume cookie a successful verify sets. */
function resumeCookie(response: Answer): string {
  const setCookie = response.headers.getSetCookie().find((c) => c.startsWith('bank_resume_'));
  expect(setCookie, 'verify sets the resume cookie').toBeDefined();
  return setCookie!.split(';')[0];
}

const uniqueOrigin = (label: string) => `http://${label}-${Math.random().toString(36).slice(2, 8)}.test`;

/** Asserts the standard error shape `{error: {code, message}}` and answers the code. */
function expectError(response: { status: number; body: Record<string, any> }, status: number, code?: string) {
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect(typeof response.body.error?.code).toBe('string');
  expect(typeof response.body.error?.message).toBe('string');
  expect(response.body.error.message.length).toBeGreaterThan(0);
  if (code) expect(response.body.error.code).toBe(code);
  return response.body.error.code as string;
}

const isoPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

// ---------------------------------------------------------------------------------------------------------------

test.describe('client tokens', () => {
  test('are minted with 201, a token and an ISO expiry about five minutes ahead', async () => {
    const before = Date.now();
    const minted = await bankApi('/v1/client-tokens', { method: 'POST', body: JSON.stringify({ customerRef: 'tenant-42' }) });
    expect(minted.status).toBe(201);
    expect(typeof minted.body.clientToken).toBe('string');
    expect(minted.body.clientToken.length).toBeGreaterThanOrEqual(20);
    expect(minted.body.expiresAt).toMatch(isoPattern);
    const ahead = Date.parse(minted.body.expiresAt) - before;
    expect(ahead).toBeGreaterThan(4.5 * 60_000);
    expect(ahead).toBeLessThan(5.5 * 60_000);
    const again = await bankApi('/v1/client-tokens', { method: 'POST', body: '{}' });
    expect(again.body.clientToken).not.toBe(minted.body.clientToken);
  });

  test('an empty body is fine, a non-string customerRef is not', async () => {
    const empty = await bankApi('/v1/client-tokens', { method: 'POST' });
    expect(empty.status).toBe(201);
    expectError(await bankApi('/v1/client-tokens', { method: 'POST', body: JSON.stringify({ customerRef: 42 }) }), 400, 'invalid_request');
  });

  test('a wrong, malformed or missing secret key gets 401 unauthorized', async () => {
    expectError(await bankApi('/v1/client-tokens', { method: 'POST', body: '{}', secretKey: 'sk_sandbox_wrong' }), 401, 'unauthorized');
    expectError(await bankApi('/v1/client-tokens', { method: 'POST', body: '{}', secretKey: '' }), 401, 'unauthorized');
    expectError(
      await bankApi('/v1/client-tokens', { method: 'POST', body: '{}', headers: { Authorization: `Basic ${demoSecretKey}` } }),
      401, 'unauthorized',
    );
    expectError(await call('/v1/client-tokens', { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } }), 401, 'unauthorized');
  });

  test('a client token starts one frame session only', async () => {
    const clientToken = await mintClientToken();
    expect((await startFrameSession({ clientToken })).status).toBe(201);
    expectError(await startFrameSession({ clientToken }), 401, 'client_token_invalid');
  });

  test('an unknown client token is refused', async () => {
    expectError(await startFrameSession({ clientToken: 'ct_not_a_real_token' }), 401, 'client_token_invalid');
  });

  test("another app's client token is refused for the demo app, and still works for its own app", async () => {
    const origin = uniqueOrigin('other');
    const other = await registerApp({ origins: [origin] });
    expect(other.appId).toMatch(/^app_/);
    expect(other.appId).not.toBe(demoAppId);
    expect(other.secretKey).not.toBe(demoSecretKey);
    expect(other.origins).toEqual([origin]);

    const foreignToken = await mintClientToken(other.secretKey);
    expectError(await startFrameSession({ clientToken: foreignToken, appId: demoAppId, origin: demoOrigin }), 401, 'client_token_invalid');
    // The refusal did not spend it: its own app can still use it, once.
    expect((await startFrameSession({ clientToken: foreignToken, appId: other.appId, origin })).status).toBe(201);
    expectError(await startFrameSession({ clientToken: foreignToken, appId: other.appId, origin }), 401, 'client_token_invalid');
  });
});

// ---------------------------------------------------------------------------------------------------------------

test.describe('frame sessions', () => {
  test('start with 201: a session token, an ISO expiry and nobody logged in', async () => {
    const started = await startFrameSession();
    expect(started.status).toBe(201);
    expect(typeof started.body.sessionToken).toBe('string');
    expect(started.body.sessionToken.length).toBeGreaterThanOrEqual(20);
    expect(started.body.expiresAt).toMatch(isoPattern);
    expect(Date.parse(started.body.expiresAt)).toBeGreaterThan(Date.now());
    expect(started.body.customer).toBeNull();
    expect(started.headers.get('cache-control')).toBe('no-store');
    expect(await new FrameSession(started.body.sessionToken).customer()).toBeNull();
  });

  test('an origin not registered for the app gets 403 origin_not_allowed', async () => {
    expectError(await startFrameSession({ origin: 'http://evil.test' }), 403, 'origin_not_allowed');
    // Close but not the same: another port, another scheme, the other loopback name.
    const port = Number(new URL(demoOrigin).port);
    expectError(await startFrameSession({ origin: `http://localhost:${port + 1}` }), 403, 'origin_not_allowed');
    expectError(await startFrameSession({ origin: `https://localhost:${port}` }), 403, 'origin_not_allowed');
    expectError(await startFrameSession({ origin: `http://127.0.0.1:${port}` }), 403, 'origin_not_allowed');
    // An origin registered by another app is not the demo app's.
    const origin = uniqueOrigin('elsewhere');
    await registerApp({ origins: [origin] });
    expectError(await startFrameSession({ origin }), 403, 'origin_not_allowed');
  });

  test('an origin that is not an origin, or an unknown locale, gets 400', async () => {
    expectError(await startFrameSession({ origin: `${demoOrigin}/` }), 400, 'invalid_request');
    expectError(await startFrameSession({ origin: `${demoOrigin}/page` }), 400, 'invalid_request');
    expectError(await startFrameSession({ origin: new URL(demoOrigin).host }), 400, 'invalid_request');
    expectError(await startFrameSession({ locale: 'fr' }), 400, 'invalid_request');
  });

  test('an unknown appId gets 404 not_found', async () => {
    expectError(await startFrameSession({ appId: 'app_does_not_exist' }), 404, 'not_found');
  });

  test('a cross-site caller, or one without X-Bank-Frame, gets 403 forbidden', async () => {
    const body = { clientToken: await mintClientToken(), appId: demoAppId, origin: demoOrigin, locale: 'en' };
    expectError(await frameCall('/sessions', { body, headers: { Origin: demoOrigin } }), 403, 'forbidden');
    expectError(await frameCall('/sessions', { body, headers: { 'Sec-Fetch-Site': 'cross-site' } }), 403, 'forbidden');
    expectError(await frameCall('/sessions', { body, headers: { 'Sec-Fetch-Site': 'same-site' } }), 403, 'forbidden');
    expectError(await frameCall('/sessions', { body, headers: { 'X-Bank-Frame': '0' } }), 403, 'forbidden');
    expectError(
      await call('/v1/frame/sessions', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
      403, 'forbidden',
    );
    expectError(await call('/v1/frame/session'), 403, 'forbidden');
    // None of these spent the token; the bank's own origin is welcome.
    const ok = await frameCall('/sessions', { body, headers: { Origin: bankOrigin, 'Sec-Fetch-Site': 'same-origin' } });
    expect(ok.status, ok.text).toBe(201);
  });

  test('no or an invalid bearer gets 401 session_expired', async () => {
    expectError(await frameCall('/session', { method: 'GET' }), 401, 'session_expired');
    expectError(await frameCall('/session', { method: 'GET', token: 'fs_not_a_session' }), 401, 'session_expired');
    expectError(await frameCall('/session', { method: 'GET', headers: { Authorization: 'Bearer' } }), 401, 'session_expired');
    expectError(await frameCall('/login', { body: { phone: '13800000001', password } }), 401, 'session_expired');
    expectError(await frameCall('/login', { token: 'fs_nope', body: { phone: '13800000001', password } }), 401, 'session_expired');
    expectError(await frameCall('/login/verify', { token: 'fs_nope', body: { challengeId: 'ch_x', code: smsCode } }), 401, 'session_expired');
    expectError(await frameCall('/logout', { token: 'fs_nope' }), 401, 'session_expired');
    // A client token or a secret key is not a session token.
    expectError(await frameCall('/session', { method: 'GET', token: await mintClientToken() }), 401, 'session_expired');
    expectError(await frameCall('/session', { method: 'GET', token: demoSecretKey }), 401, 'session_expired');
  });
});

// ---------------------------------------------------------------------------------------------------------------

test.describe('login', () => {
  test('phone, password and SMS code log the customer in, with a partitioned HttpOnly resume cookie', async () => {
    const phone = await newCustomer({ nameEn: 'Zhang San', nameZh: '张三' });
    const session = await frameSession();
    const step = await session.tryPassword(phone);
    expect(step.status).toBe(200);
    expect(typeof step.body.challengeId).toBe('string');
    expect(step.body.phone).toBe(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
    expect(step.text).not.toContain(phone);
    expect(step.headers.getSetCookie()).toEqual([]);

    const verified = await session.tryCode(step.body.challengeId);
    expect(verified.status).toBe(200);
    const customer = verified.body.customer;
    expect(customer).toEqual({ customerId: expect.any(String), displayName: 'Zhang *', expiresAt: expect.stringMatching(isoPattern) });
    expect(Date.parse(customer.expiresAt)).toBeGreaterThan(Date.now());
    expect(verified.text).not.toContain(phone);

    const cookie = verified.headers.getSetCookie().find((c) => c.startsWith(`bank_resume_${demoAppId}=`));
    expect(cookie).toBeDefined();
    const attributes = cookie!.split(';').slice(1).map((a) => a.trim().toLowerCase());
    expect(attributes).toContain('httponly');
    expect(attributes).toContain('secure');
    expect(attributes).toContain('samesite=none');
    expect(attributes).toContain('partitioned');
    expect(attributes).toContain('path=/v1/frame/');

    expect(await session.customer()).toEqual(customer);
  });

  test('a sandbox customer from CONTRACT §6 logs in; the display name is masked in the session locale', async () => {
    const en = await loggedInSession('13800000001', { locale: 'en' });
    expect(en.customer.displayName).toBe('Zhang *');
    const zh = await loggedInSession('13800000001', { locale: 'zh-CN' });
    expect(zh.customer.displayName).toBe('张*');
    expect(zh.customer.customerId).toBe(en.customer.customerId);
  });

  test('an unknown phone and a wrong password get byte-identical answers', async () => {
    const phone = await newCustomer();
    const session = await frameSession();
    const wrongPassword = await session.tryPassword(phone, 'not-the-password');
    const unknownPhone = await session.tryPassword('13712345678', password);
    expectError(wrongPassword, 401, 'invalid_credentials');
    expect(unknownPhone.status).toBe(wrongPassword.status);
    expect(unknownPhone.text).toBe(wrongPassword.text);
    expect(unknownPhone.headers.get('content-type')).toBe(wrongPassword.headers.get('content-type'));
    expect(wrongPassword.text).not.toContain(phone);
  });

  test('a wrong SMS code gets invalid_credentials and logs nobody in; the right code then does', async () => {
    const phone = await newCustomer();
    const session = await frameSession();
    const challengeId = await session.challengeFor(phone);
    const wrong = await session.tryCode(challengeId, '654321');
    expectError(wrong, 401, 'invalid_credentials');
    expect(wrong.headers.getSetCookie()).toEqual([]);
    expect(await session.customer()).toBeNull();
    expect((await session.tryCode(challengeId)).status).toBe(200);
    expect(await session.customer()).not.toBeNull();
  });

  test('five wrong passwords in a row lock the customer; the right password then still answers locked', async () => {
    const phone = await newCustomer();
    const session = await frameSession();
    for (let i = 1; i <= 4; i++) expectError(await session.tryPassword(phone, `wrong-${i}`), 401, 'invalid_credentials');
    expectError(await session.tryPassword(phone, 'wrong-5'), 423, 'locked');
    expectError(await session.tryPassword(phone), 423, 'locked');
    // From another frame session (another page) too.
    expectError(await (await frameSession()).tryPassword(phone), 423, 'locked');
  });

  test('five wrong SMS codes lock the customer; the right code then still answers locked', async () => {
    const phone = await newCustomer();
    const session = await frameSession();
    const challengeId = await session.challengeFor(phone);
    for (let i = 1; i <= 4; i++) expectError(await session.tryCode(challengeId, `00000${i}`), 401, 'invalid_credentials');
    expectError(await session.tryCode(challengeId, '000005'), 423, 'locked');
    expectError(await session.tryCode(challengeId), 423, 'locked');
    expect(await session.customer()).toBeNull();
    expectError(await session.tryPassword(phone), 423, 'locked');
  });

  test('wrong passwords and wrong codes count together', async () => {
    const phone = await newCustomer();
    const session = await frameSession();
    for (let i = 1; i <= 3; i++) expectError(await session.tryPassword(phone, `wrong-${i}`), 401, 'invalid_credentials');
    const challengeId = await session.challengeFor(phone);
    expectError(await session.tryCode(challengeId, '000001'), 401, 'invalid_credentials');
    expectError(await session.tryCode(challengeId, '000002'), 423, 'locked');
  });

  test('a successful login resets the count of wrong attempts', async () => {
    const phone = await newCustomer();
    const session = await frameSession();
    for (let i = 1; i <= 4; i++) expectError(await session.tryPassword(phone, `wrong-${i}`), 401, 'invalid_credentials');
    await loggedInSession(phone);
    for (let i = 1; i <= 4; i++) expectError(await session.tryPassword(phone, `again-${i}`), 401, 'invalid_credentials');
    // Four wrong since the success: not locked.
    const step = await session.tryPassword(phone);
    expect(step.status, step.text).toBe(200);
  });

  test('a challenge belongs to its frame session', async () => {
    const phone = await newCustomer();
    const owner = await frameSession();
    const stranger = await frameSession();
    const challengeId = await owner.challengeFor(phone);
    const stolen = await stranger.tryCode(challengeId);
    expect(stolen.status).toBeGreaterThanOrEqual(400);
    expect(stolen.status).toBeLessThan(500);
    expect(stolen.body.error?.code).toBeDefined();
    expect(stolen.body.customer).toBeUndefined();
    expect(stolen.headers.getSetCookie()).toEqual([]);
    expect(await stranger.customer()).toBeNull();
    expect(await owner.customer()).toBeNull();
    // The owner can still complete it.
    expect((await owner.tryCode(challengeId)).status).toBe(200);
    expect(await stranger.customer()).toBeNull();
  });

  test('a challenge is used once; an unknown challenge is refused', async () => {
    const phone = await newCustomer();
    const session = await frameSession();
    const challengeId = await session.challengeFor(phone);
    expect((await session.tryCode(challengeId)).status).toBe(200);
    const replay = await session.tryCode(challengeId);
    expect(replay.status).toBeGreaterThanOrEqual(400);
    expect(replay.status).toBeLessThan(500);
    expect(replay.headers.getSetCookie()).toEqual([]);
    const unknown = await (await frameSession()).tryCode('ch_not_a_challenge');
    expect(unknown.status).toBeGreaterThanOrEqual(400);
    expect(unknown.status).toBeLessThan(500);
  });

  test('a pending challenge cannot be completed once the customer is locked', async () => {
    const phone = await newCustomer();
    const victim = await frameSession();
    const challengeId = await victim.challengeFor(phone);
    const attacker = await frameSession();
    for (let i = 1; i <= 5; i++) await attacker.tryPassword(phone, `wrong-${i}`);
    expectError(await victim.tryCode(challengeId), 423, 'locked');
    expect(await victim.customer()).toBeNull();
  });

  test('a locked customer shows as locked to the partner', async () => {
    const phone = await newCustomer();
    const { customer, session } = await loggedInSession(phone);
    for (let i = 1; i <= 5; i++) await session.tryPassword(phone, `wrong-${i}`);
    const looked = await bankApi(`/v1/customers/${customer.customerId}`);
    expect(looked.status).toBe(200);
    expect(looked.body.locked).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------------------------

test.describe('customers', () => {
  test('the partner looks up a logged-in customer by customerId, masked', async () => {
    const phone = await newCustomer({ nameEn: 'Zhang San', nameZh: '张三' });
    const { customer } = await loggedInSession(phone);
    const looked = await bankApi(`/v1/customers/${encodeURIComponent(customer.customerId)}`);
    expect(looked.status).toBe(200);
    // In the language of the customer's latest login with this app (an `en` page here), as the login event gave it.
    expect(looked.body).toMatchObject({ customerId: customer.customerId, displayName: customer.displayName, displayNameEn: 'Zhang *' });
    expect(customer.displayName).toBe('Zhang *');
    await loggedInSession(phone, { locale: 'zh-CN' });
    expect((await bankApi(`/v1/customers/${encodeURIComponent(customer.customerId)}`)).body).toMatchObject({ displayName: '张*', displayNameEn: 'Zhang *' });
    const text = JSON.stringify(looked.body);
    expect(text).not.toContain(phone);
    expect(text).not.toContain('张三');
    expect(text).not.toContain('Zhang San');
  });

  test('customer ids are per app: another app gets 404 for it, and its own id for the same customer', async () => {
    const phone = await newCustomer({ nameEn: 'Zhang San', nameZh: '张三' });
    const { customer } = await loggedInSession(phone);
    const origin = uniqueOrigin('second');
    const other = await registerApp({ origins: [origin] });
    expectError(await bankApi(`/v1/customers/${customer.customerId}`, { secretKey: other.secretKey }), 404, 'not_found');

    const theirs = await loggedInSession(phone, { appId: other.appId, origin, secretKey: other.secretKey });
    expect(theirs.customer.customerId).not.toBe(customer.customerId);
    const looked = await bankApi(`/v1/customers/${theirs.customer.customerId}`, { secretKey: other.secretKey });
    expect(looked.status).toBe(200);
    expect(looked.body.displayName).toBe(theirs.customer.displayName);
    expectError(await bankApi(`/v1/customers/${theirs.customer.customerId}`), 404, 'not_found');
  });

  test('the customerId is stable across logins of the same customer with the same app', async () => {
    const phone = await newCustomer();
    const first = await loggedInSession(phone);
    const second = await loggedInSession(phone, { locale: 'zh-CN' });
    expect(second.customer.customerId).toBe(first.customer.customerId);
    const someoneElse = await loggedInSession(await newCustomer());
    expect(someoneElse.customer.customerId).not.toBe(first.customer.customerId);
  });

  test('an unknown id gets 404, a wrong key 401', async () => {
    expectError(await bankApi('/v1/customers/cus_does_not_exist'), 404, 'not_found');
    expectError(await bankApi('/v1/customers/cus_does_not_exist', { secretKey: 'sk_wrong' }), 401, 'unauthorized');
    const { customer } = await loggedInSession(await newCustomer());
    expectError(await bankApi(`/v1/customers/${customer.customerId}`, { secretKey: 'sk_wrong' }), 401, 'unauthorized');
  });
});

// ---------------------------------------------------------------------------------------------------------------

test.describe('logout and resume', () => {
  test('before logout the resume cookie resumes a new frame session; after it, it does not', async () => {
    const phone = await newCustomer();
    const { session, customer, verified } = await loggedInSession(phone);
    const cookie = resumeCookie(verified);

    const resumed = await startFrameSession({ cookie });
    expect(resumed.status).toBe(201);
    expect(resumed.body.customer).toMatchObject({ customerId: customer.customerId });
    expect(await new FrameSession(resumed.body.sessionToken).customer()).toMatchObject({ customerId: customer.customerId });

    const loggedOut = await session.logOut();
    expect(loggedOut.status).toBe(200);
    expect(loggedOut.body).toEqual({ customer: null });
    const cleared = loggedOut.headers.getSetCookie().find((c) => c.startsWith(`bank_resume_${demoAppId}=`));
    expect(cleared, 'logout clears the resume cookie').toBeDefined();
    expect(cleared!.toLowerCase()).toMatch(/max-age=0|expires=thu, 01 jan 1970/);

    expect(await session.customer()).toBeNull();
    // One logout logs out every frame that shared the login.
    expect(await new FrameSession(resumed.body.sessionToken).customer()).toBeNull();
    const afterLogout = await startFrameSession({ cookie });
    expect(afterLogout.status).toBe(201);
    expect(afterLogout.body.customer).toBeNull();
  });

  test('logging out with nobody logged in is harmless', async () => {
    const session = await frameSession();
    const loggedOut = await session.logOut();
    expect(loggedOut.status).toBe(200);
    expect(loggedOut.body).toEqual({ customer: null });
  });

  test('a resume cookie or a session token does not resume for another origin or app', async () => {
    const phone = await newCustomer();
    const first = uniqueOrigin('first');
    const second = uniqueOrigin('second');
    const other = await registerApp({ origins: [first, second] });
    const { verified } = await loggedInSession(phone, { appId: other.appId, origin: first, secretKey: other.secretKey });
    const cookie = resumeCookie(verified);
    expect(cookie.startsWith(`bank_resume_${other.appId}=`)).toBe(true);

    // The same app on its other origin: a different site, no resume.
    const elsewhere = await startFrameSession({ appId: other.appId, origin: second, secretKey: other.secretKey, cookie });
    expect(elsewhere.status).toBe(201);
    expect(elsewhere.body.customer).toBeNull();
    // The cookie's value presented under the demo app's name: no resume either.
    const value = cookie.slice(cookie.indexOf('=') + 1);
    const renamed = await startFrameSession({ cookie: `bank_resume_${demoAppId}=${value}` });
    expect(renamed.status).toBe(201);
    expect(renamed.body.customer).toBeNull();
    // Its own origin does resume (the control).
    const home = await startFrameSession({ appId: other.appId, origin: first, secretKey: other.secretKey, cookie });
    expect(home.body.customer).not.toBeNull();
  });

  test('a made-up resume cookie resumes nothing', async () => {
    const started = await startFrameSession({ cookie: `bank_resume_${demoAppId}=rs_made_up_value` });
    expect(started.status).toBe(201);
    expect(started.body.customer).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------------------------

test.describe('robustness', () => {
  const bigBody = JSON.stringify({ phone: '13800000001', password, padding: 'x'.repeat(20 * 1024) });
  const malformed: [string, string][] = [
    ['bad JSON', '{"phone": '],
    ['a JSON array', '["13800000001", "Passw0rd!"]'],
    ['a JSON string', '"13800000001"'],
    ['JSON null', 'null'],
    ['a number where a string is expected', JSON.stringify({ phone: 13800000001, password })],
    ['an object where a string is expected', JSON.stringify({ phone: { $ne: '' }, password })],
    ['missing fields', JSON.stringify({ password })],
    ['an empty body', ''],
  ];

  const endpoints: { name: string; send: (body: string) => Promise<Answer> }[] = [
    { name: 'POST /v1/frame/login', send: async (body) => (await frameSession()).call('/login', { body }) },
    { name: 'POST /v1/frame/login/verify', send: async (body) => (await frameSession()).call('/login/verify', { body }) },
    { name: 'POST /v1/frame/sessions', send: (body) => frameCall('/sessions', { body }) },
    {
      name: 'POST /v1/sandbox/apps',
      send: (body) => call('/v1/sandbox/apps', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body }),
    },
    {
      name: 'POST /v1/sandbox/customers',
      send: (body) => call('/v1/sandbox/customers', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body }),
    },
  ];

  for (const endpoint of endpoints) {
    test(`${endpoint.name}: malformed bodies get 400 invalid_request, never 500`, async () => {
      for (const [what, body] of malformed) {
        const answer = await endpoint.send(body);
        expect(answer.status, `${what}: ${answer.text}`).toBe(400);
        expect(answer.body.error, what).toEqual({ code: 'invalid_request', message: expect.any(String) });
      }
    });

    test(`${endpoint.name}: a 20 KB body gets 413 payload_too_large`, async () => {
      const answer = await endpoint.send(bigBody);
      expectError(answer, 413, 'payload_too_large');
    });
  }

  test('POST /v1/client-tokens: malformed bodies get 400 and a 20 KB body 413, never 500', async () => {
    for (const body of ['{"customerRef": ', '["tenant-42"]', '"tenant-42"', 'null', '{"customerRef": 7}', '{"customerRef": {"a": 1}}']) {
      const answer = await bankApi('/v1/client-tokens', { method: 'POST', body });
      expect(answer.status, body).toBe(400);
      expect(answer.body.error, body).toEqual({ code: 'invalid_request', message: expect.any(String) });
    }
    expectError(await bankApi('/v1/client-tokens', { method: 'POST', body: bigBody }), 413, 'payload_too_large');
  });

  test('a 20 KB body sent without Content-Length (chunked) also gets 413', async () => {
    const chunk = new TextEncoder().encode(bigBody);
    const answer = await call('/v1/sandbox/customers', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: new ReadableStream({ start: (controller) => (controller.enqueue(chunk), controller.close()) }),
      duplex: 'half',
    } as RequestInit);
    expectError(answer, 413, 'payload_too_large');
  });

  test('a sandbox customer with a taken or malformed phone is refused', async () => {
    const phone = await newCustomer();
    const again = await bankApi('/v1/sandbox/customers', { method: 'POST', body: JSON.stringify({ phone }) });
    expect(again.status).toBe(409);
    expect(typeof again.body.error?.code).toBe('string');
    expectError(await bankApi('/v1/sandbox/customers', { method: 'POST', body: JSON.stringify({ phone: '12345' }) }), 400, 'invalid_request');
  });

  test('over-long fields get 400', async () => {
    const session = await frameSession();
    expectError(await session.tryPassword('1'.repeat(1000)), 400, 'invalid_request');
    expectError(await session.tryPassword('13800000001', 'p'.repeat(1000)), 400, 'invalid_request');
    expectError(await session.tryCode('c'.repeat(1000)), 400, 'invalid_request');
  });

  test('an unknown route gets a 404 JSON error', async () => {
    for (const [method, path] of [['GET', '/v1/nope'], ['POST', '/v1/nope'], ['GET', '/nope'], ['DELETE', '/v1/client-tokens']]) {
      const answer = await call(path, { method, headers: { Authorization: `Bearer ${demoSecretKey}` } });
      expect(answer.headers.get('content-type') ?? '', `${method} ${path}`).toContain('application/json');
      expectError(answer, 404, 'not_found');
    }
    expectError(await frameCall('/nope', { method: 'GET' }), 404, 'not_found');
  });

  test('POST /v1/sandbox/apps accepts only exact origins', async () => {
    const register = (origins: unknown) =>
      bankApi('/v1/sandbox/apps', { method: 'POST', body: JSON.stringify({ name: 'Origins test', origins }) });
    for (const origins of [
      ['http://x.test/a'], ['http://x.test/'], ['ftp://x.test'], ['x.test'], ['http://x.test?q=1'], ['javascript:alert(1)'],
      [], 'http://x.test', [42], ['http://ok.test', 'http://x.test/a'],
    ]) {
      expectError(await register(origins), 400, 'invalid_request');
    }
    const ok = await register(['http://ok.test', 'https://ok.test:8443']);
    expect(ok.status).toBe(201);
    expect(ok.body.origins).toEqual(['http://ok.test', 'https://ok.test:8443']);
    expectError(await bankApi('/v1/sandbox/apps', { method: 'POST', body: JSON.stringify({ origins: ['http://ok.test'] }) }), 400, 'invalid_request');
  });
});

// ---------------------------------------------------------------------------------------------------------------

test.describe('CORS', () => {
  test('the frame API grants no cross-origin preflight', async () => {
    const preflight = await call('/v1/frame/sessions', {
      method: 'OPTIONS',
      headers: { Origin: demoOrigin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'x-bank-frame,content-type' },
    });
    expect(preflight.status).toBeGreaterThanOrEqual(400);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.headers.get('access-control-allow-headers')).toBeNull();
  });

  test('the partner API is not readable by web pages', async () => {
    const { customer } = await loggedInSession(await newCustomer());
    for (const [method, path] of [['POST', '/v1/client-tokens'], ['GET', `/v1/customers/${customer.customerId}`]]) {
      const answer = await call(path, {
        method,
        headers: { Authorization: `Bearer ${demoSecretKey}`, Origin: demoOrigin, 'Content-Type': 'application/json' },
        body: method === 'POST' ? '{}' : undefined,
      });
      expect(answer.status, path).toBeLessThan(300);
      expect(answer.headers.get('access-control-allow-origin'), path).toBeNull();
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------

test.describe('SDK app check', () => {
  test('a registered origin gets 200 and a CORS header', async () => {
    const answer = await call(`/v1/sdk/apps/${demoAppId}`, { headers: { Origin: demoOrigin } });
    expect(answer.status).toBe(200);
    expect(answer.body.appId).toBe(demoAppId);
    expect(typeof answer.body.name).toBe('string');
    expect(answer.headers.get('access-control-allow-origin')).toMatch(new RegExp(`^(\\*|${demoOrigin})$`));
    // Public: it tells nothing secret.
    expect(answer.text).not.toContain('sk_');
  });

  test('another origin gets 403 origin_not_allowed, still readable cross-origin', async () => {
    const answer = await call(`/v1/sdk/apps/${demoAppId}`, { headers: { Origin: 'http://evil.test' } });
    expectError(answer, 403, 'origin_not_allowed');
    expect(answer.headers.get('access-control-allow-origin')).toMatch(/^(\*|http:\/\/evil\.test)$/);
    expectError(await call(`/v1/sdk/apps/${demoAppId}`), 403, 'origin_not_allowed');
  });

  test('an unknown app gets 404 not_found', async () => {
    expectError(await call('/v1/sdk/apps/app_unknown', { headers: { Origin: demoOrigin } }), 404, 'not_found');
  });
});

// ---------------------------------------------------------------------------------------------------------------

test.describe("frames' and assets' headers", () => {
  test('a frame is embeddable only by the app’s registered origins, under a policy with nothing inline', async () => {
    const answer = await call(`/sdk/v1/frames/login.html?app=${demoAppId}&origin=${encodeURIComponent(demoOrigin)}`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toContain('text/html');
    const csp = answer.headers.get('content-security-policy') ?? '';
    expect(csp).toContain(`frame-ancestors ${demoOrigin}`);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
  });

  test("a frame for an unknown or missing app gets frame-ancestors 'none'", async () => {
    for (const path of ['/sdk/v1/frames/login.html?app=app_unknown', '/sdk/v1/frames/login.html']) {
      const answer = await call(path);
      expect(answer.headers.get('content-security-policy') ?? '', path).toContain("frame-ancestors 'none'");
    }
  });

  test("another app's frame names only the embedding origin, if that app registered it", async () => {
    const origin = uniqueOrigin('framer');
    const second = uniqueOrigin('framer-two');
    const other = await registerApp({ origins: [origin, second] });
    const csp = (await call(`/sdk/v1/frames/login.html?app=${other.appId}&origin=${encodeURIComponent(origin)}`)).headers.get('content-security-policy') ?? '';
    expect(csp).toContain(`frame-ancestors ${origin};`);
    expect(csp).not.toContain(demoOrigin);
    // The app's other origin is not disclosed to whoever asks for this one, nor to anyone asking with ?app= alone.
    expect(csp).not.toContain(second);
    const bare = (await call(`/sdk/v1/frames/bridge.html?app=${other.appId}`)).headers.get('content-security-policy') ?? '';
    expect(bare).toContain("frame-ancestors 'none'");
    expect(bare).not.toContain(origin);
  });

  test('the SDK script is readable from any origin', async () => {
    const answer = await call('/sdk/v1/bank-sdk.js');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    expect(answer.headers.get('content-type')).toContain('javascript');
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
  });

  test('path traversal out of the SDK directory gets 404', async () => {
    for (const path of [
      '/sdk/v1/..%2f..%2fpackage.json',
      '/sdk/v1/..%2F..%2Fpackage.json',
      '/sdk/v1/%2e%2e%2f%2e%2e%2fpackage.json',
      '/sdk/v1/frames/..%2f..%2f..%2fpackage.json',
      '/sdk/v1/..%5c..%5cpackage.json',
      '/sdk/v1/..%2f..%2f..%2fsrc%2fsandbox%2fdb.ts',
    ]) {
      const answer = await call(path);
      expect(answer.status, path).toBe(404);
      expect(answer.text, path).not.toContain('"name": "bank-sdk"');
      expect(answer.text, path).not.toContain('sk_sandbox');
    }
  });

  test('a malformed percent-encoding in an asset path is a 4xx, not a 500', async () => {
    for (const path of ['/sdk/v1/%E0%A4%A.js', '/sdk/v1/%', '/sdk/v1/frames/%ZZ.html']) {
      const answer = await call(path);
      expect(answer.status, path).toBeGreaterThanOrEqual(400);
      expect(answer.status, path).toBeLessThan(500);
    }
  });
});
