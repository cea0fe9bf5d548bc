import type { LoadBalancerDto } from '@sandcloud/api-schemas';
import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Button, RowAction } from '../../../components/ui/button.tsx';
import { CopyButton } from '../../../components/ui/copy-button.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { QueryList } from '../../../components/ui/query-list.tsx';
import { ActionsTh, Panel, Table, TBody, Td, Th, THead, TimeTd } from '../../../components/ui/table.tsx';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { paths } from '../../../lib/paths.ts';
import { useDisassociateFloatingIp } from '../../floating-ips/api/disassociate-floating-ip.ts';
import { useProjectPermissions } from '../../projects/api/projects.ts';
import { useLoadBalancers } from '../api/get-load-balancers.ts';
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
  const loadBalancers = useLoadBalancers(projectId);
  const disassociate = useDisassociateFloatingIp(projectId);
  const [open, setOpen] = useState<Open>(null);
  const close = useCallback(() => setOpen(null), []);
  const detailPath = (id: string) => paths.computeSection(projectId, `load-balancers/${id}`);

  const createButton = (
    <Button data-tour="create-load-balancer" variant="primary" disabledReason={readOnly} onClick={() => setOpen({ kind: 'create' })}>
      {t('lb.create')}
    </Button>
  );

  return (
    <div>
      <PageHeader title={t('menu.loadBalancers')} description={t('lb.description')} actions={createButton} />
      <Panel>
        <QueryList query={loadBalancers} columns={6} emptyMessage={t('lb.empty')} emptyAction={createButton}>
          {(items) => (
            <Table label={t('menu.loadBalancers')}>
              <THead>
                <Th>{t('lb.column.name')}</Th>
                <Th>{t('common.status')}</Th>
                <Th>{t('lb.column.vip')}</Th>
                <Th>{t('lb.column.floatingIp')}</Th>
                <Th>{t('lb.column.listeners')}</Th>
                <Th className="text-right">{t('lb.column.members')}</Th>
                <Th>{t('common.createdAt')}</Th>
                <ActionsTh />
              </THead>
              <TBody>
                {items.map((loadBalancer) => {
                  const members = loadBalancer.listeners.flatMap((listener) => listener.pool.members);
                  const online = members.filter((member) => member.operatingStatus === 'ONLINE').length;
                  return (
                    <tr key={loadBalancer.id} className="hover:bg-slate-50">
                      <Td>
                        <Link className="font-medium text-brand-600 hover:underline" to={detailPath(loadBalancer.id)}>
                          {loadBalancer.name}
                        </Link>
                        {loadBalancer.description && <div className="max-w-[16rem] truncate text-xs text-slate-500">{loadBalancer.description}</div>}
                      </Td>
                      <Td>
                        <LoadBalancerStatus loadBalancer={loadBalancer} />
                      </Td>
                      <Td className="font-mono text-xs whitespace-nowrap">
                        {loadBalancer.vipAddress}
                        <CopyButton value={loadBalancer.vipAddress} />
                      </Td>
                      <Td className="font-mono text-xs whitespace-nowrap">
                        {loadBalancer.floatingIp ? (
                          <>
                            {loadBalancer.floatingIp.address}
                            <CopyButton value={loadBalancer.floatingIp.address} />
                          </>
                        ) : (
                          <span className="text-slate-300">—</span>
                        )}
                      </Td>
                      <Td className="text-xs whitespace-nowrap">{listenerSummary(loadBalancer)}</Td>
                      <Td className="text-right tabular-nums" title={t('lb.membersOnline', { online, total: members.length })}>
                        {online}/{members.length}
                      </Td>
                      <TimeTd value={loadBalancer.createdAt} />
                      <Td className="text-right whitespace-nowrap">
                        <FloatingIpButton
                          variant="ghost"
                          className="text-xs"
                          loadBalancer={loadBalancer}
                          readOnly={readOnly}
                          disassociate={disassociate}
                          onAssociate={() => setOpen({ kind: 'floating-ip', loadBalancer })}
                        />
                        <RowAction danger disabledReason={readOnly ?? blockedReason(loadBalancer, 'delete', t)} onClick={() => setOpen({ kind: 'delete', loadBalancer })}>
                          {t('common.delete')}
                        </RowAction>
                      </Td>
                    </tr>
                  );
                })}
              </TBody>
            </Table>
          )}
        </QueryList>
      </Panel>
      {open?.kind === 'create' && <LoadBalancerWizard projectId={projectId} onClose={close} />}
      {open?.kind === 'floating-ip' && <FloatingIpDialog projectId={projectId} loadBalancer={open.loadBalancer} onClose={close} />}
      {open?.kind === 'delete' && <DeleteLoadBalancerDialog projectId={projectId} loadBalancer={open.loadBalancer} onClose={close} />}
    </div>
  );
}
