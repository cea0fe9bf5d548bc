import type { SecurityGroupDto, SecurityGroupRuleDto } from '@sandcloud/api-schemas';
import { useMemo, useState } from 'react';
import { BulkDeleteButton, ConfirmDeleteDialog, DataTable, RowActions, useListParams, useRowSelection, type ListColumn } from '../../../components/data-table/index.ts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { openstackCli } from '../../../lib/openstack-cli.ts';
import { useDeleteSecurityGroupRule } from '../api/delete-security-group-rule.ts';
import { useSecurityGroupRulePage } from '../api/get-security-group-rules.ts';
import { formatPortRange, formatProtocol, formatRemote } from './rule-format.ts';

/** The `direction` filter's key in the URL, the rules list's own field filter. */
const FILTER_KEYS = ['direction'] as const;

/**
 * A group's rules on the shared table: ingress first unless sorted otherwise, searched and paged by the
 * server; each deletable through the row's actions, checked rules together, both through the one
 * confirm-delete dialog.
 */
export function RulesTable({ projectId, group, readOnlyReason }: { projectId: string; group: SecurityGroupDto; readOnlyReason: string | undefined }) {
  const t = useT();
  const list = useListParams(FILTER_KEYS);
  const rules = useSecurityGroupRulePage(projectId, group.id, list.params);
  const remove = useDeleteSecurityGroupRule(projectId, group.id);
  const selection = useRowSelection<SecurityGroupRuleDto>();
  const [deleting, setDeleting] = useState<readonly SecurityGroupRuleDto[] | null>(null);

  const columns = useMemo(
    (): ListColumn<SecurityGroupRuleDto, 'security-group-rules'>[] => [
      {
        id: 'direction',
        header: t('securityGroups.direction'),
        sortField: 'direction',
        hideable: false,
        cell: (rule) => (
          <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${rule.direction === 'ingress' ? 'bg-sky-50 text-sky-700' : 'bg-violet-50 text-violet-700'}`}>
            {t(rule.direction === 'ingress' ? 'securityGroups.ingress' : 'securityGroups.egress')}
          </span>
        ),
      },
      { id: 'etherType', header: t('securityGroups.etherType'), sortField: 'etherType', cell: (rule) => rule.etherType },
      { id: 'protocol', header: t('securityGroups.protocol'), sortField: 'protocol', cell: (rule) => formatProtocol(rule, t) },
      { id: 'portRange', header: t('securityGroups.portRange'), sortField: 'portRangeMin', className: 'tabular-nums', cell: (rule) => formatPortRange(rule, t) },
      { id: 'remote', header: t('securityGroups.remote'), sortField: 'remote', className: 'font-mono text-xs', cell: (rule) => formatRemote(rule, t) },
      { id: 'description', header: t('common.description'), className: 'text-slate-600', cell: (rule) => rule.description || <span className="text-slate-300">—</span> },
    ],
    [t],
  );

  const directions = [
    { value: 'ingress', label: t('securityGroups.ingress') },
    { value: 'egress', label: t('securityGroups.egress') },
  ];
  const single = deleting?.length === 1 ? deleting[0] : undefined;

  return (
    <>
      <DataTable
        id="security-group-rules"
        label={t('securityGroups.rules')}
        columns={columns}
        query={rules}
        list={list}
        rowName={(rule) => rule.summary}
        rowProps={(rule) => ({ 'data-rule-summary': rule.summary })}
        searchLabel={t('table.search')}
        filters={[{ key: 'direction', label: t('securityGroups.direction'), options: directions }]}
        selection={selection}
        toolbar={<BulkDeleteButton count={selection.rows.length} readOnly={readOnlyReason} onClick={() => setDeleting(selection.rows)} />}
        actions={(rule) => (
          <RowActions name={rule.summary} actions={[{ label: t('common.delete'), danger: true, disabledReason: readOnlyReason, onSelect: () => setDeleting([rule]) }]} />
        )}
        emptyMessage={t('securityGroups.noRules')}
      />
      {deleting && (
        <ConfirmDeleteDialog
          items={deleting.map((rule) => ({ id: rule.id, name: rule.summary }))}
          remove={(id) => remove.mutateAsync(id)}
          {...(single ? { title: t('securityGroups.deleteRuleTitle'), cliCommand: openstackCli.securityGroupRuleDelete(single.id) } : {})}
          onClose={() => setDeleting(null)}
          onDone={(deleted) => selection.setPage(
            deleting.filter((rule) => deleted.includes(rule.id)).map((rule) => ({ id: rule.id, row: rule })),
            false,
          )}
        />
      )}
    </>
  );
}
