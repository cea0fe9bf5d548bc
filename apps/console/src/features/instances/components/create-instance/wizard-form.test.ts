import type { FlavorDto, ImageDto, QuotasDto } from '@sandcloud/api-schemas';
import { describe, expect, it } from 'vitest';
import { coreCatalog, type MessageKey } from '../../../../lib/i18n/catalog.ts';
import type { Translate } from '../../../../lib/i18n/i18n.tsx';
import { messages as networkEn } from '../../../network/messages/en.ts';
import { messages as instancesEn } from '../../messages/en.ts';
import { toRequest, validateStep, type WizardContext, type WizardForm } from './wizard-form.ts';

// The launch wizard's step checks: each step names the problems of its own fields, with the
// messages shown beside them, before anything is sent.

// The English messages the wizard's checks use: the shared ones, the instances' and the network's.
const catalog = { en: { ...coreCatalog.en, ...instancesEn, ...networkEn } as Record<MessageKey, string> };
const t: Translate = (key, params) => catalog.en[key].replace(/\{(\w+)\}/g, (match, name: string) => (params && name in params ? String(params[name]) : match));

const image = { id: 'img', name: 'Ubuntu', minDiskGb: 20, minRamMb: 2048, status: 'active' } as ImageDto;
const flavor = { id: 'm2.c1m2', name: 'm2.c1m2', vcpus: 1, ramMb: 2048, maxRootDiskGb: 1024 } as FlavorDto;
const small = { id: 't2.c1m1', name: 't2.c1m1', vcpus: 1, ramMb: 1024, maxRootDiskGb: 1024 } as FlavorDto;
const quotas = (vcpusUsed = 0) => ({ instances: { limit: 10, used: 0 }, vcpus: { limit: 20, used: vcpusUsed }, ramMb: { limit: 51_200, used: 0 } }) as QuotasDto;

const form = (overrides: Partial<WizardForm> = {}): WizardForm => ({
  imageTab: 'public',
  imageId: 'img',
  name: 'web',
  zone: 'kr-pub-a',
  flavorId: 'm2.c1m2',
  rootDiskGb: '20',
  count: '1',
  keyName: 'key',
  securityGroupIds: null,
  networkId: '',
  subnetId: '',
  fixedIp: '',
  extraNetworks: [],
  userData: '',
  ...overrides,
});
const effective = { securityGroupIds: ['sg'], networkId: 'net' };
const context = (overrides: Partial<WizardContext> = {}): WizardContext => ({ image, flavor, quotas: quotas(), ...overrides });

