import { QueryList } from '../../../components/ui/query-list.tsx';
import { StatusBadge } from '../../../components/ui/status-badge.tsx';
import { Panel, Table, TBody, Td, Th, THead, TimeTd } from '../../../components/ui/table.tsx';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useInstanceHistory } from '../api/get-instance-history.ts';

/** What happened to the instance, newest first. */
export function InstanceHistoryTab({ projectId, instanceId }: { projectId: string; instanceId: string }) {
  const t = useT();
  const history = useInstanceHistory(projectId, instanceId);
  return (
    <Panel>
      <QueryList query={history} columns={3} emptyMessage={t('instanceDetail.historyEmpty')}>
        {(items) => (
          <Table label={t('instanceDetail.tab.history')}>
            <THead>
              <Th className="w-52">{t('instanceDetail.historyAt')}</Th>
              <Th className="w-36">{t('common.status')}</Th>
              <Th>{t('instanceDetail.historyMessage')}</Th>
            </THead>
            <TBody>
              {[...items]
                .sort((a, b) => b.at.localeCompare(a.at))
                .map((entry, index) => (
                  <tr key={`${entry.at}-${index}`}>
                    <TimeTd value={entry.at} className="tabular-nums" relative />
                    <Td>{entry.status ? <StatusBadge status={entry.status} /> : <span className="text-slate-300">—</span>}</Td>
                    <Td>{entry.message}</Td>
                  </tr>
                ))}
            </TBody>
          </Table>
        )}
      </QueryList>
    </Panel>
  );
}
