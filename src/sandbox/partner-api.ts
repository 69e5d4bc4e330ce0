import { findApp, registerApp } from './apps.ts';
import {
  createSandboxCustomer, customerByPublicId, displayName, lastSeenLocale, loginLocked, maskPhone, pinLocked, publicCustomerId,
  sandboxPassword, sandboxPin,
} from './customers.ts';
import { applicationView, findApplication, loanProducts } from './loans.ts';
import { ledgerCheck } from './ledger.ts';
import { BankError } from './errors.ts';
import { parsePurposes, setAppDataProfile } from './consents.ts';
import { mintClientToken } from './sessions.ts';
import { parseAmount } from '../domain/money.ts';
import { cancelOrder, createOrder, findOrder, orderView } from './orders.ts';
import { parseOrigin } from './validate.ts';
import { Throttles } from './throttle.ts';
import { webhookUrlProblem } from './webhook-guard.ts';
import { orderSettlementView, readOrderSettlement, runMerchantClock, saveOrderSettlement } from './merchants.ts';
import { partnerRoutes, route } from './openapi.ts';
import {
  ClientToken, ClientTokenRequest, Customer, LedgerCheck, LoanApplication, LoanProducts, Order, OrderRequest, RegisteredApp,
  SandboxAppRequest, SandboxCustomer, SandboxCustomerRequest, SdkApp,
} from './partner-schemas.ts';

export { authenticate } from './openapi.ts';

/**
 * Server-to-bank API (CONTRACT §5), authenticated by the partner's secret key. Each route is declared with its
 * schemas (src/sandbox/partner-schemas.ts): they validate the request and make the OpenAPI document.
 */
export const partnerApi = partnerRoutes();

