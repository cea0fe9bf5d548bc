import { useCallback, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { Button } from '../../../../components/ui/button.tsx';
import { EmptyState } from '../../../../components/ui/empty-state.tsx';
import { SkeletonRows } from '../../../../components/ui/skeleton.tsx';
import { Panel } from '../../../../components/ui/table.tsx';
import { Tabs } from '../../../../components/ui/tabs.tsx';
import { useToast } from '../../../../components/ui/toast.tsx';
import { ApiRequestError, errorMessage } from '../../../../lib/api-client.ts';
import { useT } from '../../../../lib/i18n/i18n.tsx';
import { paths } from '../../../../lib/paths.ts';
import { useProjectPermissions } from '../../../projects/api/projects.ts';
import { useDisassociateFloatingIp } from '../../api/disassociate-floating-ip.ts';
import { useLoadBalancer } from '../../api/get-load-balancer.ts';
import { DeleteLoadBalancerDialog } from '../delete-load-balancer-dialog.tsx';
import { FloatingIpDialog } from '../floating-ip-dialog.tsx';
import { blockedReason } from '../format.ts';
import { LoadBalancerStatus } from '../load-balancer-status.tsx';
import { DetailsTab } from './details-tab.tsx';
import { HealthCheckTab } from './health-check-tab.tsx';
import { ListenersTab } from './listeners-tab.tsx';
import { MembersTab } from './members-tab.tsx';
import { StatisticsTab } from './statistics-tab.tsx';

const TABS = ['details', 'listeners', 'instances', 'health', 'statistics'] as const;
type Tab = (typeof TABS)[number];
const isTab = (value: string | null): value is Tab => TABS.includes(value as Tab);

/** One load balancer: Details, Listeners, Instances, Health check and Statistics tabs (`?tab=`). */
export function LoadBalancerPage() {
  const t = useT();
  const toast = useToast();
  const navigate = useNavigate();
  const { projectId = '', loadBalancerId = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const { canWrite } = useProjectPermissions(projectId);
  const loadBalancer = useLoadBalancer(projectId, loadBalancerId);
  const disassociate = useDisassociateFloatingIp(projectId);
  const [open, setOpen] = useState<'floating-ip' | 'delete' | null>(null);
  const close = useCallback(() => setOpen(null), []);
  const listPath = paths.computeSection(projectId, 'load-balancers');
  const requested = search.get('tab');
  const tab: Tab = isTab(requested) ? requested : 'details';
  const readOnly = canWrite ? undefined : t('common.viewerReadOnly');
  const back = (
    <Link to={listPath} className="text-sm text-brand-600 hover:underline">
      ← {t('menu.loadBalancers')}
    </Link>
  );

  if (loadBalancer.isPending) return <Panel><SkeletonRows /></Panel>;
  if (loadBalancer.isError) {
    const gone = loadBalancer.error instanceof ApiRequestError && loadBalancer.error.status === 404;
    return (
      <Panel>
        <EmptyState
          message={gone ? t('lb.notFound') : errorMessage(loadBalancer.error)}
          action={gone ? back : <Button onClick={() => void loadBalancer.refetch()}>{t('common.retry')}</Button>}
        />
      </Panel>
    );
  }
  const data = loadBalancer.data;

  return (
    <div className="space-y-4">
      <div>{back}</div>
      <div className="flex items-start justify-between gap-4">
        <div>
          <div className="flex items-center gap-3">
            <h1 className="text-xl font-semibold">{data.name}</h1>
            <LoadBalancerStatus loadBalancer={data} />
          </div>
          <p className="mt-1 text-sm text-slate-500">
            {data.vipAddress}
            {data.floatingIp ? ` · ${data.floatingIp.address}` : ''}
            {data.description ? ` · ${data.description}` : ''}
          </p>
        </div>
        <div className="flex shrink-0 gap-2">
          {data.floatingIp ? (
            <Button
              disabledReason={readOnly}
              disabled={disassociate.isPending}
              onClick={() =>
                disassociate.mutate(data.floatingIp!.id, {
                  onSuccess: () => toast.success(t('lb.fip.disassociated', { ip: data.floatingIp!.address, name: data.name })),
                  onError: (error) => toast.error(errorMessage(error)),
                })
              }
            >
              {t('lb.fip.disconnect')}
            </Button>
          ) : (
            <Button disabledReason={readOnly ?? (data.vipPortId ? undefined : t('lb.fip.noPort'))} onClick={() => setOpen('floating-ip')}>
              {t('lb.fip.title')}
            </Button>
          )}
          <Button variant="danger" disabledReason={readOnly ?? blockedReason(data, 'delete', t)} onClick={() => setOpen('delete')}>
            {t('common.delete')}
          </Button>
        </div>
      </div>
      <Tabs
        label={data.name}
        items={[
          { id: 'details', label: t('lb.tab.details') },
          { id: 'listeners', label: t('lb.tab.listeners') },
          { id: 'instances', label: t('lb.tab.instances') },
          { id: 'health', label: t('lb.tab.health') },
          { id: 'statistics', label: t('lb.tab.statistics') },
        ]}
        value={tab}
        onChange={(next) => setSearch(next === 'details' ? {} : { tab: next }, { replace: true })}
      />
      <div role="tabpanel">
        {tab === 'details' && <DetailsTab projectId={projectId} loadBalancer={data} />}
        {tab === 'listeners' && <ListenersTab projectId={projectId} loadBalancer={data} readOnly={readOnly} />}
        {tab === 'instances' && <MembersTab projectId={projectId} loadBalancer={data} readOnly={readOnly} />}
        {tab === 'health' && <HealthCheckTab projectId={projectId} loadBalancer={data} readOnly={readOnly} />}
        {tab === 'statistics' && <StatisticsTab loadBalancer={data} />}
      </div>
      {open === 'floating-ip' && <FloatingIpDialog projectId={projectId} loadBalancer={data} onClose={close} />}
      {open === 'delete' && <DeleteLoadBalancerDialog projectId={projectId} loadBalancer={data} onClose={close} onDeleted={() => void navigate(listPath)} />}
    </div>
  );
}
