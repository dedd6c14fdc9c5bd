// The SSRF guard's pure half: which IP addresses and host names the fetcher must never connect to.
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/** Why an address is refused; used in error messages (`refused private address 10.0.0.1 for …`). */
export type BlockedRange =
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'unique-local'
  | 'carrier-grade NAT'
  | 'unspecified'
  | 'multicast'
  | 'broadcast'
  | 'reserved'
  | 'cloud metadata'
  | 'invalid';

/**
 * Cloud instance-metadata endpoints. They sit inside ranges that are blocked anyway (link-local, unique-local),
 * but they stay blocked even with `allowPrivateNetworks`: letting a watched page redirect the bot to the
 * metadata service would leak the machine's cloud credentials into stored snapshots.
 */
const METADATA_ADDRESSES: ReadonlySet<string> = new Set(['169.254.169.254', 'fd00:ec2::254', '100.100.100.200']);
const METADATA_HOSTNAMES: ReadonlySet<string> = new Set(['metadata.google.internal', 'metadata.goog', 'metadata']);

// ipaddr.js range names mapped to our wording; anything not listed and not 'unicast' is 'reserved'.
const RANGE_NAMES: Readonly<Record<string, BlockedRange>> = {
  loopback: 'loopback',
  private: 'private',
  linkLocal: 'link-local',
  uniqueLocal: 'unique-local',
  deprecatedSiteLocal: 'unique-local',
  carrierGradeNat: 'carrier-grade NAT',
  unspecified: 'unspecified',
  multicast: 'multicast',
  broadcast: 'broadcast',
};

/**
 * Classifies an IP address (v4 or v6, with or without brackets). Returns `null` for a public unicast address
 * and the blocked range otherwise. Only plain public unicast is allowed (default-deny); IPv6 forms that embed
 * an IPv4 address (IPv4-mapped `::ffff:a.b.c.d`, IPv4-translated, NAT64 `64:ff9b::/96`, 6to4 `2002::/16`) are
 * judged by the embedded address. Strings that are not IP addresses are `'invalid'`.
 */
export function blockedRangeOf(address: string): BlockedRange | null {
  const bare = stripBrackets(address);
  if (!ipaddr.isValid(bare)) return 'invalid';
  const parsed = ipaddr.parse(bare);
  if (METADATA_ADDRESSES.has(parsed.toString())) return 'cloud metadata';
  if (parsed.kind() === 'ipv4') return classifyIpv4(parsed as ipaddr.IPv4);
  return classifyIpv6(parsed as ipaddr.IPv6);
}

/** True when the fetcher must not connect to `address` (see {@link blockedRangeOf}). */
export function isBlockedAddress(address: string): boolean {
  return blockedRangeOf(address) !== null;
}

/** True for the well-known host names of cloud metadata services (`metadata.google.internal`). */
export function isCloudMetadataHost(hostname: string): boolean {
  return METADATA_HOSTNAMES.has(normalizeHost(hostname));
}

/**
 * Canonical form of a host name or IP for comparisons: lower case, no brackets, no trailing dot, IPs in their
 * shortest form (so `::FFFF:7F00:1` and `::ffff:127.0.0.1` compare equal).
 */
export function normalizeHost(host: string): string {
  const bare = stripBrackets(host.trim().toLowerCase()).replace(/\.$/, '');
  return isIP(bare) === 0 ? bare : ipaddr.parse(bare).toString();
}

function classifyIpv4(address: ipaddr.IPv4): BlockedRange | null {
  const range = address.range();
  if (range === 'unicast') return null;
  return RANGE_NAMES[range] ?? 'reserved';
}

function classifyIpv6(address: ipaddr.IPv6): BlockedRange | null {
  const range = address.range();
  if (range === 'unicast') return isIpv4Compatible(address) ? 'reserved' : null;
  const embedded = embeddedIpv4(address, range);
  if (embedded !== null) return blockedRangeOf(embedded.toString());
  return RANGE_NAMES[range] ?? 'reserved';
}

// The deprecated IPv4-compatible form `::a.b.c.d` is classified 'unicast' by ipaddr.js; some stacks still route
// it to IPv4, so it is refused outright.
function isIpv4Compatible(address: ipaddr.IPv6): boolean {
  return address.parts.slice(0, 6).every((part) => part === 0);
}

function embeddedIpv4(address: ipaddr.IPv6, range: string): ipaddr.IPv4 | null {
  const parts = address.parts;
  const fromParts = (high: number, low: number): ipaddr.IPv4 =>
    new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
  switch (range) {
    case 'ipv4Mapped':
    case 'rfc6145':
      return fromParts(parts[6] ?? 0, parts[7] ?? 0);
    case 'rfc6052':
      // Only the well-known NAT64 prefix 64:ff9b::/96 carries a public IPv4; the local-use 64:ff9b:1::/48 is local.
      return parts[2] === 0 ? fromParts(parts[6] ?? 0, parts[7] ?? 0) : null;
    case '6to4':
      return fromParts(parts[1] ?? 0, parts[2] ?? 0);
    default:
      return null;
  }
}

function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

/** Who may be reached despite the guard. */
export interface AddressPolicyOptions {
  /** Turns the range checks off (self-hosted intranet pages); cloud metadata stays refused. @defaultValue false */
  readonly allowPrivateNetworks?: boolean | undefined;
  /**
   * Host names or IPs exempt from the guard, compared with the URL's host exactly (after normalisation). A name
   * that merely resolves to an exempt IP is not exempt, so DNS cannot be used to borrow an exemption.
   */
  readonly allowHosts?: readonly string[] | undefined;
}

/** The guard's decisions for one fetcher. */
export interface AddressPolicy {
  /** The URL host is listed in `allowHosts`: skip every check and resolve it normally. */
  isExempt(hostname: string): boolean;
  /**
   * Refusal that can be decided from the URL alone (IP literals, metadata host names), before DNS or any
   * connection; `null` when the host is exempt, fine, or needs resolving first.
   */
  refuseHost(hostname: string): BlockedRange | null;
  /** Refusal for one resolved address, or `null`. */
  refuseAddress(address: string): BlockedRange | null;
}

export function createAddressPolicy(options: AddressPolicyOptions = {}): AddressPolicy {
  const exempt = new Set((options.allowHosts ?? []).map(normalizeHost));
  const allowPrivate = options.allowPrivateNetworks === true;
  const refuseAddress = (address: string): BlockedRange | null => {
    const range = blockedRangeOf(address);
    if (range === null || !allowPrivate) return range;
    return range === 'cloud metadata' || range === 'invalid' ? range : null;
  };
  // URL host names are already canonical, so the plain lookup usually answers without parsing the IP again.
  const isExempt = (hostname: string): boolean =>
    exempt.size > 0 && (exempt.has(hostname) || exempt.has(normalizeHost(hostname)));
  return {
    isExempt,
    refuseHost: (hostname) => {
      if (isExempt(hostname)) return null;
      if (isCloudMetadataHost(hostname)) return 'cloud metadata';
      const bare = stripBrackets(hostname);
      return isIP(bare) === 0 ? null : refuseAddress(bare);
    },
    refuseAddress,
  };
}
