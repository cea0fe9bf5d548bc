import type { FlowActionDto, FlowLogEntryDto, InstanceDto } from '@sandcloud/api-schemas';
import { useMemo } from 'react';
import { DataTable, useListParams, type ListColumn } from '../../../components/data-table/index.ts';
import { DateTime, Panel } from '../../../components/ui/table.tsx';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useFlowLogPage } from '../api/get-flow-logs.ts';

const ACTION_STYLE: Record<FlowActionDto, string> = {
  ACCEPT: 'bg-emerald-50 text-emerald-700',
  DROP: 'bg-red-50 text-red-700',
  REJECT: 'bg-amber-50 text-amber-700',
};
const ACTIONS = Object.keys(ACTION_STYLE) as FlowActionDto[];

/**
 * "Flow log" tab of the instance page: every connection to the instance that the data plane saw,
 * what the security groups did with it (ACCEPT / DROP / REJECT) and why. Its view is in the URL
 * under `log.` (beside the instance page's own parameters).
 */
export function FlowLogTab({ projectId, instance }: { projectId: string; instance: Pick<InstanceDto, 'id' | 'name'> }) {
  const t = useT();
  const list = useListParams(['action'], 'log.');
  const flowLogs = useFlowLogPage(projectId, instance.id, list.params);
  const columns = useMemo(
    (): ListColumn<FlowLogEntryDto, 'flow-logs'>[] => [
      { id: 'at', header: t('flowLogs.at'), sortField: 'at', hideable: false, headerClassName: 'w-48', className: 'whitespace-nowrap text-slate-500 tabular-nums', cell: (entry) => <DateTime value={entry.at} /> },
      {
        id: 'source',
        header: t('flowLogs.source'),
        sortField: 'sourceIp',
        className: 'font-mono text-xs',
        cell: (entry) => (
          <>
            {entry.sourceIp}
            {entry.sourcePort !== null && <span className="text-slate-400">:{entry.sourcePort}</span>}
          </>
        ),
      },
      {
        id: 'destination',
        header: t('flowLogs.destination'),
        sortField: 'port',
        className: 'font-mono text-xs',
        cell: (entry) => (
          <>
            {entry.protocol.toUpperCase()} {entry.destinationIp}
            {entry.port !== null && `:${entry.port}`}
          </>
        ),
      },
      {
        id: 'action',
        header: t('flowLogs.action'),
        sortField: 'action',
        headerClassName: 'w-28',
        cell: (entry) => (
          <span className={`rounded px-1.5 py-0.5 text-xs font-semibold ${ACTION_STYLE[entry.action]}`} title={t(`flowLogs.actionHint.${entry.action}`)}>
            {entry.action}
          </span>
        ),
      },
      { id: 'reason', header: t('flowLogs.reason'), className: 'text-xs text-slate-600', cell: (entry) => entry.message },
    ],
    [t],
  );
  return (
    <Panel>
      <p className="border-b border-slate-100 px-4 py-3 text-sm text-slate-600">{t('flowLogs.description', { name: instance.name })}</p>
      <DataTable
        id="flow-logs"
        label={t('flowLogs.title')}
        columns={columns}
        query={flowLogs}
        list={list}
        searchLabel={t('table.search')}
        filters={[{ key: 'action', label: t('flowLogs.action'), options: ACTIONS.map((action) => ({ value: action, label: action })) }]}
        emptyMessage={t('flowLogs.empty')}
      />
    </Panel>
  );
}
