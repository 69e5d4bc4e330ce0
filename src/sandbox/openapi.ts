import { OpenAPIHono, z, type RouteConfig } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { errorCodes, errorRules, type ErrorCode } from '../protocol/errors.ts';
import type { Env } from './env.ts';
import { BankError } from './errors.ts';
import { appBySecret, type PartnerApp } from './apps.ts';
import { RequestBody } from './validate.ts';

/**
 * The partner server API's one schema source: each route is declared once with zod schemas for its request body
 * and its answers; the same schemas validate the request (a failure answers 400 `invalid_request`, in the words the
 * field-by-field checks of src/sandbox/validate.ts use) and make the OpenAPI 3.1 document (`GET /v1/openapi.json`,
 * rendered as docs/api.md). With `checkResponses` on (the tests), every answer is checked against its schema too.
 */
export { z };

/** `{"error": {"code", "message"}}`, the one error shape (codes from src/protocol/errors.ts). */
export const ErrorBody = z.object({
  error: z.looseObject({
    code: z.enum(errorCodes as [ErrorCode, ...ErrorCode[]]).openapi({ description: 'A code from the one error table (docs/errors.md).' }),
    message: z.string().openapi({ description: 'For the developer, in English; never shown to customers as is.' }),
  }).openapi({ description: 'Some codes carry extra fields (e.g. `attemptsLeft`).' }),
}).openapi('Error');

/** A decimal amount string in yuan, two decimals, as on the wire everywhere. */
export const Amount = z.string().regex(/^\d{1,9}(\.\d{1,2})?$/).openapi({ example: '3500.00', description: 'Yuan as a decimal string (no sign, exponent or separators).' });
export const IsoTime = z.string().openapi({ format: 'date-time', example: '2026-12-01T09:00:00.000Z' });

/** An OpenAPI app with the bank's validation hook: a zod failure is the same 400 `invalid_request` as elsewhere. */
export function partnerRoutes() {
  return new OpenAPIHono<Env>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.error as z.ZodError);
    },
  });
}

const fieldName = (path: PropertyKey[]) =>
  path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');

/** A zod failure as the bank's 400: the first problem, worded like src/sandbox/validate.ts. */
export function validationError(error: z.ZodError): BankError {
  const issue = error.issues[0];
  const name = fieldName(issue.path);
  const field = `\`${name}\``;
  let message: string;
  // The schemas' own words (custom messages name their field in backticks) come first.
  if (issue.message.includes('`')) return new BankError('invalid_request', issue.message);
  switch (issue.code) {
    case 'invalid_type':
      message = issue.input === undefined ? `${field} is required.`
        : issue.expected === 'string' ? `${field} must be a string.`
          : issue.expected === 'boolean' ? `${field} must be true or false.`
            : issue.expected === 'int' ? `${field} must be a whole number.`
              : issue.expected === 'number' ? `${field} must be a number.`
              : issue.expected === 'array' ? `${field} must be an array.`
                : `${field} must be ${issue.expected === 'object' ? 'an object' : `of type ${issue.expected}`}.`;
      break;
    case 'too_big':
      message = issue.origin === 'string' ? `${field} is longer than ${issue.maximum} characters.`
        : issue.origin === 'array' ? `${field} must have at most ${issue.maximum} items.` : `${field} must be at most ${issue.maximum}.`;
      break;
    case 'too_small':
      message = issue.origin === 'array' ? `${field} must have at least ${issue.minimum} items.`
        : issue.origin === 'string' ? `${field} must not be empty.` : `${field} must be at least ${issue.minimum}.`;
      break;
    case 'invalid_format':
      message = `${field} has an invalid format.`;
      break;
    case 'invalid_value':
      message = `${field} must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}.`;
      break;
    case 'unrecognized_keys':
      message = `Unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `\`${k}\``).join(', ')}.`;
      break;
    default:
      // Refinements carry the bank's own words.
      message = issue.message.includes('`') || !name ? issue.message : `${field}: ${issue.message}`;
  }
  return new BankError('invalid_request', message);
}

type Method = 'get' | 'post' | 'patch';

export interface PartnerRoute<B extends z.ZodType | undefined> {
  method: Method;
  /** OpenAPI style, relative to where the app is mounted: `/orders/{id}`. */
  path: string;
  tags: string[];
  summary: string;
  description?: string;
  /**
   * `secret` (the default): `Authorization: Bearer <secretKey>`; `none`: public; a function: the route's own check
   * of the secret key (documented as `secret`), run at the same point.
   */
  auth?: 'secret' | 'none' | ((c: Context<Env>) => PartnerApp);
  /** Exists in sandbox mode only (404 `not_found` in production mode). */
  sandboxOnly?: boolean;
  /** The `Idempotency-Key` header is honoured. */
  idempotent?: boolean;
  params?: Record<string, string>;
  body?: B;
  /** The success answers: status → schema and what it means. */
  responses: Record<number, { description: string; schema: z.ZodType }>;
  /** The error codes this route answers (their statuses come from the error table, unless given: `[code, status]`). */
  errors: (ErrorCode | [ErrorCode, number])[];
}

/** The errors every route can answer besides its own: a broken bank, and a body over 16 KB on writes. */
const alwaysErrors = (method: Method): ErrorCode[] => (method === 'get' ? ['internal'] : ['internal', 'payload_too_large']);

/**
 * Declares one route on `app`: in its OpenAPI registry, and as a Hono handler that reads the JSON body (an empty
 * body is `{}`), validates it with `spec.body` and hands the parsed value to `handler`.
 */
