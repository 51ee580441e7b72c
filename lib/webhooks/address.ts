import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';

/**
 * The SSRF guard for webhook endpoints: which URLs the portal may POST to.
 *
 * Note: a partner admin chooses the URL, and the request leaves from inside Poplapay's network,
 * so without this an endpoint of `http://169.254.169.254/…` or a name resolving to 10.0.0.5
 * would make the portal a proxy into it. Outside local mode only https is allowed and every
 * address the name resolves to must be a public unicast address (ipaddr.js's classification:
 * anything it does not call `unicast` is refused: private, loopback, link-local, unique-local,
 * CGNAT, multicast, unspecified, reserved, documentation, 6to4/Teredo/NAT64 wrappers). IPv4-mapped
 * IPv6 (::ffff:127.0.0.1) is judged as the IPv4 address it maps. The check runs at registration
 * and again at every send, and the request connects to the very address checked, so a name that
 * re-resolves elsewhere (DNS rebinding) cannot slip past. Redirects are never followed.
 */

export type UrlRefusal = 'invalid' | 'scheme' | 'credentials' | 'unresolvable' | 'private_address';

export type CheckedUrl =
  | { ok: true; url: URL; address: string; family: 4 | 6 }
  | { ok: false; reason: UrlRefusal; address?: string };

/** Whether an IP address is a public unicast address (IPv4-mapped IPv6 judged as its IPv4). */
export function isPublicAddress(address: string) {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.process(address);
  return parsed.range() === 'unicast';
}

/** The hostname without IPv6 brackets. */
const bareHost = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, '$1');

/**
 * Parses and checks an endpoint URL, resolving its name. `allowPrivate` (local mode) allows
 * http and any address, so a receiver on the developer's machine works.
 */
export async function checkWebhookUrl(
  raw: string,
  { allowPrivate, resolve = defaultResolve }: { allowPrivate: boolean; resolve?: (host: string) => Promise<{ address: string; family: number }[]> },
): Promise<CheckedUrl> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (url.protocol !== 'https:' && !(allowPrivate && url.protocol === 'http:')) return { ok: false, reason: 'scheme' };
  if (url.username || url.password) return { ok: false, reason: 'credentials' };
  const host = bareHost(url);
  let addresses: { address: string; family: number }[];
  if (ipaddr.isValid(host)) addresses = [{ address: host, family: ipaddr.parse(host).kind() === 'ipv6' ? 6 : 4 }];
  else {
    try {
      addresses = await resolve(host);
    } catch {
      return { ok: false, reason: 'unresolvable' };
    }
  }
  if (!addresses.length) return { ok: false, reason: 'unresolvable' };
  if (!allowPrivate) {
    // Every answer must be public: the name could be answered differently on the next lookup.
    const refused = addresses.find((entry) => !isPublicAddress(entry.address));
    if (refused) return { ok: false, reason: 'private_address', address: refused.address };
  }
  const chosen = addresses[0]!;
  return { ok: true, url, address: chosen.address, family: chosen.family === 6 ? 6 : 4 };
}

async function defaultResolve(host: string) {
  return lookup(host, { all: true, verbatim: true });
}
