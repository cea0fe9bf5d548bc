import type { InstanceDto } from '@sandcloud/api-schemas';
import type { Translate } from '../../../lib/i18n/i18n.tsx';
import { isInstanceBusy } from '../api/get-instances.ts';
import { createImageDisabledReason } from '../../images/index.ts';

/** "BUILD", or "ACTIVE, powering-off" while a task runs. */
const busyLabel = (instance: InstanceDto): string => (instance.taskState ? `${instance.status}, ${instance.taskState}` : instance.status);

export type MenuAction =
  | 'rename'
  | 'associate'
  | 'disassociate'
  | 'stop'
  | 'start'
  | 'reboot'
  | 'hard-reboot'
  | 'resize'
  | 'rebuild'
  | 'create-image'
  | 'change-security-groups'
  | 'delete';

/**
 * Why an action is unavailable for this instance now (undefined when it is available). The API
 * enforces the same: power actions follow `allowedActions`, changes need write access.
 */
export function actionDisabledReason(instance: InstanceDto, action: MenuAction, canWrite: boolean, t: Translate): string | undefined {
  if (!canWrite) return t('common.viewerReadOnly');
  switch (action) {
    case 'stop':
    case 'start':
    case 'reboot':
    case 'hard-reboot':
    case 'resize':
    case 'rebuild':
    case 'delete':
      if (instance.locked) return t('instances.reason.locked');
      if (instance.allowedActions.includes(action)) return undefined;
      return isInstanceBusy(instance) ? t('instances.reason.busy', { status: busyLabel(instance) }) : t('instances.reason.notAllowed', { status: instance.status });
    case 'associate':
      if (instance.floatingIp) return t('instances.reason.hasFloatingIp', { ip: instance.floatingIp });
      if (!instance.portId || !instance.privateIp) return t('instances.reason.noPort');
      return undefined;
    case 'disassociate':
      return instance.floatingIpId ? undefined : t('instances.reason.noFloatingIp');
    case 'create-image':
      return createImageDisabledReason(instance, canWrite, t);
    case 'rename':
      if (instance.allowedActions.includes('update')) return undefined;
      return isInstanceBusy(instance) ? t('instances.reason.busy', { status: busyLabel(instance) }) : t('instances.reason.notAllowed', { status: instance.status });
    case 'change-security-groups':
      if (instance.allowedActions.includes('change_security_groups')) return undefined;
      return isInstanceBusy(instance) ? t('instances.reason.busy', { status: busyLabel(instance) }) : t('instances.reason.notAllowed', { status: instance.status });
  }
}
