/** `npm start`: the sandbox bank and the demo partner site, one process. */
import { demoApp } from '../src/sandbox/db.ts';
import { startSandbox, stopOnSignals } from '../src/sandbox/main.ts';
import { startDemo } from './server.ts';

const bankPort = Number(process.env.BANK_PORT ?? 4010);
const bank = startSandbox();
const demo = startDemo({
  port: Number(process.env.PARTNER_PORT ?? 4000),
  bankOrigin: `http://127.0.0.1:${bankPort}`,
  appId: demoApp.id,
  secretKey: demoApp.secretKey,
  webhookSecret: demoApp.webhookSecret,
});
stopOnSignals([bank.server, demo], bank.db);