route(partnerApi, {
  method: 'post', path: '/client-tokens', tags: ['Client tokens'], summary: 'Mint a client token for one SDK start',
  description: 'Short-lived (5 minutes), spent by the first frame session. Capped per app and minute (`rate_limited`, with `Retry-After`).',
  body: ClientTokenRequest,
  responses: { 201: { description: 'The token.', schema: ClientToken } },
  errors: ['rate_limited'],
}, (c, body, app) => {
  const customerRef = body.customerRef ?? undefined;
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

route(partnerApi, {
  method: 'get', path: '/customers/{customerId}', tags: ['Customers'], summary: 'A customer who used your app (masked)',
  params: { customerId: "The bank's id for the customer in your app (from `bank-login-success`)." },
  responses: { 200: { description: 'The customer, masked.', schema: Customer } },
  errors: ['not_found'],
}, (c, _body, app) => {
  const customer = customerByPublicId(c.var.options.db, app.id, c.req.param('customerId')!);
  if (!customer) throw new BankError('not_found', 'No such customer for this app.');
  return c.json({
    customerId: c.req.param('customerId'),
    displayName: displayName(customer, lastSeenLocale(c.var.options.db, app.id, customer.id)),
    displayNameEn: displayName(customer, 'en'),
    phone: maskPhone(customer.phone),
    locked: loginLocked(c.var.options.db, customer, c.var.options.now()) || pinLocked(c.var.options.db, customer, c.var.options.now()),
  });
});

route(partnerApi, {
  method: 'post', path: '/sandbox/apps', tags: ['Sandbox'], summary: 'Register a partner app', auth: 'none', sandboxOnly: true,
  description: 'Answers the new app\'s secret key (and webhook secret when `webhookUrl` is given). Sandbox apps may ask for every data-sharing purpose unless `purposes` narrows them.',
  body: SandboxAppRequest,
  responses: { 201: { description: 'The app and its keys.', schema: RegisteredApp } },
  errors: ['purpose_not_allowed'],
}, (c, body) => {
  const { db, now, production } = c.var.options;
  const origins = body.origins.map(parseOrigin);
  const webhookUrl = body.webhookUrl ?? null;
  const refused = webhookUrl && webhookUrlProblem(webhookUrl, origins, production);
  if (refused) throw new BankError('invalid_request', `\`webhookUrl\` is refused: ${refused}.`);
  const purposes = parsePurposes(body.purposes);
  const registered = registerApp(db, body.name, origins, webhookUrl, now());
  setAppDataProfile(db, registered.appId, body.contact ?? undefined, purposes);
  return c.json(registered, 201);
});

const maxOrderAmount = 100_000_000; // ¥1,000,000.00

route(partnerApi, {
  method: 'post', path: '/orders', tags: ['Orders'], summary: 'Create an order for `<bank-pay>`', idempotent: true,
  body: OrderRequest,
  responses: { 201: { description: 'The order, `pending`.', schema: Order } },
  errors: ['idempotency_conflict', 'not_found', 'merchant_unverified', 'split_exceeds_amount'],
}, (c, body, app) => {
  const { db, now } = c.var.options;
  const amount = parseAmount(body.amount, { max: maxOrderAmount }); // checked by OrderRequest
  const { currency, description } = body;
  const reference = body.reference ?? null;
  const key = c.req.header('Idempotency-Key') ?? null;
  if (key !== null && !/^[\x21-\x7e]{1,255}$/.test(key)) {
    throw new BankError('invalid_request', '`Idempotency-Key` must be 1 to 255 visible ASCII characters.');
  }
  const settlement = readOrderSettlement(db, app.id, amount, body.splits, body.rent);
  // With splits or rent, they are part of what the Idempotency-Key's request hash covers.
  const newOrder = { amount, currency, description, reference, ...(settlement ? { settlement } : {}) };
  const { order, replayed } = createOrder(db, app.id, newOrder, key, now());
  if (replayed) c.header('Idempotent-Replayed', 'true');
  else if (settlement) saveOrderSettlement(db, app.id, order.id, settlement);
  return c.json({ ...orderView(order), ...orderSettlementView(db, order.id) }, 201);
});

route(partnerApi, {
  method: 'get', path: '/orders/{id}', tags: ['Orders'], summary: 'An order and its payment',
  params: { id: 'The order id.' },
  responses: { 200: { description: 'The order.', schema: Order } },
  errors: ['not_found'],
}, (c, _body, app) => {
  const { db, now } = c.var.options;
  runMerchantClock(db, now());
  const order = findOrder(db, app.id, c.req.param('id')!);
  return c.json({ ...orderView(order), ...orderSettlementView(db, order.id) });
});

route(partnerApi, {
  method: 'post', path: '/orders/{id}/cancel', tags: ['Orders'], summary: 'Cancel a pending order',
  params: { id: 'The order id.' },
  responses: { 200: { description: 'The order, `cancelled`.', schema: Order } },
  errors: ['not_found', 'already_paid', 'order_cancelled'],
}, (c, _body, app) => {
  const { db, now } = c.var.options;
  return c.json(orderView(cancelOrder(db, app.id, c.req.param('id')!, now())));
});

route(partnerApi, {
  method: 'get', path: '/loan-products', tags: ['Loans'], summary: 'The loan products and their terms',
  responses: { 200: { description: 'The products.', schema: LoanProducts } },
  errors: [],
}, (c) => c.json({ products: loanProducts(c.var.options.db) }));

route(partnerApi, {
  method: 'get', path: '/loan-applications/{id}', tags: ['Loans'], summary: 'A loan application made in your app',
  params: { id: 'The application id (from `bank-loan-submitted`).' },
  responses: { 200: { description: 'The application.', schema: LoanApplication } },
  errors: ['not_found'],
}, (c, _body, app) => {
  const { db } = c.var.options;
  const application = findApplication(db, app.id, c.req.param('id')!);
  return c.json(applicationView(application, publicCustomerId(db, app.id, application.customer_id)));
});

route(partnerApi, {
  method: 'post', path: '/sandbox/customers', tags: ['Sandbox'], summary: 'Create a test customer', auth: 'none', sandboxOnly: true,
  description: 'A customer of one\'s own (password `Passw0rd!`, SMS code `123456`, PIN `135790`), with a Class I (or `accountClass: "II"`) account holding `balance` (default "50000.00"), `frozen` if asked.',
  body: SandboxCustomerRequest,
  responses: { 201: { description: 'How to log in as them.', schema: SandboxCustomer } },
  errors: [['invalid_request', 409]], // 409: the phone number is taken
}, (c, body) => {
  const { db } = c.var.options;
  const { phone } = body;
  const nameEn = body.nameEn ?? 'Test Customer';
  const nameZh = body.nameZh ?? '测试客户';
  const balanceText = body.balance ?? '50000.00';
  let balance: number;
  try {
    balance = balanceText === '0' || balanceText === '0.00' ? 0 : parseAmount(balanceText);
  } catch {
    throw new BankError('invalid_request', '`balance` must be a decimal string like "50000.00".');
  }
  const accountClass = (body.accountClass ?? 'I') as 'I' | 'II';
  createSandboxCustomer(db, phone, nameEn, nameZh, balance, body.frozen ?? false, accountClass, c.var.options.now());
  return c.json({ phone, password: sandboxPassword, pin: sandboxPin, smsCode: '123456' }, 201);
});

route(partnerApi, {
  method: 'get', path: '/sandbox/ledger', tags: ['Sandbox'], summary: "The ledger's invariants", auth: 'none', sandboxOnly: true,
  description: 'So tests (the bank\'s and partners\') can assert them after any run: `ok` is true when all hold.',
  responses: { 200: { description: 'The checks.', schema: LedgerCheck } },
  errors: [],
}, (c) => c.json(ledgerCheck(c.var.options.db)));

route(partnerApi, {
  method: 'get', path: '/sdk/apps/{appId}', tags: ['SDK'], summary: "The SDK's check of the page's origin", auth: 'none',
  description: 'Public and CORS-readable, called by the SDK (not your server): tells a developer at once that their page\'s origin is not registered. Header `Bank-Mode: sandbox|production`.',
  params: { appId: 'Your app id.' },
  responses: { 200: { description: 'The origin is registered.', schema: SdkApp } },
  errors: ['not_found', 'origin_not_allowed'],
}, (c) => {
  c.header('Access-Control-Allow-Origin', '*');
  c.header('Vary', 'Origin');
  // The SDK's only source for its mode: in the sandbox it explains configuration mistakes to the developer.
  c.header('Bank-Mode', c.var.options.production ? 'production' : 'sandbox');
  c.header('Access-Control-Expose-Headers', 'Bank-Mode');
  const app = findApp(c.var.options.db, c.req.param('appId')!);
  if (!app) throw new BankError('not_found', `No app ${c.req.param('appId')}.`);
  const origin = c.req.header('Origin');
  if (!origin || !app.origins.includes(origin)) {
    throw new BankError('origin_not_allowed', `The origin ${origin ?? '(none)'} is not registered for ${app.id}.`);
  }
  return c.json({ appId: app.id, name: app.name });
});
