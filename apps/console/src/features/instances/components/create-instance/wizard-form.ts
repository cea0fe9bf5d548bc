import {
  resourceNameSchema,
  type CreateInstanceRequest,
  type FlavorDto,
  type ImageDto,
  type QuotasDto,
} from '@sandcloud/api-schemas';
import { INSTANCE_NAME_MAX_LENGTH, ipFamily, MAX_INSTANCE_COUNT, MAX_ROOT_DISK_GB, USER_DATA_MAX_BYTES, userDataTooLarge, type Zone } from '@sandcloud/domain';
import type { Translate } from '../../../../lib/i18n/i18n.tsx';
import type { MessageKey } from '../../../../lib/i18n/catalog.ts';
import { formatRam } from '../format.ts';

export const STEPS = ['image', 'details', 'access', 'network', 'summary'] as const;
export type Step = (typeof STEPS)[number];

export const STEP_LABELS: Record<Step, MessageKey> = {
  image: 'instanceWizard.step.image',
  details: 'instanceWizard.step.details',
  access: 'instanceWizard.step.access',
  network: 'instanceWizard.step.network',
  summary: 'instanceWizard.step.summary',
};

/** What the user typed or picked; numbers stay text until validated. */
export interface WizardForm {
  imageTab: ImageDto['visibility'];
  imageId: string;
  name: string;
  zone: Zone;
  flavorId: string;
  rootDiskGb: string;
  count: string;
  keyName: string;
  /** null until the user touches the checkboxes: then `default` stands in. */
  securityGroupIds: string[] | null;
  /** Empty until the user picks one: then the first (Default Network) stands in. */
  networkId: string;
  /** The subnet of the network (`?subnetId=` from the topology or the subnet list); its first when empty. */
  subnetId: string;
  /** The first interface's fixed IP (one instance only); empty for the lowest free address. */
  fixedIp: string;
  /** "네트워크 인터페이스 추가": more interfaces, each on a subnet of any VPC of the project. */
  extraNetworks: WizardInterface[];
  /** A cloud-init script (typed or read from a file); empty for none. */
  userData: string;
}

/** One more interface as the wizard holds it ('' until chosen or typed). */
export interface WizardInterface {
  networkId: string;
  subnetId: string;
  fixedIp: string;
}

/** At most this many interfaces besides the first (the API's limit: 5 in all). */
export const MAX_EXTRA_INTERFACES = 4;

export type WizardField = keyof CreateInstanceRequest;
export type WizardErrors = Partial<Record<WizardField, string>>;

/** The step each request field is entered on, to send the user back to a field the server refused. */
export const STEP_OF_FIELD: Record<WizardField, Step> = {
  imageId: 'image',
  name: 'details',
  zone: 'details',
  flavorId: 'details',
  rootDiskGb: 'details',
  count: 'details',
  keyName: 'access',
  securityGroupIds: 'access',
  userData: 'access',
  networkId: 'network',
  subnetId: 'network',
  fixedIp: 'network',
  extraNetworks: 'network',
};

export interface WizardContext {
  image: ImageDto | undefined;
  flavor: FlavorDto | undefined;
  quotas: QuotasDto | undefined;
}

const wholeNumber = (text: string): number | null => (/^\s*\d+\s*$/.test(text) ? Number(text) : null);

export const rootDiskBounds = (context: WizardContext) => ({
  min: Math.max(1, context.image?.minDiskGb ?? 1),
  max: Math.min(MAX_ROOT_DISK_GB, context.flavor?.maxRootDiskGb ?? MAX_ROOT_DISK_GB),
});

export interface QuotaNeed {
  key: 'instances' | 'vcpus' | 'ramMb';
  need: number;
  left: number;
  limit: number;
}

/** What this request would take from each quota it touches, and what is left. */
export function quotaNeeds(count: number, flavor: FlavorDto | undefined, quotas: QuotasDto | undefined): QuotaNeed[] {
  if (!quotas) return [];
  const left = (usage: { limit: number; used: number }) => Math.max(0, usage.limit - usage.used);
  return [
    { key: 'instances', need: count, left: left(quotas.instances), limit: quotas.instances.limit },
    { key: 'vcpus', need: count * (flavor?.vcpus ?? 0), left: left(quotas.vcpus), limit: quotas.vcpus.limit },
    { key: 'ramMb', need: count * (flavor?.ramMb ?? 0), left: left(quotas.ramMb), limit: quotas.ramMb.limit },
  ];
}

