/**
 * The sandbox bank in-process (no server, no browser), on a clock the test moves, for the hardening specs:
 * throttles and locks, production mode, webhooks, limits on China's calendar. Calls carry a client network address
 * the way @hono/node-server hands it to the app (`env.incoming.socket.remoteAddress`).
 */
import { expect } from '@playwright/test';
import { createSandbox, type SandboxOptions } from '../../src/sandbox/app.ts';
import { demoApp, openDatabase, type Db } from '../../src/sandbox/db.ts';

export const partnerOrigin = 'http://localhost:4999';
export const inprocessBankOrigin = 'http://127.0.0.1:4998';
export const minutes = (n: number) => n * 60_000;
export const hours = (n: number) => n * 3_600_000;

export interface Reply {
  status: number;
  text: string;
  body: Record<string, any>;
  headers: Headers;
}

export function inprocessBank({
  db, start = Date.parse('2026-12-01T09:00:00Z'), ...options
}: Partial<SandboxOptions> & { db?: Db; start?: number } = {}) {
  const database = db ?? openDatabase(':memory:', [partnerOrigin], null, { production: options.production ?? false });
  const clock = { now: start };
  const app = createSandbox({
    db: database, bankOrigin: inprocessBankOrigin, assetsDir: '/nonexistent', now: () => clock.now, ...options,
  });
  const call = async (path: string, {
    token, secret, body, method, address = '198.51.100.1', headers = {},
  }: { token?: string; secret?: string; body?: unknown; method?: string; address?: string; headers?: Record<string, string> } = {}): Promise<Reply> => {
    const all: Record<string, string> = { 'Content-Type': 'application/json', 'X-Bank-Frame': '1', ...headers };
    if (token) all.Authorization = `Bearer ${token}`;
    if (secret) all.Authorization = `Bearer ${secret}`;
    const response = await app.fetch(
      new Request(`${inprocessBankOrigin}${path}`, {
        method: method ?? (body === undefined ? 'GET' : 'POST'), headers: all, body: body === undefined ? undefined : JSON.stringify(body),
      }),
      { incoming: { socket: { remoteAddress: address } } },
    );
    const text = await response.text();
    let parsed: Record<string, any> = {};
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON
    }
    return { status: response.status, text, body: parsed, headers: response.headers };
  };
  const clientToken = async (secret = demoApp.secretKey) => {
    const minted = await call('/v1/client-tokens', { secret, body: {} });
    expect(minted.status, minted.text).toBe(201);
    return minted.body.clientToken as string;
  };
  const session = async ({ address, appId = demoApp.id, secret = demoApp.secretKey, origin = partnerOrigin } = {} as {
    address?: string; appId?: string; secret?: string; origin?: string;
  }) => {
    const started = await call('/v1/frame/sessions', { address, body: { clientToken: await clientToken(secret), appId, origin, locale: 'en' } });
    expect(started.status, started.text).toBe(201);
    return started.body.sessionToken as string;
  };
  const logIn = async (token: string, phone: string, { address, code = '123456' } = {} as { address?: string; code?: string }) => {
    const step = await call('/v1/frame/login', { token, address, body: { phone, password: 'Passw0rd!' } });
    expect(step.status, step.text).toBe(200);
    const verified = await call('/v1/frame/login/verify', { token, address, body: { challengeId: step.body.challengeId, code } });
    expect(verified.status, verified.text).toBe(200);
    return verified.body.customer as { customerId: string; displayName: string; expiresAt: string };
  };
  return { db: database, clock, app, call, clientToken, session, logIn };
}

/** What an answer says, for byte-for-byte comparisons: status, code, message. */
export const said = (reply: Reply) => ({ status: reply.status, code: reply.body.error?.code ?? null, message: reply.body.error?.message ?? null });
