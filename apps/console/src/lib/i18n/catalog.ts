import type { Language } from '@sandcloud/api-schemas';
import { blockStorageMessages } from './messages/block-storage.ts';
import { commonMessages } from './messages/common.ts';
import { shellMessages } from './messages/shell.ts';
import { floatingIpMessages } from './messages/floating-ips.ts';
import { flowLogMessages } from './messages/flow-logs.ts';
import { imageMessages } from './messages/images.ts';
import { instanceMessages } from './messages/instances.ts';
import { instanceConsoleMessages } from './messages/instance-console.ts';
import { keyPairMessages } from './messages/key-pairs.ts';
import { loadBalancerMessages } from './messages/load-balancers.ts';
import { networkMessages } from './messages/network.ts';
import { networkTopologyMessages } from './messages/network-topology.ts';
import { vpcMessages } from './messages/vpcs.ts';
import { projectMemberMessages } from './messages/project-members.ts';
import { securityGroupMessages } from './messages/security-groups.ts';
import { userMessages } from './messages/users.ts';
import { authMessages } from './messages/auth.ts';
import { openstackCliMessages } from './messages/openstack-cli.ts';
import { sandboxMessages } from './messages/sandbox.ts';
import { dataTableMessages } from '../../components/data-table/messages.ts';
import { tutorialMessages } from './messages/tutorial.ts';
import { quotaMessages } from './messages/quotas.ts';
import { activityMessages } from './messages/activity.ts';
import { metricsMessages } from './messages/metrics.ts';
import { classroomMessages } from './messages/classroom.ts';

/** Every feature's table, merged. Add a feature's messages here. */
const tables = [commonMessages, shellMessages, instanceMessages, keyPairMessages, securityGroupMessages, floatingIpMessages, networkMessages, networkTopologyMessages, imageMessages, blockStorageMessages, loadBalancerMessages, instanceConsoleMessages, flowLogMessages, userMessages, projectMemberMessages, authMessages, openstackCliMessages, sandboxMessages, dataTableMessages, tutorialMessages, quotaMessages, activityMessages, metricsMessages, classroomMessages, vpcMessages] as const;

type Union<T> = T extends readonly (infer U)[] ? U : never;
type KeysOf<T> = T extends { ko: infer K } ? keyof K : never;
export type MessageKey = KeysOf<Union<typeof tables>> & string;

export const catalog = Object.fromEntries(
  (['ko', 'en'] as const).map((language) => [language, Object.assign({}, ...tables.map((table) => table[language]))]),
) as Record<Language, Record<MessageKey, string>>;
