import type { FlowActionDto, InstanceDto } from '@sandcloud/api-schemas';
import { QueryList } from '../../../components/ui/query-list.tsx';
import { Panel, Table, TBody, Td, Th, THead, TimeTd } from '../../../components/ui/table.tsx';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useFlowLogs } from '../api/get-flow-logs.ts';

const ACTION_STYLE: Record<FlowActionDto, string> = {
  ACCEPT: 'bg-emerald-50 text-emerald-700',
  DROP: 'bg-red-50 text-red-700',
  REJECT: 'bg-amber-50 text-amber-700',
};

/**
 * "Flow log" tab of the instance page: every connection to the instance that the data plane saw,
 * what the security groups did with it (ACCEPT / DROP / REJECT) and why.
 */
export function FlowLogTab({ projectId, instance }: { projectId: string; instance: Pick<InstanceDto, 'id' | 'name'> }) {
  const t = useT();
  const flowLogs = useFlowLogs(projectId, instance.id);
  return (
    <Panel>
      <p className="border-b border-slate-100 px-4 py-3 text-sm text-slate-600">{t('flowLogs.description', { name: instance.name })}</p>
      <QueryList query={flowLogs} columns={5} emptyMessage={t('flowLogs.empty')}>
        {(items) => (
          <Table label={t('flowLogs.title')}>
            <THead>
              <Th className="w-48">{t('flowLogs.at')}</Th>
              <Th>{t('flowLogs.source')}</Th>
              <Th>{t('flowLogs.destination')}</Th>
              <Th className="w-28">{t('flowLogs.action')}</Th>
              <Th>{t('flowLogs.reason')}</Th>
            </THead>
            <TBody>
              {items.map((entry) => (
                <tr key={entry.id}>
                  <TimeTd value={entry.at} className="tabular-nums" />
                  <Td className="font-mono text-xs">
                    {entry.sourceIp}
                    {entry.sourcePort !== null && <span className="text-slate-400">:{entry.sourcePort}</span>}
                  </Td>
                  <Td className="font-mono text-xs">
                    {entry.protocol.toUpperCase()} {entry.destinationIp}
                    {entry.port !== null && `:${entry.port}`}
                  </Td>
                  <Td>
                    <span className={`rounded px-1.5 py-0.5 text-xs font-semibold ${ACTION_STYLE[entry.action]}`} title={t(`flowLogs.actionHint.${entry.action}`)}>
                      {entry.action}
                    </span>
                  </Td>
                  <Td className="text-xs text-slate-600">{entry.message}</Td>
                </tr>
              ))}
            </TBody>
          </Table>
        )}
      </QueryList>
    </Panel>
  );
}
