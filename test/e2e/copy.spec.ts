import { expect } from '@playwright/test';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { apiTest as test } from './helpers.ts';

/**
 * House style for zh-CN copy (docs/elements.md, "Copy"): full-width （）：，；？！ inside Chinese text, and no space
 * between Chinese and digits, Latin letters or a `{placeholder}`. Every catalogue in src is scanned: each module's
 * exports with an `en` and a `zh-CN` table of strings.
 */
const root = join(import.meta.dirname, '../../src');
const han = '[\\u3400-\\u9fff\\u3000-\\u303f\\uff01-\\uff5e]';
const rules: [string, RegExp][] = [
  ['ASCII punctuation next to Chinese', new RegExp(`${han}[(),:;?!]|[(),:;?!]${han}`, 'u')],
  ['a space between Chinese and Latin, digits or a placeholder', new RegExp(`${han} +[A-Za-z0-9{¥]|[A-Za-z0-9}%] +${han}`, 'u')],
  // A fragment put into another text (`您的{class}`) brings its spaces with it.
  ['a leading or trailing space', /^\s|\s$/u],
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /(messages|partner)\.ts$/.test(name) ? [path] : [];
  });
}

type Catalogue = Record<'en' | 'zh-CN', Record<string, string>>;
const isCatalogue = (value: unknown): value is Catalogue =>
  typeof value === 'object' && value !== null && 'zh-CN' in value && 'en' in value &&
  Object.values((value as Catalogue)['zh-CN']).every((v) => typeof v === 'string');

async function catalogues() {
  const found: { file: string; catalogue: Catalogue }[] = [];
  for (const file of sourceFiles(root)) {
    const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    for (const value of Object.values(module)) if (isCatalogue(value)) found.push({ file: relative(root, file), catalogue: value });
  }
  return found;
}

test('zh-CN copy uses full-width punctuation and no stray spaces, in every catalogue', async () => {
  const found = await catalogues();
  expect(found.map((f) => f.file)).toEqual(expect.arrayContaining(['i18n/partner.ts', 'frames/common/messages.ts']));
  const problems: string[] = [];
  for (const { file, catalogue } of found) {
    for (const [key, text] of Object.entries(catalogue['zh-CN'])) {
      for (const [rule, pattern] of rules) if (pattern.test(text)) problems.push(`${file} ${key}: ${rule}: ${text}`);
    }
  }
  expect(problems).toEqual([]);
});

test('zh-CN text outside the catalogues (frame data, the sandbox bank’s terms and products) follows the same rules', async () => {
  // Every string literal in src with Chinese in it, comments left out.
  const problems: string[] = [];
  const walk = (dir: string): string[] => readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : path.endsWith('.ts') ? [path] : [];
  });
  for (const file of walk(root)) {
    const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
    for (const [literal] of code.matchAll(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g)) {
      if (!/[\u3400-\u9fff]/u.test(literal)) continue;
      const text = literal.slice(1, -1).replace(/\$\{/g, '{');
      for (const [rule, pattern] of rules.slice(0, 2)) if (pattern.test(text)) problems.push(`${relative(root, file)}: ${rule}: ${text}`);
    }
  }
  expect(problems).toEqual([]);
});

test('the rules catch what they are meant to', async () => {
  const bad = ['余额(元)', '已登录:{name}', '6 位', '至 {phone}', '{n} 个月', '银行 SDK', ' II类账户'];
  const good = ['余额（元）', '已登录：{name}', '6位', '至{phone}', '{n}个月', '银行SDK', '{option} · {state}'];
  for (const text of bad) expect(rules.some(([, p]) => p.test(text)), text).toBe(true);
  for (const text of good) expect(rules.some(([, p]) => p.test(text)), text).toBe(false);
});

test('both locales have the same keys and no empty text, in every catalogue', async () => {
  for (const { file, catalogue } of await catalogues()) {
    expect(Object.keys(catalogue['zh-CN']).sort(), file).toEqual(Object.keys(catalogue.en).sort());
    for (const [locale, table] of Object.entries(catalogue)) {
      for (const [key, text] of Object.entries(table)) expect(text.trim(), `${file} ${locale} ${key}`).not.toBe('');
    }
  }
});