describe('launch wizard step validation', () => {
  it('image: an image must be chosen', () => {
    expect(validateStep('image', form({ imageId: '' }), effective, context({ image: undefined }), t)).toEqual({ imageId: catalog.en['instanceWizard.error.image'] });
    expect(validateStep('image', form(), effective, context(), t)).toEqual({});
  });

  it('details: name, flavor RAM against the image, root disk bounds, count and quota', () => {
    expect(validateStep('details', form(), effective, context(), t)).toEqual({});
    expect(validateStep('details', form({ name: '  ' }), effective, context(), t).name).toBe(catalog.en['instanceWizard.error.name']);
    expect(validateStep('details', form({ name: 'bad name!' }), effective, context(), t).name).toBe(catalog.en['instanceWizard.error.nameInvalid']);
    expect(validateStep('details', form({ name: 'a'.repeat(64) }), effective, context(), t).name).toBe(catalog.en['instanceWizard.error.nameTooLong']);
    expect(validateStep('details', form(), effective, context({ flavor: small }), t).flavorId).toBe(t('instanceWizard.error.flavorRam', { ram: '2 GB' }));
    expect(validateStep('details', form(), effective, context({ flavor: undefined }), t).flavorId).toBe(catalog.en['instanceWizard.error.flavor']);
    expect(validateStep('details', form({ rootDiskGb: '19' }), effective, context(), t).rootDiskGb).toBe(t('instanceWizard.error.rootDisk', { min: 20, max: 1024 }));
    expect(validateStep('details', form({ rootDiskGb: '2.5' }), effective, context(), t).rootDiskGb).toBe(t('instanceWizard.error.rootDisk', { min: 20, max: 1024 }));
    expect(validateStep('details', form({ count: '11' }), effective, context(), t).count).toBe(t('instanceWizard.error.count', { max: 10 }));
    expect(validateStep('details', form({ count: '2' }), effective, context({ quotas: quotas(19) }), t).count).toBe(t('instanceWizard.error.quota.vcpus', { limit: 20, need: 2, left: 1 }));
  });

  it('access: a key pair, at least one security group, user data of at most 64 KiB counted in UTF-8 bytes', () => {
    expect(validateStep('access', form(), effective, context(), t)).toEqual({});
    expect(validateStep('access', form({ keyName: '' }), { ...effective, securityGroupIds: [] }, context(), t)).toEqual({
      keyName: catalog.en['instanceWizard.error.keyPair'],
      securityGroupIds: catalog.en['instanceWizard.error.securityGroups'],
    });
    const tooLarge = t('instanceWizard.error.userDataTooLarge', { max: 64 });
    expect(validateStep('access', form({ userData: 'x'.repeat(64 * 1024) }), effective, context(), t)).toEqual({});
    expect(validateStep('access', form({ userData: 'x'.repeat(64 * 1024 + 1) }), effective, context(), t).userData).toBe(tooLarge);
    // 22,000 Hangul characters are 66,000 bytes: over the limit although under 64 Ki characters.
    expect(validateStep('access', form({ userData: '가'.repeat(22_000) }), effective, context(), t).userData).toBe(tooLarge);
  });

  it('network: a network must be chosen', () => {
    expect(validateStep('network', form(), { ...effective, networkId: '' }, context(), t)).toEqual({ networkId: catalog.en['instanceWizard.error.network'] });
  });

  it('network: each added interface needs a subnet, and fixed IPs must be IPv4 (checked for one instance only)', () => {
    const extra = (subnetId: string, fixedIp = '') => ({ networkId: subnetId ? 'vpc-b' : '', subnetId, fixedIp });
    expect(validateStep('network', form({ fixedIp: '10.20.1.10', extraNetworks: [extra('sub-b', '10.20.2.10')] }), effective, context(), t)).toEqual({});
    expect(validateStep('network', form({ extraNetworks: [extra('sub-b'), extra('')] }), effective, context(), t)).toEqual({ extraNetworks: 'Choose a subnet for interface 3' });
    expect(validateStep('network', form({ fixedIp: '10.20.1' }), effective, context(), t)).toEqual({ fixedIp: '10.20.1 is not an IPv4 address' });
    expect(validateStep('network', form({ extraNetworks: [extra('sub-b', 'x')] }), effective, context(), t)).toEqual({ extraNetworks: 'x is not an IPv4 address' });
    expect(validateStep('network', form({ count: '2', fixedIp: 'x', extraNetworks: [extra('sub-b', 'x')] }), effective, context(), t)).toEqual({});
  });

  it('the request carries the extra interfaces as extraNetworks, with fixed IPs only for one instance', () => {
    const extraNetworks = [{ networkId: 'vpc-b', subnetId: 'sub-b', fixedIp: ' 10.20.2.10 ' }];
    expect(toRequest(form({ subnetId: 'sub-a', fixedIp: '10.20.1.10', extraNetworks }), effective)).toMatchObject({
      networkId: 'net',
      subnetId: 'sub-a',
      fixedIp: '10.20.1.10',
      extraNetworks: [{ networkId: 'vpc-b', subnetId: 'sub-b', fixedIp: '10.20.2.10' }],
    });
    const several = toRequest(form({ count: '2', fixedIp: '10.20.1.10', extraNetworks }), effective);
    expect(several).not.toHaveProperty('fixedIp');
    expect(several.extraNetworks).toEqual([{ networkId: 'vpc-b', subnetId: 'sub-b' }]);
    expect(toRequest(form(), effective)).not.toHaveProperty('extraNetworks');
  });

  it('the request carries user data only when there is some', () => {
    expect(toRequest(form({ userData: '   \n' }), effective)).not.toHaveProperty('userData');
    expect(toRequest(form({ userData: '#cloud-config\npackages: [nginx]\n' }), effective)).toMatchObject({ userData: '#cloud-config\npackages: [nginx]\n', count: 1, rootDiskGb: 20 });
  });
});
