import type { SecurityGroupDto } from '@sandcloud/api-schemas';
import { useDeferredValue, useState } from 'react';
import { Checkbox } from '../../../components/ui/checkbox.tsx';
import { FieldSet } from '../../../components/ui/field.tsx';
import { SkeletonRows } from '../../../components/ui/skeleton.tsx';
import { errorMessage } from '../../../lib/api-client.ts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useSecurityGroupSearch, useSecurityGroupsById } from '../api/get-security-groups.ts';
import { formatPortRange, formatProtocol, formatRemote } from './rule-format.ts';
import { PickerSearch } from '../../../components/ui/picker-search.tsx';

interface SecurityGroupChecklistProps {
  projectId: string;
  value: readonly string[];
  onChange: (ids: string[]) => void;
  error?: string | undefined;
  /** Names the group of checkboxes (the field's label). */
  label: string;
}

/**
 * `[Security Groups]` as checkboxes, each with its ingress rules spelled out, so the user sees what
 * will be let in. The server searches (name, id, description) and answers a page of matches, so a
 * project with more groups than a page still finds each one; the chosen groups stay on top whatever
 * the search. Used by the instance wizard and by "change security groups".
 */
export function SecurityGroupChecklist({ projectId, value, onChange, error, label }: SecurityGroupChecklistProps) {
  const t = useT();
  const [search, setSearch] = useState('');
  const q = useDeferredValue(search.trim());
  const matches = useSecurityGroupSearch(projectId, q);
  const chosenQuery = useSecurityGroupsById(projectId, value);

  // A group checked from the matches stays on top while the look-up by id catches up.
  const [picked, setPicked] = useState<readonly SecurityGroupDto[]>([]);
  const toggle = (group: SecurityGroupDto, checked: boolean) => {
    if (checked) setPicked((current) => [...current, group]);
    onChange(checked ? [...value, group.id] : value.filter((candidate) => candidate !== group.id));
  };
  const known = new Map<string, SecurityGroupDto>();
  for (const group of [...picked, ...(matches.data?.items ?? []), ...(chosenQuery.data?.items ?? [])]) known.set(group.id, group);
  const chosen = value.flatMap((id) => known.get(id) ?? []);
  const others = (matches.data?.items ?? []).filter((group) => !value.includes(group.id));
  const total = matches.data?.total ?? 0;
  const shown = matches.data?.items.length ?? 0;

  return (
    <FieldSet legend={label} error={error} markInvalid>
      <PickerSearch of={label} value={search} onChange={setSearch} className="mb-2 max-w-xs" />
      {matches.isPending ? (
        <SkeletonRows rows={2} columns={3} />
      ) : matches.isError ? (
        <p className="text-sm text-red-600">{errorMessage(matches.error)}</p>
      ) : (
        <>
          <div className="divide-y divide-slate-100 rounded border border-slate-200">
            {[...chosen, ...others].map((group) => (
              <GroupChoice key={group.id} group={group} checked={value.includes(group.id)} onChange={(checked) => toggle(group, checked)} />
            ))}
            {chosen.length + others.length === 0 && <p className="px-3 py-4 text-center text-sm text-slate-500">{t('table.noMatch')}</p>}
          </div>
          {total > shown && <p className="mt-1 text-xs text-slate-500">{t('table.range', { from: 1, to: shown, total })}</p>}
        </>
      )}
    </FieldSet>
  );
}

function GroupChoice({ group, checked, onChange }: { group: SecurityGroupDto; checked: boolean; onChange: (checked: boolean) => void }) {
  const t = useT();
  const ingress = group.rules.filter((rule) => rule.direction === 'ingress' && rule.remoteGroupId === null);
  return (
    <label className="flex cursor-pointer items-start gap-3 px-3 py-2.5 hover:bg-slate-50">
      <Checkbox className="mt-0.5" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      <span className="min-w-0 flex-1">
        <span className="font-medium">{group.name}</span>
        {group.description && <span className="ml-2 text-xs text-slate-500">{group.description}</span>}
        <span className="mt-0.5 block text-xs text-slate-500">
          {ingress.length === 0
            ? t('securityGroups.noInboundFromOutside')
            : t('securityGroups.allowsInbound', {
                rules: ingress.map((rule) => `${formatProtocol(rule, t)} ${formatPortRange(rule, t)} ← ${formatRemote(rule, t)}`).join(', '),
              })}
        </span>
      </span>
    </label>
  );
}
