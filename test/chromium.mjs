// One place that says which Chromium the tests drive and how: Debian's works as root with these flags.
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const chromiumArgs = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
  // Test partner pages are fulfilled by Playwright, so they have no address space; production pages and the bank
  // are both public, where Local Network Access never applies.
  '--disable-features=LocalNetworkAccessChecks',
];
