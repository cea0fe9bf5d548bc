import {
  COOKIE_PERSISTENCE_PROTOCOLS,
  HEALTH_HTTP_METHODS,
  HEALTH_MONITOR_TYPES,
  LB_ALGORITHMS,
  LISTENER_PROTOCOLS,
  parseCidr,
  SESSION_PERSISTENCE_TYPES,
  type HealthHttpMethod,
  type HealthMonitorType,
  type LbAlgorithm,
  type ListenerProtocol,
  type SessionPersistenceType,
} from '@sandcloud/domain';
import { invalidInput } from '../core/errors.ts';
import { inspectCertificate } from './certificates.ts';
import {
  OCTAVIA_HEALTH_MONITOR_TYPES,
  OCTAVIA_LISTENER_PROTOCOLS,
  type HealthMonitor,
  type ListenerCertificate,
  type OctaviaHealthMonitorType,
  type OctaviaListenerProtocol,
  type OctaviaPoolProtocol,
  type SessionPersistence,
} from './load-balancer.ts';

// The engine's own checks of what the wizard sends. Adapters validate shapes first (the BFF with the
// shared zod schemas); these rules hold whatever adapter calls the engine.

export interface ListenerInput {
  protocol: ListenerProtocol;
  protocolPort: number;
  connectionLimit?: number | undefined;
  keepAliveTimeoutSeconds?: number | undefined;
  allowedCidrs?: string[] | undefined;
  tls?: { certificatePem: string; privateKeyPem: string } | undefined;
}

export interface HealthMonitorInput {
  type: HealthMonitorType | OctaviaHealthMonitorType;
  name?: string | undefined;
  adminStateUp?: boolean | undefined;
  maxRetriesDown?: number | undefined;
  monitorPort: number;
  delaySeconds?: number | undefined;
  timeoutSeconds?: number | undefined;
  maxRetries?: number | undefined;
  httpMethod?: HealthHttpMethod | undefined;
  urlPath?: string | undefined;
  expectedCodes?: string | undefined;
}

export interface SessionPersistenceInput {
  type: SessionPersistenceType;
  cookieName?: string | null | undefined;
}

export interface MemberInput {
  instanceId: string;
  weight?: number | undefined;
}

export interface PoolInput {
  lbAlgorithm: LbAlgorithm;
  memberPort: number;
  sessionPersistence?: SessionPersistenceInput | null | undefined;
  members: MemberInput[];
  healthMonitor: HealthMonitorInput;
}

export const DEFAULTS = {
  connectionLimit: 2000,
  keepAliveTimeoutSeconds: 300,
  weight: 1,
  delaySeconds: 5,
  timeoutSeconds: 5,
  maxRetries: 3,
  httpMethod: 'GET' as HealthHttpMethod,
  urlPath: '/',
  expectedCodes: '200',
};

export const LIMITS = {
  connectionLimit: [1, 100_000],
  keepAliveTimeoutSeconds: [1, 3600],
  delaySeconds: [1, 3600],
  timeoutSeconds: [1, 3600],
  maxRetries: [1, 10],
  weight: [0, 256],
  members: 50,
} as const;

/** `pool` + `memberPort` → `pool.memberPort`; an empty prefix leaves the key alone. */
const at = (prefix: string) => (prefix ? `${prefix}.` : '');

export function wholeNumber(value: unknown, label: string, [min, max]: readonly [number, number], field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalidInput(`${label} is from ${min} to ${max}`, field).coded('input.range', { field: label, min, max });
  }
  return value;
}

export const port = (value: unknown, label: string, field: string) => wholeNumber(value, label, [1, 65535], field);

function oneOf<T extends string>(value: unknown, allowed: readonly T[], label: string, field: string): T {
  if (!allowed.includes(value as T)) throw invalidInput(`${label} is one of ${allowed.join(', ')}`, field).coded('input.oneOf', { field: label, allowed: allowed.join(', ') });
  return value as T;
}

