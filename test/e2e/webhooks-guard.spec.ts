import { expect, test } from '@playwright/test';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDemo } from '../../demo/server.ts';
import { SeenEvents } from '../../demo/webhooks.ts';
import { findApp, registerApp } from '../../src/sandbox/apps.ts';
import { demoApp, openDatabase, type Db } from '../../src/sandbox/db.ts';
import { isInternalAddress, webhookUrlProblem } from '../../src/sandbox/webhook-guard.ts';
import { deliverDueWebhooks, enqueueWebhook, maxWebhookAttempts, signWebhook } from '../../src/sandbox/webhooks.ts';
import { inprocessBank, partnerOrigin } from './inprocess.ts';

/**
 * Webhook delivery as a server-side request forgery target: each refusal, in-process, on the bank's clock.
 * A delivery "tick" answers how many deliveries it attempted: that is the positive signal each check waits for.
 */
interface Receiver {
  url: string;
  hits: number;
  close(): Promise<void>;
}

async function receiver(handle: (req: IncomingMessage, res: ServerResponse) => void): Promise<Receiver> {
  const state = { hits: 0 };
  const server: Server = createServer((req, res) => {
    state.hits++;
    req.resume();
    handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    get hits() {
      return state.hits;
    },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

const delivery = (db: Db, id: string) =>
  db.prepare('SELECT * FROM webhook_deliveries WHERE app_id = ?').get(id) as {
    attempts: number; delivered_at: number | null; failed_at: number | null; last_error: string | null; next_attempt_at: number;
  };

function appWithHook(db: Db, url: string, origins = [partnerOrigin]) {
  const { appId } = registerApp(db, 'Hooked', origins, url, Date.parse('2026-12-01T09:00:00Z'));
  const app = findApp(db, appId)!;
  enqueueWebhook(db, app, 'order.paid', { id: 'ord_1', status: 'paid' }, Date.parse('2026-12-01T09:00:00Z'));
  return appId;
}

const at = () => Date.parse('2026-12-01T09:00:00Z');

test.describe('production mode', () => {
  test('an http URL is refused without a connection', async () => {
    const hook = await receiver((_, res) => res.end('{}'));
    try {
      const db = openDatabase(':memory:', [], null, { production: true });
      const id = appWithHook(db, hook.url);
      expect(await deliverDueWebhooks(db, { now: at, production: true })).toBe(1);
      expect(delivery(db, id).last_error).toBe('refused: production webhooks must use https');
      expect(delivery(db, id).delivered_at).toBeNull();
      expect(hook.hits).toBe(0);
    } finally {
      await hook.close();
    }
  });

  test('loopback and private address literals are refused', async () => {
    const db = openDatabase(':memory:', [], null, { production: true });
    for (const url of ['https://127.0.0.1/hook', 'https://localhost/hook', 'https://10.1.2.3/hook', 'https://169.254.169.254/latest', 'https://[::1]/x', 'https://[::ffff:192.168.0.1]/x']) {
      expect(webhookUrlProblem(url, [], true), url).toBe('a private or loopback address');
    }
    const id = appWithHook(db, 'https://169.254.169.254/latest/meta-data');
    expect(await deliverDueWebhooks(db, { now: at, production: true })).toBe(1);
    expect(delivery(db, id).last_error).toBe('refused: a private or loopback address');
  });

  test('a name that resolves to an internal address is refused at connect time (after DNS)', async () => {
    // `vm` (this machine's name) resolves to 127.0.0.1: only the resolved address tells it is internal.
    const hook = await receiver((_, res) => res.end('{}'));
    try {
      const db = openDatabase(':memory:', [], null, { production: true });
      const port = new URL(hook.url).port;
      const host = (await import('node:os')).hostname();
      const id = appWithHook(db, `https://${host}:${port}/hook`);
      expect(webhookUrlProblem(`https://${host}:${port}/hook`, [], true)).toBeNull(); // the name alone passes
      expect(await deliverDueWebhooks(db, { now: at, production: true })).toBe(1);
      expect(delivery(db, id).last_error).toMatch(/^refused: .* resolves to an internal address$/);
      expect(hook.hits).toBe(0);
    } finally {
      await hook.close();
    }
  });

  test('the address check knows the internal ranges', () => {
    for (const a of ['127.0.0.1', '10.0.0.1', '172.16.5.4', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fe80::1', 'fd00::1', '::ffff:10.0.0.1']) {
      expect(isInternalAddress(a), a).toBe(true);
    }
    for (const a of ['8.8.8.8', '1.1.1.1', '172.32.0.1', '2001:4860:4860::8888']) expect(isInternalAddress(a), a).toBe(false);
  });
});

test.describe('sandbox mode', () => {
  test('http only for loopback and the app\'s registered origins\' hosts; registration refuses the rest', async () => {
    expect(webhookUrlProblem('http://127.0.0.1:9/x', [], false)).toBeNull();
    expect(webhookUrlProblem('http://localhost:9/x', [], false)).toBeNull();
    expect(webhookUrlProblem('http://partner.test:8080/hooks', ['http://partner.test:3000'], false)).toBeNull();
    expect(webhookUrlProblem('https://partner.example/hooks', [], false)).toBeNull();
    expect(webhookUrlProblem('http://10.0.0.5/hooks', ['http://partner.test'], false)).toMatch(/only for loopback/);
    expect(webhookUrlProblem('http://user:pw@127.0.0.1/x', [], false)).toBe('credentials in the URL');
    expect(webhookUrlProblem('ftp://127.0.0.1/x', [], false)).toMatch(/only https/);
    const { call } = inprocessBank();
    const refused = await call('/v1/sandbox/apps', { secret: demoApp.secretKey, body: { name: 'X', origins: ['https://shop.example'], webhookUrl: 'http://internal.corp/hook' } });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('invalid_request');
    expect(refused.body.error.message).toMatch(/webhookUrl/);
    const accepted = await call('/v1/sandbox/apps', { secret: demoApp.secretKey, body: { name: 'X', origins: ['https://shop.example'], webhookUrl: 'http://shop.example/hook' } });
    expect(accepted.status, accepted.text).toBe(201);
  });

  test('a redirect is not followed: a 3xx is a failed delivery', async () => {
    const target = await receiver((_, res) => res.end('{}'));
    const hook = await receiver((_, res) => res.writeHead(302, { Location: target.url }).end());
    try {
      const db = openDatabase(':memory:', [partnerOrigin]);
      const id = appWithHook(db, hook.url);
      expect(await deliverDueWebhooks(db, { now: at })).toBe(1);
      expect(hook.hits).toBe(1);
      expect(delivery(db, id)).toMatchObject({ attempts: 1, delivered_at: null, last_error: 'HTTP 302 (redirects are not followed)' });
      expect(target.hits).toBe(0);
    } finally {
      await hook.close();
      await target.close();
    }
  });

  test('a receiver that never answers times out', async () => {
    const hook = await receiver(() => {});
    try {
      const db = openDatabase(':memory:', [partnerOrigin]);
      const id = appWithHook(db, hook.url);
      const started = Date.now();
      expect(await deliverDueWebhooks(db, { now: at, timeoutMs: 300 })).toBe(1);
      expect(Date.now() - started).toBeLessThan(3000);
      expect(delivery(db, id)).toMatchObject({ attempts: 1, delivered_at: null, last_error: 'timeout after 300 ms' });
    } finally {
      await hook.close();
    }
  });

  test('an endless answer is read only up to the bound', async () => {
    let written = 0;
    const hook = await receiver((_, res) => {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      const chunk = Buffer.alloc(16 * 1024, 'x');
      const pump = () => {
        while (!res.destroyed && written < 50 * 1024 * 1024 && res.write(chunk)) written += chunk.length;
        if (!res.destroyed && written < 50 * 1024 * 1024) res.once('drain', pump);
      };
      pump();
    });
    try {
      const db = openDatabase(':memory:', [partnerOrigin]);
      const id = appWithHook(db, hook.url);
      expect(await deliverDueWebhooks(db, { now: at, maxResponseBytes: 64 * 1024, timeoutMs: 10_000 })).toBe(1);
      expect(delivery(db, id)).toMatchObject({ attempts: 1, last_error: null });
      expect(delivery(db, id).delivered_at).not.toBeNull();
      expect(written).toBeLessThan(50 * 1024 * 1024); // the bank hung up long before the receiver was done
    } finally {
      await hook.close();
    }
  });

  test('a failing receiver is retried with backoff on the bank\'s clock, and given up after the last attempt', async () => {
    const hook = await receiver((_, res) => res.writeHead(500).end());
    try {
      const db = openDatabase(':memory:', [partnerOrigin]);
      const id = appWithHook(db, hook.url);
      let clock = at();
      const now = () => clock;
      const gaps: number[] = [];
      for (let attempt = 1; attempt <= maxWebhookAttempts; attempt++) {
        const before = delivery(db, id).next_attempt_at;
        clock = before - 1;
        expect(await deliverDueWebhooks(db, { now }), `not due before ${attempt}`).toBe(0);
        clock = before;
        expect(await deliverDueWebhooks(db, { now }), `attempt ${attempt}`).toBe(1);
        gaps.push(delivery(db, id).next_attempt_at - clock);
      }
      expect(gaps.slice(0, -1)).toEqual([1000, 2000, 4000, 8000, 16000, 32000, 64000]);
      expect(hook.hits).toBe(maxWebhookAttempts);
      const row = delivery(db, id);
      expect(row).toMatchObject({ attempts: maxWebhookAttempts, delivered_at: null, last_error: 'HTTP 500' });
      expect(row.failed_at).toBe(clock);
      clock += 24 * 3600_000;
      expect(await deliverDueWebhooks(db, { now })).toBe(0);
      expect(hook.hits).toBe(maxWebhookAttempts);
    } finally {
      await hook.close();
    }
  });
});

test.describe('the demo partner\'s receiver', () => {
  test('handles a resent event once (dedupe by event id)', async () => {
    const demo = createDemo({ bankOrigin: 'http://127.0.0.1:1', appId: demoApp.id, secretKey: demoApp.secretKey, webhookSecret: demoApp.webhookSecret });
    const body = JSON.stringify({ id: 'evt_resent_1', type: 'consent.revoked', createdAt: new Date().toISOString(), data: { id: 'cns_1' } });
    const send = async () => {
      const response = await demo.fetch(new Request('http://localhost/api/bank/webhooks', {
        method: 'POST', body,
        headers: { 'Content-Type': 'application/json', 'Bank-Signature': signWebhook(demoApp.webhookSecret, body, Math.floor(Date.now() / 1000)) },
      }));
      return { status: response.status, body: await response.json() };
    };
    expect(await send()).toEqual({ status: 200, body: { received: true } });
    expect(await send()).toEqual({ status: 200, body: { received: true, duplicate: true } });
    const log = await (await demo.fetch(new Request('http://localhost/api/bank/webhook-events'))).json();
    expect(log.handled).toEqual(['evt_resent_1']);
  });

  test('SeenEvents forgets ids after a day and keeps at most its maximum', () => {
    const seen = new SeenEvents(1000, 3);
    expect(seen.first('a', 0)).toBe(true);
    expect(seen.first('a', 500)).toBe(false);
    expect(seen.first('a', 1500)).toBe(true);
    for (const id of ['b', 'c', 'd']) expect(seen.first(id, 1600)).toBe(true);
    expect(seen.first('a', 1700)).toBe(true); // pushed out by the maximum
    expect(seen.first('d', 1700)).toBe(false);
  });
});
