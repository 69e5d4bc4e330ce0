import { expect, test } from '@playwright/test';
import { serve } from '@hono/node-server';
import { request as httpRequest } from 'node:http';
import { createDemo } from '../../demo/server.ts';
import { createSandbox } from '../../src/sandbox/app.ts';
import { demoApp, openDatabase } from '../../src/sandbox/db.ts';
import { throttleRules } from '../../src/sandbox/throttle.ts';
import { hours, inprocessBank, minutes, said } from './inprocess.ts';

/**
 * Locks and throttles (src/sandbox/throttle.ts), on the sandbox's own clock: per phone number (known or not,
 * identically), per page (frame session), per network address, per PIN, and client-token minting per app.
 */
// Every login and PIN check is a real scrypt hash: on a shared, busy machine these specs need more than 30 s.
test.describe.configure({ timeout: 180_000 });

const wrong = (n: number) => ({ phone: '', password: `wrong-${n}` });

test.describe('the attack from the issue: a script with client tokens from a partner\'s public token URL', () => {
  test('cannot lock a customer beyond the temporary window, ends no live session, and learns nothing from the answers', async () => {
    // The real bank and the demo partner as servers (so the tokens come from the partner's token URL over HTTP,
    // and the bank sees each caller's network address), on a clock the test moves.
    let clock = Date.parse('2026-12-01T09:00:00Z');
    const db = openDatabase(':memory:', ['http://localhost:4212']);
    const listen = (fetch: Parameters<typeof serve>[0]['fetch'], port: number) =>
      new Promise<ReturnType<typeof serve>>((resolve) => {
        const server = serve({ fetch, port, hostname: '127.0.0.1' }, () => resolve(server));
      });
    const bank = await listen(createSandbox({ db, bankOrigin: 'http://127.0.0.1:4211', assetsDir: '/nonexistent', now: () => clock }).fetch, 4211);
    const partner = await listen(
      createDemo({ bankOrigin: 'http://127.0.0.1:4211', appId: demoApp.id, secretKey: demoApp.secretKey, webhookSecret: demoApp.webhookSecret }).fetch, 4212,
    );
    try {
      /** A plain HTTP client posing as a bank frame, from a chosen loopback address. */
      const post = (url: string, body: unknown, { from, token }: { from: string; token?: string }) =>
        new Promise<{ status: number; text: string }>((resolve, reject) => {
          const payload = JSON.stringify(body);
          const req = httpRequest(url, {
            method: 'POST', localAddress: from,
            headers: {
              'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload), 'X-Bank-Frame': '1',
              ...(token ? { Authorization: `Bearer ${token}` } : {}),
            },
          }, (res) => {
            let text = '';
            res.on('data', (c) => (text += c));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
          });
          req.on('error', reject);
          req.end(payload);
        });
      const freshSession = async (from: string) => {
        const token = await post('http://127.0.0.1:4212/api/bank/client-token', {}, { from });
        expect(token.status, token.text).toBe(200);
        const started = await post('http://127.0.0.1:4211/v1/frame/sessions', {
          clientToken: JSON.parse(token.text).clientToken, appId: demoApp.id, origin: 'http://localhost:4212', locale: 'en',
        }, { from });
        expect(started.status, started.text).toBe(201);
        return JSON.parse(started.text).sessionToken as string;
      };
      /** One guess, from a brand-new page each time (new sessions are free for an attacker). */
      const guess = async (phone: string, password: string, from: string) => {
        const answer = await post('http://127.0.0.1:4211/v1/frame/login', { phone, password }, { from, token: await freshSession(from) });
        const body = JSON.parse(answer.text);
        return { status: answer.status, code: body.error?.code ?? null, message: body.error?.message ?? null, text: answer.text };
      };

      // The victim is logged in on their own phone before the attack.
      const victimPhone = await freshSession('127.0.0.9');
      const stepOne = await post('http://127.0.0.1:4211/v1/frame/login', { phone: '13800000001', password: 'Passw0rd!' }, { from: '127.0.0.9', token: victimPhone });
      const verified = await post('http://127.0.0.1:4211/v1/frame/login/verify', { challengeId: JSON.parse(stepOne.text).challengeId, code: '123456' }, { from: '127.0.0.9', token: victimPhone });
      expect(verified.status, verified.text).toBe(200);

      // The same sequence against a customer's number and an unknown one, step by step at the same moments, each
      // from its own address (so the per-address count is the same for both).
      const real = { phone: '13800000001', from: '127.0.0.2', answers: [] as object[] };
      const unknown = { phone: '13900000077', from: '127.0.0.3', answers: [] as object[] };
      const step = async (password: string) => {
        for (const target of [real, unknown]) target.answers.push(await guess(target.phone, password, target.from));
      };
      for (let i = 1; i <= 5; i++) await step(`wrong-${i}`);
      await step('Passw0rd!'); // the right password (for the real number) while locked
      clock += minutes(10);
      for (let i = 0; i < 8; i++) await step(`hammer-${i}`); // hammering a locked number does not lengthen the lock
      clock += minutes(5);
      await step('wrong-after'); // the lock is over: counting starts again

      expect(real.answers).toEqual(unknown.answers); // status, code, message and the raw body, at every step
      expect(real.answers.map((a) => (a as { code: string }).code)).toEqual([
        'invalid_credentials', 'invalid_credentials', 'invalid_credentials', 'invalid_credentials', 'locked', 'locked',
        ...Array(8).fill('locked'), 'invalid_credentials',
      ]);
      expect(real.answers.map((a) => (a as { status: number }).status)).toEqual([401, 401, 401, 401, 423, 423, ...Array(8).fill(423), 401]);
      expect((real.answers[4] as { message: string }).message).toBe('Too many wrong attempts. Logins for this phone number are locked for 15 minutes.');
      expect((real.answers[6] as { message: string }).message).toBe('Too many wrong attempts. Logins for this phone number are locked for 5 minutes.');

      // The victim's live session was never ended by the lock.
      const still = await new Promise<string>((resolve, reject) => {
        httpRequest('http://127.0.0.1:4211/v1/frame/session', { localAddress: '127.0.0.9', headers: { 'X-Bank-Frame': '1', Authorization: `Bearer ${victimPhone}` } }, (res) => {
          let text = '';
          res.on('data', (c) => (text += c));
          res.on('end', () => resolve(text));
        }).on('error', reject).end();
      });
      expect(JSON.parse(still).customer.displayName).toBe('Zhang *');
      // And once the 15 minutes are over the customer logs in anew (the attacker's one new guess since left 4).
      const again = await freshSession('127.0.0.9');
      const login = await post('http://127.0.0.1:4211/v1/frame/login', { phone: '13800000001', password: 'Passw0rd!' }, { from: '127.0.0.9', token: again });
      expect(login.status, login.text).toBe(200);
    } finally {
      await new Promise((resolve) => bank.close(resolve));
      await new Promise((resolve) => partner.close(resolve));
    }
  });
});

