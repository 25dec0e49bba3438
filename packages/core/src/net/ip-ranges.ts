/**
 * IP address parsing and classification for the fetcher's SSRF guard. Pure: the fetcher
 * resolves names and connects; this only says whether an address may be connected to.
 */

/** An IP address as its bytes: 4 for IPv4, 16 for IPv6. */
export interface IpAddress {
  readonly version: 4 | 6;
  readonly bytes: Uint8Array;
}

/** A network: its first address (host bits cleared) and prefix length. */
export interface Cidr {
  readonly network: IpAddress;
  readonly prefixLength: number;
}

/** `reason` completes a sentence about the address: "127.0.0.1 is in the loopback range 127.0.0.0/8". */
export type AddressVerdict = { allowed: true } | { allowed: false; reason: string };

function parseIpv4Bytes(text: string): number[] | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const bytes: number[] = [];
  for (const part of parts) {
    // Decimal only, no leading zeros: "010" is octal to inet_aton and decimal to others.
    if (!/^(0|[1-9]\d{0,2})$/.test(part)) return null;
    const value = Number(part);
    if (value > 255) return null;
    bytes.push(value);
  }
  return bytes;
}

function parseIpv6Bytes(text: string): number[] | null {
  // A zone (fe80::1%eth0) picks an interface, not an address: the address is what is classified.
  const percent = text.indexOf('%');
  const address = percent === -1 ? text : text.slice(0, percent);
  if (percent !== -1 && !/^[0-9A-Za-z._-]+$/.test(text.slice(percent + 1))) return null;

  const halves = address.split('::');
  if (halves.length > 2) return null;
  const groupsOf = (half: string | undefined): number[] | null => {
    if (half === undefined || half === '') return [];
    const words: number[] = [];
    const parts = half.split(':');
    for (const [index, part] of parts.entries()) {
      if (index === parts.length - 1 && part.includes('.')) {
        // A dotted IPv4 tail (::ffff:127.0.0.1) fills the last two groups.
        const v4 = parseIpv4Bytes(part);
        if (!v4) return null;
        words.push(((v4[0] ?? 0) << 8) | (v4[1] ?? 0), ((v4[2] ?? 0) << 8) | (v4[3] ?? 0));
        continue;
      }
      if (!/^[0-9A-Fa-f]{1,4}$/.test(part)) return null;
      words.push(Number.parseInt(part, 16));
    }
    return words;
  };
  const head = groupsOf(halves[0]);
  const tail = groupsOf(halves[1]);
  if (!head || !tail) return null;
  // A dotted tail is only valid at the very end of the address.
  if (halves.length === 2 && halves[0]?.includes('.')) return null;
  let words: number[];
  if (halves.length === 2) {
    const missing = 8 - head.length - tail.length;
    if (missing < 1) return null;
    words = [...head, ...new Array<number>(missing).fill(0), ...tail];
  } else {
    if (head.length !== 8) return null;
    words = head;
  }
  return words.flatMap((word) => [word >> 8, word & 0xff]);
}

/**
 * Parses a literal IPv4 (dotted decimal) or IPv6 address, with or without [brackets];
 * null for anything else, host names included.
 */
export function parseIp(text: string): IpAddress | null {
  const trimmed = text.trim();
  const bare = trimmed.startsWith('[') && trimmed.endsWith(']') ? trimmed.slice(1, -1) : trimmed;
  if (bare.includes(':')) {
    const bytes = parseIpv6Bytes(bare);
    return bytes ? { version: 6, bytes: Uint8Array.from(bytes) } : null;
  }
  if (bare !== trimmed) return null;
  const bytes = parseIpv4Bytes(bare);
  return bytes ? { version: 4, bytes: Uint8Array.from(bytes) } : null;
}

