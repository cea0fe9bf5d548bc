import { useCallback, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { Button } from '../../../../components/ui/button.tsx';
import { BackLink, DetailFallback, DetailHeader } from '../../../../components/ui/detail-page.tsx';
import { Tabs, useTabParam } from '../../../../components/ui/tabs.tsx';
import { useT } from '../../../../lib/i18n/i18n.tsx';
import { routes } from '../../../../lib/routes.ts';
import { useDisassociateFloatingIp } from '../../../floating-ips/index.ts';
import { ActivityTab } from '../../../activity/index.ts';
import { LoadBalancerMonitoringTab } from '../../../metrics/index.ts';
import { useProjectPermissions } from '../../../../lib/projects.ts';
import { useLoadBalancer } from '../../api/get-load-balancer.ts';
import { DeleteLoadBalancerDialog } from '../delete-load-balancer-dialog.tsx';
import { FloatingIpButton } from '../floating-ip-button.tsx';
import { FloatingIpDialog } from '../floating-ip-dialog.tsx';
import { blockedReason } from '../format.ts';
import { LoadBalancerStatus } from '../load-balancer-status.tsx';
import { DetailsTab } from './details-tab.tsx';
import { HealthCheckTab } from './health-check-tab.tsx';
import { L7PoliciesPanel } from './l7-policies-panel.tsx';
import { ListenersTab } from './listeners-tab.tsx';
import { MembersTab } from './members-tab.tsx';
import { StatisticsTab } from './statistics-tab.tsx';

const TABS = ['details', 'listeners', 'instances', 'health', 'statistics', 'monitoring', 'activity'] as const;

/** One load balancer: Details, Listeners, Instances, Health check and Statistics tabs (`?tab=`). */
export function LoadBalancerPage() {
  const t = useT();
  const navigate = useNavigate();
  const { projectId = '', loadBalancerId = '' } = useParams();
  const [tab, setTab] = useTabParam(TABS);
  const { readOnlyReason: readOnly } = useProjectPermissions(projectId);
  const loadBalancer = useLoadBalancer(projectId, loadBalancerId);
  const disassociate = useDisassociateFloatingIp(projectId);
  const [open, setOpen] = useState<'floating-ip' | 'delete' | null>(null);
  const close = useCallback(() => setOpen(null), []);
  const listPath = routes.loadBalancers({ projectId });
  const back = <BackLink to={listPath} label={t('menu.loadBalancers')} />;

  if (!loadBalancer.isSuccess) return <DetailFallback query={loadBalancer} back={back} notFoundMessage={t('lb.notFound')} />;
  const data = loadBalancer.data;

  return (
    <div className="space-y-4">
      <div>{back}</div>
      <DetailHeader
        title={data.name}
        badges={<LoadBalancerStatus loadBalancer={data} />}
        summary={
          <>
            {data.vipAddress}
            {data.floatingIp ? ` · ${data.floatingIp.address}` : ''}
            {data.description ? ` · ${data.description}` : ''}
          </>
        }
        actions={
          <div className="flex shrink-0 gap-2">
            <FloatingIpButton loadBalancer={data} readOnly={readOnly} disassociate={disassociate} onAssociate={() => setOpen('floating-ip')} />
            <Button variant="danger" disabledReason={readOnly ?? blockedReason(data, 'delete', t)} onClick={() => setOpen('delete')}>
              {t('common.delete')}
            </Button>
          </div>
        }
      />
      <Tabs
        label={data.name}
        items={[
          { id: 'details', label: t('lb.tab.details') },
          { id: 'listeners', label: t('lb.tab.listeners') },
          { id: 'instances', label: t('lb.tab.instances') },
          { id: 'health', label: t('lb.tab.health') },
          { id: 'statistics', label: t('lb.tab.statistics') },
          { id: 'monitoring', label: t('metrics.title') },
          { id: 'activity', label: t('activity.tab') },
        ]}
        value={tab}
        onChange={setTab}
      />
      <div role="tabpanel">
        {tab === 'details' && <DetailsTab projectId={projectId} loadBalancer={data} />}
        {tab === 'listeners' && <ListenersTab projectId={projectId} loadBalancer={data} readOnly={readOnly} />}
        {tab === 'listeners' && <L7PoliciesPanel projectId={projectId} loadBalancer={data} />}
        {tab === 'instances' && <MembersTab projectId={projectId} loadBalancer={data} readOnly={readOnly} />}
        {tab === 'health' && <HealthCheckTab projectId={projectId} loadBalancer={data} readOnly={readOnly} />}
        {tab === 'statistics' && <StatisticsTab loadBalancer={data} />}
        {tab === 'monitoring' && <LoadBalancerMonitoringTab projectId={projectId} loadBalancerId={data.id} />}
        {tab === 'activity' && <ActivityTab projectId={projectId} resourceId={data.id} />}
      </div>
      {open === 'floating-ip' && <FloatingIpDialog projectId={projectId} loadBalancer={data} onClose={close} />}
      {open === 'delete' && <DeleteLoadBalancerDialog projectId={projectId} loadBalancer={data} onClose={close} onDeleted={() => void navigate(listPath)} />}
    </div>
  );
}
