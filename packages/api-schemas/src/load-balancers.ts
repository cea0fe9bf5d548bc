import {
  COOKIE_PERSISTENCE_PROTOCOLS,
  DESCRIPTION_MAX_LENGTH,
  HEALTH_HTTP_METHODS,
  HEALTH_MONITOR_TYPES,
  LB_ALGORITHMS,
  LB_DEFAULTS,
  LB_LIMITS,
  LISTENER_PROTOCOLS,
  SESSION_PERSISTENCE_TYPES,
  type HealthHttpMethod,
  type HealthMonitorType,
  type InstanceStatus,
  type LbAlgorithm,
  type ListenerProtocol,
  type LoadBalancerAction,
  type OperatingStatus,
  type PoolProtocol,
  type ProvisioningStatus,
  type SessionPersistenceType,
} from '@sandcloud/domain';
import { z } from 'zod';
import { resourceNameSchema } from './common.ts';

// Load balancers as OpenStack Octavia models them: a load balancer (a VIP on a subnet) with
// listeners; each listener forwards to its own pool of members (instances) watched by a health
// monitor. The wizard (`[+ Load Balancer 생성]`) creates the whole tree in one request. The
// vocabulary (protocols, methods, statuses, defaults, limits) comes from `@sandcloud/domain`.

const oneOf = (list: readonly string[]): string => `${list.slice(0, -1).join(', ')} or ${list.at(-1)}`;

const wholeNumber = (label: string, min: number, max: number) =>
  z
    .number({ error: `${label} is a number from ${min} to ${max}` })
    .int(`${label} is a whole number`)
    .min(min, `${label} is from ${min} to ${max}`)
    .max(max, `${label} is from ${min} to ${max}`);

/** A TCP port, named after the wizard's field so the message can stand beside it. */
export const portNumberSchema = (label: string) => wholeNumber(label, 1, 65535);

/**
 * `200`, `200,202` or `200-204`: one code, a list or a range, each an HTTP status 100–599.
 * Returns what is wrong, or null.
 */
export function expectedCodesProblem(text: string): string | null {
  const value = text.trim();
  const list = /^\d{3}(,\d{3})*$/.test(value);
  const range = /^(\d{3})-(\d{3})$/.exec(value);
  if (!list && !range) return 'Expected codes are one code (200), a list (200,202) or a range (200-204)';
  const codes = range ? [Number(range[1]), Number(range[2])] : value.split(',').map(Number);
  if (codes.some((code) => code < 100 || code > 599)) return 'HTTP status codes are from 100 to 599';
  if (range && codes[0]! > codes[1]!) return `The range ${value} ends before it starts`;
  return null;
}

