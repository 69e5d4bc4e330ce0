import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { transform as transformCss } from 'lightningcss';
import ts from 'typescript';
import { build as viteBuild, defineConfig, type Plugin, type UserConfig } from 'vite';
import { elementTags } from './src/elements/tags.ts';

/**
 * Three builds into `dist/sdk/v1/` (served by the bank under `/sdk/v1/`):
 * - `--mode loader`: `bank-sdk.js`, the classic-script loader (IIFE: no import/export syntax);
 * - `--mode elements`: `elements/core.js` and one lazy ES chunk per element, sharing lit's chunk;
 * - `--mode frames`: the bank-origin frames (bridge, login, …) as HTML pages; then, once everything is built, the
 *   same release again under `<version>/` (the pinned release: immutable, with a loader that verifies every chunk,
 *   src/loader/pinned.ts, and an `integrity.json`).
 * `vite` alone (`npm run dev`) serves `index.html`, the playground, at http://localhost:5173 (needs `npm start`).
 */
const version = JSON.parse(readFileSync('package.json', 'utf8')).version as string;
const outDir = resolve('dist/sdk/v1');
/**
 * Lit's `css` templates ship verbatim: drop their comments and collapse their whitespace (only runs of
 * whitespace and the space next to braces and semicolons, so selectors like `a :hover` keep their meaning).
 * In a bank frame's build the partner page's defaults of the palette colours go too (`var(--bank-color-…,
 * light-dark(…))` → `var(--bank-color-…)`, from the controls shared with the elements, src/styles/): a frame's
 * applyTheme() always sets every palette colour (src/domain/palette.ts), so there they are never used.
 */
const compactCss: Plugin = {
  name: 'compact-lit-css',
  transform(code, id) {
    if (!/\/src\/(elements|frames|styles)\/.*\.ts(\?frame=[\w-]+&locale=[\w-]+)?$/.test(id) || !code.includes('css`')) return null;
    const inFrame = id.includes('?frame=');
    return code.replace(/\bcss`([^`]*)`/g, (_, body: string) => {
      const compact = body.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s+/g, ' ').replace(/\s*([{};])\s*/g, '$1').trim();
      const rules = inFrame ? compact.replace(/var\((--bank-color-[\w-]+), light-dark\([^()]*\)\)/g, 'var($1)') : compact;
      if (inFrame) return `css\`${rules.replace(/([:,])\s+/g, '$1').replace(/;}/g, '}')}\``;
      // A partner element's rules through Lightning CSS's minifier (no targets: nothing is rewritten for older
      // browsers), piece by piece between the `${…}` that put other sheets in.
      return `css\`${rules.split(/(\$\{[^}]*\})/).map((piece) => (piece.startsWith('${') || !piece.trim() ? piece
        : transformCss({ filename: id, code: Buffer.from(piece), minify: true }).code.toString())).join('')}\``;
    });
  },
};

/**
 * The elements' (and their shared core's) Lit `html` templates ship verbatim too: the line breaks and indentation of the source are dropped
 * from their static parts (found with TypeScript's parser, so nested templates and `${…}` are left alone). A break next to a
 * tag goes (`>⏎  <` → `><`), any other becomes one space; whitespace within a line stays, so text keeps its spaces.
 */
const compactHtml: Plugin = {
  name: 'compact-lit-html',
  transform(code, id) {
    if (!/\/src\/elements\/(bank-[\w-]+|core)\/[\w.-]+\.ts$/.test(id) || !code.includes('html`')) return null;
    const source = ts.createSourceFile(id, code, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
    const edits: [start: number, end: number, text: string][] = [];
    const compact = (node: ts.Node) => {
      const start = node.getStart(source) + 1; // after the opening ` or }
      const end = node.getEnd() - (ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateTail(node) ? 1 : 2);
      const text = code.slice(start, end);
      const short = text.replace(/>\s*\n\s*/g, '>').replace(/\s*\n\s*</g, '<').replace(/\s*\n\s*/g, ' ');
      if (short !== text) edits.push([start, end, short]);
    };
    const visit = (node: ts.Node) => {
      if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && node.tag.text === 'html') {
        const template = node.template;
        if (ts.isNoSubstitutionTemplateLiteral(template)) compact(template);
        else [template.head, ...template.templateSpans.map((span) => span.literal)].forEach(compact);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    let out = code;
    for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0])) out = out.slice(0, start) + text + out.slice(end);
    return edits.length ? { code: out, map: null } : null;
  },
};

