/**
 * Names derived from the instance's network identity, the way the cloud's
 * images name themselves: host-192-168-0-4 for 192.168.0.4.
 */
export interface NetworkIdentity {
  ip: string;
  prefixLength: number;
  mac: string;
  /** Interfaces attached besides the first (eth1, eth2…), as `ip addr` lists them. */
  extra?: { ip: string; prefixLength: number; mac: string }[];
}

export function hostnameFromIp(ip: string): string {
  return `host-${ip.replace(/\./g, '-')}`;
}

export function isIpv4(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

/** OpenStack (Neutron) MACs use the fa:16:3e prefix; the rest is derived from the IP. */
export function macFromIp(ip: string): string {
  const octets = ip.split('.').map((p) => Number(p));
  const tail = [octets[1] ?? 0, octets[2] ?? 0, octets[3] ?? 0].map((n) => n.toString(16).padStart(2, '0'));
  return ['fa', '16', '3e', ...tail].join(':');
}

export function broadcastAddress(ip: string, prefixLength: number): string {
  const value = ip.split('.').reduce((acc, part) => (acc << 8) + Number(part), 0) >>> 0;
  const mask = prefixLength === 0 ? 0 : (0xffffffff << (32 - prefixLength)) >>> 0;
  const broadcast = (value | ~mask) >>> 0;
  return [24, 16, 8, 0].map((shift) => (broadcast >>> shift) & 255).join('.');
}

/** IPv6 link-local address (EUI-64 from the MAC), as `ip addr` shows it. */
export function linkLocalFromMac(mac: string): string {
  const bytes = mac.split(':').map((h) => parseInt(h, 16));
  const b = [((bytes[0] ?? 0) ^ 2) & 255, bytes[1] ?? 0, bytes[2] ?? 0, 0xff, 0xfe, bytes[3] ?? 0, bytes[4] ?? 0, bytes[5] ?? 0];
  const groups: string[] = [];
  for (let i = 0; i < 8; i += 2) groups.push((((b[i] ?? 0) << 8) | (b[i + 1] ?? 0)).toString(16));
  return `fe80::${groups.join(':')}`;
}