test('locks escalate (15 min, 1 h, 4 h, 24 h) but always end; a successful login starts the ladder again', async () => {
  const { call, session, clock, logIn } = inprocessBank();
  const lockOnce = async () => {
    const token = await session();
    let last;
    for (let i = 1; i <= 5; i++) last = await call('/v1/frame/login', { token, body: { ...wrong(i), phone: '13800000002' } });
    return said(last!);
  };
  const lengths = ['15 minutes', '1 hour', '4 hours', '24 hours', '24 hours'];
  const durations = [minutes(15), hours(1), hours(4), hours(24), hours(24)];
  for (let round = 0; round < lengths.length; round++) {
    const fresh = await session();
    const answer = await (async () => {
      let last;
      for (let i = 1; i <= 5; i++) last = await call('/v1/frame/login', { token: fresh, body: { phone: '13800000002', password: `w${round}-${i}` } });
      return said(last!);
    })();
    expect(answer).toEqual({ status: 423, code: 'locked', message: `Too many wrong attempts. Logins for this phone number are locked for ${lengths[round]}.` });
    clock.now += durations[round] - 1;
    expect(said(await call('/v1/frame/login', { token: await session(), body: { phone: '13800000002', password: 'Passw0rd!' } })).code).toBe('locked');
    clock.now += 1;
  }
  // Past the last lock: the right password works, and a full login resets the ladder to 15 minutes.
  await logIn(await session(), '13800000002');
  expect((await lockOnce()).message).toContain('locked for 15 minutes');
});

