// Outbound calls (group-robot webhooks) go to public addresses only. A URL is checked
// when it is saved (scheme, no credentials, no private literal address) and again when
// a message is sent: the host name is resolved, every address must be public, and the
// connection is pinned to the address that was checked (no second lookup an attacker's
// DNS could answer differently). Redirects are not followed; a short timeout applies.
import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/** http:// is allowed only when GONGJIAN_WEBHOOK_HTTP=1 (a robot gateway inside a trusted network). */
export const httpAllowed = (env: NodeJS.ProcessEnv = process.env) => env.GONGJIAN_WEBHOOK_HTTP === '1';

const blocked = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15],
  ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) blocked.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 128], ['::1', 128], ['64:ff9b::', 96], ['64:ff9b:1::', 48], ['100::', 64],
  ['2001::', 23], ['2001:db8::', 32], ['2002::', 16], ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8],
] as const) blocked.addSubnet(net, bits, 'ipv6');

/**
 * True for a globally routable unicast address. Refuses loopback, private, link-local,
 * CGNAT, multicast, unspecified, documentation and benchmark ranges, and IPv6 forms that
 * carry an IPv4 address (mapped, NAT64, 6to4, Teredo).
 */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  if (family === 4) return !blocked.check(address, 'ipv4');
  // IPv4-mapped IPv6 (::ffff:a.b.c.d) has no business in a robot's address: refused
  // outright (BlockList would judge it as the IPv4 address inside).
  return !isMapped(address) && !blocked.check(address, 'ipv6');
}

/** Whether the URL parser's compressed form of an IPv6 address is IPv4-mapped (unparsable counts as mapped). */
function isMapped(address: string): boolean {
  try {
    return new URL(`http://[${address}]/`).hostname.startsWith('[::ffff:');
  } catch {
    return true;
  }
}

export type OutboundProblem = 'invalid' | 'scheme' | 'credentials' | 'address';

/** What is wrong with a webhook URL as written, or null. Numeric forms (0x7f000001, 2130706433) are normalised by the URL parser first. */
export function urlProblem(raw: string, allowHttp = httpAllowed()): OutboundProblem | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'invalid';
  }
  if (url.protocol !== 'https:' && !(allowHttp && url.protocol === 'http:')) return 'scheme';
  if (url.username || url.password) return 'credentials';
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (isIP(host)) return isPublicAddress(host) ? null : 'address';
  if (!host.includes('.') || /(^|\.)(localhost|local|localdomain|internal|intranet|lan|home|arpa)$/.test(host)) return 'address';
  return null;
}

/** Resolves a host name to every address it has. */
export type Resolver = (host: string) => Promise<string[]>;
/** Sends `body` to `url`, connecting to `address` only; answers the HTTP status. */
export type Poster = (url: URL, address: string, body: string, timeoutMs: number) => Promise<number>;

export interface Outbound {
  resolve: Resolver;
  post: Poster;
}

const systemResolver: Resolver = async (host) => (await dnsLookup(host, { all: true, verbatim: true })).map((a) => a.address);

/** node:http(s) with the checked address pinned: TLS still verifies the host name; redirects are not followed. */
const pinnedPost: Poster = (url, address, body, timeoutMs) =>
  new Promise((resolve, reject) => {
    const family = isIP(address);
    const lookup = ((_host, opts, cb) => {
      if ((opts as { all?: boolean }).all) (cb as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address, family }]);
      else cb(null, address, family);
    }) as LookupFunction;
    const req = (url.protocol === 'https:' ? https : http).request(
      url,
      { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }, lookup, timeout: timeoutMs },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body);
  });

export const systemOutbound: Outbound = { resolve: systemResolver, post: pinnedPost };

let standing: Outbound = systemOutbound;
/**
 * Replaces the network for every call that does not bring its own (tests stand in a
 * recording robot this way; production never calls it). Returns the previous one.
 */
export function useOutbound(o: Outbound): Outbound {
  const prev = standing;
  standing = o;
  return prev;
}

/** What a stand-in network answers for any name: some public address (never dialled). */
const STAND_IN_ADDRESS = '1.1.1.1';

/**
 * A fetch standing in for the whole network (tests, the demo build): it answers for name
 * resolution too, so the name is taken as public; the URL rules and literal addresses
 * are still checked, and redirects are still not followed.
 */
export function viaFetch(f: typeof fetch): Outbound {
  return {
    resolve: async () => [STAND_IN_ADDRESS],
    post: async (url, _address, body, timeoutMs) =>
      (await f(url.toString(), { method: 'POST', headers: { 'content-type': 'application/json' }, body, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) })).status,
  };
}

export const OUTBOUND_TIMEOUT_MS = 5000;

/**
 * Posts JSON to a public address; false (never a throw) when the URL or any address it
 * resolves to is refused, on a network error, a timeout, a redirect or an error status.
 */
export async function postJson(raw: string, payload: unknown, via: Outbound = standing): Promise<boolean> {
  if (urlProblem(raw)) return false;
  const url = new URL(raw);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  try {
    const addresses = isIP(host) ? [host] : await via.resolve(host);
    // Every address must be public: a name that also points inward is refused outright.
    if (addresses.length === 0 || !addresses.every(isPublicAddress)) return false;
    const status = await via.post(url, addresses[0]!, JSON.stringify(payload), OUTBOUND_TIMEOUT_MS);
    return status >= 200 && status < 300;
  } catch {
    return false;
  }
}
