import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
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
 */
const compactCss: Plugin = {
  name: 'compact-lit-css',
  transform(code, id) {
    if (!/\/src\/(elements|frames)\/.*\.ts$/.test(id) || !code.includes('css`')) return null;
    return code.replace(/\bcss`([^`]*)`/g, (_, body: string) =>
      `css\`${body.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s+/g, ' ').replace(/\s*([{};])\s*/g, '$1').trim()}\``);
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
    build: {
      outDir: `${outDir}/elements`,
      lib: {
        entry: Object.fromEntries([
          ['core', 'src/elements/core/sdk.ts'],
          ...elementTags.map((tag) => [tag, `src/elements/${tag}/define.ts`]),
        ]),
        formats: ['es'],
        fileName: (_format, name) => `${name}.js`,
      },
      rolldownOptions: { output: { minify: true, chunkFileNames: 'chunk-[hash].js' } },
    },
  },
  frames: {
    plugins: [compactCss, pinnedRelease],
    root: 'src/frames',
    base: '/sdk/v1/frames/',
    build: {
      outDir: `${outDir}/frames`,
      modulePreload: { polyfill: false },
      rolldownOptions: {
        // Every `src/frames/<name>.html` is a bank frame, served as `/sdk/v1/frames/<name>.html`.
        input: Object.fromEntries(
          readdirSync('src/frames').filter((file) => file.endsWith('.html'))
            .map((file) => [file.slice(0, -'.html'.length), resolve('src/frames', file)]),
        ),
        output: { minify: true },
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
