import type { RoutingTableDto } from '@sandcloud/api-schemas';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { DataTable, useListParams, type ListColumn } from '../../../components/data-table/index.ts';
import { Button, RowAction } from '../../../components/ui/button.tsx';
import { ConfirmMutationDialog } from '../../../components/ui/confirm-dialog.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { FormDialog, FormError } from '../../../components/ui/form-dialog.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { DateTime, Panel } from '../../../components/ui/table.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { errorMessage, fieldError } from '../../../lib/api-client.ts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useProjectPermissions } from '../../../lib/projects.ts';
import { useAttachSubnet, useCreateRoutingTable, useDeleteRoutingTable, useDetachSubnet, useRoutingTablePage, useUpdateRoutingTable } from '../api/routing-tables.ts';
import { useSubnets } from '../api/subnets.ts';
import { useVpcs } from '../api/vpcs.ts';
import { IdSelect } from './id-select.tsx';

type Open = { kind: 'create' } | { kind: 'attach'; table: RoutingTableDto } | { kind: 'delete'; table: RoutingTableDto } | null;

/** Network > 라우팅 테이블: the internet gateway toggle and the subnets each table routes. */
export function RoutingTablesPage() {
  const t = useT();
  const toast = useToast();
  const { projectId = '' } = useParams();
  const { readOnlyReason: readOnly } = useProjectPermissions(projectId);
  const list = useListParams();
  const tables = useRoutingTablePage(projectId, list.params);
  const update = useUpdateRoutingTable(projectId);
  const detach = useDetachSubnet(projectId);
  const remove = useDeleteRoutingTable(projectId);
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  const create = (
    <Button variant="primary" disabledReason={readOnly} onClick={() => setOpen({ kind: 'create' })}>
      {t('routingTables.create')}
    </Button>
  );
  // Built each render: the gateway switch follows its mutation's pending state.
  const toggleGateway = (table: RoutingTableDto) =>
    update.mutate(
      { id: table.id, internetGateway: !table.internetGateway },
      { onSuccess: () => toast.success(t(table.internetGateway ? 'routingTables.detachGateway' : 'routingTables.attachGateway')), onError: (error) => toast.error(errorMessage(error)) },
    );
  const columns: ListColumn<RoutingTableDto, 'routing-tables'>[] = [
    { id: 'name', header: t('common.name'), sortField: 'name', hideable: false, className: 'font-medium', cell: (table) => table.name },
    { id: 'vpc', header: 'VPC', cell: (table) => table.vpcName ?? '—' },
    {
      id: 'internetGateway',
      header: t('routingTables.internetGateway'),
      cell: (table) => (
        <label className="inline-flex items-center gap-2">
          <input
            type="checkbox"
            role="switch"
            aria-label={`${t('routingTables.internetGateway')} ${table.name}`}
            checked={table.internetGateway}
            disabled={Boolean(readOnly) || update.isPending}
            onChange={() => toggleGateway(table)}
          />
          <span className={table.internetGateway ? 'text-emerald-700' : 'text-slate-500'}>
            {t(table.internetGateway ? 'routingTables.gatewayAttached' : 'routingTables.gatewayDetached')}
          </span>
        </label>
      ),
    },
    {
      id: 'subnets',
      header: t('routingTables.subnets'),
      cell: (table) => (
        <>
          {table.subnets.length === 0 && '—'}
          {table.subnets.map((subnet) => (
            <div key={subnet.id} className="flex items-center gap-2">
              <span>
                {subnet.name} <span className="font-mono text-xs text-slate-500">{subnet.cidr}</span>
              </span>
              <RowAction
                disabledReason={readOnly}
                aria-label={`${t('routingTables.detachSubnet')} ${subnet.name}`}
                onClick={() => detach.mutate({ id: table.id, subnetId: subnet.id }, { onError: (error) => toast.error(errorMessage(error)) })}
              >
                {t('routingTables.detachSubnet')}
              </RowAction>
            </div>
          ))}
        </>
      ),
    },
    { id: 'createdAt', header: t('common.createdAt'), sortField: 'createdAt', className: 'whitespace-nowrap text-slate-500', cell: (table) => <DateTime value={table.createdAt} /> },
  ];
  return (
    <div>
      <PageHeader title={t('menu.routingTables')} description={t('routingTables.description')} actions={create} />
      <Panel>
        <DataTable
          id="routing-tables"
          label={t('menu.routingTables')}
          columns={columns}
          query={tables}
          list={list}
          searchLabel={t('table.search')}
          actions={(table) => (
            <>
              <RowAction disabledReason={readOnly} onClick={() => setOpen({ kind: 'attach', table })}>
                {t('routingTables.attachSubnet')}
              </RowAction>
              <RowAction danger disabledReason={readOnly} onClick={() => setOpen({ kind: 'delete', table })} aria-label={`${t('common.delete')} ${table.name}`}>
                {t('common.delete')}
              </RowAction>
            </>
          )}
          emptyMessage={t('routingTables.empty')}
          emptyAction={create}
        />
      </Panel>
      {open?.kind === 'create' && <CreateRoutingTableDialog projectId={projectId} onClose={close} />}
      {open?.kind === 'attach' && <AttachSubnetDialog projectId={projectId} table={open.table} onClose={close} />}
      {open?.kind === 'delete' && (
        <ConfirmMutationDialog
          title={t('routingTables.delete')}
          confirmLabel={t('common.delete')}
          mutation={remove}
          variables={open.table.id}
          successMessage={t('routingTables.deleted', { name: open.table.name })}
          onSuccess={close}
          onCancel={close}
          cliCommand={`openstack router delete ${open.table.name}`}
        >
          <p>{t('routingTables.deleteQuestion', { name: open.table.name })}</p>
        </ConfirmMutationDialog>
      )}
    </div>
  );
}

