import type { VpcDto } from '@sandcloud/api-schemas';
import { useMemo, useState } from 'react';
import { useParams } from 'react-router-dom';
import { DataTable, useListParams, type ListColumn } from '../../../components/data-table/index.ts';
import { Button, RowAction } from '../../../components/ui/button.tsx';
import { ConfirmMutationDialog } from '../../../components/ui/confirm-dialog.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { StatusBadge } from '../../../components/ui/status-badge.tsx';
import { DateTime, Panel } from '../../../components/ui/table.tsx';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useProjectPermissions } from '../../../lib/projects.ts';
import { useDeleteVpc, useVpcPage } from '../api/vpcs.ts';
import { VpcDialog } from './vpc-dialogs.tsx';

type Open = { kind: 'create' } | { kind: 'edit'; vpc: VpcDto } | { kind: 'delete'; vpc: VpcDto } | null;

/** Network > VPC: create, edit and delete VPCs; each row shows its subnets and routing tables. */
export function VpcsPage() {
  const t = useT();
  const { projectId = '' } = useParams();
  const { readOnlyReason: readOnly } = useProjectPermissions(projectId);
  const list = useListParams();
  const vpcs = useVpcPage(projectId, list.params);
  const remove = useDeleteVpc(projectId);
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  const create = (
    <Button variant="primary" disabledReason={readOnly} onClick={() => setOpen({ kind: 'create' })}>
      {t('vpcs.create')}
    </Button>
  );

  const columns = useMemo(
    (): ListColumn<VpcDto, 'vpcs'>[] => [
      {
        id: 'name',
        header: t('common.name'),
        sortField: 'name',
        hideable: false,
        cell: (vpc) => (
          <>
            <div className="font-medium">
              {vpc.name}
              {vpc.isDefault && <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">{t('vpcs.default')}</span>}
            </div>
            <div className="font-mono text-xs text-slate-400">{vpc.id}</div>
          </>
        ),
      },
      { id: 'status', header: t('common.status'), sortField: 'status', cell: (vpc) => <StatusBadge status={vpc.status} /> },
      { id: 'cidr', header: t('vpcs.cidr'), sortField: 'cidr', className: 'font-mono', cell: (vpc) => vpc.cidr ?? '—' },
      { id: 'subnets', header: t('vpcs.subnets'), cell: (vpc) => vpc.subnets.map((s) => `${s.name} (${s.cidr})`).join(', ') || '—' },
      { id: 'routingTables', header: t('vpcs.routingTables'), cell: (vpc) => vpc.routingTables.map((r) => r.name).join(', ') || '—' },
      { id: 'createdAt', header: t('common.createdAt'), sortField: 'createdAt', className: 'whitespace-nowrap text-slate-500', cell: (vpc) => <DateTime value={vpc.createdAt} /> },
    ],
    [t],
  );

  return (
    <div>
      <PageHeader title={t('menu.vpc')} description={t('vpcs.description')} actions={create} />
      <Panel>
        <DataTable
          id="vpcs"
          label={t('menu.vpc')}
          columns={columns}
          query={vpcs}
          list={list}
          searchLabel={t('table.search')}
          actions={(vpc) => (
            <>
              <RowAction disabledReason={readOnly} onClick={() => setOpen({ kind: 'edit', vpc })} aria-label={`${t('vpcs.edit')} ${vpc.name}`}>
                {t('vpcs.edit')}
              </RowAction>
              <RowAction danger disabledReason={readOnly} onClick={() => setOpen({ kind: 'delete', vpc })} aria-label={`${t('common.delete')} ${vpc.name}`}>
                {t('common.delete')}
              </RowAction>
            </>
          )}
          emptyMessage={t('vpcs.empty')}
          emptyAction={create}
        />
      </Panel>
      {open?.kind === 'create' && <VpcDialog projectId={projectId} onClose={close} />}
      {open?.kind === 'edit' && <VpcDialog projectId={projectId} vpc={open.vpc} onClose={close} />}
      {open?.kind === 'delete' && (
        <ConfirmMutationDialog
          title={t('vpcs.delete')}
          confirmLabel={t('common.delete')}
          mutation={remove}
          variables={open.vpc.id}
          successMessage={t('vpcs.deleted', { name: open.vpc.name })}
          onSuccess={close}
          onCancel={close}
          cliCommand={`openstack network delete ${open.vpc.name}`}
        >
          <p>{t('vpcs.deleteQuestion', { name: open.vpc.name })}</p>
        </ConfirmMutationDialog>
      )}
    </div>
  );
}
