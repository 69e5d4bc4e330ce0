/**
 * `npm start` and `npm run sandbox` start cleanly and stop cleanly: SIGTERM or Ctrl+C (SIGINT) to the npm process
 * leaves no process holding a port, and a port already in use gives one line naming the variable to change.
 * Node only: no browser. The npm scripts run for real, in a scratch copy of the project, because their build
 * replaces `dist/`, which the other tests' bank is serving.
 */
import { expect } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiTest as test } from './helpers.ts';
import { extraPorts } from './ports.ts';

const root = new URL('../../', import.meta.url).pathname;

/** A scratch project whose sources are the real ones, with its own `dist/`. */
function scratchProject() {
  const dir = mkdtempSync(join(tmpdir(), 'bank-sdk-start-'));
  for (const name of ['node_modules', 'src', 'demo', 'vite.config.ts', 'tsconfig.json']) symlinkSync(join(root, name), join(dir, name));
  copyFileSync(join(root, 'package.json'), join(dir, 'package.json'));
  return dir;
}

/** Whether something answers HTTP on the port. */
const answers = (url: string) => fetch(url).then(() => true, () => false);

/** Whether the port can be bound again, i.e. nothing holds it. */
const free = (port: number, host: string) =>
  new Promise<boolean>((done) => {
    const probe = createServer();
    probe.once('error', () => done(false));
    probe.listen(port, host, () => probe.close(() => done(true)));
  });

/** Holds a port, as a forgotten server would. */
async function occupy(port: number, host: string) {
  const blocker = createServer();
  await new Promise<void>((done) => blocker.listen(port, host, done));
  return () => new Promise<void>((done) => blocker.close(() => done()));
}

function exited(child: ChildProcess) {
  return new Promise<number | null>((done) => {
    if (child.exitCode !== null || child.signalCode !== null) done(child.exitCode);
    else child.once('exit', (code) => done(code));
  });
}

function run(command: string, args: string[], cwd: string, env: Record<string, string>) {
  const child = spawn(command, args, { cwd, env: { ...process.env, BANK_DB: ':memory:', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return { child, output: () => output };
}

test.describe('npm scripts stop their servers', () => {
  test.describe.configure({ timeout: 180_000 });

  for (const { script, signal, bankPort, partnerPort } of [
    { script: ['start'], signal: 'SIGTERM' as const, bankPort: extraPorts.npmStartBank, partnerPort: extraPorts.npmStartPartner },
    // The sandbox alone binds no partner port (PARTNER_PORT only names the demo app's origin).
    { script: ['run', 'sandbox'], signal: 'SIGINT' as const, bankPort: extraPorts.npmSandboxBank, partnerPort: 0 },
  ]) {
    test(`npm ${script.join(' ')}: ${signal} to npm frees every port within 5 s`, async () => {
      const dir = scratchProject();
      const { child, output } = run('npm', script, dir, { BANK_PORT: String(bankPort), PARTNER_PORT: String(partnerPort || extraPorts.npmSandboxPartner) });
      try {
        const urls = [`http://127.0.0.1:${bankPort}/favicon.ico`, ...(partnerPort ? [`http://localhost:${partnerPort}/favicon.ico`] : [])];
        await expect.poll(async () => (await Promise.all(urls.map(answers))).every(Boolean), { timeout: 150_000 }).toBe(true);
        expect(output()).toContain('Stop with Ctrl+C.');
        const stopped = Date.now();
        child.kill(signal);
        await expect.poll(async () => (await free(bankPort, '127.0.0.1')) && (!partnerPort || (await free(partnerPort, 'localhost'))), { timeout: 5_000 }).toBe(true);
        await exited(child);
        expect(Date.now() - stopped).toBeLessThan(5_000);
      } finally {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});

test.describe('a port already in use', () => {
  test('BANK_PORT taken: one line naming BANK_PORT, exit code 1', async () => {
    const port = extraPorts.takenBank;
    const release = await occupy(port, '127.0.0.1');
    try {
      const { child, output } = run('node', ['--import', 'tsx', 'src/sandbox/main.ts'], root, { BANK_PORT: String(port) });
      expect(await exited(child)).toBe(1);
      const lines = output().trim().split('\n');
      expect(lines).toEqual([`Port ${port} is already in use: stop what holds it, or choose another port with BANK_PORT=<port> (e.g. BANK_PORT=${port + 1}).`]);
    } finally {
      await release();
    }
  });

  test('PARTNER_PORT taken: one line naming PARTNER_PORT, exit code 1, and the bank port is let go too', async () => {
    const { takenPartner: port, takenPartnerBank: bankPort } = extraPorts;
    const release = await occupy(port, 'localhost');
    try {
      const { child, output } = run('node', ['--import', 'tsx', 'demo/start.ts'], root, { BANK_PORT: String(bankPort), PARTNER_PORT: String(port) });
      expect(await exited(child)).toBe(1);
      expect(output()).toContain(`Port ${port} is already in use: stop what holds it, or choose another port with PARTNER_PORT=<port>`);
      expect(output().split('\n').filter((line) => line.includes('already in use'))).toHaveLength(1);
      expect(await free(bankPort, '127.0.0.1')).toBe(true);
    } finally {
      await release();
    }
  });
});