/** `200`, `200,202` or `200-204`: see the API schema's `expectedCodesProblem`. */
export function expectedCodes(text: string, field: string): string {
  const value = text.trim();
  const range = /^(\d{3})-(\d{3})$/.exec(value);
  if (!/^\d{3}(,\d{3})*$/.test(value) && !range) {
    throw invalidInput('Expected codes are one code (200), a list (200,202) or a range (200-204)', field).coded('loadBalancer.expectedCodesFormat');
  }
  const codes = range ? [Number(range[1]), Number(range[2])] : value.split(',').map(Number);
  if (codes.some((code) => code < 100 || code > 599)) throw invalidInput('HTTP status codes are from 100 to 599', field).coded('loadBalancer.httpCodeRange', { min: 100, max: 599 });
  if (range && codes[0]! > codes[1]!) throw invalidInput(`The range ${value} ends before it starts`, field).coded('loadBalancer.codeRangeReversed', { range: value });
  return value;
}

/** `octavia`: Octavia's API also takes UDP and SCTP listeners (the data plane does not carry them). */
export function listenerSettings<P extends OctaviaListenerProtocol = ListenerProtocol>(input: Omit<ListenerInput, 'protocol'> & { protocol: P }, now: number, field = 'listener', rules: { octavia?: boolean } = {}) {
  const protocol = oneOf<P>(input.protocol, (rules.octavia ? OCTAVIA_LISTENER_PROTOCOLS : LISTENER_PROTOCOLS) as readonly P[], 'Protocol', `${at(field)}protocol`);
  const protocolPort = port(input.protocolPort, 'Load Balancer Port', `${at(field)}protocolPort`);
  let certificate: ListenerCertificate | null = null;
  if (protocol === 'TERMINATED_HTTPS') {
    if (!input.tls) throw invalidInput('A TERMINATED_HTTPS listener needs a certificate and its private key', `${at(field)}tls.certificatePem`).coded('loadBalancer.tlsRequired');
    certificate = inspectCertificate(input.tls.certificatePem, input.tls.privateKeyPem, now, `${at(field)}tls`);
  } else if (input.tls) {
    throw invalidInput('Only TERMINATED_HTTPS listeners take a certificate', `${at(field)}tls`).coded('loadBalancer.tlsNotAllowed');
  }
  return {
    protocol,
    protocolPort,
    connectionLimit: wholeNumber(input.connectionLimit ?? DEFAULTS.connectionLimit, 'Connection limit', LIMITS.connectionLimit, `${at(field)}connectionLimit`),
    keepAliveTimeoutSeconds: wholeNumber(
      input.keepAliveTimeoutSeconds ?? DEFAULTS.keepAliveTimeoutSeconds,
      'Keep-alive timeout (s)',
      LIMITS.keepAliveTimeoutSeconds,
      `${at(field)}keepAliveTimeoutSeconds`,
    ),
    allowedCidrs: allowedCidrs(input.allowedCidrs ?? [], `${at(field)}allowedCidrs`),
    certificate,
  };
}

export function allowedCidrs(cidrs: string[], field: string): string[] {
  if (cidrs.length > 50) throw invalidInput('At most 50 allowed CIDRs', field).coded('loadBalancer.allowedCidrsTooMany', { max: 50 });
  const normalized = cidrs.map((text, index) => {
    const parsed = parseCidr(text);
    if (!parsed.ok) throw invalidInput(parsed.message, `${at(field)}${index}`).coded('address.cidrInvalid', { detail: parsed.message });
    if (parsed.cidr.family !== 'IPv4') throw invalidInput(`${text} is IPv6; load balancers here listen on IPv4 only`, `${at(field)}${index}`).coded('loadBalancer.cidrNotIpv4', { cidr: text });
    return parsed.cidr.normalized;
  });
  return [...new Set(normalized)];
}

export const algorithm = (value: unknown, field: string): LbAlgorithm => oneOf(value, LB_ALGORITHMS, 'Load Balancing method', field);

