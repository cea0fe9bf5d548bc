import ipaddr from 'ipaddr.js';
import { ipv4ToInt } from '@sandcloud/domain';
import type { FloatingPoolRange } from './network-service.ts';

/**
 * `203.0.113.10-203.0.113.250` → the range floating IPs are allocated from, or why it cannot be one
 * (for a setting, so the message names the problem). Public IPv4 only: 0/8, 127/8 and 224/3 are not.
 */
export function parseFloatingPool(text: string): FloatingPoolRange | string {
  const [start, end, ...rest] = text.split('-').map((part) => part.trim());
  if (!start || !end || rest.length > 0) return `"${text}" is not a range: write it as first-last, e.g. 203.0.113.10-203.0.113.250`;
  for (const ip of [start, end]) {
    if (!ipaddr.IPv4.isValidFourPartDecimal(ip)) return `${ip} is not an IPv4 address`;
    const first = Number(ip.split('.')[0]);
    if (first === 0 || first === 127 || first >= 224) return `${ip} cannot be a public address (0/8, 127/8 and 224/3 are reserved)`;
  }
  if (ipv4ToInt(start) > ipv4ToInt(end)) return `The pool starts at ${start}, after its end ${end}`;
  return { start, end };
}
