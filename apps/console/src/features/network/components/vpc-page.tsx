import { useParams } from 'react-router-dom';
import { Button } from '../../../components/ui/button.tsx';
import { CopyButton } from '../../../components/ui/copy-button.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { SkeletonRows } from '../../../components/ui/skeleton.tsx';
import { StatusBadge } from '../../../components/ui/status-badge.tsx';
import { Panel, Table, TBody, Td, Th, THead } from '../../../components/ui/table.tsx';
import { errorMessage } from '../../../lib/api-client.ts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useNetworks } from '../api/get-networks.ts';

/** Network > VPC: each network with its subnet, gateway and the router to the outside. */
export function VpcPage() {
  const t = useT();
  const { projectId = '' } = useParams();
  const networks = useNetworks(projectId);

  return (
    <div>
      <PageHeader title={t('menu.vpc')} description={t('vpc.description')} />
      <Panel>
        {networks.isPending ? (
          <SkeletonRows columns={6} />
        ) : networks.isError ? (
          <EmptyState message={errorMessage(networks.error)} action={<Button onClick={() => void networks.refetch()}>{t('common.retry')}</Button>} />
        ) : networks.data.items.length === 0 ? (
          <EmptyState message={t('vpc.empty')} />
        ) : (
          <Table label={t('menu.vpc')}>
            <THead>
              <Th>{t('common.name')}</Th>
              <Th>{t('common.status')}</Th>
              <Th>{t('vpc.cidr')}</Th>
              <Th>{t('vpc.gateway')}</Th>
              <Th>{t('vpc.router')}</Th>
              <Th>{t('vpc.externalNetwork')}</Th>
              <Th>{t('common.createdAt')}</Th>
            </THead>
            <TBody>
              {networks.data.items.map((network) => (
                <tr key={network.id} className="hover:bg-slate-50">
                  <Td>
                    <div className="font-medium">{network.name}</div>
                    <div className="font-mono text-xs text-slate-400">{network.id}</div>
                  </Td>
                  <Td>
                    <StatusBadge status={network.status} />
                  </Td>
                  <Td>
                    <span className="inline-flex items-center font-mono">
                      {network.cidr}
                      <CopyButton value={network.cidr} />
                    </span>
                  </Td>
                  <Td className="font-mono">{network.gatewayIp}</Td>
                  <Td>{network.routerName ?? <span className="text-slate-400">{t('vpc.noRouter')}</span>}</Td>
                  <Td>{network.externalNetworkName ?? <span className="text-slate-400">—</span>}</Td>
                  <Td className="whitespace-nowrap text-slate-500">{new Date(network.createdAt).toLocaleString()}</Td>
                </tr>
              ))}
            </TBody>
          </Table>
        )}
      </Panel>
    </div>
  );
}