/** The problems of one step's fields (an empty object when the step may be left). */
export function validateStep(step: Step, form: WizardForm, effective: { securityGroupIds: string[]; networkId: string }, context: WizardContext, t: Translate): WizardErrors {
  const errors: WizardErrors = {};
  if (step === 'image') {
    if (!form.imageId || !context.image) errors.imageId = t('instanceWizard.error.image');
  }
  if (step === 'details') {
    const name = form.name.trim();
    if (!name) errors.name = t('instanceWizard.error.name');
    else if (name.length > INSTANCE_NAME_MAX_LENGTH) errors.name = t('instanceWizard.error.nameTooLong');
    else if (!resourceNameSchema.safeParse(name).success) errors.name = t('instanceWizard.error.nameInvalid');

    if (!context.flavor) errors.flavorId = t('instanceWizard.error.flavor');
    else if (context.image && context.flavor.ramMb < context.image.minRamMb) errors.flavorId = t('instanceWizard.error.flavorRam', { ram: formatRam(context.image.minRamMb) });

    const disk = wholeNumber(form.rootDiskGb);
    const bounds = rootDiskBounds(context);
    if (disk === null || disk < bounds.min || disk > bounds.max) errors.rootDiskGb = t('instanceWizard.error.rootDisk', bounds);

    const count = wholeNumber(form.count);
    if (count === null || count < 1 || count > MAX_INSTANCE_COUNT) errors.count = t('instanceWizard.error.count', { max: MAX_INSTANCE_COUNT });
    else {
      const exceeded = quotaNeeds(count, context.flavor, context.quotas).find((need) => need.need > need.left);
      const show = (value: number) => (exceeded?.key === 'ramMb' ? formatRam(value) : value);
      if (exceeded) errors.count = t(`instanceWizard.error.quota.${exceeded.key}`, { need: show(exceeded.need), left: show(exceeded.left), limit: show(exceeded.limit) });
    }
  }
  if (step === 'access') {
    if (!form.keyName) errors.keyName = t('instanceWizard.error.keyPair');
    if (effective.securityGroupIds.length === 0) errors.securityGroupIds = t('instanceWizard.error.securityGroups');
    if (userDataTooLarge(form.userData)) errors.userData = t('instanceWizard.error.userDataTooLarge', { max: USER_DATA_MAX_BYTES / 1024 });
  }
  if (step === 'network') {
    if (!effective.networkId) errors.networkId = t('instanceWizard.error.network');
    // Fixed IPs are sent (and checked) only for one instance: the fields are hidden otherwise.
    const single = wholeNumber(form.count) === 1;
    const notIpv4 = (ip: string) => single && ip.trim() !== '' && ipFamily(ip.trim()) !== 'IPv4';
    if (notIpv4(form.fixedIp)) errors.fixedIp = t('interfaces.error.ipv4', { ip: form.fixedIp.trim() });
    form.extraNetworks.forEach((extra, at) => {
      if (errors.extraNetworks) return;
      if (!extra.subnetId) errors.extraNetworks = t('interfaces.error.wizardSubnet', { n: at + 2 });
      else if (notIpv4(extra.fixedIp)) errors.extraNetworks = t('interfaces.error.ipv4', { ip: extra.fixedIp.trim() });
    });
  }
  return errors;
}

/** The extra interfaces as the API takes them; fixed IPs only for one instance. */
const extraNetworksOf = (form: WizardForm): CreateInstanceRequest['extraNetworks'] =>
  form.extraNetworks.map((extra) => ({
    networkId: extra.networkId,
    subnetId: extra.subnetId,
    ...(form.count.trim() === '1' && extra.fixedIp.trim() ? { fixedIp: extra.fixedIp.trim() } : {}),
  }));

/** The request, once every step is valid. */
export const toRequest = (form: WizardForm, effective: { securityGroupIds: string[]; networkId: string }): CreateInstanceRequest => ({
  name: form.name.trim(),
  imageId: form.imageId,
  flavorId: form.flavorId,
  zone: form.zone,
  rootDiskGb: Number(form.rootDiskGb),
  count: Number(form.count),
  keyName: form.keyName,
  securityGroupIds: effective.securityGroupIds,
  networkId: effective.networkId,
  ...(form.subnetId ? { subnetId: form.subnetId } : {}),
  ...(form.count.trim() === '1' && form.fixedIp.trim() ? { fixedIp: form.fixedIp.trim() } : {}),
  ...(form.extraNetworks.length > 0 ? { extraNetworks: extraNetworksOf(form) } : {}),
  ...(form.userData.trim() ? { userData: form.userData } : {}),
});
