import { describe, expect, it } from 'vitest';
import { coreCatalog, type MessageKey } from '../../../../lib/i18n/catalog.ts';
import type { Translate } from '../../../../lib/i18n/i18n.tsx';
import { messages as loadBalancersEn } from '../../messages/en.ts';
import { formFieldOf, initialForm, STEP_OF_FIELD, toCreateRequest, validateStep, type WizardForm } from './wizard-form.ts';

// The load balancer wizard's step checks: each step names the problems of its own fields, with the
// messages shown beside them, before anything is sent; a field the server refuses sends the user
// back to the step it was entered on.

// The English messages the wizard's checks use: the shared ones and the load balancers'.
const catalog = { en: { ...coreCatalog.en, ...loadBalancersEn } as Record<MessageKey, string> };
const t: Translate = (key, params) => catalog.en[key].replace(/\{(\w+)\}/g, (match, name: string) => (params && name in params ? String(params[name]) : match));

/** A form that passes every step: the guide's HTTP load balancer on port 80 with two instances. */
const form = (overrides: Partial<WizardForm> = {}): WizardForm => ({
  ...initialForm([
    { instanceId: 'web-1', weight: '1' },
    { instanceId: 'web-2', weight: '1' },
  ]),
  name: 'web-lb',
  protocolPort: '80',
  memberPort: '80',
  monitorPort: '80',
  ...overrides,
});

const PEM_CERT = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----';
const PEM_KEY = '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----';

