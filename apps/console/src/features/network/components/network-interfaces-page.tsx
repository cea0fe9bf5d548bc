import type { FloatingIpDto, InstanceDto, NetworkInterfaceDto } from '@sandcloud/api-schemas';
import { useDeferredValue, useMemo, useState } from 'react';
import { useParams } from 'react-router-dom';
import { DataTable, useListParams, type ListColumn } from '../../../components/data-table/index.ts';
import { Button, RowAction } from '../../../components/ui/button.tsx';
import { ConfirmMutationDialog } from '../../../components/ui/confirm-dialog.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { FormDialog, FormError } from '../../../components/ui/form-dialog.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { StatusBadge } from '../../../components/ui/status-badge.tsx';
import { DateTime, Panel } from '../../../components/ui/table.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { fieldError } from '../../../lib/api-client.ts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useFloatingIps } from '../../floating-ips/index.ts';
import { useInstances } from '../../instances/index.ts';
import { useProjectPermissions } from '../../../lib/projects.ts';
import {
  useAttachInterface,
  useCreateNetworkInterface,
  useDeleteNetworkInterface,
  useDetachInterface,
  useMoveFloatingIp,
  useNetworkInterfacePage,
} from '../api/network-interfaces.ts';
import { useSubnets } from '../api/subnets.ts';
import { IdSelect } from './id-select.tsx';
import { PickerSearch } from '../../../components/ui/picker-search.tsx';

type Open =
  | { kind: 'create' }
  | { kind: 'attach'; port: NetworkInterfaceDto }
  | { kind: 'detach'; port: NetworkInterfaceDto }
  | { kind: 'move'; port: NetworkInterfaceDto }
  | { kind: 'delete'; port: NetworkInterfaceDto }
  | null;