test('a day without a new lock brings the next one back to 15 minutes', async () => {
  const { call, session, clock } = inprocessBank();
  const lock = async () => {
    const token = await session();
    let last;
    for (let i = 1; i <= 5; i++) last = await call('/v1/frame/login', { token, body: { phone: '13911112222', password: `x${i}` } });
    return said(last!).message as string;
  };
  expect(await lock()).toContain('15 minutes');
  clock.now += minutes(15);
  expect(await lock()).toContain('1 hour');
  clock.now += hours(1) + hours(24);
  expect(await lock()).toContain('15 minutes');
});

test('one page (frame session) gets ten wrong logins, then 429 for that page only', async () => {
  const { call, session, clock } = inprocessBank();
  const token = await session();
  for (let i = 0; i < 10; i++) {
    const answer = await call('/v1/frame/login', { token, body: { phone: `1390000${String(i).padStart(4, '0')}`, password: 'guess' } });
    expect(said(answer).code).toBe('invalid_credentials');
  }
  const limited = await call('/v1/frame/login', { token, body: { phone: '13800000001', password: 'Passw0rd!' } });
  expect(said(limited)).toEqual({ status: 429, code: 'rate_limited', message: 'Too many attempts from here. Try again in 30 minutes.' });
  // Another page from the same address is not affected.
  expect((await call('/v1/frame/login', { token: await session(), body: { phone: '13800000001', password: 'Passw0rd!' } })).status).toBe(200);
  clock.now += minutes(29);
  expect((await call('/v1/frame/login', { token, body: { phone: '13800000001', password: 'Passw0rd!' } })).status).toBe(429);
});

test('the bank\'s limits: 5 per number and PIN, 10 per page, 100 per address in 15 minutes, 600 tokens a minute per app', () => {
  expect(throttleRules.login).toMatchObject({ limit: 5, windowMs: null, lockMs: [minutes(15), hours(1), hours(4), hours(24)] });
  expect(throttleRules.pin).toMatchObject({ limit: 5, windowMs: null, lockMs: [minutes(15), hours(1), hours(4), hours(24)] });
  expect(throttleRules.device).toMatchObject({ limit: 10, windowMs: minutes(30) });
  expect(throttleRules.address).toMatchObject({ limit: 100, windowMs: minutes(15), lockMs: [minutes(15), hours(1), hours(4)] });
  expect(throttleRules.mint).toMatchObject({ limit: 600, windowMs: minutes(1) });
});

test('one network address gets a bounded number of wrong logins, then 429 for a while; other addresses are not affected', async () => {
  // The default is 100 in 15 minutes (above); 12 here keeps the many scrypt checks short on a busy machine.
  const { call, session, clock } = inprocessBank({ limits: { address: { limit: 12 } } });
  const sprayer = '203.0.113.50';
  let token = await session({ address: sprayer });
  for (let i = 0; i < 12; i++) {
    if (i % 10 === 0) token = await session({ address: sprayer });
    const answer = await call('/v1/frame/login', { token, address: sprayer, body: { phone: `1370000${String(i).padStart(4, '0')}`, password: 'guess' } });
    expect(said(answer).code).toBe('invalid_credentials');
  }
  const fresh = await session({ address: sprayer });
  const limited = await call('/v1/frame/login', { token: fresh, address: sprayer, body: { phone: '13800000001', password: 'Passw0rd!' } });
  expect(said(limited)).toEqual({ status: 429, code: 'rate_limited', message: 'Too many attempts from here. Try again in 15 minutes.' });
  // The same customer from another network is fine: an address block never locks a phone number.
  expect((await call('/v1/frame/login', { token: await session(), body: { phone: '13800000001', password: 'Passw0rd!' } })).status).toBe(200);
  clock.now += minutes(15);
  expect((await call('/v1/frame/login', { token: fresh, address: sprayer, body: { phone: '13800000001', password: 'Passw0rd!' } })).status).toBe(200);
});

