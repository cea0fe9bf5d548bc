import {
  cookieNameSchema,
  expectedCodesProblem,
  loadBalancerNameSchema,
  urlPathSchema,
  type AddListenerRequest,
  type CreateLoadBalancerRequest,
  type HealthMonitorDto,
  type LoadBalancerDto,
  type UpdateHealthMonitorRequest,
} from '@sandcloud/api-schemas';
import {
  COOKIE_PERSISTENCE_PROTOCOLS,
  LB_DEFAULTS,
  LB_LIMITS,
  type HealthHttpMethod,
  type HealthMonitorType,
  type LbAlgorithm,
  type ListenerProtocol,
  type SessionPersistenceType,
} from '@sandcloud/domain';
import type { MessageKey } from '../../../../lib/i18n/catalog.ts';
import type { Translate } from '../../../../lib/i18n/i18n.tsx';

/** The wizard's steps; adding a listener to an existing load balancer skips the definition. */
export const STEPS = ['definition', 'listener', 'instances', 'health', 'connection'] as const;
export type Step = (typeof STEPS)[number];
export const LISTENER_STEPS: readonly Step[] = ['listener', 'instances', 'health', 'connection'];

export const STEP_LABELS: Record<Step, MessageKey> = {
  definition: 'lb.step.definition',
  listener: 'lb.step.listener',
  instances: 'lb.step.instances',
  health: 'lb.step.health',
  connection: 'lb.step.connection',
};

export interface MemberChoice {
  instanceId: string;
  weight: string;
  /** Remembered from the search result it was picked from (the picker shows one page of matches). */
  name?: string;
  privateIp?: string | null;
}

/** The health check fields, shared by the wizard and the Health check tab; numbers stay text until validated. */
export interface HealthForm {
  healthType: HealthMonitorType;
  monitorPort: string;
  delaySeconds: string;
  timeoutSeconds: string;
  maxRetries: string;
  httpMethod: HealthHttpMethod;
  urlPath: string;
  expectedCodes: string;
}

export interface WizardForm extends HealthForm {
  name: string;
  description: string;
  /** Empty until the user picks one: then the first subnet (Default Network) stands in. */
  subnetId: string;
  lbAlgorithm: LbAlgorithm;
  protocol: ListenerProtocol;
  protocolPort: string;
  memberPort: string;
  certificatePem: string;
  privateKeyPem: string;
  members: MemberChoice[];
  persistence: '' | SessionPersistenceType;
  cookieName: string;
  connectionLimit: string;
  keepAliveTimeoutSeconds: string;
}

export type WizardField = keyof WizardForm;
export type WizardErrors = Partial<Record<WizardField, string>>;

export const initialHealthForm = (): HealthForm => ({
  healthType: 'TCP',
  monitorPort: '',
  delaySeconds: String(LB_DEFAULTS.delaySeconds),
  timeoutSeconds: String(LB_DEFAULTS.timeoutSeconds),
  maxRetries: String(LB_DEFAULTS.maxRetries),
  httpMethod: LB_DEFAULTS.httpMethod,
  urlPath: LB_DEFAULTS.urlPath,
  expectedCodes: LB_DEFAULTS.expectedCodes,
});

export const initialForm = (members: MemberChoice[] = []): WizardForm => ({
  name: '',
  description: '',
  subnetId: '',
  lbAlgorithm: 'ROUND_ROBIN',
  protocol: 'HTTP',
  protocolPort: '',
  memberPort: '',
  certificatePem: '',
  privateKeyPem: '',
  members,
  ...initialHealthForm(),
  persistence: '',
  cookieName: '',
  connectionLimit: String(LB_DEFAULTS.connectionLimit),
  keepAliveTimeoutSeconds: String(LB_DEFAULTS.keepAliveTimeoutSeconds),
});

export const healthFormOf = (monitor: HealthMonitorDto | null): HealthForm =>
  monitor
    ? {
        healthType: monitor.type,
        monitorPort: String(monitor.monitorPort),
        delaySeconds: String(monitor.delaySeconds),
        timeoutSeconds: String(monitor.timeoutSeconds),
        maxRetries: String(monitor.maxRetries),
        httpMethod: monitor.httpMethod ?? LB_DEFAULTS.httpMethod,
        urlPath: monitor.urlPath ?? LB_DEFAULTS.urlPath,
        expectedCodes: monitor.expectedCodes ?? LB_DEFAULTS.expectedCodes,
      }
    : initialHealthForm();

