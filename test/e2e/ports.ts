import { bankPort } from '../playwright.config.ts';

/**
 * Ports for the servers a test starts by itself (the partner examples, a production-mode bank, `npm start` under
 * test): 20 of them from `TEST_EXTRA_PORT`, by default the test bank's port + 10 (4120–4139), so that runs with
 * different `TEST_BANK_PORT`s do not collide.
 */
const base = Number(process.env.TEST_EXTRA_PORT ?? bankPort + 10);

export const extraPorts = {
  nodeExample: base,
  expressExample: base + 1,
  nodeExampleWrongKey: base + 2,
  expressExampleWrongKey: base + 3,
  hintsProductionBank: base + 4,
  appsProductionBank: base + 5,
  npmStartBank: base + 6,
  npmStartPartner: base + 7,
  npmSandboxBank: base + 8,
  npmSandboxPartner: base + 9,
  takenBank: base + 10,
  takenPartner: base + 11,
  takenPartnerBank: base + 12,
  reactExample: base + 13,
  vueExample: base + 14,
} as const;