describe('load balancer wizard step validation', () => {
  it('a complete form passes every step', () => {
    for (const step of ['definition', 'listener', 'instances', 'health', 'connection'] as const) {
      expect(validateStep(step, form(), 'subnet-1', t), step).toEqual({});
    }
  });

  it('definition: a valid name, a description of at most 255 characters, and a subnet', () => {
    expect(validateStep('definition', form({ name: '  ' }), 'subnet-1', t)).toEqual({ name: catalog.en['lb.error.name'] });
    expect(validateStep('definition', form({ name: '-lb' }), 'subnet-1', t)).toEqual({ name: catalog.en['lb.error.nameInvalid'] });
    expect(validateStep('definition', form({ description: 'x'.repeat(256) }), 'subnet-1', t)).toEqual({ description: catalog.en['lb.error.description'] });
    expect(validateStep('definition', form({ description: 'x'.repeat(255) }), 'subnet-1', t)).toEqual({});
    expect(validateStep('definition', form(), '', t)).toEqual({ subnetId: catalog.en['lb.error.subnet'] });
  });

  it('listener: both ports are whole numbers from 1 to 65535; TERMINATED_HTTPS needs a PEM certificate and key', () => {
    expect(validateStep('listener', form({ protocolPort: '0', memberPort: '65536' }), 'subnet-1', t)).toEqual({
      protocolPort: t('lb.error.port', { field: t('lb.field.lbPort') }),
      memberPort: t('lb.error.port', { field: t('lb.field.instancePort') }),
    });
    expect(validateStep('listener', form({ protocolPort: '8.5' }), 'subnet-1', t)).toHaveProperty('protocolPort');
    expect(validateStep('listener', form({ protocol: 'TERMINATED_HTTPS', protocolPort: '443' }), 'subnet-1', t)).toEqual({
      certificatePem: catalog.en['lb.error.certificate'],
      privateKeyPem: catalog.en['lb.error.privateKey'],
    });
    expect(validateStep('listener', form({ protocol: 'TERMINATED_HTTPS', protocolPort: '443', certificatePem: PEM_CERT, privateKeyPem: PEM_KEY }), 'subnet-1', t)).toEqual({});
  });

  it('instances: at least one, each weight from 0 to 256', () => {
    expect(validateStep('instances', form({ members: [] }), 'subnet-1', t)).toEqual({ members: catalog.en['lb.error.members'] });
    expect(validateStep('instances', form({ members: [{ instanceId: 'web-1', weight: '257' }] }), 'subnet-1', t)).toEqual({ members: t('lb.error.weight', { min: 0, max: 256 }) });
    expect(validateStep('instances', form({ members: [{ instanceId: 'web-1', weight: '0' }] }), 'subnet-1', t)).toEqual({});
  });

  it('health: port, interval, timeout not above the interval, retries; HTTP checks need a path and expected codes', () => {
    expect(validateStep('health', form({ monitorPort: '' }), 'subnet-1', t)).toEqual({ monitorPort: t('lb.error.port', { field: t('lb.field.healthPort') }) });
    expect(validateStep('health', form({ delaySeconds: '5', timeoutSeconds: '6' }), 'subnet-1', t)).toEqual({ timeoutSeconds: catalog.en['lb.error.timeoutAboveInterval'] });
    expect(validateStep('health', form({ maxRetries: '11' }), 'subnet-1', t)).toEqual({ maxRetries: t('lb.error.range', { field: t('lb.field.maxRetries'), min: 1, max: 10 }) });
    // A TCP check has no path or codes to check; an HTTP check does.
    expect(validateStep('health', form({ healthType: 'TCP', urlPath: 'health', expectedCodes: 'ok' }), 'subnet-1', t)).toEqual({});
    expect(validateStep('health', form({ healthType: 'HTTP', urlPath: 'health', expectedCodes: '200-' }), 'subnet-1', t)).toEqual({
      urlPath: catalog.en['lb.error.urlPath'],
      expectedCodes: catalog.en['lb.error.expectedCodes'],
    });
    expect(validateStep('health', form({ healthType: 'HTTP', urlPath: '/health', expectedCodes: '200-204' }), 'subnet-1', t)).toEqual({});
  });

  it('connection: cookie persistence needs an HTTP listener and, for APP_COOKIE, a cookie name; limits in range', () => {
    expect(validateStep('connection', form({ persistence: 'APP_COOKIE', cookieName: 'a b' }), 'subnet-1', t)).toEqual({ cookieName: catalog.en['lb.error.cookieName'] });
    expect(validateStep('connection', form({ protocol: 'TCP', persistence: 'HTTP_COOKIE' }), 'subnet-1', t)).toEqual({ persistence: t('lb.error.cookieNeedsHttp', { protocol: 'TCP' }) });
    expect(validateStep('connection', form({ protocol: 'TCP', persistence: 'SOURCE_IP' }), 'subnet-1', t)).toEqual({});
    expect(validateStep('connection', form({ connectionLimit: '0', keepAliveTimeoutSeconds: '3601' }), 'subnet-1', t)).toEqual({
      connectionLimit: t('lb.error.range', { field: t('lb.field.connectionLimit'), min: 1, max: 100_000 }),
      keepAliveTimeoutSeconds: t('lb.error.range', { field: t('lb.field.keepAlive'), min: 1, max: 3600 }),
    });
  });

  it("maps the server's field paths back to the form field and the step it is entered on", () => {
    expect(formFieldOf('pool.healthMonitor.timeoutSeconds')).toBe('timeoutSeconds');
    expect(formFieldOf('pool.healthMonitor.type')).toBe('healthType');
    expect(formFieldOf('pool.members.1.weight')).toBe('members');
    expect(formFieldOf('listener.tls.privateKeyPem')).toBe('privateKeyPem');
    expect(formFieldOf('pool.sessionPersistence.cookieName')).toBe('cookieName');
    expect(formFieldOf('listener.allowedCidrs.0')).toBeUndefined();
    expect(formFieldOf('somethingElse')).toBeUndefined();
    expect(STEP_OF_FIELD[formFieldOf('listener.protocolPort') ?? 'name']).toBe('listener');
  });

  it('the request carries trimmed text, numbers, the members with weights, and HTTP check fields only for HTTP checks', () => {
    const request = toCreateRequest(form({ name: ' web-lb ', healthType: 'HTTP', urlPath: ' /health ' }), 'subnet-1');
    expect(request).toMatchObject({
      name: 'web-lb',
      subnetId: 'subnet-1',
      listener: { protocol: 'HTTP', protocolPort: 80 },
      pool: { lbAlgorithm: 'ROUND_ROBIN', memberPort: 80, members: [{ instanceId: 'web-1', weight: 1 }, { instanceId: 'web-2', weight: 1 }], healthMonitor: { type: 'HTTP', urlPath: '/health' } },
    });
    expect(request.listener).not.toHaveProperty('tls');
    expect(toCreateRequest(form(), 'subnet-1').pool.healthMonitor).not.toHaveProperty('urlPath');
  });
});