/** The step each field is entered on, to send the user back to a field the server refused. */
export const STEP_OF_FIELD: Record<WizardField, Step> = {
  name: 'definition',
  description: 'definition',
  subnetId: 'definition',
  lbAlgorithm: 'listener',
  protocol: 'listener',
  protocolPort: 'listener',
  memberPort: 'listener',
  certificatePem: 'listener',
  privateKeyPem: 'listener',
  members: 'instances',
  healthType: 'health',
  monitorPort: 'health',
  delaySeconds: 'health',
  timeoutSeconds: 'health',
  maxRetries: 'health',
  httpMethod: 'health',
  urlPath: 'health',
  expectedCodes: 'health',
  persistence: 'connection',
  cookieName: 'connection',
  connectionLimit: 'connection',
  keepAliveTimeoutSeconds: 'connection',
};

/** The API's field path (`pool.healthMonitor.timeoutSeconds`) → the form field it came from. */
export function formFieldOf(apiField: string | undefined): WizardField | undefined {
  if (!apiField) return undefined;
  if (apiField.startsWith('pool.members')) return 'members';
  if (apiField.startsWith('listener.tls')) return apiField.endsWith('privateKeyPem') ? 'privateKeyPem' : 'certificatePem';
  if (apiField.startsWith('pool.sessionPersistence') || apiField.startsWith('sessionPersistence')) return apiField.endsWith('cookieName') ? 'cookieName' : 'persistence';
  if (apiField.startsWith('listener.allowedCidrs')) return undefined;
  const last = apiField.split('.').pop() ?? '';
  if (last === 'type' && apiField.includes('healthMonitor')) return 'healthType';
  return last in STEP_OF_FIELD ? (last as WizardField) : undefined;
}

const wholeNumber = (text: string): number | null => (/^\s*\d+\s*$/.test(text) ? Number(text) : null);
const inRange = (text: string, min: number, max: number) => {
  const value = wholeNumber(text);
  return value !== null && value >= min && value <= max;
};

export const isHttpCheck = (type: HealthMonitorType) => type !== 'TCP';

export function validateHealth(form: HealthForm, t: Translate): WizardErrors {
  const errors: WizardErrors = {};
  if (!inRange(form.monitorPort, 1, 65535)) errors.monitorPort = t('lb.error.port', { field: t('lb.field.healthPort') });
  const { delaySeconds: delay, timeoutSeconds: timeout, maxRetries: retries } = LB_LIMITS;
  if (!inRange(form.delaySeconds, delay.min, delay.max)) errors.delaySeconds = t('lb.error.range', { field: t('lb.field.interval'), min: delay.min, max: delay.max });
  if (!inRange(form.timeoutSeconds, timeout.min, timeout.max)) {
    errors.timeoutSeconds = t('lb.error.range', { field: t('lb.field.timeout'), min: timeout.min, max: timeout.max });
  } else if (!errors.delaySeconds && Number(form.timeoutSeconds) > Number(form.delaySeconds)) {
    errors.timeoutSeconds = t('lb.error.timeoutAboveInterval');
  }
  if (!inRange(form.maxRetries, retries.min, retries.max)) errors.maxRetries = t('lb.error.range', { field: t('lb.field.maxRetries'), min: retries.min, max: retries.max });
  if (isHttpCheck(form.healthType)) {
    if (!urlPathSchema.safeParse(form.urlPath).success) errors.urlPath = t('lb.error.urlPath');
    if (expectedCodesProblem(form.expectedCodes)) errors.expectedCodes = t('lb.error.expectedCodes');
  }
  return errors;
}

const looksLikePem = (text: string, label: RegExp) => label.test(text);

