import { lookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { BlockList, isIP } from 'node:net';

/**
 * Where the bank may POST webhooks (server-side request forgery guard):
 * - production mode: `https:` only, and never to a private, loopback, link-local or otherwise internal address,
 *   checked on the address actually connected to (after DNS, so a name that resolves inside the bank is refused);
 * - sandbox mode: `https:` anywhere, `http:` only to loopback or to a host of one of the app's registered origins.
 * Redirects are never followed, a delivery has a deadline, and at most `maxResponseBytes` of an answer are read.
 */
const internal = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24],
  ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) internal.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['2001:db8::', 32], ['64:ff9b::', 96],
] as const) internal.addSubnet(net, prefix, 'ipv6');

/** Whether an IP address is one a production bank must never call (private, loopback, link-local, reserved). */
export function isInternalAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return isInternalAddress(mapped);
  const family = isIP(address);
  if (family === 0) return true; // not an address at all: refuse
  return internal.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

const bare = (hostname: string) => hostname.replace(/^\[|\]$/g, '');
const isLoopbackHost = (hostname: string) => {
  const host = bare(hostname).toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || (isIP(host) !== 0 && /^(127\.|::1$|::ffff:127\.)/.test(host));
};

/** Why the bank will not call `url`, or null. `origins` are the app's registered origins. */
export function webhookUrlProblem(url: string, origins: string[], production: boolean): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'not a URL';
  }
  if (parsed.username || parsed.password) return 'credentials in the URL';
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return 'only https (or http in the sandbox) URLs';
  const host = bare(parsed.hostname);
  if (production) {
    if (parsed.protocol !== 'https:') return 'production webhooks must use https';
    if (isLoopbackHost(host) || (isIP(host) !== 0 && isInternalAddress(host))) return 'a private or loopback address';
    return null;
  }
  if (parsed.protocol === 'http:' && !isLoopbackHost(host) &&
      !origins.some((origin) => new URL(origin).hostname === parsed.hostname)) {
    return 'http is allowed in the sandbox only for loopback and the app\'s registered origins; use https';
  }
  return null;
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http(s).request that refuses internal addresses: the check happens on the very addresses the
 * socket then connects to, so DNS rebinding between a check and the connect is not possible.
 */
export function guardedLookup(hostname: string, options: LookupOptions, callback: LookupCallback) {
  lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const list = addresses as LookupAddress[];
    const bad = list.find((a) => isInternalAddress(a.address));
    if (bad || list.length === 0) {
      const refused = Object.assign(new Error(`refused: ${hostname} resolves to an internal address`), { code: 'EINTERNAL' });
      return callback(refused, []);
    }
    if (options.all) callback(null, list);
    else callback(null, list[0].address, list[0].family);
  });
}
