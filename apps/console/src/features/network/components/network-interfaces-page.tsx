import type { NetworkInterfaceDto } from '@sandcloud/api-schemas';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Button, RowAction } from '../../../components/ui/button.tsx';
import { ConfirmMutationDialog } from '../../../components/ui/confirm-dialog.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { FormDialog, FormError } from '../../../components/ui/form-dialog.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { QueryList } from '../../../components/ui/query-list.tsx';
import { StatusBadge } from '../../../components/ui/status-badge.tsx';
import { ActionsTh, Panel, Table, TBody, Td, Th, THead, TimeTd } from '../../../components/ui/table.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { fieldError } from '../../../lib/api-client.ts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useFloatingIps } from '../../floating-ips/api/get-floating-ips.ts';
import { useInstances } from '../../instances/api/get-instances.ts';
import { useProjectPermissions } from '../../projects/api/projects.ts';
import {
  useAttachInterface,
  useCreateNetworkInterface,
  useDeleteNetworkInterface,
  useDetachInterface,
  useMoveFloatingIp,
  useNetworkInterfaces,
} from '../api/network-interfaces.ts';
import { useSubnets } from '../api/subnets.ts';
import { IdSelect } from './id-select.tsx';

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
  const ports = useNetworkInterfaces(projectId);
  const detach = useDetachInterface(projectId);
  const remove = useDeleteNetworkInterface(projectId);
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  const create = (
    <Button variant="primary" disabledReason={readOnly} onClick={() => setOpen({ kind: 'create' })}>
      {t('interfaces.create')}
    </Button>
  );
  return (
    <div>
      <PageHeader title={t('menu.networkInterfaces')} description={t('interfaces.description')} actions={create} />
      <Panel>
        <QueryList query={ports} columns={8} emptyMessage={t('interfaces.empty')} emptyAction={create}>
          {(items) => (
            <Table label={t('menu.networkInterfaces')}>
              <THead>
                <Th>{t('common.name')}</Th>
                <Th>{t('common.status')}</Th>
                <Th>{t('interfaces.subnet')}</Th>
                <Th>{t('interfaces.fixedIp')}</Th>
                <Th>{t('interfaces.mac')}</Th>
                <Th>{t('interfaces.device')}</Th>
                <Th>{t('interfaces.floatingIp')}</Th>
                <Th>{t('common.createdAt')}</Th>
                <ActionsTh />
              </THead>
              <TBody>
                {items.map((port) => (
                  <tr key={port.id} className="hover:bg-slate-50" data-interface-ip={port.fixedIp}>
                    <Td>
                      <div className="font-medium">{port.name || '—'}</div>
                      <div className="font-mono text-xs text-slate-400">{port.id}</div>
                    </Td>
                    <Td>
                      <StatusBadge status={port.status} />
                    </Td>
                    <Td>
                      {port.subnetName} <span className="text-xs text-slate-500">({port.vpcName})</span>
                    </Td>
                    <Td className="font-mono">{port.fixedIp}</Td>
                    <Td className="font-mono text-xs">{port.macAddress}</Td>
                    <Td>
                      {port.device ? port.device.name : <span className="text-slate-400">{t('interfaces.free')}</span>}
                      {port.primary && <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs">{t('interfaces.primary')}</span>}
                    </Td>
                    <Td className="font-mono">{port.floatingIp?.address ?? '—'}</Td>
                    <TimeTd value={port.createdAt} />
                    <Td className="text-right whitespace-nowrap">
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
                    </Td>
                  </tr>
                ))}
              </TBody>
            </Table>
          )}
        </QueryList>
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
  const instances = useInstances(projectId).data?.items ?? [];
  const attach = useAttachInterface(projectId);
  const [instanceId, setInstanceId] = useState('');
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
      <IdSelect label={t('interfaces.instance')} value={chosen} onChange={setInstanceId} options={instances.map((i) => ({ id: i.id, label: `${i.name} (${i.status})` }))} error={fieldError(attach.error, 'instanceId')} />
      <FormError error={attach.error} fields={['instanceId']} />
    </FormDialog>
  );
}

function MoveFloatingIpDialog({ projectId, port, onClose }: { projectId: string; port: NetworkInterfaceDto; onClose: () => void }) {
  const t = useT();
  const toast = useToast();
  const floatingIps = useFloatingIps(projectId).data?.items ?? [];
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
      <IdSelect
        label={t('interfaces.floatingIp')}
        value={chosen}
        onChange={setFloatingIpId}
        options={floatingIps.filter((f) => f.portId !== port.id).map((f) => ({ id: f.id, label: f.fixedIp ? `${f.address} → ${f.fixedIp}` : f.address }))}
        error={fieldError(move.error, 'floatingIpId') ?? fieldError(move.error, 'portId')}
      />
      <FormError error={move.error} fields={['floatingIpId', 'portId']} />
    </FormDialog>
  );
}
