import type { Context } from 'hono';
import { BankError } from './errors.ts';

/** A parsed JSON object body, read field by field with checks that answer 400 `invalid_request`. */
export class RequestBody {
  constructor(private readonly body: Record<string, unknown>) {}

  static parse(text: string): RequestBody {
    if (text.trim() === '') return new RequestBody({});
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new BankError('invalid_request', 'The request body is not valid JSON.');
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new BankError('invalid_request', 'The request body must be a JSON object.');
    }
    return new RequestBody(value as Record<string, unknown>);
  }

  string(name: string, opts: { max?: number; pattern?: RegExp } = {}): string {
    const value = this.optionalString(name, opts);
    if (value === undefined) throw new BankError('invalid_request', `\`${name}\` is required.`);
    return value;
  }

  optionalString(name: string, { max = 200, pattern }: { max?: number; pattern?: RegExp } = {}): string | undefined {
    const value = this.body[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') throw new BankError('invalid_request', `\`${name}\` must be a string.`);
    if (value.length > max) throw new BankError('invalid_request', `\`${name}\` is longer than ${max} characters.`);
    if (pattern && !pattern.test(value)) throw new BankError('invalid_request', `\`${name}\` has an invalid format.`);
    return value;
  }

  stringArray(name: string, { max = 20, itemMax = 200 } = {}): string[] {
    const value = this.body[name];
    if (!Array.isArray(value) || value.some((item) => typeof item !== 'string' || item.length > itemMax)) {
      throw new BankError('invalid_request', `\`${name}\` must be an array of strings.`);
    }
    if (value.length === 0 || value.length > max) {
      throw new BankError('invalid_request', `\`${name}\` must have 1 to ${max} items.`);
    }
    return value as string[];
  }

  /** The whole object as sent (for a schema to check). */
  json(): Record<string, unknown> {
    return this.body;
  }

  /** A field as sent, for checks the caller makes itself. */
  raw(name: string): unknown {
    return this.body[name];
  }

  optionalBoolean(name: string): boolean | undefined {
    const value = this.body[name];
    if (value === undefined) return undefined;
    if (typeof value !== 'boolean') throw new BankError('invalid_request', `\`${name}\` must be true or false.`);
    return value;
  }
}

/** An origin as browsers send it: scheme, host and port only. */
export function parseOrigin(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new BankError('invalid_request', `\`${text}\` is not an origin.`);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== text) {
    throw new BankError('invalid_request', `\`${text}\` is not an origin (scheme://host[:port], no path).`);
  }
  return url.origin;
}

/** The request's JSON object body (an empty body reads as `{}`), for the field-by-field checks above. */
export async function readBody(c: Context): Promise<RequestBody> {
  return RequestBody.parse(await c.req.text());
}
