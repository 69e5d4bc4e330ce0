/**
 * The sandbox bank's HTTP API driven from Node, the way its two kinds of callers use it: the partner's backend
 * (a secret key) and the bank's own frames (`X-Bank-Frame: 1`, no cross-site Origin). For the API specs, and for
 * browser specs that check behind the UI what the bank itself says.
 *
 *   const session = await frameSession();          // mint a client token → POST /v1/frame/sessions
 *   await session.logIn('13800000001');            // phone and password → SMS code
 *   const [account] = await session.accounts();
 *   await session.pay({ orderId, accountId: account.id, amount });
 */
import { expect } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { bankApi, bankOrigin, demoAppId, demoSecretKey, partnerOrigin, password, paymentPin, smsCode } from './helpers.ts';

/** A bank answer: the parsed JSON body (`{}` if none), the raw text (for byte-for-byte comparisons) and the headers. */
export interface Answer {
  status: number;
  text: string;
  body: Record<string, any>;
  headers: Headers;
}

/** Any call: `pathOrUrl` is a path on the bank (`/v1/...`) or an absolute URL. */
export async function call(pathOrUrl: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(/^https?:\/\//.test(pathOrUrl) ? pathOrUrl : `${bankOrigin}${pathOrUrl}`, init);
  const text = await response.text();
  let body: Record<string, any> = {};
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: callers that care assert on `text`
  }
  return { status: response.status, text, body, headers: response.headers };
}

export interface CallOptions {
  method?: string;
  /** Sent as is if a string, as JSON otherwise. */
  body?: unknown;
  headers?: Record<string, string>;
}

const encode = (body: unknown) => (body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body));

/** The partner API, as the partner's backend calls it: with a secret key (the demo app's unless given). */
export function partnerCall(path: string, { method = 'GET', body, secretKey, headers = {} }: CallOptions & { secretKey?: string } = {}) {
  return call(path, {
    method,
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${secretKey ?? demoSecretKey}`, ...headers },
    body: encode(body),
  });
}

/** The frame API (`/v1/frame…`) as the bank's own frame calls it: `X-Bank-Frame: 1`, same origin (here: no Origin). */
export function frameCall(path: string, { method = 'POST', body, token, headers = {} }: CallOptions & { token?: string } = {}) {
  return call(`/v1/frame${path}`, {
    method,
    headers: {
      'Content-Type': 'application/json',
      'X-Bank-Frame': '1',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: encode(body),
  });
}

/** A fresh client token, minted with a partner's secret key (the demo app's unless given). */
export async function mintClientToken(secretKey = demoSecretKey): Promise<string> {
  const minted = await bankApi('/v1/client-tokens', { method: 'POST', body: '{}', secretKey });
  expect(minted.status, JSON.stringify(minted.body)).toBe(201);
  return minted.body.clientToken as string;
}

export interface SessionOptions {
  /** A fresh one, minted with `secretKey`, unless given. */
  clientToken?: string;
  appId?: string;
  origin?: string;
  locale?: string;
  /** `name=value` of a resume cookie to present. */
  cookie?: string;
  secretKey?: string;
}

/** POST /v1/frame/sessions, by default for the demo app on the demo partner's origin; the answer, unchecked. */
export async function startFrameSession({
  clientToken, appId = demoAppId, origin = partnerOrigin, locale = 'en', cookie, secretKey,
}: SessionOptions = {}) {
  return frameCall('/sessions', {
    body: { clientToken: clientToken ?? (await mintClientToken(secretKey)), appId, origin, locale },
    headers: cookie ? { Cookie: cookie } : {},
  });
}

/** A new frame session, asserting it started. */
export async function frameSession(options: SessionOptions = {}): Promise<FrameSession> {
  const started = await startFrameSession(options);
  expect(started.status, started.text).toBe(201);
  return new FrameSession(started.body.sessionToken as string);
}

/** A new frame session with `phone` logged in (phone, password, SMS code). */
export async function loggedInSession(phone: string, options: SessionOptions = {}) {
  const session = await frameSession(options);
  return { session, ...(await session.logIn(phone)) };
}

export interface SessionCustomer {
  customerId: string;
  displayName: string;
  expiresAt: string;
}

export interface Account {
  id: string;
  accountClass: 'I' | 'II';
  number: string;
  balance: string;
  currency: string;
  status: 'active' | 'frozen';
}

/** A fresh Idempotency-Key for a payment. */
export const newPaymentKey = () => `pay-${randomUUID()}`;

/** One frame session (its bearer token), and the calls a bank frame makes in it. */
export class FrameSession {
  /** Any token, even one that is not a session's, to see it refused. */
  constructor(readonly token: string) {}

  /** A frame API call with this session's bearer token. */
  call(path: string, { method, body, headers }: CallOptions = {}) {
    return frameCall(path, { method, body, headers, token: this.token });
  }

  /** POST /v1/frame/login: the first step, unchecked. */
  tryPassword(phone: string, pass = password) {
    return this.call('/login', { body: { phone, password: pass } });
  }

  /** POST /v1/frame/login/verify: the second step, unchecked. */
  tryCode(challengeId: string, code = smsCode) {
    return this.call('/login/verify', { body: { challengeId, code } });
  }

  /** The SMS challenge for a correct phone and password. */
  async challengeFor(phone: string): Promise<string> {
    const step = await this.tryPassword(phone);
    expect(step.status, step.text).toBe(200);
    return step.body.challengeId as string;
  }

  /** A complete login: phone, password, SMS code. */
  async logIn(phone: string) {
    const verified = await this.tryCode(await this.challengeFor(phone));
    expect(verified.status, verified.text).toBe(200);
    return { customer: verified.body.customer as SessionCustomer, verified };
  }

  logOut() {
    return this.call('/logout');
  }

  /** Who is logged in, as GET /v1/frame/session says. */
  async customer() {
    const state = await this.call('/session', { method: 'GET' });
    expect(state.status, state.text).toBe(200);
    return state.body.customer as Omit<SessionCustomer, 'expiresAt'> | null;
  }

  /** The logged-in customer's accounts. */
  async accounts(): Promise<Account[]> {
    const answer = await this.call('/accounts', { method: 'GET' });
    expect(answer.status, answer.text).toBe(200);
    return answer.body.accounts as Account[];
  }

  /** POST /v1/frame/payments as the confirm frame sends it (`key: null` sends no Idempotency-Key); unchecked. */
  pay({ orderId, accountId, amount, key = newPaymentKey(), pinCode = paymentPin }: {
    orderId: string; accountId: string; amount: string; key?: string | null; pinCode?: string;
  }) {
    return this.call('/payments', {
      headers: key === null ? {} : { 'Idempotency-Key': key },
      body: { orderId, accountId, pin: pinCode, expectedAmount: amount },
    });
  }
}

/** A partner app registered through the sandbox endpoint, asserting it was. */
export async function registerApp({ origins, name = 'Second Partner', webhookUrl }: { origins: string[]; name?: string; webhookUrl?: string }) {
  const registered = await bankApi('/v1/sandbox/apps', {
    method: 'POST',
    body: JSON.stringify({ name, origins, ...(webhookUrl ? { webhookUrl } : {}) }),
  });
  expect(registered.status, JSON.stringify(registered.body)).toBe(201);
  return registered.body as { appId: string; secretKey: string; origins: string[]; webhookUrl?: string; webhookSecret?: string };
}
