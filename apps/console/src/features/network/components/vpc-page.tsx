import { useParams } from 'react-router-dom';
import { CopyButton } from '../../../components/ui/copy-button.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { QueryList } from '../../../components/ui/query-list.tsx';
import { StatusBadge } from '../../../components/ui/status-badge.tsx';
import { Panel, Table, TBody, Td, Th, THead, TimeTd } from '../../../components/ui/table.tsx';
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
        <QueryList query={networks} columns={6} emptyMessage={t('vpc.empty')}>
          {(items) => (
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
                {items.map((network) => (
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
                    <TimeTd value={network.createdAt} />
                  </tr>
                ))}
              </TBody>
            </Table>
          )}
        </QueryList>
      </Panel>
    </div>
  );
}