const shared: UserConfig = {
  plugins: [compactCss],
  define: { __SDK_VERSION__: JSON.stringify(version), __SDK_INTEGRITY__: 'null' },
  build: { emptyOutDir: false, target: 'es2022', reportCompressedSize: false, sourcemap: false },
};

/**
 * The public types (`src/types/public.ts`, self-contained) as one declaration file: served at
 * `/sdk/v1/bank-sdk.d.ts` and kept in `packages/types/index.d.ts` for partners who install them.
 */
const publicTypes: Plugin = {
  name: 'bank-sdk-public-types',
  closeBundle() {
    const source = readFileSync('src/types/public.ts', 'utf8');
    const { outputText, diagnostics } = ts.transpileDeclaration(source, {
      fileName: 'public.ts',
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, strict: true },
    });
    if (diagnostics?.length) throw new Error(`src/types/public.ts: ${ts.flattenDiagnosticMessageText(diagnostics[0].messageText, '\n')}`);
    const declaration = `// bank-sdk ${version}: public types. Generated from src/types/public.ts by the build.\n${outputText}`;
    mkdirSync(outDir, { recursive: true });
    mkdirSync('packages/types', { recursive: true });
    writeFileSync(`${outDir}/bank-sdk.d.ts`, declaration);
    writeFileSync('packages/types/index.d.ts', declaration);
  },
};