export function route<B extends z.ZodType | undefined = undefined>(
  app: OpenAPIHono<Env>,
  spec: PartnerRoute<B>,
  handler: (
    c: Context<Env>, body: B extends z.ZodType ? z.infer<B> : undefined, app: PartnerApp,
  ) => Response | Promise<Response>,
) {
  const auth = typeof spec.auth === 'function' ? 'secret' : spec.auth ?? 'secret';
  const check = typeof spec.auth === 'function' ? spec.auth : authenticate;
  const listed: [ErrorCode, number][] = [
    ...spec.errors,
    ...(auth === 'secret' ? ['unauthorized' as const] : []),
    ...(spec.body ? ['invalid_request' as const] : []),
    ...(spec.sandboxOnly ? ['not_found' as const] : []),
    ...alwaysErrors(spec.method),
  ].map((e) => (typeof e === 'string' ? [e, errorRules[e].status] : e));
  /** `code status` pairs, as the response check looks them up. */
  const codes = new Set(listed.map(([code, status]) => `${code} ${status}`));
  const byStatus = new Map<number, ErrorCode[]>();
  for (const [code, status] of listed) {
    if (!byStatus.get(status)?.includes(code)) byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }

  const responses: RouteConfig['responses'] = {};
  for (const [status, answer] of Object.entries(spec.responses)) {
    responses[status] = { description: answer.description, content: { 'application/json': { schema: answer.schema } } };
  }
  for (const [status, list] of [...byStatus].sort(([a], [b]) => a - b)) {
    responses[String(status)] = {
      description: list.map((code) => `\`${code}\``).join(', '),
      content: { 'application/json': { schema: ErrorBody } },
    };
  }
  const paramNames = [...spec.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  const headers = spec.idempotent
    ? z.object({
      'Idempotency-Key': z.string().max(255).optional().openapi({
        description: 'Retries with the same key answer the first result (header `Idempotent-Replayed: true`) instead of doing it twice; 1 to 255 visible ASCII characters.',
      }),
    })
    : undefined;
  const config: RouteConfig = {
    method: spec.method,
    path: spec.path,
    tags: spec.tags,
    summary: spec.summary,
    ...(spec.description ? { description: spec.description + (spec.sandboxOnly ? '\n\nSandbox mode only: 404 `not_found` in production mode.' : '') }
      : spec.sandboxOnly ? { description: 'Sandbox mode only: 404 `not_found` in production mode.' } : {}),
    security: auth === 'secret' ? [{ secretKey: [] }] : [],
    request: {
      ...(paramNames.length ? {
        params: z.object(Object.fromEntries(paramNames.map((p) => [p, z.string().openapi({ description: spec.params?.[p] ?? p })]))),
      } : {}),
      ...(headers ? { headers } : {}),
      ...(spec.body ? { body: { required: false, content: { 'application/json': { schema: spec.body } } } } : {}),
    },
    responses,
  };
  app.openAPIRegistry.registerPath(config);

  const honoPath = spec.path.replaceAll(/\{(\w+)\}/g, ':$1');
  const success = Object.fromEntries(Object.entries(spec.responses).map(([s, a]) => [Number(s), a.schema]));

  app.on(spec.method.toUpperCase(), honoPath, async (c) => {
    let response: Response;
    try {
      // In this order: a sandbox endpoint does not exist in production mode; then who is asking; then what.
      if (spec.sandboxOnly && c.var.options.production) {
        throw new BankError('not_found', 'Sandbox endpoints do not exist in production mode.');
      }
      const caller = auth === 'secret' ? check(c) : (undefined as unknown as PartnerApp);
      let body: unknown;
      if (spec.body) {
        const parsed = spec.body.safeParse(RequestBody.parse(await c.req.text()).json(), { reportInput: true });
        if (!parsed.success) throw validationError(parsed.error);
        body = parsed.data;
      }
      response = await handler(c, body as never, caller);
    } catch (error) {
      if (!(error instanceof BankError)) throw error; // app.onError: logged, 500 `internal`
      response = c.json(error.toJSON(), error.status as 400);
    }
    if (c.var.options.checkResponses) await checkResponse(response, success, codes, `${spec.method.toUpperCase()} ${spec.path}`);
    return response;
  });
}

/** Throws (a 500 naming the difference) when an answer is not what the document says. */
export async function checkResponse(response: Response, success: Record<number, z.ZodType>, errors: Set<string>, what: string) {
  const text = await response.clone().text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new BankError('internal', `OpenAPI check: ${what} answered ${response.status} with a body that is not JSON.`);
  }
  const schema = success[response.status];
  if (schema) {
    const result = schema.safeParse(json);
    if (!result.success) {
      throw new BankError('internal', `OpenAPI check: ${what} answered ${response.status} not matching its schema: ${z.prettifyError(result.error)}`);
    }
    return;
  }
  const error = ErrorBody.safeParse(json);
  const code = error.success ? error.data.error.code : undefined;
  if (!code || !errors.has(`${code} ${response.status}`)) {
    throw new BankError('internal', `OpenAPI check: ${what} answered ${response.status} ${code ?? text.slice(0, 100)}, which its document does not list.`);
  }
}

/** The app whose secret key the request carries (`Authorization: Bearer <secretKey>`), or 401 `unauthorized`. */
export function authenticate(c: Context<Env>): PartnerApp {
  const header = c.req.header('Authorization') ?? '';
  const match = /^Bearer (\S+)$/.exec(header);
  const app = match ? appBySecret(c.var.options.db, match[1]) : undefined;
  if (!app) throw new BankError('unauthorized', 'Send the app secret key as `Authorization: Bearer <secretKey>`.');
  return app;
}
