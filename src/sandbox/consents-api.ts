import { Hono, type Context } from 'hono';
import { consentTextVersion, consentValidityDays } from '../domain/claims.ts';
import type { Env } from './env.ts';
import { findApp } from './apps.ts';
import {
  activeConsents, appDataProfile, checkConsentRequest, consentView, findConsent, grantConsent, revokeConsent, type ConsentRow,
} from './consents.ts';
import { BankError } from './errors.ts';
import { frameSession, loggedIn } from './frame-api.ts';
import { partnerRoutes, route } from './openapi.ts';
import { Consent, Jwks, RotatedKey } from './partner-schemas.ts';
import { readBody } from './validate.ts';
import { publishedKeys, rotateSigningKey, signAttestation } from './signing.ts';

/**
 * Data sharing. Three audiences:
 * - the bank's own frames (mounted under `/v1/frame`, behind the frame API's same-origin guard);
 * - the partner's server (`GET /v1/consents/{id}`, secret key);
 * - anyone verifying an attestation (`GET /.well-known/jwks.json`, public).
 */
export const consentFrameApi = new Hono<Env>();
export const consentPartnerApi = partnerRoutes();
export const jwksApi = partnerRoutes();

async function readRequest(c: Context<Env>) {
  const body = await readBody(c);
  return { body, purpose: body.string('purpose', { max: 60 }), claims: body.string('claims', { max: 400 }) };
}

/** For the partner element, before the customer is asked anything: may this app ask this? Only yes or no. */
consentFrameApi.post('/consent-checks', async (c) => {
  const session = frameSession(c);
  const { purpose, claims } = await readRequest(c);
  return c.json({ allowed: checkConsentRequest(c.var.options.db, session.appId, purpose, claims).allowed });
});

/** What the `Share data` dialog shows: the recipient as registered, and the request, normalised. */
consentFrameApi.post('/consent-previews', async (c) => {
  const session = frameSession(c);
  const { db } = c.var.options;
  const { purpose, claims } = await readRequest(c);
  const check = checkConsentRequest(db, session.appId, purpose, claims);
  if (!check.allowed) throw new BankError('purpose_not_allowed', 'This app is not registered for this purpose.');
  const { name, contact } = appDataProfile(db, session.appId);
  return c.json({
    recipient: { name, contact },
    purpose,
    claims: check.claims.map((claim) => claim.key),
    validityDays: consentValidityDays,
    textVersion: consentTextVersion,
  });
});

consentFrameApi.post('/consents', async (c) => {
  const { db, now } = c.var.options;
  const { session, customer } = loggedIn(c);
  const { body, purpose, claims } = await readRequest(c);
  const row = grantConsent(db, {
    app: findApp(db, session.appId)!,
    customer,
    origin: session.origin,
    purpose,
    claims,
    locale: session.locale,
    textVersion: body.string('textVersion', { max: 60 }),
    agreed: body.optionalBoolean('agreed') === true,
    now: now(),
  });
  // The frame learns that it worked, not the answers: they are for the partner's server, signed.
  const view = consentView(row, now());
  return c.json({ consentId: view.id, purpose: view.purpose, createdAt: view.createdAt, expiresAt: view.expiresAt }, 201);
});

consentFrameApi.get('/consents', (c) => {
  const { db, now } = c.var.options;
  const { customer } = loggedIn(c);
  return c.json({ consents: activeConsents(db, customer.id, now()) });
});

consentFrameApi.post('/consents/:id/revoke', (c) => {
  const { db, now } = c.var.options;
  const { customer } = loggedIn(c);
  const view = revokeConsent(db, customer.id, c.req.param('id'), (id) => findApp(db, id), now());
  return c.json({ id: view.id, status: view.status });
});

async function attested(c: Context<Env>, appId: string, row: ConsentRow) {
  const { db, now, bankOrigin } = c.var.options;
  const view = consentView(row, now());
  return { ...view, attestation: await signAttestation(db, { ...view }, bankOrigin, appId, now()) };
}

route(consentPartnerApi, {
  method: 'get', path: '/consents/{id}', tags: ['Consents'], summary: 'A consent and its signed answers',
  description: 'Answered with `Cache-Control: no-store`. Verify `attestation` with the keys at `GET /.well-known/jwks.json` (issuer: the bank\'s origin, audience: your app id).',
  params: { id: 'The consent id (from `bank-consent-granted`).' },
  responses: { 200: { description: 'The consent.', schema: Consent } },
  errors: ['not_found'],
}, async (c, _body, app) => {
  c.header('Cache-Control', 'no-store');
  return c.json(await attested(c, app.id, findConsent(c.var.options.db, app.id, c.req.param('id')!)));
});

route(consentPartnerApi, {
  method: 'post', path: '/sandbox/signing-keys/rotate', tags: ['Sandbox'], summary: 'Rotate the attestation signing key now',
  description: 'Production rotates on a schedule; retired keys stay published while their attestations may be valid.',
  auth: 'none', sandboxOnly: true,
  responses: { 201: { description: 'The new key id and the retired ones.', schema: RotatedKey } },
  errors: [],
}, (c) => {
  const { db, now } = c.var.options;
  return c.json(rotateSigningKey(db, now()), 201);
});

route(jwksApi, {
  method: 'get', path: '/.well-known/jwks.json', tags: ['Consents'], summary: 'The keys that sign consent attestations', auth: 'none',
  description: 'Public, CORS-readable, cached 5 minutes: refetch on an unknown `kid`.',
  responses: { 200: { description: 'A JWK set (ES256).', schema: Jwks } },
  errors: [],
}, (c) => {
  c.header('Access-Control-Allow-Origin', '*');
  // Short, so a rotation reaches verifiers quickly; they refetch on an unknown `kid` anyway.
  c.header('Cache-Control', 'public, max-age=300');
  return c.json(publishedKeys(c.var.options.db, c.var.options.now()));
});
