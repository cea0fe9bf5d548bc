import type { ResourceHistoryEntryDto } from '@sandcloud/api-schemas';
import { useMemo } from 'react';
import { DataTable, useListParams, type ListColumn } from '../../../components/data-table/index.ts';
import { StatusBadge } from '../../../components/ui/status-badge.tsx';
import { DateTime, Panel } from '../../../components/ui/table.tsx';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useInstanceHistoryPage } from '../api/get-instance-history.ts';

/** The History tab's view in the URL (`history.page=2`), apart from the screen's other parameters. */
const PREFIX = 'history.';

/** Entries have no id (two notes of one instant may read alike): each fetched entry gets a row key of its own. */
const rowKeys = new WeakMap<ResourceHistoryEntryDto, string>();
let nextKey = 0;
const rowKey = (entry: ResourceHistoryEntryDto) => {
  let key = rowKeys.get(entry);
  if (!key) rowKeys.set(entry, (key = `entry-${nextKey++}`));
  return key;
};

/** What happened to the instance, newest first, one server page at a time on the shared table. */
export function InstanceHistoryTab({ projectId, instanceId }: { projectId: string; instanceId: string }) {
  const t = useT();
  const list = useListParams([], PREFIX);
  const history = useInstanceHistoryPage(projectId, instanceId, list.params);
  const columns = useMemo(
    (): ListColumn<ResourceHistoryEntryDto, 'instance-history'>[] => [
      { id: 'at', header: t('instanceDetail.historyAt'), sortField: 'at', hideable: false, className: 'w-52 whitespace-nowrap tabular-nums text-slate-500', cell: (entry) => <DateTime value={entry.at} relative /> },
      {
        id: 'status',
        header: t('common.status'),
        sortField: 'status',
        className: 'w-36',
        cell: (entry) => (entry.status ? <StatusBadge status={entry.status} /> : <span className="text-slate-300">—</span>),
      },
      { id: 'message', header: t('instanceDetail.historyMessage'), cell: (entry) => entry.message },
    ],
    [t],
  );
  return (
    <Panel>
      <DataTable
        id="instance-history"
        label={t('instanceDetail.tab.history')}
        columns={columns}
        query={history}
        list={list}
        rowId={rowKey}
        rowName={(entry) => entry.message}
        searchLabel={t('table.search')}
        emptyMessage={t('instanceDetail.historyEmpty')}
      />
    </Panel>
  );
}
