import type { LoadBalancerDto } from '@sandcloud/api-schemas';
import { useCallback, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { createdAtColumn, DataTable, RowActions, useListParams, type ListColumn } from '../../../components/data-table/index.ts';
import { Button } from '../../../components/ui/button.tsx';
import { CopyButton } from '../../../components/ui/copy-button.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { Panel } from '../../../components/ui/table.tsx';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { routes } from '../../../lib/routes.ts';
import { useDisassociateFloatingIp } from '../../floating-ips/index.ts';
import { useProjectPermissions } from '../../../lib/projects.ts';
import { useLoadBalancerPage } from '../api/get-load-balancers.ts';
import { DeleteLoadBalancerDialog } from './delete-load-balancer-dialog.tsx';
import { FloatingIpButton } from './floating-ip-button.tsx';
import { FloatingIpDialog } from './floating-ip-dialog.tsx';
import { blockedReason, listenerSummary } from './format.ts';
import { LoadBalancerStatus } from './load-balancer-status.tsx';
import { LoadBalancerWizard } from './wizard/load-balancer-wizard.tsx';

type Open = { kind: 'create' } | { kind: 'floating-ip'; loadBalancer: LoadBalancerDto } | { kind: 'delete'; loadBalancer: LoadBalancerDto } | null;

/** Load Balancer: the project's load balancers, `[+ Load Balancer 생성]` and `[Floating IP 연결]`. */
export function LoadBalancersPage() {
  const t = useT();
  const { projectId = '' } = useParams();
  const { readOnlyReason: readOnly } = useProjectPermissions(projectId);
  const list = useListParams();
  const loadBalancers = useLoadBalancerPage(projectId, list.params);
  const disassociate = useDisassociateFloatingIp(projectId);
  const [open, setOpen] = useState<Open>(null);
  const close = useCallback(() => setOpen(null), []);

  const createButton = (
    <Button data-tour="create-load-balancer" variant="primary" disabledReason={readOnly} onClick={() => setOpen({ kind: 'create' })}>
      {t('lb.create')}
    </Button>
  );

  const columns = useMemo((): ListColumn<LoadBalancerDto, 'load-balancers'>[] => {
    const detailPath = (id: string) => routes.loadBalancer({ projectId, loadBalancerId: id });
    return [
      {
        id: 'name',
        header: t('lb.column.name'),
        sortField: 'name',
        hideable: false,
        cell: (loadBalancer) => (
          <>
            <Link className="font-medium text-brand-600 hover:underline" to={detailPath(loadBalancer.id)}>
              {loadBalancer.name}
            </Link>
            {loadBalancer.description && <div className="max-w-[16rem] truncate text-xs text-slate-500">{loadBalancer.description}</div>}
          </>
        ),
      },
      { id: 'status', header: t('common.status'), sortField: 'status', cell: (loadBalancer) => <LoadBalancerStatus loadBalancer={loadBalancer} /> },
      {
        id: 'vip',
        header: t('lb.column.vip'),
        sortField: 'vipAddress',
        className: 'font-mono text-xs whitespace-nowrap',
        cell: (loadBalancer) => (
          <>
            {loadBalancer.vipAddress}
            <CopyButton value={loadBalancer.vipAddress} />
          </>
        ),
      },
      {
        id: 'floatingIp',
        header: t('lb.column.floatingIp'),
        className: 'font-mono text-xs whitespace-nowrap',
        cell: (loadBalancer) =>
          loadBalancer.floatingIp ? (
            <>
              {loadBalancer.floatingIp.address}
              <CopyButton value={loadBalancer.floatingIp.address} />
            </>
          ) : (
            <span className="text-slate-300">—</span>
          ),
      },
      { id: 'listeners', header: t('lb.column.listeners'), className: 'text-xs whitespace-nowrap', cell: (loadBalancer) => listenerSummary(loadBalancer) },
      {
        id: 'members',
        header: t('lb.column.members'),
        className: 'text-right tabular-nums',
        headerClassName: 'text-right',
        cell: (loadBalancer) => {
          const members = loadBalancer.listeners.flatMap((listener) => listener.pool.members);
          const online = members.filter((member) => member.operatingStatus === 'ONLINE').length;
          return (
            <span title={t('lb.membersOnline', { online, total: members.length })}>
              {online}/{members.length}
            </span>
          );
        },
      },
      createdAtColumn(t),
    ];
  }, [t, projectId]);

  return (
    <div>
      <PageHeader title={t('menu.loadBalancers')} description={t('lb.description')} actions={createButton} />
      <Panel>
        <DataTable
          id="load-balancers"
          label={t('menu.loadBalancers')}
          columns={columns}
          query={loadBalancers}
          list={list}
          searchLabel={t('table.search')}
          actions={(loadBalancer) => (
            <>
              <FloatingIpButton
                variant="ghost"
                className="text-xs"
                loadBalancer={loadBalancer}
                readOnly={readOnly}
                disassociate={disassociate}
                onAssociate={() => setOpen({ kind: 'floating-ip', loadBalancer })}
              />
              <RowActions
                name={loadBalancer.name}
                actions={[{ label: t('common.delete'), danger: true, disabledReason: readOnly ?? blockedReason(loadBalancer, 'delete', t), onSelect: () => setOpen({ kind: 'delete', loadBalancer }) }]}
              />
            </>
          )}
          emptyMessage={t('lb.empty')}
          emptyAction={createButton}
        />
      </Panel>
      {open?.kind === 'create' && <LoadBalancerWizard projectId={projectId} onClose={close} />}
      {open?.kind === 'floating-ip' && <FloatingIpDialog projectId={projectId} loadBalancer={open.loadBalancer} onClose={close} />}
      {open?.kind === 'delete' && <DeleteLoadBalancerDialog projectId={projectId} loadBalancer={open.loadBalancer} onClose={close} />}
    </div>
  );
}
