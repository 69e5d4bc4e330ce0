import { Hono, type Context } from 'hono';
import type { Env } from './app.ts';
import { appBySecret, findApp, registerApp, type PartnerApp } from './apps.ts';
import {
  createSandboxCustomer, customerByPublicId, displayName, loginLocked, maskPhone, pinLocked, publicCustomerId,
  sandboxPassword, sandboxPin,
} from './customers.ts';
import { applicationView, findApplication, loanProducts } from './loans.ts';
import { ledgerCheck } from './ledger.ts';
import { BankError } from './errors.ts';
import { parsePurposes, setAppDataProfile } from './consents.ts';
import { mintClientToken } from './sessions.ts';
import { AmountError, parseAmount } from '../domain/money.ts';
import { cancelOrder, createOrder, findOrder, orderView } from './orders.ts';
import { parseOrigin, RequestBody } from './validate.ts';
import { Throttles } from './throttle.ts';
import { webhookUrlProblem } from './webhook-guard.ts';
import { orderSettlementView, readOrderSettlement, runMerchantClock, saveOrderSettlement } from './merchants.ts';

/** Server-to-bank API (CONTRACT §5), authenticated by the partner's secret key. */
export const partnerApi = new Hono<Env>();

export async function readBody(c: Context): Promise<RequestBody> {
  return RequestBody.parse(await c.req.text());
}

export function authenticate(c: Context<Env>): PartnerApp {
  const header = c.req.header('Authorization') ?? '';
  const match = /^Bearer (\S+)$/.exec(header);
  const app = match ? appBySecret(c.var.options.db, match[1]) : undefined;
  if (!app) throw new BankError('unauthorized', 'Send the app secret key as `Authorization: Bearer <secretKey>`.');
  return app;
}

partnerApi.post('/client-tokens', async (c) => {
  const app = authenticate(c);
  const body = await readBody(c);
  const customerRef = body.optionalString('customerRef', { max: 100 });
  const { db, now, limits } = c.var.options;
  // Each SDK start spends one token: a cap per app and minute keeps a leaked token URL from minting without end.
  const throttles = new Throttles(db, limits);
  const until = throttles.lockedUntil('mint', app.id, now());
  if (until) {
    c.header('Retry-After', String(Math.ceil((until - now()) / 1000)));
    throw new BankError('rate_limited', 'Too many client tokens for this app this minute. Try again shortly.');
  }
  throttles.fail('mint', app.id, now());
  return c.json(mintClientToken(db, app.id, customerRef, now()), 201);
});

partnerApi.get('/customers/:customerId', (c) => {
  const app = authenticate(c);
  const customer = customerByPublicId(c.var.options.db, app.id, c.req.param('customerId'));
  if (!customer) throw new BankError('not_found', 'No such customer for this app.');
  return c.json({
    customerId: c.req.param('customerId'),
    displayName: displayName(customer, 'zh-CN'),
    displayNameEn: displayName(customer, 'en'),
    phone: maskPhone(customer.phone),
    locked: loginLocked(c.var.options.db, customer, c.var.options.now()) || pinLocked(c.var.options.db, customer, c.var.options.now()),
  });
});

partnerApi.post('/sandbox/apps', async (c) => {
  const { db, now, production } = c.var.options;
  if (production) throw new BankError('not_found', 'Sandbox endpoints do not exist in production mode.');
  const body = await readBody(c);
  const name = body.string('name', { max: 100 });
  const origins = body.stringArray('origins').map(parseOrigin);
  const webhookUrl = body.optionalString('webhookUrl', { max: 500, pattern: /^https?:\/\/\S+$/ }) ?? null;
  const refused = webhookUrl && webhookUrlProblem(webhookUrl, origins, production);
  if (refused) throw new BankError('invalid_request', `\`webhookUrl\` is refused: ${refused}.`);
  const contact = body.optionalString('contact', { max: 200 });
  const purposes = parsePurposes(body.raw('purposes') === undefined ? undefined : body.stringArray('purposes', { max: 3 }));
  const registered = registerApp(db, name, origins, webhookUrl, now());
  setAppDataProfile(db, registered.appId, contact, purposes);
  return c.json(registered, 201);
});

const maxOrderAmount = 100_000_000; // ¥1,000,000.00

