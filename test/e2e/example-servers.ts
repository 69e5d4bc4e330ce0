import { expect } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { bankOrigin } from './helpers.ts';

const root = new URL('../../', import.meta.url).pathname;

/**
 * Starts `node examples/<name>/server.mjs` as a partner runs it, against the test sandbox bank, and waits until it
 * serves `readyPath`; its output is kept for the failure message.
 */
export async function startExample(name: string, port: number, env: Record<string, string>, readyPath: string) {
  const child = spawn('node', [`examples/${name}/server.mjs`], {
    cwd: root,
    env: { ...process.env, BANK_ORIGIN: bankOrigin, PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  await expect
    .poll(() => fetch(`http://localhost:${port}${readyPath}`).then((r) => r.ok, () => false), { timeout: 15_000, message: output })
    .toBe(true);
  return { child, output: () => output };
}

/** Stops an example server; resolves once it has exited. */
export function stopExample(child: ChildProcess) {
  return new Promise<void>((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    child.once('exit', () => done());
    child.kill('SIGTERM');
  });
}
