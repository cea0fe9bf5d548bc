import type { InstanceDto } from '@sandcloud/api-schemas';
import { StatusBadge } from '../../../components/ui/status-badge.tsx';
import { useT } from '../../../lib/i18n/i18n.tsx';

/** The status badge, plus the task in flight ("powering-off…") while one runs; the power state is the tooltip. */
export function InstanceStatus({ instance, stacked = false }: { instance: Pick<InstanceDto, 'status' | 'taskState' | 'powerState' | 'locked'>; stacked?: boolean }) {
  const t = useT();
  return (
    <span className={`inline-flex gap-1.5 whitespace-nowrap ${stacked ? 'flex-col items-start gap-0.5' : 'items-center'}`} title={t('instances.powerStateTitle', { state: instance.powerState })}>
      <StatusBadge status={instance.status} />
      {instance.locked && (
        <span data-locked className="rounded bg-slate-200 px-1.5 py-0.5 text-xs text-slate-700" title={t('instances.lockedTitle')}>
          {t('instances.locked')}
        </span>
      )}
      {instance.taskState && (
        <span data-task-state={instance.taskState} className="animate-transitional text-xs text-amber-700">
          {instance.taskState}…
        </span>
      )}
    </span>
  );
}
