import type { LoadBalancerDto } from '@sandcloud/api-schemas';
import { StatusBadge } from '../../../components/ui/status-badge.tsx';
import { useT } from '../../../lib/i18n/i18n.tsx';

/** Provisioning status (ACTIVE, PENDING_*, ERROR), then operating status (ONLINE, DEGRADED, OFFLINE). */
export function LoadBalancerStatus({ loadBalancer }: { loadBalancer: Pick<LoadBalancerDto, 'provisioningStatus' | 'operatingStatus' | 'errorReason'> }) {
  const t = useT();
  return (
    <span className="inline-flex items-center gap-1.5 whitespace-nowrap" title={loadBalancer.errorReason ?? undefined}>
      <span className="sr-only">{t('lb.column.provisioningStatus')}</span>
      <StatusBadge status={loadBalancer.provisioningStatus} />
      <span className="sr-only">{t('lb.column.operatingStatus')}</span>
      <StatusBadge status={loadBalancer.operatingStatus} />
    </span>
  );
}
