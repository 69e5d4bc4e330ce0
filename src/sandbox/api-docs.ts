/**
 * docs/api.md, rendered from the OpenAPI document (`npm run docs:api`); a test fails when the file is out of date.
 * Run directly: `tsx src/sandbox/api-docs.ts` writes the file; `--check` only compares.
 */
import { readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApiDocument } from './openapi-document.ts';

type Schema = {
  $ref?: string; type?: string | string[]; properties?: Record<string, Schema>; required?: string[]; items?: Schema;
  enum?: unknown[]; description?: string; pattern?: string; format?: string; maxLength?: number; minLength?: number;
  minimum?: number; maximum?: number; minItems?: number; maxItems?: number; example?: unknown; anyOf?: Schema[];
  additionalProperties?: Schema | boolean;
};
type Operation = {
  tags?: string[]; summary?: string; description?: string; security?: Record<string, string[]>[];
  parameters?: { name: string; in: string; required?: boolean; description?: string; schema?: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: Schema }> }>;
};

const refName = (schema: Schema | undefined) => schema?.$ref?.split('/').pop();
/** GitHub's heading anchor (lower case, punctuation dropped, spaces to hyphens). */
const slug = (heading: string) => heading.toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
const schemaLink = (name: string) => `[${name}](#${slug(name)})`;
const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

function typeOf(schema: Schema): string {
  if (schema.$ref) return schemaLink(refName(schema)!);
  if (schema.anyOf) return schema.anyOf.map(typeOf).join(' or ');
  if (schema.enum) return schema.enum.map((v) => `\`${JSON.stringify(v)}\``).join(', ');
  const types = Array.isArray(schema.type) ? schema.type : [schema.type ?? 'any'];
  return types.map((t) => (t === 'array' && schema.items ? `${typeOf(schema.items)}[]` : t === 'string' && schema.format ? `string (${schema.format})` : t))
    .join(' or ');
}

function rules(schema: Schema): string {
  const out: string[] = [];
  if (schema.maxLength !== undefined) out.push(`≤ ${schema.maxLength} chars`);
  if (schema.pattern) out.push(`pattern \`${schema.pattern}\``);
  if (schema.minimum !== undefined) out.push(`≥ ${schema.minimum}`);
  if (schema.maximum !== undefined) out.push(`≤ ${schema.maximum}`);
  if (schema.minItems !== undefined) out.push(`≥ ${schema.minItems} items`);
  if (schema.maxItems !== undefined) out.push(`≤ ${schema.maxItems} items`);
  if (schema.example !== undefined) out.push(`e.g. \`${JSON.stringify(schema.example)}\``);
  return out.join('; ');
}

/** The fields of an object schema as rows, nested objects and arrays of objects flattened (`a.b`, `a[].b`). */
function rows(schema: Schema, prefix = ''): string[] {
  const out: string[] = [];
  for (const [name, field] of Object.entries(schema.properties ?? {})) {
    const path = `${prefix}${name}`;
    const required = schema.required?.includes(name) ? 'yes' : '';
    const about = [field.description, rules(field)].filter(Boolean).join(' ');
    out.push(`| \`${path}\` | ${cell(typeOf(field))} | ${required} | ${cell(about)} |`);
    if (field.type === 'object' && field.properties) out.push(...rows(field, `${path}.`));
    if (field.type === 'array' && field.items?.type === 'object') out.push(...rows(field.items, `${path}[].`));
  }
  return out;
}

function table(schema: Schema): string[] {
  const body = rows(schema);
  if (!body.length) return [];
  return ['| field | type | required | notes |', '|---|---|---|---|', ...body];
}

/** The whole reference, deterministic (same document, same bytes). */
export function renderApiMarkdown(doc = openApiDocument() as unknown as {
  info: { title: string; version: string; description?: string }; servers?: { url: string; description?: string }[];
  tags?: { name: string; description?: string }[]; paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema>; securitySchemes?: Record<string, { description?: string }> };
}): string {
  const out: string[] = [
    `# ${doc.info.title}`,
    '',
    '<!-- Generated from the OpenAPI document (GET /v1/openapi.json) by `npm run docs:api`: do not edit by hand. -->',
    '',
    `Version ${doc.info.version}, OpenAPI 3.1: the machine-readable document is served at \`GET /v1/openapi.json\` (no key needed).`,
    '',
    doc.info.description ?? '',
    '',
    '**Authentication.** ' + (doc.components.securitySchemes?.secretKey?.description ?? ''),
    '',
  ];
  const operations: { path: string; method: string; op: Operation }[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) operations.push({ path, method, op });
  }
  const anchor = (method: string, path: string) => slug(`${method.toUpperCase()} ${path}`);
  out.push('## Endpoints', '');
  for (const tag of doc.tags ?? []) {
    const mine = operations.filter((o) => o.op.tags?.[0] === tag.name);
    if (!mine.length) continue;
    out.push(`- **${tag.name}**: ${mine.map((o) => `[\`${o.method.toUpperCase()} ${o.path}\`](#${anchor(o.method, o.path)})`).join(', ')}`);
  }
  out.push('');
  for (const tag of doc.tags ?? []) {
    const mine = operations.filter((o) => o.op.tags?.[0] === tag.name);
    if (!mine.length) continue;
    out.push(`## ${tag.name}`, '', tag.description ?? '', '');
    for (const { path, method, op } of mine) {
      out.push(`### \`${method.toUpperCase()} ${path}\``, '', `${op.summary ?? ''}.`.replace(/\.\.$/, '.'), '');
      if (op.description) out.push(op.description, '');
      out.push(op.security?.length ? '**Auth:** `Authorization: Bearer <secretKey>`.' : '**Auth:** none.', '');
      for (const p of op.parameters ?? []) {
        out.push(`- ${p.in} \`${p.name}\`${p.required ? ' (required)' : ''}: ${p.description ?? ''}`);
      }
      if (op.parameters?.length) out.push('');
      const body = op.requestBody?.content['application/json']?.schema;
      if (body) out.push(`**Body** (JSON): ${schemaLink(refName(body)!)}.`, '');
      out.push('| status | answer | |', '|---|---|---|');
      for (const [status, answer] of Object.entries(op.responses)) {
        const schema = answer.content?.['application/json']?.schema;
        out.push(`| ${status} | ${schema ? typeOf(schema) : ''} | ${cell(answer.description)} |`);
      }
      out.push('');
    }
  }
  out.push('## Schemas', '');
  for (const [name, schema] of Object.entries(doc.components.schemas).sort(([a], [b]) => a.localeCompare(b))) {
    out.push(`### ${name}`, '');
    if (schema.description) out.push(schema.description, '');
    const lines = table(schema);
    out.push(...(lines.length ? lines : [`${typeOf(schema)}.`]), '');
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

export const apiDocsPath = resolve(fileURLToPath(new URL('../../docs/api.md', import.meta.url)));

if (process.argv[1] && fileURLToPath(import.meta.url) === realpathSync(process.argv[1])) {
  const text = renderApiMarkdown();
  if (process.argv.includes('--check')) {
    const current = readFileSync(apiDocsPath, 'utf8');
    if (current !== text) {
      console.error('docs/api.md is out of date: run `npm run docs:api`.');
      process.exit(1);
    }
  } else {
    writeFileSync(apiDocsPath, text);
    console.log(`Wrote ${apiDocsPath}`);
  }
}
