import type { LoadBalancerDto } from '@sandcloud/api-schemas';
import { Alert } from '../../../../components/ui/alert.tsx';
import { CopyButton } from '../../../../components/ui/copy-button.tsx';
import { DescriptionList } from '../../../../components/ui/description-list.tsx';
import { StatusBadge } from '../../../../components/ui/status-badge.tsx';
import { Panel } from '../../../../components/ui/table.tsx';
import { useT } from '../../../../lib/i18n/i18n.tsx';
import { useFormat } from '../../../../lib/i18n/use-format.ts';
import { listenerSummary } from '../format.ts';
import { ConnectivityPanel } from './connectivity-panel.tsx';

/** Details: what the load balancer is, where it listens, and a connectivity check from the Internet. */
export function DetailsTab({ projectId, loadBalancer }: { projectId: string; loadBalancer: LoadBalancerDto }) {
  const t = useT();
  const format = useFormat();
  const network = loadBalancer.networkName && loadBalancer.subnetCidr ? `[${loadBalancer.networkName}]${loadBalancer.subnetCidr}` : loadBalancer.vipSubnetId;
  return (
    <div className="space-y-4">
      {loadBalancer.errorReason && (
        <Alert tone="error" title={t('lb.errorTitle')}>
          {loadBalancer.errorReason}
        </Alert>
      )}
      <Panel className="p-5">
        <DescriptionList
          items={[
            { label: 'ID', value: <span className="font-mono text-xs">{loadBalancer.id}</span> },
            { label: t('lb.field.name'), value: loadBalancer.name },
            { label: t('lb.field.description'), value: loadBalancer.description || '—' },
            { label: t('lb.column.provisioningStatus'), value: <StatusBadge status={loadBalancer.provisioningStatus} /> },
            { label: t('lb.column.operatingStatus'), value: <StatusBadge status={loadBalancer.operatingStatus} /> },
            { label: t('lb.field.subnet'), value: network },
            {
              label: t('lb.column.vip'),
              value: (
                <span className="font-mono">
                  {loadBalancer.vipAddress}
                  <CopyButton value={loadBalancer.vipAddress} />
                </span>
              ),
            },
            {
              label: t('lb.column.floatingIp'),
              value: loadBalancer.floatingIp ? (
                <span className="font-mono">
                  {loadBalancer.floatingIp.address}
                  <CopyButton value={loadBalancer.floatingIp.address} />
                </span>
              ) : (
                t('lb.noFloatingIp')
              ),
            },
            { label: t('lb.column.listeners'), value: listenerSummary(loadBalancer) || '—' },
            { label: t('common.createdAt'), value: format.dateTime(loadBalancer.createdAt) },
          ]}
        />
      </Panel>
      <Panel className="p-5">
        <ConnectivityPanel projectId={projectId} loadBalancer={loadBalancer} />
      </Panel>
    </div>
  );
}
