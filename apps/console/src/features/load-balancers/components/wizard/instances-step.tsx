import type { InstanceDto } from '@sandcloud/api-schemas';
import { useId, useState } from 'react';
import { Alert } from '../../../../components/ui/alert.tsx';
import { Button } from '../../../../components/ui/button.tsx';
import { SkeletonRows } from '../../../../components/ui/skeleton.tsx';
import { StatusBadge } from '../../../../components/ui/status-badge.tsx';
import { ActionsTh, Table, TBody, Td, Th, THead } from '../../../../components/ui/table.tsx';
import { inputClass } from '../../../../components/ui/field.tsx';
import { errorMessage } from '../../../../lib/api-client.ts';
import { useT } from '../../../../lib/i18n/i18n.tsx';
import { useCandidateSearch } from '../../api/get-candidate-instances.ts';
import type { MemberChoice, WizardErrors } from './wizard-form.ts';
import { PickerSearch } from '../../../../components/ui/picker-search.tsx';

interface InstancesStepProps {
  projectId: string;
  /** The network of the load balancer's subnet: only its instances can be members. */
  networkId: string;
  members: MemberChoice[];
  errors: WizardErrors;
  onChange: (members: MemberChoice[]) => void;
}

/** Instances that can still join: on the subnet, not being deleted. */
export const eligibleInstances = (instances: InstanceDto[], networkId: string) =>
  instances.filter((instance) => instance.networkId === networkId && instance.taskState !== 'deleting');

/** 3. Instances: the project's instances on the subnet, added with `[+]`, removed with `[-]`, each with a weight. */
export function InstancesStep({ projectId, networkId, members, errors, onChange }: InstancesStepProps) {
  const t = useT();
  const [search, setSearch] = useState('');
  const instances = useCandidateSearch(projectId, networkId, search);
  const weightId = useId();

  if (instances.isPending) return <SkeletonRows rows={3} columns={4} />;
  if (instances.isError) return <Alert tone="error">{errorMessage(instances.error)}</Alert>;
  const onSubnet = eligibleInstances(instances.data.items, networkId);
  const chosen = new Set(members.map((member) => member.instanceId));
  const available = onSubnet.filter((instance) => !chosen.has(instance.id));
  const byId = new Map(instances.data.items.map((instance) => [instance.id, instance]));

  return (
    <div className="grid grid-cols-1 gap-5 lg:grid-cols-2">
      <section aria-labelledby={`${weightId}-available`}>
        <h3 id={`${weightId}-available`} className="mb-2 text-sm font-semibold">
          {t('lb.instances.available')}
        </h3>
        <PickerSearch value={search} onChange={setSearch} className="mb-2 w-full" />
        <div className="rounded border border-slate-200">
          {available.length === 0 ? (
            <p className="px-4 py-6 text-center text-sm text-slate-500">
              {search.trim() && onSubnet.length === 0 ? t('table.noMatch') : onSubnet.length === 0 ? t('lb.instances.noneOnSubnet') : t('lb.instances.allAdded')}
            </p>
          ) : (
            <Table label={t('lb.instances.available')}>
              <THead>
                <Th>{t('lb.column.name')}</Th>
                <Th>{t('lb.column.privateIp')}</Th>
                <Th>{t('common.status')}</Th>
                <ActionsTh label={t('common.add')} />
              </THead>
              <TBody>
                {available.map((instance) => (
                  <tr key={instance.id}>
                    <Td className="font-medium">{instance.name}</Td>
                    <Td className="font-mono text-xs">{instance.privateIp ?? '—'}</Td>
                    <Td>
                      <StatusBadge status={instance.status} />
                    </Td>
                    <Td className="text-right">
                      <Button className="px-2 py-0.5" title={t('lb.instances.addOne', { name: instance.name })} onClick={() => onChange([...members, { instanceId: instance.id, weight: '1', name: instance.name, privateIp: instance.privateIp }])}>
                        +
                      </Button>
                    </Td>
                  </tr>
                ))}
              </TBody>
            </Table>
          )}
        </div>
      </section>
      <section aria-labelledby={`${weightId}-chosen`}>
        <h3 id={`${weightId}-chosen`} className="mb-2 text-sm font-semibold">
          {t('lb.instances.chosen', { count: members.length })}
        </h3>
        <div className={`rounded border ${errors.members ? 'border-red-400' : 'border-slate-200'}`}>
          {members.length === 0 ? (
            <p className="px-4 py-6 text-center text-sm text-slate-500">{t('lb.instances.noneChosen')}</p>
          ) : (
            <Table label={t('lb.instances.chosen', { count: members.length })}>
              <THead>
                <Th>{t('lb.column.name')}</Th>
                <Th>{t('lb.column.privateIp')}</Th>
                <Th>{t('lb.field.weight')}</Th>
                <ActionsTh label={t('lb.instances.remove')} />
              </THead>
              <TBody>
                {members.map((member, index) => {
                  const instance = byId.get(member.instanceId);
                  const name = member.name ?? instance?.name ?? member.instanceId;
                  const inputId = `${weightId}-${index}`;
                  return (
                    <tr key={member.instanceId}>
                      <Td className="font-medium">{name}</Td>
                      <Td className="font-mono text-xs">{member.privateIp ?? instance?.privateIp ?? '—'}</Td>
                      <Td>
                        <label htmlFor={inputId} className="sr-only">
                          {t('lb.weightOf', { name })}
                        </label>
                        <input
                          id={inputId}
                          type="number"
                          min={0}
                          max={256}
                          className={`${inputClass} w-20 tabular-nums`}
                          value={member.weight}
                          onChange={(event) => onChange(members.map((candidate, at) => (at === index ? { ...candidate, weight: event.target.value } : candidate)))}
                        />
                      </Td>
                      <Td className="text-right">
                        <Button className="px-2 py-0.5" title={t('lb.instances.removeOne', { name })} onClick={() => onChange(members.filter((_, at) => at !== index))}>
                          -
                        </Button>
                      </Td>
                    </tr>
                  );
                })}
              </TBody>
            </Table>
          )}
        </div>
        {errors.members ? (
          <p role="alert" className="mt-1 text-xs text-red-600">
            {errors.members}
          </p>
        ) : (
          <p className="mt-1 text-xs text-slate-500">{t('lb.hint.weight')}</p>
        )}
      </section>
    </div>
  );
}
