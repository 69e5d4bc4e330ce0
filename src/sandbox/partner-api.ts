import { Hono, type Context } from 'hono';
import type { Env } from './app.ts';
import { appBySecret, findApp, registerApp, type PartnerApp } from './apps.ts';
import { createSandboxCustomer, customerByPublicId, displayName, maskPhone, sandboxPassword, sandboxPin } from './customers.ts';
import { BankError } from './errors.ts';
import { mintClientToken } from './sessions.ts';
import { parseOrigin, RequestBody } from './validate.ts';

/** Server-to-bank API (CONTRACT §5), authenticated by the partner's secret key. */
export const partnerApi = new Hono<Env>();

export async function readBody(c: Context): Promise<RequestBody> {
  return RequestBody.parse(await c.req.text());
}

function authenticate(c: Context<Env>): PartnerApp {
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
  const { db, now } = c.var.options;
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
    locked: customer.locked_at !== null,
  });
});

partnerApi.post('/sandbox/apps', async (c) => {
  const { db, now, production } = c.var.options;
  if (production) throw new BankError('not_found', 'Sandbox endpoints do not exist in production mode.');
  const body = await readBody(c);
  const name = body.string('name', { max: 100 });
  const origins = body.stringArray('origins').map(parseOrigin);
  const webhookUrl = body.optionalString('webhookUrl', { max: 500, pattern: /^https?:\/\/\S+$/ }) ?? null;
  return c.json(registerApp(db, name, origins, webhookUrl, now()), 201);
});

/** Sandbox only: a test customer of one's own (password `Passw0rd!`, SMS code `123456`, PIN `135790`). */
partnerApi.post('/sandbox/customers', async (c) => {
  const { db, production } = c.var.options;
  if (production) throw new BankError('not_found', 'Sandbox endpoints do not exist in production mode.');
  const body = await readBody(c);
  const phone = body.string('phone', { pattern: /^1\d{10}$/ });
  const nameEn = body.optionalString('nameEn', { max: 60 }) ?? 'Test Customer';
  const nameZh = body.optionalString('nameZh', { max: 20 }) ?? '测试客户';
  createSandboxCustomer(db, phone, nameEn, nameZh);
  return c.json({ phone, password: sandboxPassword, pin: sandboxPin, smsCode: '123456' }, 201);
});

/**
 * Public and CORS-readable: lets the SDK tell a partner developer at once that their page's origin is not
 * registered, instead of a frame the browser silently refuses. The real enforcement is the frames' CSP
 * `frame-ancestors` and the origin check when a frame session starts.
 */
partnerApi.get('/sdk/apps/:appId', (c) => {
  c.header('Access-Control-Allow-Origin', '*');
  c.header('Vary', 'Origin');
  const app = findApp(c.var.options.db, c.req.param('appId'));
  if (!app) throw new BankError('not_found', `No app ${c.req.param('appId')}.`);
  const origin = c.req.header('Origin');
  if (!origin || !app.origins.includes(origin)) {
    throw new BankError('origin_not_allowed', `The origin ${origin ?? '(none)'} is not registered for ${app.id}.`);
  }
  return c.json({ appId: app.id, name: app.name });
});
