import type { VolumeDto } from '@sandcloud/api-schemas';
import { VOLUME_ATTACHABLE_INSTANCE_STATUSES, type InstanceStatus, type InstanceTaskState, type VolumeAction } from '@sandcloud/domain';
import type { MessageKey } from '../../../lib/i18n/catalog.ts';
import type { Translate } from '../../../lib/i18n/i18n.tsx';

/** Why a volume action is disabled now (shown as the button's tooltip), or undefined when it is allowed. */
export function volumeActionDisabledReason(volume: VolumeDto | undefined, action: VolumeAction | 'manage', canWrite: boolean, t: Translate): string | undefined {
  if (!canWrite) return t('common.viewerReadOnly');
  if (!volume) return t('blockStorage.selectFirst');
  const status = t(`blockStorage.status.${volume.status}` as MessageKey);
  if (action === 'manage') {
    return volume.allowedActions.includes('attach') || volume.allowedActions.includes('detach') ? undefined : t('blockStorage.reason.busy', { status });
  }
  if (volume.allowedActions.includes(action)) {
    if (action === 'delete' && volume.snapshotCount > 0) return t('blockStorage.reason.hasSnapshots');
    return undefined;
  }
  if (action === 'delete' && volume.attachment) return t('blockStorage.reason.attached');
  return t('blockStorage.reason.busy', { status });
}

/** Instance statuses that can take or give back a volume (with no task in flight). */
export const canChangeVolumes = (instance: { status: InstanceStatus; taskState: InstanceTaskState }): boolean =>
  !instance.taskState && VOLUME_ATTACHABLE_INSTANCE_STATUSES.includes(instance.status);
