import type { SubnetDto } from '@sandcloud/api-schemas';
import { useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { DataTable, useListParams, type ListColumn } from '../../../components/data-table/index.ts';
import { Button, RowAction } from '../../../components/ui/button.tsx';
import { ConfirmMutationDialog } from '../../../components/ui/confirm-dialog.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { FormDialog, FormError } from '../../../components/ui/form-dialog.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { DateTime, Panel } from '../../../components/ui/table.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { fieldError } from '../../../lib/api-client.ts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { routes } from '../../../lib/routes.ts';
import { useProjectPermissions } from '../../../lib/projects.ts';
import { useRoutingTables } from '../api/routing-tables.ts';
import { useCreateSubnet, useDeleteSubnet, useSubnetPage } from '../api/subnets.ts';
import { useVpcs } from '../api/vpcs.ts';
import { IdSelect } from './id-select.tsx';

/** Network > 서브넷: each subnet with its VPC, gateway, DHCP and routing table. */
export function SubnetsPage() {
  const t = useT();
  const navigate = useNavigate();
  const { projectId = '' } = useParams();
  const { readOnlyReason: readOnly } = useProjectPermissions(projectId);
  const list = useListParams();
  const subnets = useSubnetPage(projectId, list.params);
  const remove = useDeleteSubnet(projectId);
  const [open, setOpen] = useState<{ kind: 'create' } | { kind: 'delete'; subnet: SubnetDto } | null>(null);
  const close = () => setOpen(null);
  const create = (
    <Button variant="primary" disabledReason={readOnly} onClick={() => setOpen({ kind: 'create' })}>
      {t('subnets.create')}
    </Button>
  );
  const columns = useMemo(
    (): ListColumn<SubnetDto, 'subnets'>[] => [
      { id: 'name', header: t('common.name'), sortField: 'name', hideable: false, className: 'font-medium', cell: (subnet) => subnet.name },
      { id: 'vpc', header: t('subnets.vpc'), cell: (subnet) => subnet.vpcName },
      { id: 'cidr', header: 'CIDR', sortField: 'cidr', className: 'font-mono', cell: (subnet) => subnet.cidr },
      { id: 'gateway', header: t('subnets.gateway'), className: 'font-mono', cell: (subnet) => subnet.gatewayIp ?? '—' },
      { id: 'dhcp', header: t('subnets.dhcp'), cell: (subnet) => (subnet.enableDhcp ? 'ON' : 'OFF') },
      {
        id: 'routingTable',
        header: t('subnets.routingTable'),
        cell: (subnet) => (
          <>
            {subnet.routingTableName ?? <span className="text-slate-400">{t('subnets.noRoutingTable')}</span>}
            {subnet.routingTableName && (
              <span className={`ml-2 text-xs ${subnet.internetGateway ? 'text-emerald-700' : 'text-slate-400'}`}>
                {t('routingTables.internetGateway')}: {t(subnet.internetGateway ? 'routingTables.gatewayAttached' : 'routingTables.gatewayDetached')}
              </span>
            )}
          </>
        ),
      },
      { id: 'available', header: t('subnets.available'), className: 'text-right tabular-nums', headerClassName: 'text-right', cell: (subnet) => subnet.availableIps },
      { id: 'createdAt', header: t('common.createdAt'), sortField: 'createdAt', className: 'whitespace-nowrap text-slate-500', cell: (subnet) => <DateTime value={subnet.createdAt} /> },
    ],
    [t],
  );

  return (
    <div>
      <PageHeader title={t('menu.subnets')} description={t('subnets.description')} actions={create} />
      <Panel>
        <DataTable
          id="subnets"
          label={t('menu.subnets')}
          columns={columns}
          query={subnets}
          list={list}
          searchLabel={t('table.search')}
          actions={(subnet) => (
            <>
              <RowAction disabledReason={readOnly} onClick={() => navigate(routes.newInstance({ projectId }, { networkId: subnet.vpcId, subnetId: subnet.id }))}>
                {t('subnets.launchHere')}
              </RowAction>
              <RowAction danger disabledReason={readOnly} onClick={() => setOpen({ kind: 'delete', subnet })} aria-label={`${t('common.delete')} ${subnet.name}`}>
                {t('common.delete')}
              </RowAction>
            </>
          )}
          emptyMessage={t('subnets.empty')}
          emptyAction={create}
        />
      </Panel>
      {open?.kind === 'create' && <CreateSubnetDialog projectId={projectId} onClose={close} />}
      {open?.kind === 'delete' && (
        <ConfirmMutationDialog
          title={t('subnets.delete')}
          confirmLabel={t('common.delete')}
          mutation={remove}
          variables={open.subnet.id}
          successMessage={t('subnets.deleted', { name: open.subnet.name })}
          onSuccess={close}
          onCancel={close}
          cliCommand={`openstack subnet delete ${open.subnet.name}`}
        >
          <p>{t('subnets.deleteQuestion', { name: open.subnet.name })}</p>
        </ConfirmMutationDialog>
      )}
    </div>
  );
}

/** "서브넷 생성": VPC, name, CIDR inside the VPC, gateway (first host when empty), DHCP, routing table. */
function CreateSubnetDialog({ projectId, onClose }: { projectId: string; onClose: () => void }) {
  const t = useT();
  const toast = useToast();
  const vpcs = useVpcs(projectId).data?.items ?? [];
  const tables = useRoutingTables(projectId).data?.items ?? [];
  const create = useCreateSubnet(projectId);
  const [vpcId, setVpcId] = useState('');
  const [name, setName] = useState('');
  const [cidr, setCidr] = useState('');
  const [gatewayIp, setGatewayIp] = useState('');
  const [enableDhcp, setEnableDhcp] = useState(true);
  const [tableId, setTableId] = useState('');
  const chosenVpc = vpcId || vpcs.find((v) => !v.isDefault)?.id || vpcs[0]?.id || '';
  const ownTables = tables.filter((table) => table.vpcId === chosenVpc || table.vpcId === null);
  const submit = () =>
    create.mutate(
      {
        vpcId: chosenVpc,
        name,
        cidr,
        ...(gatewayIp ? { gatewayIp } : {}),
        enableDhcp,
        routingTableId: tableId === 'none' ? null : tableId || undefined,
      },
      {
        onSuccess: () => {
          toast.success(t('subnets.created', { name }));
          onClose();
        },
      },
    );
  return (
    <FormDialog title={t('subnets.create')} submitLabel={t('subnets.create')} onClose={onClose} onSubmit={submit} busy={create.isPending}>
      <IdSelect label={t('subnets.vpc')} value={chosenVpc} onChange={setVpcId} options={vpcs.map((v) => ({ id: v.id, label: `${v.name}${v.cidr ? ` (${v.cidr})` : ''}` }))} error={fieldError(create.error, 'vpcId')} />
      <TextField label={t('common.name')} value={name} onChange={setName} error={fieldError(create.error, 'name')} />
      <TextField label="CIDR" hint="10.0.1.0/24" value={cidr} onChange={setCidr} error={fieldError(create.error, 'cidr')} />
      <TextField label={t('subnets.gateway')} hint={t('interfaces.fixedIpHint')} value={gatewayIp} onChange={setGatewayIp} error={fieldError(create.error, 'gatewayIp')} />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={enableDhcp} onChange={(event) => setEnableDhcp(event.target.checked)} />
        {t('subnets.dhcp')}
      </label>
      <IdSelect
        label={t('subnets.routingTable')}
        value={tableId}
        onChange={setTableId}
        placeholder={ownTables.find((table) => table.vpcId === chosenVpc)?.name ?? t('subnets.noRoutingTable')}
        options={[...ownTables.map((table) => ({ id: table.id, label: table.name })), { id: 'none', label: t('subnets.noRoutingTable') }]}
        error={fieldError(create.error, 'subnetId')}
      />
      <FormError error={create.error} fields={['vpcId', 'name', 'cidr', 'gatewayIp', 'subnetId']} />
    </FormDialog>
  );
}
