import type { Translation } from '../../../lib/i18n/define-messages.ts';
import type { messages as ko } from './ko.ts';

/** In English: exactly the Korean table's keys (the type checker holds it to them). */
export const messages = {
  'quotas.title': 'Quota usage',
  'quotas.edit': 'Change quotas',
  'quotas.editTitle': 'Change project quotas',
  'quotas.editDefaults': 'Default quotas',
  'quotas.defaultsTitle': 'Change default quotas (every project without its own limit)',
  'quotas.adminOnly': 'Only administrators can change quotas',
  'quotas.inUse': 'In use: {used}',
  'quotas.saved': 'Quotas changed',
  'quotas.error.wholeNumber': 'Enter a whole number, 0 or more',
  'quotas.error.belowUsage': 'Cannot be below what is in use ({used})',
  'quotas.name.instances': 'Instances',
  'quotas.name.vcpus': 'vCPUs',
  'quotas.name.ramMb': 'RAM',
  'quotas.name.floatingIps': 'Floating IPs',
  'quotas.name.securityGroups': 'Security groups',
  'quotas.name.securityGroupRules': 'Security group rules',
  'quotas.name.keyPairs': 'Key pairs',
  'quotas.name.volumes': 'Block storage volumes',
  'quotas.name.volumeGb': 'Block storage size',
  'quotas.name.volumeSnapshots': 'Block storage snapshots',
  'quotas.name.loadBalancers': 'Load balancers',
  'quotas.name.networks': 'VPCs',
} satisfies Translation<typeof ko>;
