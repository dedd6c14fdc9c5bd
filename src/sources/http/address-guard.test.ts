import { describe, expect, it } from 'vitest';
import {
  blockedRangeOf,
  createAddressPolicy,
  isBlockedAddress,
  isCloudMetadataHost,
  normalizeHost,
  type BlockedRange,
} from './address-guard.ts';

const table: readonly { address: string; expected: BlockedRange | null }[] = [
  // public unicast
  { address: '93.184.216.34', expected: null },
  { address: '8.8.8.8', expected: null },
  { address: '2606:4700:4700::1111', expected: null },
  { address: '2001:4860:4860::8888', expected: null },
  // IPv4 special ranges
  { address: '127.0.0.1', expected: 'loopback' },
  { address: '127.0.0.2', expected: 'loopback' },
  { address: '10.0.0.1', expected: 'private' },
  { address: '172.16.5.4', expected: 'private' },
  { address: '172.31.255.255', expected: 'private' },
  { address: '172.32.0.1', expected: null },
  { address: '192.168.1.1', expected: 'private' },
  { address: '169.254.1.1', expected: 'link-local' },
  { address: '169.254.169.254', expected: 'cloud metadata' },
  { address: '100.64.0.1', expected: 'carrier-grade NAT' },
  { address: '100.127.255.254', expected: 'carrier-grade NAT' },
  { address: '100.128.0.1', expected: null },
  { address: '0.0.0.0', expected: 'unspecified' },
  { address: '0.1.2.3', expected: 'unspecified' },
  { address: '224.0.0.1', expected: 'multicast' },
  { address: '255.255.255.255', expected: 'broadcast' },
  { address: '240.0.0.1', expected: 'reserved' },
  { address: '192.0.2.10', expected: 'reserved' },
  { address: '198.18.0.1', expected: 'reserved' },
  // IPv6 special ranges
  { address: '::1', expected: 'loopback' },
  { address: '[::1]', expected: 'loopback' },
  { address: '::', expected: 'unspecified' },
  { address: 'fe80::1', expected: 'link-local' },
  { address: 'fc00::1', expected: 'unique-local' },
  { address: 'fd12:3456::1', expected: 'unique-local' },
  { address: 'fd00:ec2::254', expected: 'cloud metadata' },
  { address: 'ff02::1', expected: 'multicast' },
  { address: '2001:db8::1', expected: 'reserved' },
  { address: '::7f00:1', expected: 'reserved' },
  // IPv6 forms carrying an IPv4 address are judged by it
  { address: '::ffff:127.0.0.1', expected: 'loopback' },
  { address: '::ffff:7f00:1', expected: 'loopback' },
  { address: '::ffff:10.1.2.3', expected: 'private' },
  { address: '::ffff:169.254.169.254', expected: 'cloud metadata' },
  { address: '::ffff:93.184.216.34', expected: null },
  { address: '64:ff9b::a00:1', expected: 'private' },
  { address: '64:ff9b::5db8:d822', expected: null },
  { address: '2002:c0a8:0101::1', expected: 'private' },
  { address: '2002:5db8:d822::1', expected: null },
  // not an address at all: fail closed
  { address: 'example.com', expected: 'invalid' },
  { address: '', expected: 'invalid' },
];

describe('blockedRangeOf', () => {
  it.each(table)('$address → $expected', ({ address, expected }) => {
    expect(blockedRangeOf(address)).toBe(expected);
    expect(isBlockedAddress(address)).toBe(expected !== null);
  });
});

describe('isCloudMetadataHost', () => {
  it.each([
    { host: 'metadata.google.internal', expected: true },
    { host: 'METADATA.google.internal.', expected: true },
    { host: 'metadata.goog', expected: true },
    { host: 'example.com', expected: false },
    { host: 'metadata.example.com', expected: false },
  ])('$host → $expected', ({ host, expected }) => {
    expect(isCloudMetadataHost(host)).toBe(expected);
  });
});

describe('normalizeHost', () => {
  it.each([
    { host: 'Example.COM.', expected: 'example.com' },
    { host: '[::1]', expected: '::1' },
    { host: '::FFFF:7F00:1', expected: '::ffff:7f00:1' },
    { host: '127.0.0.1', expected: '127.0.0.1' },
  ])('$host → $expected', ({ host, expected }) => {
    expect(normalizeHost(host)).toBe(expected);
  });
});

describe('createAddressPolicy', () => {
  it('refuses IP literals and metadata names from the URL alone, leaves other names to DNS', () => {
    const policy = createAddressPolicy();
    expect(policy.refuseHost('127.0.0.1')).toBe('loopback');
    expect(policy.refuseHost('[::ffff:10.0.0.1]')).toBe('private');
    expect(policy.refuseHost('metadata.google.internal')).toBe('cloud metadata');
    expect(policy.refuseHost('example.com')).toBeNull();
    expect(policy.refuseHost('93.184.216.34')).toBeNull();
  });

  it('exempts exactly the listed hosts, not names that resolve to them', () => {
    const policy = createAddressPolicy({ allowHosts: ['127.0.0.1', 'Intranet.Example'] });
    expect(policy.isExempt('127.0.0.1')).toBe(true);
    expect(policy.isExempt('intranet.example')).toBe(true);
    expect(policy.refuseHost('127.0.0.1')).toBeNull();
    expect(policy.refuseHost('127.0.0.2')).toBe('loopback');
    expect(policy.isExempt('localhost')).toBe(false);
    expect(policy.refuseAddress('127.0.0.1')).toBe('loopback');
  });

  it('allowPrivateNetworks lets private ranges through but never cloud metadata', () => {
    const policy = createAddressPolicy({ allowPrivateNetworks: true });
    expect(policy.refuseAddress('10.0.0.1')).toBeNull();
    expect(policy.refuseAddress('127.0.0.1')).toBeNull();
    expect(policy.refuseAddress('169.254.169.254')).toBe('cloud metadata');
    expect(policy.refuseAddress('fd00:ec2::254')).toBe('cloud metadata');
    expect(policy.refuseHost('metadata.google.internal')).toBe('cloud metadata');
  });
});