test('wrong SMS codes count for the phone number; a pending challenge cannot finish once locked', async () => {
  const { call, session } = inprocessBank();
  const token = await session();
  const step = await call('/v1/frame/login', { token, body: { phone: '13800000004', password: 'Passw0rd!' } });
  const challengeId = step.body.challengeId;
  for (let i = 1; i <= 4; i++) expect(said(await call('/v1/frame/login/verify', { token, body: { challengeId, code: `00000${i}` } })).code).toBe('invalid_credentials');
  expect(said(await call('/v1/frame/login/verify', { token, body: { challengeId, code: '000005' } })).code).toBe('locked');
  expect(said(await call('/v1/frame/login/verify', { token, body: { challengeId, code: '123456' } })).code).toBe('locked');
  expect((await call('/v1/frame/session', { token })).body.customer).toBeNull();
});

test.describe('payment PINs', () => {
  async function payingCustomer() {
    const bank = inprocessBank();
    const token = await bank.session();
    await bank.logIn(token, '13800000001');
    const accountId = (await bank.call('/v1/frame/accounts', { token })).body.accounts[0].id as string;
    const order = async () => {
      const created = await bank.call('/v1/orders', { secret: demoApp.secretKey, body: { amount: '10.00', currency: 'CNY', description: 'PIN test' } });
      expect(created.status, created.text).toBe(201);
      return created.body.id as string;
    };
    let n = 0;
    const pay = async (sessionToken: string, orderId: string, pin: string) =>
      bank.call('/v1/frame/payments', { token: sessionToken, headers: { 'Idempotency-Key': `pin-test-key-${++n}-abcdefgh` }, body: { orderId, accountId, pin, expectedAmount: '10.00' } });
    return { ...bank, token, order, pay };
  }

  test('the PIN count survives new logins: 5 wrong PINs across 5 logins lock payments (not logins), for 15 minutes', async () => {
    const { session, logIn, order, pay, clock, call } = await payingCustomer();
    const orderId = await order();
    const codes: string[] = [];
    for (let login = 0; login < 5; login++) {
      const token = await session();
      await logIn(token, '13800000001');
      codes.push(said(await pay(token, orderId, '000000')).code);
    }
    expect(codes).toEqual(['invalid_credentials', 'invalid_credentials', 'invalid_credentials', 'invalid_credentials', 'locked']);
    // Logins still work (the PIN lock is for payments), and the session lives on; the right PIN answers locked.
    const token = await session();
    await logIn(token, '13800000001');
    const refused = await pay(token, orderId, '135790');
    expect(said(refused)).toEqual({ status: 423, code: 'locked', message: 'Too many wrong attempts. Payments for this customer are locked for 15 minutes.' });
    expect((await call('/v1/frame/session', { token })).body.customer.displayName).toBe('Zhang *');
    clock.now += minutes(15);
    const paid = await pay(token, orderId, '135790');
    expect(paid.status, paid.text).toBe(200);
    expect(paid.body.order.status).toBe('paid');
  });

  test('only a correct PIN resets the count', async () => {
    const { token, order, pay } = await payingCustomer();
    const first = await order();
    for (let i = 0; i < 4; i++) expect(said(await pay(token, first, '000000')).code).toBe('invalid_credentials');
    expect((await pay(token, first, '135790')).status).toBe(200);
    const second = await order();
    for (let i = 0; i < 4; i++) expect(said(await pay(token, second, '000000')).code).toBe('invalid_credentials');
    expect((await pay(token, second, '135790')).status).toBe(200);
  });
});

test('client tokens are capped per app and minute: the 601st in a minute is 429 rate_limited with Retry-After', async () => {
  const { call, clock } = inprocessBank();
  clock.now = Date.parse('2026-12-01T09:00:00Z');
  for (let i = 0; i < 600; i++) {
    const minted = await call('/v1/client-tokens', { secret: demoApp.secretKey, body: {} });
    if (minted.status !== 201) throw new Error(`mint ${i + 1}: ${minted.text}`);
  }
  clock.now += 30_000;
  const refused = await call('/v1/client-tokens', { secret: demoApp.secretKey, body: {} });
  expect(said(refused)).toEqual({ status: 429, code: 'rate_limited', message: 'Too many client tokens for this app this minute. Try again shortly.' });
  expect(refused.headers.get('Retry-After')).toBe('30');
  clock.now += 30_000;
  expect((await call('/v1/client-tokens', { secret: demoApp.secretKey, body: {} })).status).toBe(201);
});
