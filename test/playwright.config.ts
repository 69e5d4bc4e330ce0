import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './chromium.mjs';

/**
 * Cross-origin end-to-end tests: the real sandbox bank (127.0.0.1) and the demo partner (localhost) — two
 * sites, as in production — on their own ports with an in-memory database, so a running `npm start` is untouched.
 */
export const bankPort = Number(process.env.TEST_BANK_PORT ?? 4110);
/**
 * Every answer of a documented partner route, in-process or from the sandbox server below, is checked against its
 * OpenAPI response schema (src/sandbox/openapi.ts): a mismatch is a 500 naming it, so the API specs fail.
 */
process.env.BANK_CHECK_RESPONSES = '1';
export const partnerPort = Number(process.env.TEST_PARTNER_PORT ?? 4100);

export default defineConfig({
  testDir: './e2e',
  timeout: 30_000,
  expect: { timeout: 8_000 },
  fullyParallel: true,
  workers: 2,
  // CI machines are shared and busy; a test that passes only on its retry is reported as flaky, not hidden.
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['json', { outputFile: '../test-results/e2e.json' }]],
  outputDir: '../test-results/e2e',
  use: {
    baseURL: `http://localhost:${partnerPort}`,
    // Wheel scrolls land at once: a smooth scroll's animation can stall on a busy machine and resume after a phone
    // journey found its button at rest, so the tap lands where the button was (seen in a clean-clone run).
    launchOptions: { executablePath: chromiumPath, args: [...chromiumArgs, '--disable-smooth-scrolling'] },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: 'npx tsx demo/start.ts',
    cwd: '..',
    url: `http://127.0.0.1:${bankPort}/favicon.ico`,
    env: { BANK_PORT: String(bankPort), PARTNER_PORT: String(partnerPort), BANK_DB: ':memory:', BANK_CHECK_RESPONSES: '1' },
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
