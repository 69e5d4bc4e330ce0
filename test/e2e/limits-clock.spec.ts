import { expect, test } from '@playwright/test';
import { createSandboxCustomer } from '../../src/sandbox/customers.ts';
import { demoApp } from '../../src/sandbox/db.ts';
import { inprocessBank, said } from './inprocess.ts';

/**
 * Class II payment limits on China's calendar (Asia/Shanghai, UTC+8), on the sandbox's clock: the ledger dates its
 * transactions with the bank's clock, so a day and a year start at midnight in Beijing, not UTC.
 */
// Every login and PIN check is a real scrypt hash: on a shared, busy machine these specs need more than 30 s.
test.describe.configure({ timeout: 180_000 });

async function classTwoCustomer(start: string, balance: number) {
  const bank = inprocessBank({ start: Date.parse(start) });
  createSandboxCustomer(bank.db, '13500000002', 'Qian Er', '钱二', balance, false, 'II', bank.clock.now);
  let key = 0;
  const pay = async (amount: string) => {
    const created = await bank.call('/v1/orders', { secret: demoApp.secretKey, body: { amount, currency: 'CNY', description: 'Limit test' } });
    expect(created.status, created.text).toBe(201);
    const token = await bank.session();
    await bank.logIn(token, '13500000002');
    const accountId = (await bank.call('/v1/frame/accounts', { token })).body.accounts[0].id as string;
    return bank.call('/v1/frame/payments', {
      token, headers: { 'Idempotency-Key': `limit-test-${++key}-abcdefghij` },
      body: { orderId: created.body.id, accountId, pin: '135790', expectedAmount: amount },
    });
  };
  return { ...bank, pay };
}

test('the Class II daily limit (¥10,000) resets at midnight in Beijing, not at midnight UTC', async () => {
  // 23:59 on 1 December in Beijing is 15:59 UTC.
  const { pay, clock } = await classTwoCustomer('2026-12-01T15:59:00Z', 5_000_000);
  expect((await pay('6000.00')).status).toBe(200);
  clock.now = Date.parse('2026-12-01T15:59:59Z');
  expect(said(await pay('4000.01'))).toMatchObject({ status: 403, code: 'limit_exceeded' });
  expect((await pay('4000.00')).status).toBe(200); // exactly the limit is allowed
  // One second later it is 2 December in Beijing (still 1 December in UTC): a new day.
  clock.now = Date.parse('2026-12-01T16:00:00Z');
  expect((await pay('10000.00')).status).toBe(200);
  clock.now = Date.parse('2026-12-01T23:59:00Z'); // still 2 December in Beijing; UTC's midnight changes nothing
  expect(said(await pay('0.01'))).toMatchObject({ status: 403, code: 'limit_exceeded' });
});

test('the Class II yearly limit (¥200,000) holds across days and resets at New Year in Beijing', async () => {
  const { pay, clock } = await classTwoCustomer('2026-12-01T02:00:00Z', 30_000_000);
  for (let day = 0; day < 20; day++) {
    clock.now = Date.parse('2026-12-01T02:00:00Z') + day * 86_400_000;
    const paid = await pay('10000.00');
    expect(paid.status, `day ${day + 1}: ${paid.text}`).toBe(200);
  }
  // 21 December: the day's limit is untouched, the year's is used up.
  clock.now = Date.parse('2026-12-21T02:00:00Z');
  expect(said(await pay('0.01'))).toMatchObject({ status: 403, code: 'limit_exceeded' });
  // 23:59:59 on 31 December in Beijing: still this year.
  clock.now = Date.parse('2026-12-31T15:59:59Z');
  expect(said(await pay('0.01'))).toMatchObject({ status: 403, code: 'limit_exceeded' });
  // 00:00 on 1 January in Beijing (16:00 UTC on 31 December): a new year.
  clock.now = Date.parse('2026-12-31T16:00:00Z');
  expect((await pay('10000.00')).status).toBe(200);
});