export const expectedCodesSchema = z
  .string({ error: 'Enter the expected codes, e.g. 200' })
  .trim()
  .superRefine((value, ctx) => {
    const problem = expectedCodesProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const urlPathSchema = z
  .string({ error: 'Enter a URL path, e.g. /' })
  .trim()
  .max(255, 'URL paths have at most 255 characters')
  .regex(/^\/[\x21-\x7e]*$/, 'A URL path starts with "/" and has no spaces, e.g. /health');

/** Cookie names are HTTP tokens (RFC 6265). */
export const cookieNameSchema = z
  .string()
  .trim()
  .min(1, 'Enter the name of the application cookie')
  .max(255, 'Cookie names have at most 255 characters')
  .regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, 'Cookie names use letters, digits and !#$%&\'*+.^_`|~-, no spaces');

export const loadBalancerNameSchema = resourceNameSchema;
export const loadBalancerDescriptionSchema = z.string().max(DESCRIPTION_MAX_LENGTH, `Descriptions have at most ${DESCRIPTION_MAX_LENGTH} characters`);

export const tlsInputSchema = z.strictObject({
  certificatePem: z.string().trim().min(1, 'Paste the certificate (PEM)').max(65_536, 'The certificate is too long'),
  privateKeyPem: z.string().trim().min(1, 'Paste the private key (PEM)').max(65_536, 'The private key is too long'),
});
export type TlsInput = z.infer<typeof tlsInputSchema>;

export const sessionPersistenceSchema = z
  .strictObject({
    type: z.enum(SESSION_PERSISTENCE_TYPES, { error: `Session persistence is ${oneOf(SESSION_PERSISTENCE_TYPES)}` }),
    cookieName: z.string().nullable().default(null),
  })
  .superRefine((value, ctx) => {
    if (value.type !== 'APP_COOKIE') {
      if (value.cookieName) ctx.addIssue({ code: 'custom', path: ['cookieName'], message: 'Only APP_COOKIE persistence takes a cookie name' });
      return;
    }
    const parsed = cookieNameSchema.safeParse(value.cookieName ?? '');
    if (!parsed.success) ctx.addIssue({ code: 'custom', path: ['cookieName'], message: parsed.error.issues[0]!.message });
  });
export type SessionPersistenceInput = z.infer<typeof sessionPersistenceSchema>;

const connectionLimitSchema = wholeNumber('Connection limit', LB_LIMITS.connectionLimit.min, LB_LIMITS.connectionLimit.max);
const keepAliveSchema = wholeNumber('Keep-alive timeout (s)', LB_LIMITS.keepAliveTimeoutSeconds.min, LB_LIMITS.keepAliveTimeoutSeconds.max);
const allowedCidrsSchema = z.array(z.string().trim().min(1, 'Enter a CIDR such as 0.0.0.0/0'), { error: 'Allowed CIDRs are a list' }).max(50, 'At most 50 allowed CIDRs');

/** A listener: the protocol and port the load balancer accepts traffic on. */
export const listenerInputSchema = z
  .strictObject({
    protocol: z.enum(LISTENER_PROTOCOLS, { error: `Protocol is ${oneOf(LISTENER_PROTOCOLS)}` }),
    protocolPort: portNumberSchema('Load Balancer Port'),
    connectionLimit: connectionLimitSchema.default(LB_DEFAULTS.connectionLimit),
    keepAliveTimeoutSeconds: keepAliveSchema.default(LB_DEFAULTS.keepAliveTimeoutSeconds),
    /** Source ranges allowed to reach this listener; empty means everyone (Octavia `allowed_cidrs`). */
    allowedCidrs: allowedCidrsSchema.default([]),
    /** TERMINATED_HTTPS only: the certificate the load balancer presents, and its key. */
    tls: tlsInputSchema.optional(),
  })
  .superRefine((value, ctx) => {
    if (value.protocol === 'TERMINATED_HTTPS' && !value.tls) {
      ctx.addIssue({ code: 'custom', path: ['tls', 'certificatePem'], message: 'A TERMINATED_HTTPS listener needs a certificate and its private key' });
    }
    if (value.protocol !== 'TERMINATED_HTTPS' && value.tls) {
      ctx.addIssue({ code: 'custom', path: ['tls'], message: 'Only TERMINATED_HTTPS listeners take a certificate' });
    }
  });
export type ListenerInput = z.input<typeof listenerInputSchema>;

export const memberInputSchema = z.strictObject({
  instanceId: z.string().min(1, 'Choose an instance'),
  weight: wholeNumber('Weight', LB_LIMITS.weight.min, LB_LIMITS.weight.max).default(LB_DEFAULTS.weight),
});

/** The health check: how the load balancer decides a member can take traffic. */
export const healthMonitorInputSchema = z
  .strictObject({
    type: z.enum(HEALTH_MONITOR_TYPES, { error: `The health check protocol is ${oneOf(HEALTH_MONITOR_TYPES)}` }),
    monitorPort: portNumberSchema('Health Port'),
    delaySeconds: wholeNumber('Interval (s)', LB_LIMITS.delaySeconds.min, LB_LIMITS.delaySeconds.max).default(LB_DEFAULTS.delaySeconds),
    timeoutSeconds: wholeNumber('Timeout (s)', LB_LIMITS.timeoutSeconds.min, LB_LIMITS.timeoutSeconds.max).default(LB_DEFAULTS.timeoutSeconds),
    maxRetries: wholeNumber('Max retries', LB_LIMITS.maxRetries.min, LB_LIMITS.maxRetries.max).default(LB_DEFAULTS.maxRetries),
    httpMethod: z.enum(HEALTH_HTTP_METHODS, { error: `HTTP method is one of ${HEALTH_HTTP_METHODS.join(', ')}` }).default(LB_DEFAULTS.httpMethod),
    urlPath: urlPathSchema.default(LB_DEFAULTS.urlPath),
    expectedCodes: expectedCodesSchema.default(LB_DEFAULTS.expectedCodes),
  })
  .superRefine((value, ctx) => {
    if (value.timeoutSeconds > value.delaySeconds) {
      ctx.addIssue({ code: 'custom', path: ['timeoutSeconds'], message: `The timeout (${value.timeoutSeconds} s) cannot be longer than the interval (${value.delaySeconds} s)` });
    }
  });
export type HealthMonitorInput = z.input<typeof healthMonitorInputSchema>;

/** The pool behind a listener: how traffic is spread, on which instance port, to which instances. */
export const poolInputSchema = z.strictObject({
  lbAlgorithm: z.enum(LB_ALGORITHMS, { error: `Load Balancing method is ${oneOf(LB_ALGORITHMS)}` }),
  memberPort: portNumberSchema('Instance Port'),
  sessionPersistence: sessionPersistenceSchema.nullable().default(null),
  members: z.array(memberInputSchema, { error: 'Add at least one instance' }).min(1, 'Add at least one instance').max(LB_LIMITS.members, `At most ${LB_LIMITS.members} instances`),
  healthMonitor: healthMonitorInputSchema,
});

function checkPersistence(value: { listener: { protocol: ListenerProtocol }; pool: { sessionPersistence: SessionPersistenceInput | null } }, ctx: z.RefinementCtx) {
  const type = value.pool.sessionPersistence?.type;
  if ((type === 'HTTP_COOKIE' || type === 'APP_COOKIE') && !COOKIE_PERSISTENCE_PROTOCOLS.includes(value.listener.protocol)) {
    ctx.addIssue({
      code: 'custom',
      path: ['pool', 'sessionPersistence', 'type'],
      message: `${type} persistence needs an HTTP or TERMINATED_HTTPS listener; a ${value.listener.protocol} listener cannot read cookies. Use SOURCE_IP`,
    });
  }
}

/** `[+ Load Balancer 생성]`: the whole wizard in one request. */
export const createLoadBalancerRequestSchema = z
  .strictObject({
    name: loadBalancerNameSchema,
    description: loadBalancerDescriptionSchema.default(''),
    subnetId: z.string({ error: 'Choose a Network(Subnet)' }).min(1, 'Choose a Network(Subnet)'),
    listener: listenerInputSchema,
    pool: poolInputSchema,
  })
  .superRefine(checkPersistence);
export type CreateLoadBalancerRequest = z.input<typeof createLoadBalancerRequestSchema>;

export const updateLoadBalancerRequestSchema = z.strictObject({
  name: loadBalancerNameSchema.optional(),
  description: loadBalancerDescriptionSchema.optional(),
});
export type UpdateLoadBalancerRequest = z.input<typeof updateLoadBalancerRequestSchema>;

/** Another listener on the same load balancer, with its own pool. */
export const addListenerRequestSchema = z.strictObject({ listener: listenerInputSchema, pool: poolInputSchema }).superRefine(checkPersistence);
export type AddListenerRequest = z.input<typeof addListenerRequestSchema>;

/** Listener settings that can change in place (its protocol and port cannot: add another listener). */
export const updateListenerRequestSchema = z.strictObject({
  connectionLimit: connectionLimitSchema.optional(),
  keepAliveTimeoutSeconds: keepAliveSchema.optional(),
  allowedCidrs: allowedCidrsSchema.optional(),
  lbAlgorithm: z.enum(LB_ALGORITHMS, { error: `Load Balancing method is ${oneOf(LB_ALGORITHMS)}` }).optional(),
  sessionPersistence: sessionPersistenceSchema.nullable().optional(),
});
export type UpdateListenerRequest = z.input<typeof updateListenerRequestSchema>;

export const addMemberRequestSchema = memberInputSchema;
export type AddMemberRequest = z.input<typeof addMemberRequestSchema>;

export const updateMemberRequestSchema = z.strictObject({
  weight: wholeNumber('Weight', LB_LIMITS.weight.min, LB_LIMITS.weight.max).optional(),
  adminStateUp: z.boolean({ error: 'adminStateUp is true or false' }).optional(),
});
export type UpdateMemberRequest = z.input<typeof updateMemberRequestSchema>;

export const updateHealthMonitorRequestSchema = healthMonitorInputSchema;
export type UpdateHealthMonitorRequest = z.input<typeof updateHealthMonitorRequestSchema>;

/** "Does traffic from the Internet to the load balancer's floating IP on this port get through?" */
export const loadBalancerConnectivityTestRequestSchema = z.strictObject({
  port: portNumberSchema('Port'),
  sourceIp: z.ipv4({ error: 'Enter an IPv4 address' }).optional(),
});
export type LoadBalancerConnectivityTestRequest = z.input<typeof loadBalancerConnectivityTestRequestSchema>;

export interface HealthMonitorDto {
  type: HealthMonitorType;
  monitorPort: number;
  delaySeconds: number;
  timeoutSeconds: number;
  maxRetries: number;
  /** HTTP(S) checks only; null for TCP. */
  httpMethod: HealthHttpMethod | null;
  urlPath: string | null;
  expectedCodes: string | null;
}

export interface LoadBalancerMemberDto {
  id: string;
  instanceId: string;
  instanceName: string;
  /** The instance's status now (ACTIVE, SHUTOFF…), or null when it is gone. */
  instanceStatus: InstanceStatus | null;
  address: string;
  protocolPort: number;
  weight: number;
  adminStateUp: boolean;
  provisioningStatus: ProvisioningStatus;
  /** From the health checks: ONLINE, OFFLINE (failing or disabled), NO_MONITOR. */
  operatingStatus: OperatingStatus;
}

export interface LoadBalancerPoolDto {
  id: string;
  protocol: PoolProtocol;
  lbAlgorithm: LbAlgorithm;
  memberPort: number;
  sessionPersistence: { type: SessionPersistenceType; cookieName: string | null } | null;
  operatingStatus: OperatingStatus;
  healthMonitor: HealthMonitorDto | null;
  members: LoadBalancerMemberDto[];
}

export interface CertificateInfoDto {
  subject: string;
  issuer: string;
  subjectAltName: string | null;
  notBefore: string;
  notAfter: string;
  fingerprint256: string;
}

export interface LoadBalancerListenerDto {
  id: string;
  /** e.g. "HTTP:80". */
  name: string;
  protocol: ListenerProtocol;
  protocolPort: number;
  connectionLimit: number;
  keepAliveTimeoutSeconds: number;
  allowedCidrs: string[];
  provisioningStatus: ProvisioningStatus;
  operatingStatus: OperatingStatus;
  /** TERMINATED_HTTPS: the certificate presented (the private key is never sent back). */
  certificate: CertificateInfoDto | null;
  pool: LoadBalancerPoolDto;
}

/** Counters the data plane fills; zeros until traffic flows. */
export interface LoadBalancerStatsDto {
  totalConnections: number;
  activeConnections: number;
  totalRequests: number;
  requestErrors: number;
  bytesIn: number;
  bytesOut: number;
}

export interface LoadBalancerDto {
  id: string;
  name: string;
  description: string;
  provisioningStatus: ProvisioningStatus;
  operatingStatus: OperatingStatus;
  /** Why it is in ERROR, when it is. */
  errorReason: string | null;
  vipAddress: string;
  vipPortId: string | null;
  vipSubnetId: string;
  subnetCidr: string | null;
  networkId: string;
  networkName: string | null;
  floatingIp: { id: string; address: string } | null;
  listeners: LoadBalancerListenerDto[];
  stats: LoadBalancerStatsDto;
  /** What the console may offer now; the API refuses the rest with 409. */
  allowedActions: LoadBalancerAction[];
  createdAt: string;
  updatedAt: string;
}

export type LoadBalancerReachabilityCode =
  | 'NO_FLOATING_IP'
  | 'NO_INTERNET_GATEWAY'
  | 'LOAD_BALANCER_NOT_ACTIVE'
  | 'NO_LISTENER'
  | 'SOURCE_NOT_ALLOWED'
  | 'NO_HEALTHY_MEMBER'
  | 'MEMBERS_BLOCKED'
  | 'ALLOWED_BY_LISTENER';

export interface LoadBalancerConnectivityDto {
  allowed: boolean;
  /** "203.0.113.10:80", or the private VIP when there is no floating IP. */
  target: string;
  reason: { code: LoadBalancerReachabilityCode; message: string };
  listener: { id: string; name: string } | null;
  /** Each member of the listener's pool: does the load balancer's traffic reach it? */
  members: { name: string; address: string; port: number; operatingStatus: OperatingStatus; reachable: boolean; reason: string }[];
}