/** The problems of one step's fields (an empty object when the step may be left). */
export function validateStep(step: Step, form: WizardForm, effectiveSubnetId: string, t: Translate): WizardErrors {
  const errors: WizardErrors = {};
  if (step === 'definition') {
    const name = form.name.trim();
    if (!name) errors.name = t('lb.error.name');
    else if (!loadBalancerNameSchema.safeParse(name).success) errors.name = t('lb.error.nameInvalid');
    if (form.description.length > 255) errors.description = t('lb.error.description');
    if (!effectiveSubnetId) errors.subnetId = t('lb.error.subnet');
  }
  if (step === 'listener') {
    if (!inRange(form.protocolPort, 1, 65535)) errors.protocolPort = t('lb.error.port', { field: t('lb.field.lbPort') });
    if (!inRange(form.memberPort, 1, 65535)) errors.memberPort = t('lb.error.port', { field: t('lb.field.instancePort') });
    if (form.protocol === 'TERMINATED_HTTPS') {
      if (!looksLikePem(form.certificatePem, /-----BEGIN CERTIFICATE-----/)) errors.certificatePem = t('lb.error.certificate');
      if (!looksLikePem(form.privateKeyPem, /-----BEGIN [A-Z ]*PRIVATE KEY-----/)) errors.privateKeyPem = t('lb.error.privateKey');
    }
  }
  if (step === 'instances') {
    if (form.members.length === 0) errors.members = t('lb.error.members');
    else if (form.members.some((member) => !inRange(member.weight, LB_LIMITS.weight.min, LB_LIMITS.weight.max))) {
      errors.members = t('lb.error.weight', { min: LB_LIMITS.weight.min, max: LB_LIMITS.weight.max });
    }
  }
  if (step === 'health') Object.assign(errors, validateHealth(form, t));
  if (step === 'connection') {
    if (form.persistence === 'APP_COOKIE' && !cookieNameSchema.safeParse(form.cookieName).success) errors.cookieName = t('lb.error.cookieName');
    if ((form.persistence === 'HTTP_COOKIE' || form.persistence === 'APP_COOKIE') && !COOKIE_PERSISTENCE_PROTOCOLS.includes(form.protocol)) {
      errors.persistence = t('lb.error.cookieNeedsHttp', { protocol: form.protocol });
    }
    const { connectionLimit, keepAliveTimeoutSeconds } = LB_LIMITS;
    if (!inRange(form.connectionLimit, connectionLimit.min, connectionLimit.max)) {
      errors.connectionLimit = t('lb.error.range', { field: t('lb.field.connectionLimit'), min: connectionLimit.min, max: connectionLimit.max });
    }
    if (!inRange(form.keepAliveTimeoutSeconds, keepAliveTimeoutSeconds.min, keepAliveTimeoutSeconds.max)) {
      errors.keepAliveTimeoutSeconds = t('lb.error.range', { field: t('lb.field.keepAlive'), min: keepAliveTimeoutSeconds.min, max: keepAliveTimeoutSeconds.max });
    }
  }
  return errors;
}

export const toHealthMonitorRequest = (form: HealthForm): UpdateHealthMonitorRequest => ({
  type: form.healthType,
  monitorPort: Number(form.monitorPort),
  delaySeconds: Number(form.delaySeconds),
  timeoutSeconds: Number(form.timeoutSeconds),
  maxRetries: Number(form.maxRetries),
  ...(isHttpCheck(form.healthType) ? { httpMethod: form.httpMethod, urlPath: form.urlPath.trim(), expectedCodes: form.expectedCodes.trim() } : {}),
});

/** The listener and its pool, as both the wizard and "add listener" send them. */
export const toListenerRequest = (form: WizardForm): AddListenerRequest => ({
  listener: {
    protocol: form.protocol,
    protocolPort: Number(form.protocolPort),
    connectionLimit: Number(form.connectionLimit),
    keepAliveTimeoutSeconds: Number(form.keepAliveTimeoutSeconds),
    ...(form.protocol === 'TERMINATED_HTTPS' ? { tls: { certificatePem: form.certificatePem, privateKeyPem: form.privateKeyPem } } : {}),
  },
  pool: {
    lbAlgorithm: form.lbAlgorithm,
    memberPort: Number(form.memberPort),
    sessionPersistence: form.persistence ? { type: form.persistence, cookieName: form.persistence === 'APP_COOKIE' ? form.cookieName.trim() : null } : null,
    members: form.members.map((member) => ({ instanceId: member.instanceId, weight: Number(member.weight) })),
    healthMonitor: toHealthMonitorRequest(form),
  },
});

export const toCreateRequest = (form: WizardForm, subnetId: string): CreateLoadBalancerRequest => ({
  name: form.name.trim(),
  description: form.description.trim(),
  subnetId,
  ...toListenerRequest(form),
});

/** A new listener starts with the instances of the load balancer's first listener. */
export const membersOf = (lb: LoadBalancerDto | undefined): MemberChoice[] =>
  (lb?.listeners[0]?.pool.members ?? []).map((member) => ({ instanceId: member.instanceId, weight: String(member.weight) }));
