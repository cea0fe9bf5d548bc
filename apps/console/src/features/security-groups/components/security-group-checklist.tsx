import { Checkbox } from '../../../components/ui/checkbox.tsx';
import { FieldSet } from '../../../components/ui/field.tsx';
import { SkeletonRows } from '../../../components/ui/skeleton.tsx';
import { errorMessage } from '../../../lib/api-client.ts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useSecurityGroups } from '../api/get-security-groups.ts';
import { formatPortRange, formatProtocol, formatRemote } from './rule-format.ts';

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
 * will be let in. Used by the instance wizard and by "change security groups".
 */
export function SecurityGroupChecklist({ projectId, value, onChange, error, label }: SecurityGroupChecklistProps) {
  const t = useT();
  const groups = useSecurityGroups(projectId);

  if (groups.isPending) return <SkeletonRows rows={2} columns={3} />;
  if (groups.isError) return <p className="text-sm text-red-600">{errorMessage(groups.error)}</p>;

  const toggle = (id: string, checked: boolean) => onChange(checked ? [...value, id] : value.filter((candidate) => candidate !== id));

  return (
    <FieldSet legend={label} error={error} markInvalid>
      <div className="divide-y divide-slate-100 rounded border border-slate-200">
        {groups.data.items.map((group) => {
          const ingress = group.rules.filter((rule) => rule.direction === 'ingress' && rule.remoteGroupId === null);
          return (
            <label key={group.id} className="flex cursor-pointer items-start gap-3 px-3 py-2.5 hover:bg-slate-50">
              <Checkbox className="mt-0.5" checked={value.includes(group.id)} onChange={(event) => toggle(group.id, event.target.checked)} />
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
        })}
      </div>
    </FieldSet>
  );
}
