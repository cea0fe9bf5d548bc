import { readFileSync } from 'node:fs';

/**
 * Whether this process may bind ports below 1024 on loopback, which decides the port plan (guest
 * ports as they are, or 10000 + p). `SANDCLOUD_PRIVILEGED_PORTS=0|1` overrides the detection, e.g. to
 * use the unprivileged plan as root when another program already holds port 22 or 80 on all
 * addresses.
 */
export function detectPrivilegedPorts(env: NodeJS.ProcessEnv = process.env): boolean {
  const override = env.SANDCLOUD_PRIVILEGED_PORTS;
  if (override === '0' || override === 'false') return false;
  if (override === '1' || override === 'true') return true;
  if (process.getuid?.() === 0) return true;
  try {
    // Linux lets everyone bind from this port up (1024 unless lowered).
    return Number(readFileSync('/proc/sys/net/ipv4/ip_unprivileged_port_start', 'utf8').trim()) <= 22;
  } catch {
    return false;
  }
}
