// Element and pure-module tests, in a real Chromium (Debian's, or CHROMIUM_PATH).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { defaultReporter } from '@web/test-runner';
import { chromiumArgs, chromiumPath } from './chromium.mjs';
import { countReporter } from './wtr-count-reporter.mjs';

export default {
  rootDir: '.',
  files: ['test/domain/**/*.test.ts', 'test/elements/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 2,
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' })],
  browsers: [playwrightLauncher({ product: 'chromium', launchOptions: { executablePath: chromiumPath, args: chromiumArgs } })],
  reporters: [defaultReporter(), countReporter()],
  testFramework: { config: { timeout: 10000 } },
};
