// `npm test`: builds the SDK, runs every runner in a real Chromium, then prints one line: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

rmSync('test-results', { recursive: true, force: true });
const run = (command, args) => spawnSync(command, args, { stdio: 'inherit', shell: false }).status;

if (run('npm', ['run', '--silent', 'build']) !== 0) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}
// The framework examples (examples/react, examples/vue): their tag types from the built custom-elements.json, then a
// Vite build of each, for their end-to-end spec (test/e2e/framework-examples.spec.ts).
const examplesBuilt = run('node', ['examples/build.mjs']) === 0;
const wtrStatus = run('npx', ['wtr', '--config', 'test/web-test-runner.config.mjs']);
const e2eStatus = run('npx', ['playwright', 'test', '-c', 'test/playwright.config.ts']);
// Type checks count as tests: the whole project, and a partner's file against the published types alone.
const typeChecks = [
  ['the project type-checks (tsc --noEmit)', ['tsc', '--noEmit']],
  ['a partner file type-checks against packages/types', ['tsc', '-p', 'test/types']],
  ['the React example type-checks with its generated tag types', ['tsc', '--noEmit', '-p', 'examples/react']],
  ['the Vue example\'s .ts files type-check with its generated tag types', ['tsc', '--noEmit', '-p', 'examples/vue']],
].map(([name, args]) => {
  const ok = run('npx', args) === 0;
  console.log(`${ok ? '✓' : '✗'} ${name}`);
  return ok;
});

let passed = 0;
let failed = 0;
if (existsSync('test-results/wtr.json')) {
  const wtr = JSON.parse(readFileSync('test-results/wtr.json', 'utf8'));
  passed += wtr.passed;
  failed += wtr.failed + wtr.errors;
} else failed++;
if (existsSync('test-results/e2e.json')) {
  const { stats } = JSON.parse(readFileSync('test-results/e2e.json', 'utf8'));
  passed += stats.expected + stats.flaky;
  failed += stats.unexpected;
  if (stats.flaky) console.log(`warning: ${stats.flaky} end-to-end test(s) passed only on a retry (flaky): see the list above`);
} else failed++;
if (!examplesBuilt) failed++;
passed += typeChecks.filter(Boolean).length;
failed += typeChecks.filter((ok) => !ok).length;
if ((wtrStatus !== 0 || e2eStatus !== 0) && failed === 0) failed++; // a runner crashed outside any test

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
