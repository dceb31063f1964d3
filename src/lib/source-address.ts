import ipaddr from 'ipaddr.js';
import { invalidArgument } from './errors.js';

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

/**
 * `allowSourceCidr` of a personal client (CONTRACT.md §4, PersonalClient): the addresses its tokens
 * may be requested and used from. An empty list allows every address.
 */
export function normalizeCidrs(list: readonly string[]): string[] {
  return list.map((entry) => {
    const text = entry.trim();
    try {
      if (text.includes('/')) {
        const [address, bits] = ipaddr.parseCIDR(text);
        return `${address.toString()}/${bits}`;
      }
      const address = ipaddr.parse(text);
      return `${address.toString()}/${address.kind() === 'ipv4' ? 32 : 128}`;
    } catch {
      throw invalidArgument(
        `allowSourceCidr entry ${JSON.stringify(entry)} is not an IP address or CIDR range`,
        'INVALID_CIDR',
        { value: entry.slice(0, 100) },
      );
    }
  });
}

export type SourceRanges = readonly Range[];

export function parseRanges(normalized: readonly string[]): SourceRanges {
  return normalized.map((cidr) => ipaddr.parseCIDR(cidr));
}

/** True when `address` (as the socket reports it, IPv4-mapped IPv6 included) is in one of `ranges`. */
export function addressAllowed(ranges: SourceRanges, address: string | undefined): boolean {
  if (ranges.length === 0) return true;
  if (!address || !ipaddr.isValid(address)) return false;
  // `::ffff:10.0.0.1` is how a dual-stack socket reports an IPv4 peer.
  const ip = ipaddr.process(address);
  return ranges.some(([range, bits]) => ip.kind() === range.kind() && ip.match(range, bits));
}