/** Network > 네트워크 인터페이스: create with a fixed IP, attach/detach (also while running), move a floating IP here. */
export function NetworkInterfacesPage() {
  const t = useT();
  const { projectId = '' } = useParams();
  const { readOnlyReason: readOnly } = useProjectPermissions(projectId);
  const list = useListParams();
  const ports = useNetworkInterfacePage(projectId, list.params);
  const detach = useDetachInterface(projectId);
  const remove = useDeleteNetworkInterface(projectId);
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  const create = (
    <Button variant="primary" disabledReason={readOnly} onClick={() => setOpen({ kind: 'create' })}>
      {t('interfaces.create')}
    </Button>
  );
  const columns = useMemo(
    (): ListColumn<NetworkInterfaceDto, 'network-interfaces'>[] => [
      {
        id: 'name',
        header: t('common.name'),
        sortField: 'name',
        hideable: false,
        cell: (port) => (
          <>
            <div className="font-medium">{port.name || '—'}</div>
            <div className="font-mono text-xs text-slate-400">{port.id}</div>
          </>
        ),
      },
      { id: 'status', header: t('common.status'), cell: (port) => <StatusBadge status={port.status} /> },
      {
        id: 'subnet',
        header: t('interfaces.subnet'),
        cell: (port) => (
          <>
            {port.subnetName} <span className="text-xs text-slate-500">({port.vpcName})</span>
          </>
        ),
      },
      { id: 'fixedIp', header: t('interfaces.fixedIp'), className: 'font-mono', cell: (port) => port.fixedIp },
      { id: 'mac', header: t('interfaces.mac'), className: 'font-mono text-xs', cell: (port) => port.macAddress },
      {
        id: 'device',
        header: t('interfaces.device'),
        cell: (port) => (
          <>
            {port.device ? port.device.name : <span className="text-slate-400">{t('interfaces.free')}</span>}
            {port.primary && <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs">{t('interfaces.primary')}</span>}
          </>
        ),
      },
      { id: 'floatingIp', header: t('interfaces.floatingIp'), className: 'font-mono', cell: (port) => port.floatingIp?.address ?? '—' },
      { id: 'createdAt', header: t('common.createdAt'), sortField: 'createdAt', className: 'whitespace-nowrap text-slate-500', cell: (port) => <DateTime value={port.createdAt} /> },
    ],
    [t],
  );
  return (
    <div>
      <PageHeader title={t('menu.networkInterfaces')} description={t('interfaces.description')} actions={create} />
      <Panel>
        <DataTable
          id="network-interfaces"
          label={t('menu.networkInterfaces')}
          columns={columns}
          query={ports}
          list={list}
          rowProps={(port) => ({ 'data-interface-ip': port.fixedIp })}
          searchLabel={t('table.search')}
          actions={(port) => (
            <>
              {port.device?.type === 'instance' ? (
                <RowAction disabledReason={readOnly} onClick={() => setOpen({ kind: 'detach', port })} aria-label={`${t('interfaces.detach')} ${port.fixedIp}`}>
                  {t('interfaces.detach')}
                </RowAction>
              ) : (
                !port.device && (
                  <RowAction disabledReason={readOnly} onClick={() => setOpen({ kind: 'attach', port })} aria-label={`${t('interfaces.attach')} ${port.fixedIp}`}>
                    {t('interfaces.attach')}
                  </RowAction>
                )
              )}
              <RowAction disabledReason={readOnly} onClick={() => setOpen({ kind: 'move', port })} aria-label={`${t('interfaces.moveFloatingIp')} ${port.fixedIp}`}>
                {t('interfaces.moveFloatingIp')}
              </RowAction>
              {!port.device && (
                <RowAction danger disabledReason={readOnly} onClick={() => setOpen({ kind: 'delete', port })} aria-label={`${t('common.delete')} ${port.fixedIp}`}>
                  {t('common.delete')}
                </RowAction>
              )}
            </>
          )}
          emptyMessage={t('interfaces.empty')}
          emptyAction={create}
        />
      </Panel>
      {open?.kind === 'create' && <CreateInterfaceDialog projectId={projectId} onClose={close} />}
      {open?.kind === 'attach' && <AttachDialog projectId={projectId} port={open.port} onClose={close} />}
      {open?.kind === 'move' && <MoveFloatingIpDialog projectId={projectId} port={open.port} onClose={close} />}
      {open?.kind === 'detach' && (
        <ConfirmMutationDialog
          title={t('interfaces.detach')}
          confirmLabel={t('interfaces.detach')}
          mutation={detach}
          variables={open.port.id}
          successMessage={t('interfaces.detached')}
          onSuccess={close}
          onCancel={close}
          cliCommand={`openstack server remove port ${open.port.device?.name ?? ''} ${open.port.id}`}
        >
          <p>{t('interfaces.detachQuestion', { name: open.port.device?.name ?? '', ip: open.port.fixedIp })}</p>
        </ConfirmMutationDialog>
      )}
      {open?.kind === 'delete' && (
        <ConfirmMutationDialog
          title={t('interfaces.delete')}
          confirmLabel={t('common.delete')}
          mutation={remove}
          variables={open.port.id}
          successMessage={t('interfaces.deleted')}
          onSuccess={close}
          onCancel={close}
          cliCommand={`openstack port delete ${open.port.id}`}
        >
          <p>{t('interfaces.deleteQuestion', { name: open.port.name || open.port.fixedIp })}</p>
        </ConfirmMutationDialog>
      )}
    </div>
  );
}

function CreateInterfaceDialog({ projectId, onClose }: { projectId: string; onClose: () => void }) {
  const t = useT();
  const subnets = useSubnets(projectId).data?.items ?? [];
  const create = useCreateNetworkInterface(projectId);
  const [subnetId, setSubnetId] = useState('');
  const [name, setName] = useState('');
  const [fixedIp, setFixedIp] = useState('');
  const chosen = subnetId || subnets[0]?.id || '';
  const submit = () => create.mutate({ subnetId: chosen, ...(name ? { name } : {}), ...(fixedIp ? { fixedIp } : {}) }, { onSuccess: onClose });
  return (
    <FormDialog title={t('interfaces.create')} submitLabel={t('interfaces.create')} onClose={onClose} onSubmit={submit} busy={create.isPending}>
      <IdSelect label={t('interfaces.subnet')} value={chosen} onChange={setSubnetId} options={subnets.map((s) => ({ id: s.id, label: `${s.name} (${s.cidr}, ${s.vpcName})` }))} error={fieldError(create.error, 'subnetId')} />
      <TextField label={t('common.name')} value={name} onChange={setName} error={fieldError(create.error, 'name')} />
      <TextField label={t('interfaces.fixedIp')} hint={t('interfaces.fixedIpHint')} value={fixedIp} onChange={setFixedIp} error={fieldError(create.error, 'fixedIp')} />
      <FormError error={create.error} fields={['subnetId', 'name', 'fixedIp']} />
    </FormDialog>
  );
}

function AttachDialog({ projectId, port, onClose }: { projectId: string; port: NetworkInterfaceDto; onClose: () => void }) {
  const t = useT();
  const toast = useToast();
  const [search, setSearch] = useState('');
  const found = useInstances(projectId, useDeferredValue(search.trim())).data?.items ?? [];
  const attach = useAttachInterface(projectId);
  const [instanceId, setInstanceId] = useState('');
  // The chosen instance stays selectable while a new search answers without it.
  const [picked, setPicked] = useState<InstanceDto | null>(null);
  const instances = picked && picked.id === instanceId && !found.some((instance) => instance.id === picked.id) ? [picked, ...found] : found;
  const chosen = instanceId || instances[0]?.id || '';
  const submit = () =>
    attach.mutate(
      { id: port.id, instanceId: chosen },
      {
        onSuccess: () => {
          toast.success(t('interfaces.attached'));
          onClose();
        },
      },
    );
  return (
    <FormDialog title={`${t('interfaces.attach')}: ${port.fixedIp}`} submitLabel={t('interfaces.attach')} onClose={onClose} onSubmit={submit} busy={attach.isPending}>
      <PickerSearch of={t('interfaces.instance')} value={search} onChange={setSearch} />
      <IdSelect
        label={t('interfaces.instance')}
        value={chosen}
        onChange={(id) => {
          setInstanceId(id);
          setPicked(instances.find((instance) => instance.id === id) ?? null);
        }}
        options={instances.map((i) => ({ id: i.id, label: `${i.name} (${i.status})` }))}
        error={fieldError(attach.error, 'instanceId')}
      />
      <FormError error={attach.error} fields={['instanceId']} />
    </FormDialog>
  );
}

function MoveFloatingIpDialog({ projectId, port, onClose }: { projectId: string; port: NetworkInterfaceDto; onClose: () => void }) {
  const t = useT();
  const toast = useToast();
  const [search, setSearch] = useState('');
  const found = useFloatingIps(projectId, useDeferredValue(search.trim())).data?.items ?? [];
  const [picked, setPicked] = useState<FloatingIpDto | null>(null);
  const floatingIps = picked && !found.some((f) => f.id === picked.id) ? [picked, ...found] : found;
  const move = useMoveFloatingIp(projectId);
  const [floatingIpId, setFloatingIpId] = useState('');
  const chosen = floatingIpId || floatingIps.find((f) => f.portId !== port.id)?.id || '';
  const address = floatingIps.find((f) => f.id === chosen)?.address ?? '';
  const submit = () =>
    move.mutate(
      { id: port.id, floatingIpId: chosen },
      {
        onSuccess: () => {
          toast.success(t('interfaces.moved', { address }));
          onClose();
        },
      },
    );
  return (
    <FormDialog title={`${t('interfaces.moveFloatingIp')}: ${port.fixedIp}`} submitLabel={t('interfaces.moveFloatingIp')} onClose={onClose} onSubmit={submit} busy={move.isPending}>
      <PickerSearch of={t('interfaces.floatingIp')} value={search} onChange={setSearch} />
      <IdSelect
        label={t('interfaces.floatingIp')}
        value={chosen}
        onChange={(id) => {
          setFloatingIpId(id);
          setPicked(floatingIps.find((f) => f.id === id) ?? null);
        }}
        options={floatingIps.filter((f) => f.portId !== port.id).map((f) => ({ id: f.id, label: f.fixedIp ? `${f.address} → ${f.fixedIp}` : f.address }))}
        error={fieldError(move.error, 'floatingIpId') ?? fieldError(move.error, 'portId')}
      />
      <FormError error={move.error} fields={['floatingIpId', 'portId']} />
    </FormDialog>
  );
}
