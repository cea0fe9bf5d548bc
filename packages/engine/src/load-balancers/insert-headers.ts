import { invalidInput } from '../core/errors.ts';
import type { Listener, OctaviaListenerProtocol } from './load-balancer.ts';

// Octavia's `insert_headers` on HTTP listeners: the headers HAProxy adds to each request it forwards
// (`option forwardfor` and friends). Sandcloud's data plane adds the same three, for requests from
// the Internet (the data plane's forwarder) and from guests (the guest network's load balancer path).

export const INSERT_HEADERS = ['X-Forwarded-For', 'X-Forwarded-Port', 'X-Forwarded-Proto'] as const;
export type InsertHeader = (typeof INSERT_HEADERS)[number];

/** Octavia takes `"true"`/`"false"` strings (and booleans); the listener keeps each header given, on or off. */
export function insertHeaders(input: Record<string, unknown> | null | undefined, protocol: OctaviaListenerProtocol, field = 'insertHeaders'): Partial<Record<InsertHeader, boolean>> {
  if (!input) return {};
  const keys = Object.keys(input);
  if (keys.length > 0 && protocol !== 'HTTP') {
    throw invalidInput(`The following insert_headers are not valid for a ${protocol} listener: ${keys.join(', ')}`, field).coded('loadBalancer.insertHeadersProtocol', { protocol });
  }
  const headers: Partial<Record<InsertHeader, boolean>> = {};
  for (const [key, value] of Object.entries(input)) {
    if (!(INSERT_HEADERS as readonly string[]).includes(key)) {
      throw invalidInput(`${key} is not an insert_headers option Sandcloud's data plane adds (it adds ${INSERT_HEADERS.join(', ')})`, `${field}.${key}`).coded('loadBalancer.insertHeaderUnknown', { header: key, allowed: INSERT_HEADERS.join(', ') });
    }
    const text = String(value).toLowerCase();
    if (!['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'].includes(text)) {
      throw invalidInput(`${key} is "true" or "false", not ${String(value)}`, `${field}.${key}`).coded('loadBalancer.insertHeaderValue', { header: key });
    }
    headers[key as InsertHeader] = ['true', '1', 'yes', 'on'].includes(text);
  }
  return headers;
}

/** The headers to add to a request a listener forwards (lower-case names, as the guests' servers read them). */
export function forwardedHeaders(listener: Pick<Listener, 'insertHeaders' | 'protocol' | 'protocolPort'>, clientIp: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const header of INSERT_HEADERS.filter((name) => listener.insertHeaders?.[name] === true)) {
    if (header === 'X-Forwarded-For') headers['x-forwarded-for'] = clientIp;
    if (header === 'X-Forwarded-Port') headers['x-forwarded-port'] = String(listener.protocolPort);
    if (header === 'X-Forwarded-Proto') headers['x-forwarded-proto'] = listener.protocol === 'TERMINATED_HTTPS' ? 'https' : 'http';
  }
  return headers;
}