function CreateRoutingTableDialog({ projectId, onClose }: { projectId: string; onClose: () => void }) {
  const t = useT();
  const vpcs = useVpcs(projectId).data?.items ?? [];
  const create = useCreateRoutingTable(projectId);
  const [name, setName] = useState('');
  const [vpcId, setVpcId] = useState('');
  const [internetGateway, setInternetGateway] = useState(true);
  const submit = () => create.mutate({ name, internetGateway, ...(vpcId ? { vpcId } : {}) }, { onSuccess: onClose });
  return (
    <FormDialog title={t('routingTables.create')} submitLabel={t('routingTables.create')} onClose={onClose} onSubmit={submit} busy={create.isPending}>
      <TextField label={t('common.name')} value={name} onChange={setName} error={fieldError(create.error, 'name')} />
      <IdSelect label="VPC" value={vpcId} onChange={setVpcId} placeholder="—" options={vpcs.map((v) => ({ id: v.id, label: v.name }))} />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={internetGateway} onChange={(event) => setInternetGateway(event.target.checked)} />
        {t('routingTables.attachGateway')}
      </label>
      <FormError error={create.error} fields={['name']} />
    </FormDialog>
  );
}

function AttachSubnetDialog({ projectId, table, onClose }: { projectId: string; table: RoutingTableDto; onClose: () => void }) {
  const t = useT();
  const subnets = (useSubnets(projectId).data?.items ?? []).filter((subnet) => subnet.routingTableId === null);
  const attach = useAttachSubnet(projectId);
  const [subnetId, setSubnetId] = useState('');
  const chosen = subnetId || subnets[0]?.id || '';
  return (
    <FormDialog
      title={`${t('routingTables.attachSubnet')}: ${table.name}`}
      submitLabel={t('routingTables.attachSubnet')}
      onClose={onClose}
      onSubmit={() => attach.mutate({ id: table.id, subnetId: chosen }, { onSuccess: onClose })}
      busy={attach.isPending}
    >
      <IdSelect label={t('interfaces.subnet')} value={chosen} onChange={setSubnetId} options={subnets.map((s) => ({ id: s.id, label: `${s.name} (${s.cidr}, ${s.vpcName})` }))} error={fieldError(attach.error, 'subnetId')} />
      <FormError error={attach.error} fields={['subnetId']} />
    </FormDialog>
  );
}
