import type { InstanceDto } from '@sandcloud/api-schemas';
import type { Translate } from '../../../lib/i18n/i18n.tsx';

/**
 * Why `[추가기능] > [Image 생성]` is disabled for an instance, or undefined when it is allowed: as the
 * guide says, the console captures only a SHUTOFF instance with no task in flight ("shut it down
 * first" otherwise), though the engine (and Nova's API) can also capture a running one.
 */
export function createImageDisabledReason(instance: Pick<InstanceDto, 'name' | 'status' | 'taskState' | 'allowedActions'>, canWrite: boolean, t: Translate): string | undefined {
  if (!canWrite) return t('common.viewerReadOnly');
  if (instance.status === 'SHUTOFF' && instance.allowedActions.includes('create_image')) return undefined;
  if (instance.taskState) return t('images.busy', { name: instance.name, task: instance.taskState });
  return t('images.shutDownFirst', { name: instance.name, status: instance.status });
}