/** An address as text: dotted decimal, or IPv6 with its longest run of zero groups as `::`. */
export function formatIp(ip: IpAddress): string {
  if (ip.version === 4) return Array.from(ip.bytes).join('.');
  const words: number[] = [];
  for (let i = 0; i < 16; i += 2) words.push(((ip.bytes[i] ?? 0) << 8) | (ip.bytes[i + 1] ?? 0));
  let bestStart = -1;
  let bestLength = 0;
  for (let start = 0; start < 8; start += 1) {
    let length = 0;
    while (start + length < 8 && words[start + length] === 0) length += 1;
    if (length > bestLength) {
      bestStart = start;
      bestLength = length;
    }
  }
  const hex = words.map((word) => word.toString(16));
  if (bestLength < 2) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

function maskBytes(bytes: Uint8Array, prefixLength: number): Uint8Array {
  return bytes.map((byte, index) => {
    const bits = Math.min(Math.max(prefixLength - index * 8, 0), 8);
    return byte & ((0xff << (8 - bits)) & 0xff);
  });
}

/**
 * Parses `address/prefix` (or a bare address, meaning that one host). Host bits are cleared,
 * so `127.0.0.1/8` means 127.0.0.0/8. Null when it is not a valid CIDR.
 */
export function parseCidr(text: string): Cidr | null {
  const trimmed = text.trim();
  const slash = trimmed.indexOf('/');
  const address = parseIp(slash === -1 ? trimmed : trimmed.slice(0, slash));
  if (!address) return null;
  const maxLength = address.version === 4 ? 32 : 128;
  let prefixLength = maxLength;
  if (slash !== -1) {
    const prefix = trimmed.slice(slash + 1);
    if (!/^(0|[1-9]\d{0,2})$/.test(prefix)) return null;
    prefixLength = Number(prefix);
    if (prefixLength > maxLength) return null;
  }
  return { network: { version: address.version, bytes: maskBytes(address.bytes, prefixLength) }, prefixLength };
}

export function formatCidr(cidr: Cidr): string {
  return `${formatIp(cidr.network)}/${cidr.prefixLength}`;
}

export function cidrContains(cidr: Cidr, ip: IpAddress): boolean {
  if (cidr.network.version !== ip.version) return false;
  const masked = maskBytes(ip.bytes, cidr.prefixLength);
  return masked.every((byte, index) => byte === cidr.network.bytes[index]);
}

function cidr(text: string): Cidr {
  const parsed = parseCidr(text);
  if (!parsed) throw new Error(`bad built-in CIDR ${text}`);
  return parsed;
}

interface Range {
  cidr: Cidr;
  text: string;
  name: string;
}

const range = (text: string, name: string): Range => ({ cidr: cidr(text), text, name });

/** IPv4 ranges a feed is never served from (IANA special-purpose registry, RFC 6890 and successors). */
const blockedIpv4: readonly Range[] = [
  range('0.0.0.0/8', '"this network"'),
  range('10.0.0.0/8', 'private'),
  range('100.64.0.0/10', 'carrier-grade NAT (shared address space)'),
  range('127.0.0.0/8', 'loopback'),
  range('169.254.0.0/16', 'link-local (cloud metadata)'),
  range('172.16.0.0/12', 'private'),
  range('192.0.0.0/24', 'IETF protocol assignments'),
  range('192.0.2.0/24', 'documentation (TEST-NET-1)'),
  range('192.88.99.0/24', '6to4 relay anycast'),
  range('192.168.0.0/16', 'private'),
  range('198.18.0.0/15', 'benchmarking'),
  range('198.51.100.0/24', 'documentation (TEST-NET-2)'),
  range('203.0.113.0/24', 'documentation (TEST-NET-3)'),
  range('224.0.0.0/4', 'multicast'),
  range('240.0.0.0/4', 'reserved (broadcast included)'),
];

/** IPv6 prefixes whose last 32 bits (or bits 16–48 for 6to4) are an IPv4 address reached through them. */
const embeddingIpv4: readonly { range: Range; offset: number }[] = [
  { range: range('::ffff:0:0/96', 'IPv4-mapped'), offset: 12 },
  { range: range('64:ff9b::/96', 'NAT64'), offset: 12 },
  { range: range('2002::/16', '6to4'), offset: 2 },
];

const blockedIpv6: readonly Range[] = [
  range('::/128', 'unspecified'),
  range('::1/128', 'loopback'),
  range('::/96', 'IPv4-compatible (deprecated)'),
  range('64:ff9b:1::/48', 'local-use NAT64'),
  range('100::/64', 'discard-only'),
  range('fc00::/7', 'unique local (private)'),
  range('fe80::/10', 'link-local'),
  range('fec0::/10', 'site-local (deprecated)'),
  range('ff00::/8', 'multicast'),
  // Teredo, benchmarking, ORCHID and other protocol assignments: no feed lives there.
  range('2001::/23', 'IETF protocol assignments'),
  range('2001:db8::/32', 'documentation'),
  range('3fff::/20', 'documentation'),
];

/** The only IPv6 space handed out for the public internet; anything outside it is reserved. */
const globalUnicast = cidr('2000::/3');

/**
 * Why an address must not be connected to (e.g. `loopback range 127.0.0.0/8`), or null for a
 * public address. IPv6 addresses embedding an IPv4 address (IPv4-mapped, NAT64, 6to4) are
 * judged by the IPv4 address they reach.
 */
export function blockedRange(ip: IpAddress): string | null {
  if (ip.version === 4) {
    const hit = blockedIpv4.find((candidate) => cidrContains(candidate.cidr, ip));
    return hit ? `${hit.name} range ${hit.text}` : null;
  }
  for (const { range: prefix, offset } of embeddingIpv4) {
    if (!cidrContains(prefix.cidr, ip)) continue;
    const embedded: IpAddress = { version: 4, bytes: ip.bytes.slice(offset, offset + 4) };
    const inner = blockedRange(embedded);
    return inner ? `${inner} (as ${prefix.name} ${formatIp(embedded)})` : null;
  }
  const hit = blockedIpv6.find((candidate) => cidrContains(candidate.cidr, ip));
  if (hit) return `${hit.name} range ${hit.text}`;
  return cidrContains(globalUnicast, ip) ? null : 'reserved range outside global unicast 2000::/3';
}

/** The IPv4 address an IPv4-mapped IPv6 address stands for (the same socket endpoint), else the address itself. */
function unmapped(ip: IpAddress): IpAddress {
  const mapped = embeddingIpv4[0];
  if (ip.version === 6 && mapped && cidrContains(mapped.range.cidr, ip)) {
    return { version: 4, bytes: ip.bytes.slice(12, 16) };
  }
  return ip;
}

/**
 * Whether the fetcher may connect to `address`: yes if it is public, or if an explicit
 * allow-list entry covers it (tests and the offline demo allow loopback); no, with the
 * reason, otherwise. Text that is not an IP address is refused.
 */
export function checkAddress(address: string, allow: readonly Cidr[] = []): AddressVerdict {
  const ip = parseIp(address);
  if (!ip) return { allowed: false, reason: 'is not an IP address' };
  const plain = unmapped(ip);
  if (allow.some((entry) => cidrContains(entry, ip) || cidrContains(entry, plain))) return { allowed: true };
  const blocked = blockedRange(ip);
  return blocked ? { allowed: false, reason: `is in the ${blocked}` } : { allowed: true };
}
