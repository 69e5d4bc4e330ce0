import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ts from 'typescript';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { elementTags } from './src/elements/tags.ts';

/**
 * Three builds into `dist/sdk/v1/` (served by the bank under `/sdk/v1/`):
 * - `--mode loader`: `bank-sdk.js`, the classic-script loader (IIFE: no import/export syntax);
 * - `--mode elements`: `elements/core.js` and one lazy ES chunk per element, sharing lit's chunk;
 * - `--mode frames`: the bank-origin frames (bridge, login, …) as HTML pages.
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
  define: { __SDK_VERSION__: JSON.stringify(version) },
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
