import { describe, expect, it } from 'vitest';
import {
  blockedRange,
  type Cidr,
  checkAddress,
  cidrContains,
  formatCidr,
  formatIp,
  parseCidr,
  parseIp,
} from '../src/index.ts';

function ip(text: string) {
  const parsed = parseIp(text);
  if (!parsed) throw new Error(`test address ${text} does not parse`);
  return parsed;
}

function cidr(text: string): Cidr {
  const parsed = parseCidr(text);
  if (!parsed) throw new Error(`test CIDR ${text} does not parse`);
  return parsed;
}

describe('parseIp', () => {
  it('reads dotted IPv4 and every IPv6 spelling, brackets and zones included', () => {
    expect(Array.from(ip('192.168.0.1').bytes)).toEqual([192, 168, 0, 1]);
    expect(ip('192.168.0.1').version).toBe(4);
    expect(Array.from(ip('::1').bytes)).toEqual([...new Array(15).fill(0), 1]);
    expect(formatIp(ip('0:0:0:0:0:0:0:1'))).toBe('::1');
    expect(formatIp(ip('[::1]'))).toBe('::1');
    expect(formatIp(ip('::ffff:127.0.0.1'))).toBe('::ffff:7f00:1');
    expect(formatIp(ip('FE80::1%eth0'))).toBe('fe80::1');
    expect(formatIp(ip('1:2:3:4:5:6:7::'))).toBe('1:2:3:4:5:6:7:0');
    expect(formatIp(ip('::'))).toBe('::');
  });

  it.each([
    '',
    'localhost',
    'example.org',
    '256.0.0.1',
    '1.2.3',
    '1.2.3.4.5',
    '01.2.3.4', // leading zeros are octal to some parsers: refuse the ambiguity
    '0x7f.0.0.1',
    '2130706433',
    '[1.2.3.4]',
    '1::2::3',
    '12345::',
    ':1::',
    '1:2:3:4:5:6:7:8:9',
    '1:2:3:4:5:6:7:8::',
    '::ffff:1.2.3',
    '1.2.3.4::',
    'fe80::1%',
    'g::1',
  ])('refuses %j', (text) => {
    expect(parseIp(text)).toBeNull();
  });

  it('formats IPv6 as the WHATWG URL parser does', () => {
    for (const text of [
      '2001:db8:0:0:1:0:0:1',
      '2001:0db8::0001',
      '::ffff:10.0.0.1',
      '64:ff9b::169.254.169.254',
      'fd00::',
      '1:0:0:2:0:0:0:3',
      '2606:4700:4700::1111',
    ]) {
      expect(`[${formatIp(ip(text))}]`, text).toBe(new URL(`http://[${text}]/`).hostname);
    }
  });
});

describe('parseCidr and cidrContains', () => {
  it('reads networks, clears host bits, and takes a bare address as one host', () => {
    expect(formatCidr(cidr('127.0.0.0/8'))).toBe('127.0.0.0/8');
    expect(formatCidr(cidr('127.0.0.1/8'))).toBe('127.0.0.0/8');
    expect(formatCidr(cidr('10.1.2.3'))).toBe('10.1.2.3/32');
    expect(formatCidr(cidr('::1/128'))).toBe('::1/128');
    expect(formatCidr(cidr('fd12:3456:789a::1/48'))).toBe('fd12:3456:789a::/48');
    expect(formatCidr(cidr('172.31.0.0/12'))).toBe('172.16.0.0/12');
  });

  it.each(['127.0.0.0/33', '::/129', '1.2.3.4/', '/8', '1.2.3.4/08', '1.2.3.4/-1', 'localhost/8', '1.2.3.4/8/8'])(
    'refuses %j',
    (text) => {
      expect(parseCidr(text)).toBeNull();
    },
  );

  it('matches by prefix and never across IP versions', () => {
    expect(cidrContains(cidr('127.0.0.0/8'), ip('127.255.0.9'))).toBe(true);
    expect(cidrContains(cidr('127.0.0.0/8'), ip('128.0.0.1'))).toBe(false);
    expect(cidrContains(cidr('127.0.0.1/32'), ip('127.0.0.2'))).toBe(false);
    expect(cidrContains(cidr('0.0.0.0/0'), ip('203.0.113.9'))).toBe(true);
    expect(cidrContains(cidr('0.0.0.0/0'), ip('::1'))).toBe(false);
    expect(cidrContains(cidr('::/0'), ip('127.0.0.1'))).toBe(false);
    expect(cidrContains(cidr('fe80::/10'), ip('febf:ffff::1'))).toBe(true);
    expect(cidrContains(cidr('fe80::/10'), ip('fec0::1'))).toBe(false);
  });
});