partnerApi.post('/orders', async (c) => {
  const app = authenticate(c);
  const { db, now } = c.var.options;
  const body = await readBody(c);
  const amountText = body.string('amount', { max: 20 });
  let amount: number;
  try {
    amount = parseAmount(amountText, { max: maxOrderAmount });
  } catch (error) {
    const reason = error instanceof AmountError ? error.reason : 'format';
    throw new BankError('invalid_request', reason === 'too_large'
      ? '`amount` is above the ¥1,000,000.00 limit of one order.'
      : reason === 'zero'
        ? '`amount` must be positive.'
        : '`amount` must be a decimal string with at most two decimals, like "3500.00" (no sign, exponent or separators).');
  }
  const currency = body.string('currency', { max: 3 });
  if (currency !== 'CNY') throw new BankError('invalid_request', '`currency` must be "CNY".');
  const description = body.string('description', { max: 140 });
  if (!description.trim()) throw new BankError('invalid_request', '`description` must not be blank.');
  const reference = body.optionalString('reference', { max: 100 }) ?? null;
  const key = c.req.header('Idempotency-Key') ?? null;
  if (key !== null && !/^[\x21-\x7e]{1,255}$/.test(key)) {
    throw new BankError('invalid_request', '`Idempotency-Key` must be 1 to 255 visible ASCII characters.');
  }
  const settlement = readOrderSettlement(db, app.id, amount, body.raw('splits'), body.raw('rent'));
  // With splits or rent, they are part of what the Idempotency-Key's request hash covers.
  const newOrder = { amount, currency, description, reference, ...(settlement ? { settlement } : {}) };
  const { order, replayed } = createOrder(db, app.id, newOrder, key, now());
  if (replayed) c.header('Idempotent-Replayed', 'true');
  else if (settlement) saveOrderSettlement(db, app.id, order.id, settlement);
  return c.json({ ...orderView(order), ...orderSettlementView(db, order.id) }, 201);
});

partnerApi.get('/orders/:id', (c) => {
  const app = authenticate(c);
  const { db, now } = c.var.options;
  runMerchantClock(db, now());
  const order = findOrder(db, app.id, c.req.param('id'));
  return c.json({ ...orderView(order), ...orderSettlementView(db, order.id) });
});

partnerApi.post('/orders/:id/cancel', (c) => {
  const app = authenticate(c);
  const { db, now } = c.var.options;
  return c.json(orderView(cancelOrder(db, app.id, c.req.param('id'), now())));
});

partnerApi.get('/loan-products', (c) => {
  authenticate(c);
  return c.json({ products: loanProducts(c.var.options.db) });
});

partnerApi.get('/loan-applications/:id', (c) => {
  const app = authenticate(c);
  const { db } = c.var.options;
  const application = findApplication(db, app.id, c.req.param('id'));
  return c.json(applicationView(application, publicCustomerId(db, app.id, application.customer_id)));
});

/**
 * Sandbox only: a test customer of one's own (password `Passw0rd!`, SMS code `123456`, PIN `135790`), with a
 * Class I (or `accountClass: "II"`) account holding `balance` (default "50000.00"), `frozen` if asked.
 */
partnerApi.post('/sandbox/customers', async (c) => {
  const { db, production } = c.var.options;
  if (production) throw new BankError('not_found', 'Sandbox endpoints do not exist in production mode.');
  const body = await readBody(c);
  const phone = body.string('phone', { pattern: /^1\d{10}$/ });
  const nameEn = body.optionalString('nameEn', { max: 60 }) ?? 'Test Customer';
  const nameZh = body.optionalString('nameZh', { max: 20 }) ?? '测试客户';
  const balanceText = body.optionalString('balance', { max: 20 }) ?? '50000.00';
  let balance: number;
  try {
    balance = balanceText === '0' || balanceText === '0.00' ? 0 : parseAmount(balanceText);
  } catch {
    throw new BankError('invalid_request', '`balance` must be a decimal string like "50000.00".');
  }
  const accountClass = (body.optionalString('accountClass', { pattern: /^(I|II)$/ }) ?? 'I') as 'I' | 'II';
  createSandboxCustomer(db, phone, nameEn, nameZh, balance, body.optionalBoolean('frozen') ?? false, accountClass, c.var.options.now());
  return c.json({ phone, password: sandboxPassword, pin: sandboxPin, smsCode: '123456' }, 201);
});

/** Sandbox only: the ledger's invariants, so tests (the bank's and partners') can assert them after any run. */
partnerApi.get('/sandbox/ledger', (c) => {
  const { db, production } = c.var.options;
  if (production) throw new BankError('not_found', 'Sandbox endpoints do not exist in production mode.');
  return c.json(ledgerCheck(db));
});

/**
 * Public and CORS-readable: lets the SDK tell a partner developer at once that their page's origin is not
 * registered, instead of a frame the browser silently refuses. The real enforcement is the frames' CSP
 * `frame-ancestors` and the origin check when a frame session starts.
 */
partnerApi.get('/sdk/apps/:appId', (c) => {
  c.header('Access-Control-Allow-Origin', '*');
  c.header('Vary', 'Origin');
  // The SDK's only source for its mode: in the sandbox it explains configuration mistakes to the developer.
  c.header('Bank-Mode', c.var.options.production ? 'production' : 'sandbox');
  c.header('Access-Control-Expose-Headers', 'Bank-Mode');
  const app = findApp(c.var.options.db, c.req.param('appId'));
  if (!app) throw new BankError('not_found', `No app ${c.req.param('appId')}.`);
  const origin = c.req.header('Origin');
  if (!origin || !app.origins.includes(origin)) {
    throw new BankError('origin_not_allowed', `The origin ${origin ?? '(none)'} is not registered for ${app.id}.`);
  }
  return c.json({ appId: app.id, name: app.name });
});
