import { Button } from '../../../components/ui/button.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { SkeletonRows } from '../../../components/ui/skeleton.tsx';
import { StatusBadge } from '../../../components/ui/status-badge.tsx';
import { Panel, Table, TBody, Td, Th, THead } from '../../../components/ui/table.tsx';
import { errorMessage } from '../../../lib/api-client.ts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useInstanceHistory } from '../api/get-instance-history.ts';

/** What happened to the instance, newest first. */
export function InstanceHistoryTab({ projectId, instanceId }: { projectId: string; instanceId: string }) {
  const t = useT();
  const history = useInstanceHistory(projectId, instanceId);
  return (
    <Panel>
      {history.isPending ? (
        <SkeletonRows columns={3} />
      ) : history.isError ? (
        <EmptyState message={errorMessage(history.error)} action={<Button onClick={() => void history.refetch()}>{t('common.retry')}</Button>} />
      ) : history.data.items.length === 0 ? (
        <EmptyState message={t('instanceDetail.historyEmpty')} />
      ) : (
        <Table label={t('instanceDetail.tab.history')}>
          <THead>
            <Th className="w-52">{t('instanceDetail.historyAt')}</Th>
            <Th className="w-36">{t('common.status')}</Th>
            <Th>{t('instanceDetail.historyMessage')}</Th>
          </THead>
          <TBody>
            {[...history.data.items]
              .sort((a, b) => b.at.localeCompare(a.at))
              .map((entry, index) => (
                <tr key={`${entry.at}-${index}`}>
                  <Td className="whitespace-nowrap text-slate-500 tabular-nums">{new Date(entry.at).toLocaleString()}</Td>
                  <Td>{entry.status ? <StatusBadge status={entry.status} /> : <span className="text-slate-300">—</span>}</Td>
                  <Td>{entry.message}</Td>
                </tr>
              ))}
          </TBody>
        </Table>
      )}
    </Panel>
  );
}