describe('blockedRange', () => {
  it.each([
    ['127.0.0.1', 'loopback range 127.0.0.0/8'],
    ['127.255.255.254', 'loopback range 127.0.0.0/8'],
    ['10.0.0.1', 'private range 10.0.0.0/8'],
    ['172.16.0.1', 'private range 172.16.0.0/12'],
    ['172.31.255.255', 'private range 172.16.0.0/12'],
    ['192.168.1.1', 'private range 192.168.0.0/16'],
    ['100.64.0.1', 'carrier-grade NAT (shared address space) range 100.64.0.0/10'],
    ['100.127.255.255', 'carrier-grade NAT (shared address space) range 100.64.0.0/10'],
    ['169.254.169.254', 'link-local (cloud metadata) range 169.254.0.0/16'],
    ['0.0.0.0', '"this network" range 0.0.0.0/8'],
    ['0.1.2.3', '"this network" range 0.0.0.0/8'],
    ['224.0.0.1', 'multicast range 224.0.0.0/4'],
    ['239.255.255.250', 'multicast range 224.0.0.0/4'],
    ['240.0.0.1', 'reserved (broadcast included) range 240.0.0.0/4'],
    ['255.255.255.255', 'reserved (broadcast included) range 240.0.0.0/4'],
    ['192.0.2.1', 'documentation (TEST-NET-1) range 192.0.2.0/24'],
    ['198.18.0.1', 'benchmarking range 198.18.0.0/15'],
    ['::1', 'loopback range ::1/128'],
    ['::', 'unspecified range ::/128'],
    ['fc00::1', 'unique local (private) range fc00::/7'],
    ['fd12:3456::1', 'unique local (private) range fc00::/7'],
    ['fe80::1', 'link-local range fe80::/10'],
    ['fe80::1%eth0', 'link-local range fe80::/10'],
    ['ff02::1', 'multicast range ff00::/8'],
    ['::ffff:127.0.0.1', 'loopback range 127.0.0.0/8 (as IPv4-mapped 127.0.0.1)'],
    ['::ffff:a9fe:a9fe', 'link-local (cloud metadata) range 169.254.0.0/16 (as IPv4-mapped 169.254.169.254)'],
    ['64:ff9b::10.0.0.1', 'private range 10.0.0.0/8 (as NAT64 10.0.0.1)'],
    ['64:ff9b::a9fe:a9fe', 'link-local (cloud metadata) range 169.254.0.0/16 (as NAT64 169.254.169.254)'],
    ['2002:7f00:1::1', 'loopback range 127.0.0.0/8 (as 6to4 127.0.0.1)'],
    ['::127.0.0.1', 'IPv4-compatible (deprecated) range ::/96'],
    ['2001::1', 'IETF protocol assignments range 2001::/23'],
    ['2001:db8::1', 'documentation range 2001:db8::/32'],
    ['100::1', 'discard-only range 100::/64'],
    ['4000::1', 'reserved range outside global unicast 2000::/3'],
  ])('blocks %s (%s)', (address, reason) => {
    expect(blockedRange(ip(address))).toBe(reason);
  });

  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '11.0.0.0',
    '172.15.255.255',
    '172.32.0.0',
    '100.63.255.255',
    '100.128.0.0',
    '169.253.255.255',
    '169.255.0.0',
    '192.169.0.1',
    '223.255.255.255',
    '2606:4700:4700::1111',
    '2a00:1450:4009:80b::200e',
    '::ffff:8.8.8.8',
    '64:ff9b::8.8.8.8',
    '2002:808:808::1',
  ])('lets the public address %s through', (address) => {
    expect(blockedRange(ip(address))).toBeNull();
  });
});

describe('checkAddress', () => {
  const loopback = [cidr('127.0.0.0/8'), cidr('::1/128')];

  it('allows a public address, and a blocked one only when the allow-list covers it', () => {
    expect(checkAddress('93.184.215.14')).toEqual({ allowed: true });
    expect(checkAddress('127.0.0.1')).toEqual({
      allowed: false,
      reason: 'is in the loopback range 127.0.0.0/8',
    });
    expect(checkAddress('127.0.0.1', loopback)).toEqual({ allowed: true });
    expect(checkAddress('::1', loopback)).toEqual({ allowed: true });
    // An IPv4-mapped address is the same endpoint as its IPv4 address.
    expect(checkAddress('::ffff:127.0.0.1', loopback)).toEqual({ allowed: true });
    expect(checkAddress('10.0.0.1', loopback).allowed).toBe(false);
    expect(checkAddress('169.254.169.254', loopback).allowed).toBe(false);
    expect(checkAddress('127.0.0.2', [cidr('127.0.0.1/32')]).allowed).toBe(false);
  });

  it('refuses what is not an IP address', () => {
    expect(checkAddress('localhost', loopback)).toEqual({ allowed: false, reason: 'is not an IP address' });
  });
});
