import { Hono } from 'hono';
import type { Env } from './env.ts';
import { maskPhone } from './customers.ts';
import { BankError } from './errors.ts';
import { frameSession, loggedIn } from './frame-api.ts';
import { readBody } from './validate.ts';
import { closeChallenge, createChallenge, openChallenge } from './sessions.ts';

/**
 * Frame-API reads that let a frame tell the customer what will happen before asking for a secret: who to call
 * about a lock, whether an application for this reference is already open, and a fresh SMS code. Mounted on
 * `/v1/frame` beside `frameApi`, whose `X-Bank-Frame` check covers these routes too.
 */
export const flowsApi = new Hono<Env>();

/** The bank's name and hotline, shown with a lock. Sandbox: env `BANK_NAME`, `BANK_NAME_ZH`, `BANK_HOTLINE`, `BANK_HOTLINE_HOURS`. */
export function bankInfo() {
  return {
    name: { en: process.env.BANK_NAME || 'Sandbox Bank', 'zh-CN': process.env.BANK_NAME_ZH || '沙盒银行' },
    hotline: process.env.BANK_HOTLINE || '95xxx',
    hours: process.env.BANK_HOTLINE_HOURS || '8:00–20:00',
  };
}

flowsApi.get('/bank-info', (c) => {
  frameSession(c);
  return c.json(bankInfo());
});

/** Whether the customer has an open application (approved or pending) for this reference: the status only. */
flowsApi.get('/loan-applications', (c) => {
  const { db } = c.var.options;
  const { session, customer } = loggedIn(c);
  const reference = c.req.query('reference') ?? '';
  if (!reference || reference.length > 100) throw new BankError('invalid_request', '`reference` is required (at most 100 characters).');
  const open = db
    .prepare(
      `SELECT status FROM loan_applications WHERE app_id = ? AND customer_id = ? AND reference = ?
       AND status IN ('approved', 'pending') ORDER BY created_at DESC LIMIT 1`,
    )
    .get(session.appId, customer.id, reference) as { status: 'approved' | 'pending' } | undefined;
  return c.json(open ? { open: true, status: open.status } : { open: false });
});

/** Last resend per frame session: one SMS a minute, whatever the page does. */
const lastResend = new Map<string, number>();
export const resendIntervalMs = 60_000;

/** Sends the SMS code again: the old challenge ends, a new one starts (the sandbox's code stays 123456). */
flowsApi.post('/login/resend', async (c) => {
  const { db, now } = c.var.options;
  const session = frameSession(c);
  const body = await readBody(c);
  const challengeId = body.string('challengeId', { max: 100 });
  const customer = openChallenge(db, session, challengeId, now());
  const last = lastResend.get(session.tokenHash);
  if (last !== undefined && now() - last < resendIntervalMs) {
    throw new BankError('rate_limited', 'A new code can be sent once a minute.');
  }
  if (lastResend.size > 10_000) lastResend.clear(); // a sandbox: bounded memory beats precision
  lastResend.set(session.tokenHash, now());
  closeChallenge(db, challengeId, now());
  return c.json({ challengeId: createChallenge(db, session, customer, now()), phone: maskPhone(customer.phone) });
});