/** The bank frames: one folder each under `src/frames/` (`common/` is their shared code, not a frame). */
const frameNames = readdirSync('src/frames', { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(`src/frames/${entry.name}/${entry.name}.html`)).map((entry) => entry.name);

/**
 * `<name>/<name>.html` is served as `frames/<name>.html` (the URL the sandbox, the elements and the tests use),
 * and preloads whatever its entry script imports (today each entry is one file), so that nothing waits for the
 * entry to be parsed first.
 */
const frameHtmlAtTop: Plugin = {
  name: 'bank-frame-html-at-top',
  enforce: 'post',
  generateBundle(_options, bundle) {
    for (const file of Object.values(bundle)) {
      const name = /^([\w-]+)\/\1\.html$/.exec(file.fileName)?.[1];
      if (!name || !frameNames.includes(name) || file.type !== 'asset') continue;
      file.fileName = `${name}.html`;
      const entry = Object.values(bundle).find((chunk) => chunk.type === 'chunk' && chunk.isEntry && chunk.name === name);
      const preloads = entry?.type === 'chunk' ? entry.imports.map((url) => `<link rel="modulepreload" crossorigin href="/sdk/v1/frames/${url}">`) : [];
      file.source = String(file.source).replace(/(<script type="module"[^>]*><\/script>)/, (tag) => [tag, ...preloads].join('\n    '))
        // The bridge paints nothing: it needs no stylesheet on its critical path.
        .replace(name === 'bridge' ? /\s*<link rel="stylesheet"[^>]*>/ : /$^/, '');
      if (name === 'bridge' && entry?.type === 'chunk') inlineBridge(file, entry, bundle);
    }
  },
};

/**
 * The bridge's one script goes inside its HTML: the frame starts without a second round trip after its document
 * (issue #14). The bank's frame CSP allows this one inline script by its hash (src/sandbox/sdk-assets.ts), never
 * 'unsafe-inline'. The script must be self-contained, and must not contain what would end the inline script early.
 */
function inlineBridge(html: { source: string | Uint8Array }, entry: { fileName: string; code: string; imports: string[]; dynamicImports: string[] }, bundle: Record<string, unknown>) {
  const code = entry.code.trim();
  if (entry.imports.length || entry.dynamicImports.length) throw new Error('bridge: its script imports other chunks, so it cannot be inlined');
  if (/<\/script|<!--/i.test(code)) throw new Error('bridge: its script contains "</script" or "<!--", so it cannot be inlined');
  const tag = new RegExp(`<script type="module"[^>]*src="[^"]*/${entry.fileName.replace(/[.]/g, '\\.')}"[^>]*></script>`);
  if (!tag.test(String(html.source))) throw new Error(`bridge: no <script src=…${entry.fileName}> to inline`);
  html.source = String(html.source).replace(tag, () => `<script type="module">${code}</script>`);
  delete bundle[entry.fileName];
}

/**
 * One locale per frame load, and one file per frame and locale. A frame's entry module (`<name>/<name>.ts`, named
 * by its HTML) becomes a line that imports that same frame built for the URL's locale (frameEntryAsWritten):
 * `<name>.ts?frame=<name>&locale=en` or `…&locale=zh-CN`, each emitted as an entry of its own. Every module a
 * build reaches (lit included) carries its query, so each frame's build is one file, compressed as one stream
 * (smaller than shared chunks), and each catalogue `{ en, 'zh-CN': zhCN }` in it points both locales at the one
 * table: the other locale's strings are tree-shaken out. A build may have lazy chunks of its own (an `import()` in
 * it, e.g. a form that only an action opens): they import what they share from the build, which may export more
 * than its module does (`allow-extension`; as an `import()` target it would need a namespace object and Rolldown's
 * runtime as a shared file). The bridge shows no text: it is built once.
 */
const frameLocales = ['en', 'zh-CN'] as const;
const buildQuery = /\?frame=([\w-]+)&locale=(en|zh-CN)$/;
const catalogueLiteral = /\{\s*en(?::\s*(\w+))?\s*,\s*'zh-CN':\s*(\w+)\s*,?\s*\}/g;
// Real paths, as Vite's module ids are (a checkout may reach src/ through a symlink).
const frameEntries = () => new Set(frameNames.filter((name) => name !== 'bridge').map((name) => resolve(realpathSync('src/frames'), name, `${name}.ts`)));
const preloadHelper = 'vite/preload-helper.js';
const localeBuilds = new Map<string, Record<string, string>>();
const oneFilePerFrameLocale: Plugin = {
  name: 'bank-frame-one-locale',
  enforce: 'pre',
  buildStart() {
    for (const id of frameEntries()) {
      const name = id.slice(id.lastIndexOf('/') + 1, -'.ts'.length);
      localeBuilds.set(id, Object.fromEntries(frameLocales.map((l) => [l, this.emitFile({
        type: 'chunk', id: `${id}?frame=${name}&locale=${l}`, name: `${name}.${l}`, preserveSignature: 'allow-extension',
      })])));
    }
  },
  async resolveId(source, importer) {
    const build = buildQuery.exec(source)?.[0] ?? (importer && buildQuery.exec(importer)?.[0]);
    if (!build) return null;
    if (!importer) return source;
    // A lazy chunk of a frame's build (an `import()` inside it) is loaded by that build alone: Vite's preload helper
    // (for CSS and deeper chunks these builds do not have) is one line of the build's own instead of a shared file.
    if (source.startsWith(`\0${preloadHelper}`)) return `\0${preloadHelper}${build}`;
    const resolved = await this.resolve(source.replace(buildQuery, ''), importer.replace(buildQuery, ''), { skipSelf: true });
    if (!resolved || resolved.external || resolved.id.includes('?') || !/\.[jt]s$/.test(resolved.id)) return resolved;
    return `${resolved.id}${build}`;
  },
  load(id) {
    if (id.startsWith(`\0${preloadHelper}`)) return 'export const __vitePreload = (load) => load();';
    const locale = buildQuery.exec(id)?.[2];
    if (locale) {
      return readFileSync(id.replace(buildQuery, ''), 'utf8').replace(catalogueLiteral, (_, en = 'en', zh) => {
        const table = locale === 'en' ? en : zh;
        return `{ en: ${table}, 'zh-CN': ${table} }`;
      });
    }
    if (!frameEntries().has(id)) return null;
    return 'location.search;';
  },
};

/**
 * A frame's entry: the line that imports the URL's locale's build (see bank-frame-one-locale), named for what it
 * imports (the sandbox serves hashed names as immutable).
 */
const frameEntryAsWritten: Plugin = {
  name: 'bank-frame-entry-as-written',
  enforce: 'post',
  generateBundle(_options, bundle) {
    const entries = frameEntries();
    for (const chunk of Object.values(bundle)) {
      if (chunk.type !== 'chunk' || !chunk.moduleIds.some((id) => entries.has(id))) continue;
      const builds = localeBuilds.get(chunk.moduleIds.find((id) => entries.has(id))!)!;
      const [en, zh] = frameLocales.map((l) => this.getFileName(builds[l]!));
      const url = (file: string) => JSON.stringify(`./${file.slice(file.lastIndexOf('/') + 1)}`);
      chunk.code = `new URLSearchParams(location.search).get("locale")==="en"?import(${url(en)}):import(${url(zh)});\n`;
      chunk.imports = [];
      chunk.dynamicImports = [en, zh];
      const fileName = chunk.fileName.replace(/-[\w-]{8}\.js$/, `-${createHash('sha256').update(chunk.code).digest('base64url').slice(0, 8)}.js`);
      for (const html of Object.values(bundle)) {
        if (html.type === 'asset' && html.fileName.endsWith('.html')) html.source = String(html.source).replace(`/${chunk.fileName}"`, `/${fileName}"`);
      }
      chunk.fileName = fileName;
    }
    // The helper's chunk, now imported by nothing, is not shipped.
    const imported = new Set(Object.values(bundle).flatMap((c) => (c.type === 'chunk' ? [...c.imports, ...c.dynamicImports] : [])));
    for (const [file, chunk] of Object.entries(bundle)) {
      if (chunk.type === 'chunk' && !chunk.isEntry && !chunk.isDynamicEntry && !imported.has(file)) delete bundle[file];
    }
  },
};

/**
 * The pure domain modules an element uses (`src/domain/*.ts`: money, amounts, claims) are compiled into that
 * element's chunk, each element getting only the functions it calls, rather than shared as a small chunk of their
 * own: a page loads one element, and one gzip stream with its element compresses better than two files (a shared
 * chunk cost the pay and loan pages ~0.4 KB each). A domain module is DOM-free and keeps at most a cache, so a copy
 * per element changes nothing but bytes. Done like the frames' locales: the module id carries the element's tag.
 */
const elementDomainQuery = /\?element=([\w-]+)$/;
const domainPerElement: Plugin = {
  name: 'bank-element-domain-inline',
  enforce: 'pre',
  async resolveId(source, importer) {
    if (!importer || !source.startsWith('.')) return null;
    const plain = importer.replace(elementDomainQuery, '');
    const tag = elementDomainQuery.exec(importer)?.[1] ?? elementTags.find((t) => plain.includes(`/src/elements/${t}/`));
    if (!tag) return null;
    const resolved = await this.resolve(source, plain, { skipSelf: true });
    if (!resolved || resolved.external || resolved.id.includes('?') || !/\/src\/domain\/[\w-]+\.ts$/.test(resolved.id)) return null;
    return `${resolved.id}?element=${tag}`;
  },
  load(id) {
    return elementDomainQuery.test(id) ? readFileSync(id.replace(elementDomainQuery, ''), 'utf8') : null;
  },
};

const sri = (file: string) => `sha384-${createHash('sha384').update(readFileSync(file)).digest('base64')}`;
const pinnedDir = `${outDir}/${version}`;

/**
 * The pinned release, `dist/sdk/v1/<version>/`, made at the end of the frames build: the pinned loader (built
 * here with the chunks' hashes as `__SDK_INTEGRITY__`, in the same process: another `vite build` costs many seconds
 * on a busy machine), a copy of `elements/` and `frames/` (the frames' absolute asset URLs moved under the version),
 * and `integrity.json` with the sha384 of the loader and of every file in `elements/`. The bank serves the loader
 * with its origin put in (src/sandbox/sdk-assets.ts), which changes the loader's hash: it serves `integrity.json`
 * with the hash of the loader as served.
 */
const pinnedRelease: Plugin = {
  name: 'bank-sdk-pinned-release',
  async closeBundle() {
    await viteBuild({
      configFile: false,
      logLevel: 'warn',
      define: { ...shared.define, __SDK_INTEGRITY__: JSON.stringify(chunkIntegrity()) },
      build: {
        ...shared.build,
        outDir: pinnedDir,
        lib: { entry: 'src/loader/bank-sdk.ts', formats: ['iife'], name: 'BankSDKLoader', fileName: () => 'bank-sdk.js' },
        rolldownOptions: { output: { minify: true } },
      },
    });
    cpSync(`${outDir}/elements`, `${pinnedDir}/elements`, { recursive: true });
    cpSync(`${outDir}/frames`, `${pinnedDir}/frames`, { recursive: true });
    for (const file of readdirSync(`${pinnedDir}/frames`, { recursive: true, encoding: 'utf8' })) {
      if (!/\.(html|js|css)$/.test(file)) continue;
      const path = `${pinnedDir}/frames/${file}`;
      writeFileSync(path, readFileSync(path, 'utf8').replaceAll('/sdk/v1/frames/', `/sdk/v1/${version}/frames/`));
    }
    const files: Record<string, string> = { 'bank-sdk.js': sri(`${pinnedDir}/bank-sdk.js`) };
    for (const file of readdirSync(`${pinnedDir}/elements`).sort()) files[`elements/${file}`] = sri(`${pinnedDir}/elements/${file}`);
    writeFileSync(`${pinnedDir}/integrity.json`, `${JSON.stringify({ version, files }, null, 2)}\n`);
  },
};

/** `elements/<file>` → sha384, for the pinned loader's import map (the elements must be built first). */
function chunkIntegrity(): Record<string, string> {
  const dir = `${outDir}/elements`;
  return Object.fromEntries(readdirSync(dir).filter((file) => file.endsWith('.js')).sort().map((file) => [file, sri(`${dir}/${file}`)]));
}

const builds: Record<string, UserConfig> = {
  loader: {
    plugins: [publicTypes],
    build: {
      outDir,
      lib: { entry: 'src/loader/bank-sdk.ts', formats: ['iife'], name: 'BankSDKLoader', fileName: () => 'bank-sdk.js' },
      rolldownOptions: { output: { minify: true } },
    },
  },
  elements: {
    plugins: [compactCss, compactHtml, domainPerElement],
    build: {
      outDir: `${outDir}/elements`,
      lib: {
        // One entry: the core holds every shared module, and imports each element's chunk (`<tag>.js`) on demand.
        entry: { core: 'src/elements/core/sdk.ts' },
        formats: ['es'],
        fileName: (_format, name) => `${name}.js`,
      },
      rolldownOptions: {
        // The core chunk may export what the element chunks import from it (no facade, no extra round trip).
        preserveEntrySignatures: 'allow-extension',
        output: {
          minify: true,
          comments: false,
          // The inline frame's controller and the theme it shares with the dialog are one chunk: `<bank-account>` and
          // `<bank-invest>` reach it in one hop after their own chunk, not two (issue #14). The dialog, loaded after
          // bank-ready, fetches the inline frame's code with it.
          codeSplitting: { groups: [{ name: 'inline-frame', includeDependenciesRecursively: false, test: /\/src\/elements\/core\/(inline-frame|inline-frame\.styles|theme)\.ts$/ }] },
          // Lazy chunks a page may load whole are named, so sizes can be told apart (test/sizes.ts): one locale's
          // partner texts (`locale-en-…`), the bank dialog's code (`dialog-…`); every other chunk is `chunk-…`.
          chunkFileNames: (chunk) => {
            const tag = elementTags.find((t) => chunk.facadeModuleId?.endsWith(`/src/elements/${t}/define.ts`));
            if (tag) return `${tag}.js`;
            if (/^partner\.(en|zh-CN)$/.test(chunk.name)) return `locale-${chunk.name.slice('partner.'.length)}-[hash].js`;
            return chunk.name === 'secure-dialog' ? 'dialog-[hash].js' : 'chunk-[hash].js';
          },
        },
      },
    },
  },
  frames: {
    root: 'src/frames',
    // pinnedRelease last: it copies the finished elements and frames into the versioned release.
    plugins: [oneFilePerFrameLocale, compactCss, frameEntryAsWritten, frameHtmlAtTop, pinnedRelease],
    base: '/sdk/v1/frames/',
    build: {
      outDir: `${outDir}/frames`,
      // No preload helper: each frame's build (and the bridge) is one file with no imports to preload.
      modulePreload: false,
      // The frames' one stylesheet (common/frame.css), linked by each HTML: no CSS for the scripts to load.
      cssCodeSplit: false,
      rolldownOptions: {
        // Every `src/frames/<name>/<name>.html` is a bank frame, served as `/sdk/v1/frames/<name>.html`.
        input: Object.fromEntries(frameNames.map((name) => [name, resolve('src/frames', name, `${name}.html`)])),
        output: {
          minify: true,
          // A locale's build is named for it: `pay.en-….js`, `pay.zh-CN-….js`.
          chunkFileNames: (chunk) => {
            const locale = frameLocales.find((l) => chunk.moduleIds.some((id) => id.endsWith(`&locale=${l}`)));
            return `assets/[name]${locale && !chunk.name.endsWith(`.${locale}`) ? `.${locale}` : ''}-[hash].js`;
          },
        },
      },
    },
  },
};

export default defineConfig(({ command, mode }) => {
  // The playground is a partner page: its token requests go to the demo partner's backend (`npm start`).
  if (command === 'serve') {
    return { ...shared, server: { port: 5173, strictPort: true, proxy: { '/api': 'http://localhost:4000' } } };
  }
  const build = builds[mode];
  if (!build) throw new Error(`Unknown build mode "${mode}": use loader, elements or frames.`);
  return { ...shared, ...build, build: { ...shared.build, ...build.build } };
});