/** Cookies can only be read by a load balancer that speaks HTTP to the client. */
export function sessionPersistence(input: SessionPersistenceInput | null | undefined, protocol: OctaviaListenerProtocol | OctaviaPoolProtocol, field: string): SessionPersistence | null {
  if (!input) return null;
  const type = oneOf(input.type, SESSION_PERSISTENCE_TYPES, 'Session persistence', `${at(field)}type`);
  if ((type === 'HTTP_COOKIE' || type === 'APP_COOKIE') && !COOKIE_PERSISTENCE_PROTOCOLS.includes(protocol as ListenerProtocol)) {
    throw invalidInput(
      `${type} persistence needs an HTTP or TERMINATED_HTTPS listener; a ${protocol} listener cannot read cookies. Use SOURCE_IP`,
      `${at(field)}type`,
    ).coded('loadBalancer.cookiePersistenceProtocol', { type, protocol });
  }
  if (type !== 'APP_COOKIE') {
    if (input.cookieName) throw invalidInput('Only APP_COOKIE persistence takes a cookie name', `${at(field)}cookieName`).coded('loadBalancer.cookieNameNotAllowed');
    return { type, cookieName: null };
  }
  const cookieName = (input.cookieName ?? '').trim();
  if (!cookieName) throw invalidInput('Enter the name of the application cookie', `${at(field)}cookieName`).coded('loadBalancer.cookieNameRequired');
  if (cookieName.length > 255 || !/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/.test(cookieName)) {
    throw invalidInput("Cookie names use letters, digits and !#$%&'*+.^_`|~-, no spaces", `${at(field)}cookieName`).coded('loadBalancer.cookieNameInvalid');
  }
  return { type, cookieName };
}

/**
 * `octavia`: Octavia's API, whose monitors may have a timeout longer than their interval, a name, be
 * disabled, and use the types PING, UDP-CONNECT, TLS-HELLO and SCTP; the console's may not.
 */
export function healthMonitor(input: HealthMonitorInput, field: string, rules: { octavia?: boolean } = {}): HealthMonitor {
  const type = oneOf<OctaviaHealthMonitorType>(input.type, rules.octavia ? OCTAVIA_HEALTH_MONITOR_TYPES : HEALTH_MONITOR_TYPES, 'The health check protocol', `${at(field)}type`);
  const extra = rules.octavia
    ? {
        name: (input.name ?? '').trim(),
        adminStateUp: input.adminStateUp !== false,
        maxRetriesDown: wholeNumber(input.maxRetriesDown ?? DEFAULTS.maxRetries, 'Max retries down', LIMITS.maxRetries, `${at(field)}maxRetriesDown`),
      }
    : {};
  const monitorPort = port(input.monitorPort, 'Health Port', `${at(field)}monitorPort`);
  const delaySeconds = wholeNumber(input.delaySeconds ?? DEFAULTS.delaySeconds, 'Interval (s)', LIMITS.delaySeconds, `${at(field)}delaySeconds`);
  const timeoutSeconds = wholeNumber(input.timeoutSeconds ?? DEFAULTS.timeoutSeconds, 'Timeout (s)', LIMITS.timeoutSeconds, `${at(field)}timeoutSeconds`);
  if (timeoutSeconds > delaySeconds && !rules.octavia) {
    throw invalidInput(`The timeout (${timeoutSeconds} s) cannot be longer than the interval (${delaySeconds} s)`, `${at(field)}timeoutSeconds`).coded('loadBalancer.timeoutLongerThanInterval', { timeoutSeconds, delaySeconds });
  }
  const maxRetries = wholeNumber(input.maxRetries ?? DEFAULTS.maxRetries, 'Max retries', LIMITS.maxRetries, `${at(field)}maxRetries`);
  if (type !== 'HTTP' && type !== 'HTTPS') {
    return { type, ...extra, monitorPort, delaySeconds, timeoutSeconds, maxRetries, httpMethod: null, urlPath: null, expectedCodes: null };
  }
  const urlPath = (input.urlPath ?? DEFAULTS.urlPath).trim();
  if (urlPath.length > 255 || !/^\/[\x21-\x7e]*$/.test(urlPath)) {
    throw invalidInput('A URL path starts with "/" and has no spaces, e.g. /health', `${at(field)}urlPath`).coded('loadBalancer.urlPathInvalid');
  }
  return {
    type,
    ...extra,
    monitorPort,
    delaySeconds,
    timeoutSeconds,
    maxRetries,
    httpMethod: oneOf(input.httpMethod ?? DEFAULTS.httpMethod, HEALTH_HTTP_METHODS, 'HTTP method', `${at(field)}httpMethod`),
    urlPath,
    expectedCodes: expectedCodes(input.expectedCodes ?? DEFAULTS.expectedCodes, `${at(field)}expectedCodes`),
  };
}

export const weight = (value: number | undefined, field: string) => wholeNumber(value ?? DEFAULTS.weight, 'Weight', LIMITS.weight, field);
