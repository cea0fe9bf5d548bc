import type { InstanceDto } from '@sandcloud/api-schemas';
import type { Translate } from '../../../lib/i18n/i18n.tsx';

/**
 * Why `[추가기능] > [Image 생성]` is disabled for an instance, or undefined when it is allowed: an
 * ACTIVE or SHUTOFF instance with no task in flight can be captured, as in Nova.
 */
export function createImageDisabledReason(instance: Pick<InstanceDto, 'name' | 'status' | 'taskState' | 'allowedActions'>, canWrite: boolean, t: Translate): string | undefined {
  if (!canWrite) return t('common.viewerReadOnly');
  if (instance.allowedActions.includes('create_image')) return undefined;
  if (instance.taskState) return t('images.busy', { name: instance.name, task: instance.taskState });
  return t('images.notCapturable', { name: instance.name, status: instance.status });
}
