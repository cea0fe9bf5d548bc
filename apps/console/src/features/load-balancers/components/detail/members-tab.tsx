import type { LoadBalancerDto, LoadBalancerMemberDto } from '@sandcloud/api-schemas';
import { useId, useMemo, useState } from 'react';
import { ConfirmDeleteDialog, DataTable, RowActions, useListParams, type ListColumn } from '../../../../components/data-table/index.ts';
import { Button } from '../../../../components/ui/button.tsx';
import { inputClass } from '../../../../components/ui/field.tsx';
import { StatusBadge } from '../../../../components/ui/status-badge.tsx';
import { Panel } from '../../../../components/ui/table.tsx';
import { useToast } from '../../../../components/ui/toast.tsx';
import { errorMessage } from '../../../../lib/api-client.ts';
import { useT } from '../../../../lib/i18n/i18n.tsx';
import { useAddMember } from '../../api/add-member.ts';
import { useCandidateSearch } from '../../api/get-candidate-instances.ts';
import { useMemberPage } from '../../api/get-members.ts';
import { useRemoveMember } from '../../api/remove-member.ts';
import { useUpdateMember } from '../../api/update-member.ts';
import { blockedReason } from '../format.ts';
import { eligibleInstances } from '../wizard/instances-step.tsx';
import { chosenListener, ListenerSelect } from './listener-select.tsx';
import { PickerSearch } from '../../../../components/ui/picker-search.tsx';

interface MembersTabProps {
  projectId: string;
  loadBalancer: LoadBalancerDto;
  readOnly: string | undefined;
}

/** The Instance tab's view in the URL (`members.sort=…`), apart from the Listeners tab's. */
export const MEMBERS_PREFIX = 'members.';

/**
 * Instances: the members of a listener's pool with their health, one server page at a time (a pool
 * can hold hundreds); add, remove (through the one confirm-delete dialog), enable/disable, weight.
 * Members are removed one at a time: each change puts the load balancer in PENDING_UPDATE until it
 * is applied, so the API refuses a second one meanwhile (no bulk removal).
 */
