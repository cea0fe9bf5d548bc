// Address allocation for tenant subnets (fixed IPs) and the public floating IP
// pool. Always hands out the lowest free address, so released addresses are
// reused first and allocations stay predictable for learners and tests.
import { intToIpv4, ipFamily, ipv4ToInt, parseCidr } from '@sandcloud/domain';

function toIntSet(addresses: Iterable<string>): Set<number> {
  const ints = new Set<number>();
  for (const address of addresses) {
    // Foreign or IPv6 entries cannot collide with an IPv4 candidate; skip them.
    if (ipFamily(address) === 'IPv4') ints.add(ipv4ToInt(address));
  }
  return ints;
}

function lowestFree(first: number, last: number, taken: Set<number>): string | null {
  for (let candidate = first; candidate <= last; candidate++) {
    if (!taken.has(candidate)) return intToIpv4(candidate);
  }
  return null;
}

/**
 * Lowest free host address of an IPv4 subnet, or null when it is full.
 * The network and broadcast addresses are never handed out; everything else
 * the product keeps for itself (the gateway, the DHCP ports on .2/.3, ...)
 * must be passed in `reserved`, because this module does not know the layout.
 * /31 and /32 have no network/broadcast address (RFC 3021), so all are usable.
 */
export function nextFreeAddress(
  subnetCidr: string,
  used: Iterable<string>,
  reserved: string[],
): string | null {
  const parsed = parseCidr(subnetCidr);
  if (!parsed.ok) throw new Error(`Cannot allocate from subnet: ${parsed.message}`);
  const { family, network, prefix } = parsed.cidr;
  if (family !== 'IPv4') throw new Error(`Cannot allocate from ${subnetCidr}: only IPv4 subnets are supported`);

  const start = ipv4ToInt(network);
  const end = start + 2 ** (32 - prefix) - 1;
  const hasNetworkAndBroadcast = prefix <= 30;
  const first = hasNetworkAndBroadcast ? start + 1 : start;
  const last = hasNetworkAndBroadcast ? end - 1 : end;

  return lowestFree(first, last, toIntSet([...used, ...reserved]));
}

function poolBounds(rangeStart: string, rangeEnd: string): [number, number] {
  const first = ipv4ToInt(rangeStart);
  const last = ipv4ToInt(rangeEnd);
  if (first > last) throw new RangeError(`Pool start ${rangeStart} is after pool end ${rangeEnd}`);
  return [first, last];
}

/** Every address of an inclusive IPv4 range, in ascending order (lazy, so big pools are cheap). */
export function* poolAddresses(rangeStart: string, rangeEnd: string): Generator<string> {
  const [first, last] = poolBounds(rangeStart, rangeEnd);
  for (let value = first; value <= last; value++) yield intToIpv4(value);
}

/** Lowest address of an inclusive pool range not in `used`, or null when the pool is exhausted. */
export function nextFreePoolAddress(rangeStart: string, rangeEnd: string, used: Iterable<string>): string | null {
  const [first, last] = poolBounds(rangeStart, rangeEnd);
  return lowestFree(first, last, toIntSet(used));
}
