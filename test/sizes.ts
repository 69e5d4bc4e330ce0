/**
 * What the SDK costs a partner page and each bank frame, in gzip -9 bytes, measured on the built `dist/sdk/v1`.
 * Shared by `npm run bench` (the report against the target budgets) and the size test in `npm test` (which fails
 * when anything grows past its recorded ceiling).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export const KB = 1000;
export const root = resolve('dist/sdk/v1');
export const loaderFile = join(root, 'bank-sdk.js');
export const elementsDir = join(root, 'elements');
export const framesDir = join(root, 'frames');

export const isBuilt = () => existsSync(loaderFile) && existsSync(elementsDir) && existsSync(framesDir);

const gzipCache = new Map<string, number>();
export const gz = (file: string) => {
  let size = gzipCache.get(file);
  if (size === undefined) gzipCache.set(file, (size = gzipSync(readFileSync(file), { level: 9 }).length));
  return size;
};
export const kb = (bytes: number) => `${(bytes / KB).toFixed(2)} KB`;
export const rel = (file: string) => file.slice(root.length + 1);

/** Relative static imports and re-exports: `import{a}from"./x.js"`, `import"./x.js"`, `export{a}from"./x.js"`. */
const staticImport = /\b(?:import|export)\s*(?:[\w$\s{},*]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+)["']/g;

/** `file` and every JS file it statically imports, recursively, into `into` (a set, so shared files count once). */
export function withImports(file: string, into = new Set<string>()): Set<string> {
  if (into.has(file)) return into;
  if (!existsSync(file)) throw new Error(`${rel(file)} is loaded but was not built`);
  into.add(file);
  if (file.endsWith('.js')) {
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(staticImport)) withImports(resolve(dirname(file), spec!), into);
  }
  return into;
}

/** Dynamic imports: `import("./x.js")`. */
const dynamicImport = /\bimport\(\s*["'`](\.{1,2}\/[^"'`]+)["'`]\s*\)/g;

const dynamicImportsOf = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(dynamicImport)].map((m) => resolve(dirname(file), m[1]!));

/**
 * A frame: its HTML, the scripts and stylesheets it names (module preloads included), their imports and, where
 * its entry loads one build per locale (`import()` of the one the URL asks for), the heavier locale's build. That
 * is what the frame downloads to show itself (the budgets apply to this). A build's own lazy chunks (an `import()`
 * in it: the Accounts frame's Add money form, the Buy frame's purchase checks and its risk assessment, which a
 * customer needs only once a year) are not in it; `frameWholeFiles` counts them too.
 */
export function frameFiles(html: string, lazyChunks = false): Set<string> {
  const files = namedFiles(html);
  const builds = [...files].filter((file) => file.endsWith('.js')).flatMap(dynamicImportsOf);
  const perLocale = builds.map((entry) => (lazyChunks ? withLazyChunks : withImports)(entry, new Set(files)));
  return perLocale.reduce((heaviest, set) => (total(set) > total(heaviest) ? set : heaviest), files);
}

/** A frame with every lazy chunk of its build: what it downloads once every part of it has been used. */
export const frameWholeFiles = (html: string) => frameFiles(html, true);

/** `file`, its static imports and, recursively, every chunk they load with `import()` (and their imports). */
function withLazyChunks(file: string, into: Set<string>): Set<string> {
  const own = withImports(file);
  for (const f of own) into.add(f);
  for (const f of own) {
    if (!f.endsWith('.js')) continue;
    for (const chunk of dynamicImportsOf(f)) if (!into.has(chunk)) withLazyChunks(chunk, into);
  }
  return into;
}

function namedFiles(html: string): Set<string> {
  const files = new Set<string>([html]);
  const text = readFileSync(html, 'utf8');
  const urls = [
    ...[...text.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]!),
    ...[...text.matchAll(/<link\b[^>]*\bhref="([^"]+)"/g)].map((m) => m[1]!).filter((u) => /\.(js|css)$/.test(u)),
  ];
  for (const url of urls) {
    const file = url.startsWith('/sdk/v1/') ? join(root, url.slice('/sdk/v1/'.length)) : resolve(dirname(html), url);
    withImports(file, files);
  }
  return files;
}

export const total = (files: Iterable<string>) => [...files].reduce((sum, f) => sum + gz(f), 0);

/** Built element chunks whose name starts with `prefix` (`locale-`, `dialog-`: see vite.config.ts). */
const named = (prefix: string) => readdirSync(elementsDir).filter((f) => f.startsWith(prefix) && f.endsWith('.js')).map((f) => join(elementsDir, f));

/**
 * The partner texts a page downloads at start: one locale's chunk, loaded by the core in parallel with the session.
 * Counted as the larger of the two, so a page's size holds whichever locale it speaks.
 */
export function localeFiles(): Set<string> {
  const options = named('locale-').map((f) => withImports(f));
  return options.reduce((a, b) => (total(b) > total(a) ? b : a), new Set<string>());
}

/** The bank dialog's code (and its imports), loaded once per page on a customer's first intent to act. */
export const dialogFiles = (): Set<string> => new Set(named('dialog-').flatMap((f) => [...withImports(f)]));

/**
 * Everything a partner page downloads for one element tag before anyone acts: loader, core, the page's locale
 * texts, the element's chunk and their imports. The budgets apply to this.
 */
export function pageFiles(tag: string, into = new Set<string>([loaderFile, ...withImports(join(elementsDir, 'core.js')), ...localeFiles()])) {
  return withImports(join(elementsDir, `${tag}.js`), into);
}

/** The same page after the customer opened a first bank dialog: the page plus the dialog's code. */
export const afterDialogFiles = (tag: string): Set<string> => new Set([...pageFiles(tag), ...dialogFiles()]);

/** The built frames by name (`login`, `pay`, …). */
export const frameNames = () => readdirSync(framesDir).filter((f) => f.endsWith('.html')).map((f) => f.slice(0, -'.html'.length)).sort();