export function MembersTab({ projectId, loadBalancer, readOnly }: MembersTabProps) {
  const t = useT();
  const toast = useToast();
  const [listenerId, setListenerId] = useState(loadBalancer.listeners[0]?.id ?? '');
  const listener = chosenListener(loadBalancer.listeners, listenerId);
  const list = useListParams([], MEMBERS_PREFIX);
  const members = useMemberPage(projectId, loadBalancer.id, listener?.id ?? '', list.params);
  const [search, setSearch] = useState('');
  const instances = useCandidateSearch(projectId, loadBalancer.networkId, search);
  const add = useAddMember(projectId, loadBalancer.id);
  const update = useUpdateMember(projectId, loadBalancer.id);
  const remove = useRemoveMember(projectId, loadBalancer.id);
  const [candidate, setCandidate] = useState('');
  const [weight, setWeight] = useState('1');
  const [removing, setRemoving] = useState<LoadBalancerMemberDto | null>(null);
  const addId = useId();
  const busy = readOnly ?? blockedReason(loadBalancer, 'update', t);
  const onError = (error: Error) => toast.error(errorMessage(error));

  const columns = useMemo(
    (): ListColumn<LoadBalancerMemberDto, 'load-balancer-members'>[] => [
      { id: 'name', header: t('lb.column.name'), sortField: 'name', hideable: false, className: 'font-medium', cell: (member) => member.instanceName },
      { id: 'address', header: t('lb.column.privateIp'), sortField: 'address', className: 'font-mono text-xs', cell: (member) => member.address },
      { id: 'protocolPort', header: t('lb.field.instancePort'), sortField: 'protocolPort', className: 'text-right tabular-nums', headerClassName: 'text-right', cell: (member) => member.protocolPort },
      {
        id: 'weight',
        header: t('lb.field.weight'),
        sortField: 'weight',
        className: 'text-right',
        headerClassName: 'text-right',
        cell: (member) => <WeightEditor key={`${member.id}:${member.weight}`} member={member} disabledReason={busy} onSave={(next) => update.mutate({ memberId: member.id, weight: next }, { onError: (error) => toast.error(errorMessage(error)) })} />,
      },
      {
        id: 'instanceStatus',
        header: t('lb.column.instanceStatus'),
        cell: (member) => (member.instanceStatus ? <StatusBadge status={member.instanceStatus} /> : <span className="text-slate-400">—</span>),
      },
      {
        id: 'health',
        header: t('lb.column.health'),
        sortField: 'operatingStatus',
        cell: (member) => (
          <span className="inline-flex items-center gap-1.5">
            <StatusBadge status={member.operatingStatus} />
            {!member.adminStateUp && <span className="text-xs text-slate-500">{t('lb.memberDisabledBadge')}</span>}
          </span>
        ),
      },
    ],
    [t, busy, update, toast],
  );

  if (!listener) return null;

  const memberInstances = new Set(listener.pool.members.map((member) => member.instanceId));
  const addable = eligibleInstances(instances.data?.items ?? [], loadBalancer.networkId).filter((instance) => !memberInstances.has(instance.id));
  const chosen = addable.some((instance) => instance.id === candidate) ? candidate : (addable[0]?.id ?? '');

  const addMember = () => {
    const instance = addable.find((item) => item.id === chosen);
    if (!instance) return;
    add.mutate(
      { listenerId: listener.id, instanceId: instance.id, weight: Number(weight) },
      { onSuccess: () => toast.success(t('lb.memberAdded', { name: instance.name, listener: listener.name })), onError },
    );
  };
  const toggle = (member: LoadBalancerMemberDto) =>
    update.mutate(
      { memberId: member.id, adminStateUp: !member.adminStateUp },
      { onSuccess: () => toast.success(t(member.adminStateUp ? 'lb.memberDisabled' : 'lb.memberEnabled', { name: member.instanceName })), onError },
    );

  return (
    <Panel>
      <div className="border-b border-slate-200 px-4 py-3">
        <ListenerSelect
          listeners={loadBalancer.listeners}
          value={listener.id}
          onChange={(id) => {
            setListenerId(id);
            list.update({ page: 1 });
          }}
        />
        <div className="flex flex-wrap items-end gap-2">
          <PickerSearch of={t('lb.field.instance')} value={search} onChange={setSearch} className="w-48" />
          <div className="flex flex-col gap-1">
            <label htmlFor={`${addId}-instance`} className="text-sm font-medium text-slate-700">
              {t('lb.field.instance')}
            </label>
            <select
              id={`${addId}-instance`}
              className={`${inputClass} w-64`}
              disabled={addable.length === 0}
              value={chosen}
              onChange={(event) => setCandidate(event.target.value)}
            >
              {addable.length === 0 && <option value="">{t('lb.instances.noneToAdd')}</option>}
              {addable.map((instance) => (
                <option key={instance.id} value={instance.id}>
                  {instance.name} ({instance.privateIp ?? '—'})
                </option>
              ))}
            </select>
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor={`${addId}-weight`} className="text-sm font-medium text-slate-700">
              {t('lb.field.weight')}
            </label>
            <input id={`${addId}-weight`} type="number" min={0} max={256} className={`${inputClass} w-24 tabular-nums`} value={weight} onChange={(event) => setWeight(event.target.value)} />
          </div>
          <Button variant="primary" disabledReason={busy ?? (addable.length === 0 ? t('lb.instances.noneToAdd') : undefined)} disabled={add.isPending} onClick={addMember} title={t('lb.instances.addMember')}>
            +
          </Button>
        </div>
      </div>
      <DataTable
        id="load-balancer-members"
        label={t('lb.tab.instances')}
        columns={columns}
        query={members}
        list={list}
        rowName={(member) => member.instanceName}
        searchLabel={t('table.search')}
        actions={(member) => (
          <RowActions
            name={member.instanceName}
            actions={[
              { label: member.adminStateUp ? t('lb.disable') : t('lb.enable'), disabledReason: busy, onSelect: () => toggle(member) },
              { label: t('lb.instances.remove'), danger: true, disabledReason: busy, onSelect: () => setRemoving(member) },
            ]}
          />
        )}
        emptyMessage={t('lb.instances.empty')}
      />
      {removing && (
        <ConfirmDeleteDialog
          title={t('lb.instances.removeOne', { name: removing.instanceName })}
          items={[{ id: removing.id, name: removing.instanceName }]}
          remove={(id) => remove.mutateAsync(id)}
          onClose={() => setRemoving(null)}
          onDone={() => undefined}
        />
      )}
      <p className="border-t border-slate-100 px-4 py-2 text-xs text-slate-500">
        {listener.pool.healthMonitor
          ? t('lb.healthExplained', { retries: listener.pool.healthMonitor.maxRetries, interval: listener.pool.healthMonitor.delaySeconds })
          : t('lb.noMonitor')}
      </p>
    </Panel>
  );
}

function WeightEditor({ member, disabledReason, onSave }: { member: LoadBalancerMemberDto; disabledReason: string | undefined; onSave: (weight: number) => void }) {
  const t = useT();
  const id = useId();
  const [value, setValue] = useState(String(member.weight));
  const valid = /^\d+$/.test(value) && Number(value) <= 256;
  const changed = value !== String(member.weight);
  return (
    <span className="inline-flex items-center justify-end gap-1">
      <label htmlFor={id} className="sr-only">
        {t('lb.weightOf', { name: member.instanceName })}
      </label>
      <input
        id={id}
        type="number"
        min={0}
        max={256}
        disabled={Boolean(disabledReason)}
        aria-invalid={!valid}
        className={`${inputClass} w-20 text-right tabular-nums`}
        value={value}
        onChange={(event) => setValue(event.target.value)}
      />
      {changed && (
        <Button className="px-2 py-1 text-xs" disabledReason={disabledReason ?? (valid ? undefined : t('lb.error.weight', { min: 0, max: 256 }))} onClick={() => onSave(Number(value))}>
          {t('common.save')}
        </Button>
      )}
    </span>
  );
}
