import type { SecurityGroupDto, SecurityGroupRuleDto } from '@sandcloud/api-schemas';
import { useState } from 'react';
import { BulkDeleteButton, ConfirmDeleteDialog, useRowSelection } from '../../../components/data-table/index.ts';
import { RowAction } from '../../../components/ui/button.tsx';
import { Checkbox } from '../../../components/ui/checkbox.tsx';
import { ConfirmMutationDialog } from '../../../components/ui/confirm-dialog.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { ActionsTh, Table, TBody, Td, Th, THead } from '../../../components/ui/table.tsx';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { openstackCli } from '../../../lib/openstack-cli.ts';
import { useDeleteSecurityGroupRule } from '../api/delete-security-group-rule.ts';
import { formatPortRange, formatProtocol, formatRemote } from './rule-format.ts';

const DIRECTION_ORDER = { ingress: 0, egress: 1 } as const;

/** A group's rules, ingress first, each deletable after a confirmation naming it; checked rules go in one confirmation. */
export function RulesTable({ projectId, group, readOnlyReason }: { projectId: string; group: SecurityGroupDto; readOnlyReason: string | undefined }) {
  const t = useT();
  const remove = useDeleteSecurityGroupRule(projectId, group.id);
  const [deleting, setDeleting] = useState<SecurityGroupRuleDto | null>(null);
  const selection = useRowSelection<{ id: string; name: string }>();
  const [bulkDeleting, setBulkDeleting] = useState(false);
  const rules = [...group.rules].sort(
    (a, b) => DIRECTION_ORDER[a.direction] - DIRECTION_ORDER[b.direction] || a.etherType.localeCompare(b.etherType),
  );

  if (rules.length === 0) return <EmptyState message={t('securityGroups.noRules')} />;

  return (
    <>
      <div className="mb-2 flex items-center gap-3">
        <BulkDeleteButton count={selection.rows.length} readOnly={readOnlyReason} onClick={() => setBulkDeleting(true)} />
        <span className="text-xs text-slate-500">{selection.rows.length > 0 ? t('table.selected', { count: selection.rows.length }) : ''}</span>
      </div>
      <Table label={t('securityGroups.rules')}>
        <THead>
          <Th>
            <span className="sr-only">{t('table.selectRow', { name: t('securityGroups.rules') })}</span>
          </Th>
          <Th>{t('securityGroups.direction')}</Th>
          <Th>{t('securityGroups.etherType')}</Th>
          <Th>{t('securityGroups.protocol')}</Th>
          <Th>{t('securityGroups.portRange')}</Th>
          <Th>{t('securityGroups.remote')}</Th>
          <Th>{t('common.description')}</Th>
          <ActionsTh />
        </THead>
        <TBody>
          {rules.map((rule) => (
            <tr key={rule.id} className="hover:bg-slate-50" data-rule-summary={rule.summary}>
              <Td>
                <Checkbox
                  aria-label={t('table.selectRow', { name: rule.summary })}
                  checked={selection.isSelected(rule.id)}
                  onChange={(event) => selection.toggle(rule.id, { id: rule.id, name: rule.summary }, event.target.checked)}
                />
              </Td>
              <Td>
                <span
                  className={`rounded px-1.5 py-0.5 text-xs font-medium ${rule.direction === 'ingress' ? 'bg-sky-50 text-sky-700' : 'bg-violet-50 text-violet-700'}`}
                >
                  {t(rule.direction === 'ingress' ? 'securityGroups.ingress' : 'securityGroups.egress')}
                </span>
              </Td>
              <Td>{rule.etherType}</Td>
              <Td>{formatProtocol(rule, t)}</Td>
              <Td className="tabular-nums">{formatPortRange(rule, t)}</Td>
              <Td className="font-mono text-xs">{formatRemote(rule, t)}</Td>
              <Td className="text-slate-600">{rule.description || <span className="text-slate-300">—</span>}</Td>
              <Td className="text-right">
                <RowAction danger disabledReason={readOnlyReason} onClick={() => setDeleting(rule)}>
                  {t('common.delete')}
                </RowAction>
              </Td>
            </tr>
          ))}
        </TBody>
      </Table>
      {bulkDeleting && (
        <ConfirmDeleteDialog
          items={selection.rows}
          remove={(id) => remove.mutateAsync(id)}
          onClose={() => setBulkDeleting(false)}
          onDone={() => selection.clear()}
        />
      )}
      {deleting && (
        <ConfirmMutationDialog
          title={t('securityGroups.deleteRuleTitle')}
          confirmLabel={t('common.delete')}
          mutation={remove}
          variables={deleting.id}
          successMessage={t('securityGroups.ruleDeleted')}
          onSuccess={() => setDeleting(null)}
          onCancel={() => setDeleting(null)}
          cliCommand={openstackCli.securityGroupRuleDelete(deleting.id)}
        >
          <p>{t('securityGroups.deleteRuleConfirm', { group: group.name })}</p>
          <p className="mt-2 rounded bg-slate-50 px-2 py-1 font-mono text-xs">{deleting.summary}</p>
        </ConfirmMutationDialog>
      )}
    </>
  );
}
