import type { ActivityDto } from '@sandcloud/api-schemas';
import { Button } from '../../../components/ui/button.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { SkeletonRows } from '../../../components/ui/skeleton.tsx';
import { Table, TBody, Td, Th, THead, TimeTd } from '../../../components/ui/table.tsx';
import type { MessageKey } from '../../../lib/i18n/catalog.ts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useActivity, type ActivityFilters } from '../api/get-activity.ts';

const RESULT_TONE: Record<ActivityDto['result'], string> = {
  accepted: 'bg-sky-50 text-sky-700',
  done: 'bg-emerald-50 text-emerald-700',
  failed: 'bg-red-50 text-red-700',
};

/** Known kinds have a label; any other kind shows as the engine names it. */
export const ACTIVITY_KINDS = ['instance', 'volume', 'volume-snapshot', 'image', 'key-pair', 'security-group', 'floating-ip', 'network', 'subnet', 'port', 'router', 'load-balancer', 'quota'] as const;

export function useKindLabel() {
  const t = useT();
  return (kind: string) => ((ACTIVITY_KINDS as readonly string[]).includes(kind) ? t(`activity.kind.${kind}` as MessageKey) : kind);
}

/** A page of the activity log with its pager; the project screen and the resources' tabs share it. */
export function ActivityTable({ projectId, filters, onPage, showResource = true }: { projectId: string; filters: ActivityFilters; onPage: (offset: number) => void; showResource?: boolean }) {
  const t = useT();
  const kindLabel = useKindLabel();
  const activity = useActivity(projectId, filters);

  if (activity.isPending) return <SkeletonRows />;
  if (activity.error) return <p className="p-4 text-sm text-red-600">{activity.error.message}</p>;
  const { items, total } = activity.data;
  if (total === 0) return <EmptyState message={t('activity.empty')} />;
  const last = Math.min(filters.offset + items.length, total);

  return (
    <>
      <Table label={t('activity.title')}>
        <THead>
          <Th>{t('activity.at')}</Th>
          <Th>{t('activity.user')}</Th>
          <Th>{t('activity.action')}</Th>
          {showResource && <Th>{t('activity.resource')}</Th>}
          <Th>{t('activity.result')}</Th>
          <Th>{t('activity.requestId')}</Th>
        </THead>
        <TBody>
          {items.map((line) => (
            <tr key={line.id} data-activity-id={line.id}>
              <TimeTd value={line.at} />
              <Td className="font-medium">{line.userName}</Td>
              <Td>
                <span className="font-mono text-xs">{line.action}</span>
                {line.source !== 'console' && <span className="ml-1.5 rounded bg-slate-100 px-1 text-[11px] text-slate-500">{line.source} API</span>}
              </Td>
              {showResource && (
                <Td>
                  <div>{line.resourceName ?? line.resourceId ?? '—'}</div>
                  <div className="text-xs text-slate-500">{kindLabel(line.resourceKind)}</div>
                </Td>
              )}
              <Td>
                <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${RESULT_TONE[line.result]}`}>{t(`activity.result.${line.result}`)}</span>
                {line.reason && <div className="mt-0.5 max-w-md text-xs text-red-700">{line.reason}</div>}
              </Td>
              <Td className="font-mono text-xs text-slate-500">{line.requestId ? line.requestId.slice(0, 8) : '—'}</Td>
            </tr>
          ))}
        </TBody>
      </Table>
      <div className="flex items-center justify-end gap-2 border-t border-slate-200 px-4 py-2 text-sm text-slate-600">
        <span className="tabular-nums">{t('activity.range', { first: filters.offset + 1, last, total })}</span>
        <Button disabled={filters.offset === 0} onClick={() => onPage(Math.max(0, filters.offset - filters.limit))}>
          {t('activity.previous')}
        </Button>
        <Button disabled={last >= total} onClick={() => onPage(filters.offset + filters.limit)}>
          {t('activity.next')}
        </Button>
      </div>
    </>
  );
}
