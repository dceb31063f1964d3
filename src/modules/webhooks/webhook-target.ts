import { lookup as dnsLookup } from 'node:dns';
import ipaddr from 'ipaddr.js';

/** What webhook targets may be: HTTPS on a public address, unless the operator allowed more. */
export interface TargetPolicy {
  readonly allowPrivate: boolean;
  readonly allowHttp: boolean;
}

/**
 * True when `address` is one a webhook must not reach without ROSTER_WEBHOOK_ALLOW_PRIVATE: anything
 * but a public unicast address (private, loopback, link-local, unique-local, CGNAT, reserved,
 * multicast, unspecified), with IPv4-mapped IPv6 judged as the IPv4 address it carries. An
 * unparsable address is refused.
 */
export function isRefusedAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return true;
  return ipaddr.process(address).range() !== 'unicast';
}

/** Why `url` cannot be a webhook target, or undefined when it can (checked at create and update). */
export function targetProblem(url: string, policy: TargetPolicy): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'url is not a URL';
  }
  if (parsed.protocol !== 'https:' && !(policy.allowHttp && parsed.protocol === 'http:')) {
    return policy.allowHttp ? 'url must be http:// or https://' : 'url must be https://';
  }
  if (parsed.username || parsed.password) return 'url must not carry credentials';
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  if (!policy.allowPrivate) {
    if (ipaddr.isValid(host) && isRefusedAddress(host)) {
      return 'url names a private, loopback or link-local address (ROSTER_WEBHOOK_ALLOW_PRIVATE allows it)';
    }
    if (host === 'localhost' || host.endsWith('.localhost')) {
      return 'url names the local host (ROSTER_WEBHOOK_ALLOW_PRIVATE allows it)';
    }
  }
  return undefined;
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | dnsAddresses,
  family?: number,
) => void;
type dnsAddresses = { address: string; family: number }[];

/**
 * A `lookup` for http(s).request that refuses private addresses at connect time, after DNS: a name
 * that resolved to a public address when the webhook was created may resolve to 127.0.0.1 now (DNS
 * rebinding). Every address of the answer must be public, so the socket can only reach one.
 */
export function guardedLookup(allowPrivate: boolean) {
  return (hostname: string, options: object, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const list = addresses as dnsAddresses;
      const refused = allowPrivate ? undefined : list.find((a) => isRefusedAddress(a.address));
      if (refused || list.length === 0) {
        const problem = new Error(
          refused
            ? `${hostname} resolves to ${refused.address}, a private, loopback or link-local address`
            : `${hostname} resolves to no address`,
        ) as NodeJS.ErrnoException;
        problem.code = 'EWEBHOOKADDRESS';
        return callback(problem, []);
      }
      if ((options as { all?: boolean }).all) return callback(null, list);
      const first = list[0] as { address: string; family: number };
      callback(null, first.address, first.family);
    });
  };
}
