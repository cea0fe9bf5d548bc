// Address and CIDR parsing, shared by the engine (subnets, rules, allocation) and the console (form
// checks before sending), so both accept exactly the same text. Wraps ipaddr.js but is
// stricter than it: ipaddr.js accepts legacy IPv4 forms ("10", "0x0a.0.0.1",
// "010.0.0.1" read as octal) that OpenStack users never mean, so IPv4 must be
// plain dotted decimal here.
import ipaddr from 'ipaddr.js';

export const IP_FAMILIES = ['IPv4', 'IPv6'] as const;
export type IpFamily = (typeof IP_FAMILIES)[number];

export interface Cidr {
  family: IpFamily;
  /** Network address in canonical text form, e.g. "10.0.0.0" or "2001:db8::". */
  network: string;
  prefix: number;
  /** `${network}/${prefix}`, the form we store and compare. */
  normalized: string;
}

export type ParseCidrResult =
  | { ok: true; cidr: Cidr }
  | { ok: false; message: string; suggestion?: string };

const MAX_PREFIX: Record<IpFamily, number> = { IPv4: 32, IPv6: 128 };

type ParsedIp = ipaddr.IPv4 | ipaddr.IPv6;

function parseIp(text: string): ParsedIp | null {
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) return ipaddr.IPv4.parse(text);
  // Zone ids ("fe80::1%eth0") are host-local and meaningless in a rule or subnet.
  if (text.includes(':') && !text.includes('%') && ipaddr.IPv6.isValid(text)) {
    return ipaddr.IPv6.parse(text);
  }
  return null;
}

function familyOf(ip: ParsedIp): IpFamily {
  return ip.kind() === 'ipv4' ? 'IPv4' : 'IPv6';
}

function bytesToText(bytes: number[]): string {
  return ipaddr.fromByteArray(bytes).toString();
}

/** Keeps the first `prefix` bits of the address and zeroes the rest. */
function maskBytes(bytes: number[], prefix: number): number[] {
  return bytes.map((byte, index) => {
    const bitsKept = Math.min(8, Math.max(0, prefix - index * 8));
    return byte & ((0xff << (8 - bitsKept)) & 0xff);
  });
}

export function isValidIp(ip: string): boolean {
  return parseIp(ip) !== null;
}

/** The family of a valid address, or null when `ip` is not an address. */
export function ipFamily(ip: string): IpFamily | null {
  const parsed = parseIp(ip);
  return parsed ? familyOf(parsed) : null;
}

/**
 * Parses "a.b.c.d/n" or an IPv6 equivalent; a bare address means a single
 * host (/32 or /128). Host bits are rejected rather than masked away, because
 * "10.0.0.5/24" usually hides a typo and silently widening it is a surprise.
 */
export function parseCidr(text: string): ParseCidrResult {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: 'CIDR is empty' };

  const slash = trimmed.indexOf('/');
  const addressText = slash === -1 ? trimmed : trimmed.slice(0, slash);
  const prefixText = slash === -1 ? null : trimmed.slice(slash + 1);

  const address = parseIp(addressText);
  if (!address) {
    return { ok: false, message: `${trimmed} is not a valid CIDR: "${addressText}" is not an IPv4 or IPv6 address` };
  }
  const family = familyOf(address);
  const maxPrefix = MAX_PREFIX[family];

  let prefix = maxPrefix;
  if (prefixText !== null) {
    if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > maxPrefix) {
      return { ok: false, message: `${trimmed} is not a valid CIDR: the prefix length must be a whole number from 0 to ${maxPrefix} for ${family}` };
    }
    prefix = Number(prefixText);
  }

  const bytes = address.toByteArray();
  const network = bytesToText(maskBytes(bytes, prefix));
  const normalized = `${network}/${prefix}`;
  if (network !== address.toString()) {
    return {
      ok: false,
      message: `${trimmed} has host bits set; did you mean ${normalized}?`,
      suggestion: normalized,
    };
  }
  return { ok: true, cidr: { family, network, prefix, normalized } };
}

/**
 * True when `ip` lies inside `cidr`. Invalid input and mixed families are
 * simply "not contained": callers use this as a predicate while matching.
 */
export function cidrContains(cidr: string | Cidr, ip: string): boolean {
  let range: Cidr;
  if (typeof cidr === 'string') {
    const parsed = parseCidr(cidr);
    if (!parsed.ok) return false;
    range = parsed.cidr;
  } else {
    range = cidr;
  }
  const address = parseIp(ip);
  if (!address || familyOf(address) !== range.family) return false;
  return bytesToText(maskBytes(address.toByteArray(), range.prefix)) === range.network;
}

/**
 * True when two ranges share at least one address (one contains the other's network address,
 * since CIDR blocks either nest or are disjoint). Invalid input and mixed families never overlap.
 */
export function cidrsOverlap(a: string | Cidr, b: string | Cidr): boolean {
  const parse = (value: string | Cidr): Cidr | null => {
    if (typeof value !== 'string') return value;
    const parsed = parseCidr(value);
    return parsed.ok ? parsed.cidr : null;
  };
  const first = parse(a);
  const second = parse(b);
  if (!first || !second || first.family !== second.family) return false;
  return cidrContains(first, second.network) || cidrContains(second, first.network);
}

/** Unsigned 32-bit value of a dotted-decimal IPv4 address (for allocators). */
export function ipv4ToInt(ip: string): number {
  if (!ipaddr.IPv4.isValidFourPartDecimal(ip)) {
    throw new TypeError(`${ip} is not an IPv4 address`);
  }
  return ipaddr.IPv4.parse(ip).octets.reduce((value, octet) => value * 256 + octet, 0);
}

export function intToIpv4(value: number): string {
  if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) {
    throw new RangeError(`${value} is outside the IPv4 address space`);
  }
  return [value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff].join('.');
}
