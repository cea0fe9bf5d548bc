import type { SecurityGroupDto } from '@sandcloud/api-schemas';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { createdAtColumn, DataTable, RowActions, useListParams, type ListColumn } from '../../../components/data-table/index.ts';
import { Button } from '../../../components/ui/button.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { Panel } from '../../../components/ui/table.tsx';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { routes } from '../../../lib/routes.ts';
import { useProjectPermissions } from '../../../lib/projects.ts';
import { useSecurityGroupPage } from '../api/get-security-groups.ts';
import { deleteBlockedReason } from './delete-reason.ts';
import { DeleteSecurityGroupDialog } from './delete-security-group-dialog.tsx';
import { SecurityGroupFormDialog } from './security-group-form-dialog.tsx';

type Open = { kind: 'create' } | { kind: 'edit'; group: SecurityGroupDto } | { kind: 'delete'; group: SecurityGroupDto } | null;

/** Security Groups: the project's groups; a name opens its rules. */
export function SecurityGroupsPage() {
  const t = useT();
  const { projectId = '' } = useParams();
  const { readOnlyReason: readOnly } = useProjectPermissions(projectId);
  const list = useListParams();
  const groups = useSecurityGroupPage(projectId, list.params);
  const [open, setOpen] = useState<Open>(null);

  const columns = useMemo(
    (): ListColumn<SecurityGroupDto, 'security-groups'>[] => [
      {
        id: 'name',
        header: t('common.name'),
        sortField: 'name',
        hideable: false,
        cell: (group) => (
          <>
            <Link className="font-medium text-brand-600 hover:underline" to={routes.securityGroup({ projectId, groupId: group.id })}>
              {group.name}
            </Link>
            {group.isDefault && <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">{t('securityGroups.defaultBadge')}</span>}
          </>
        ),
      },
      { id: 'description', header: t('common.description'), className: 'text-slate-600', cell: (group) => group.description || <span className="text-slate-300">—</span> },
      {
        id: 'ingress',
        header: t('securityGroups.ingressRules'),
        className: 'text-right tabular-nums',
        headerClassName: 'text-right',
        cell: (group) => group.rules.filter((rule) => rule.direction === 'ingress').length,
      },
      {
        id: 'egress',
        header: t('securityGroups.egressRules'),
        className: 'text-right tabular-nums',
        headerClassName: 'text-right',
        cell: (group) => group.rules.filter((rule) => rule.direction === 'egress').length,
      },
      { id: 'instanceCount', header: t('securityGroups.instanceCount'), className: 'text-right tabular-nums', headerClassName: 'text-right', cell: (group) => group.instanceCount },
      createdAtColumn(t),
    ],
    [t, projectId],
  );

  return (
    <div>
      <PageHeader
        title={t('menu.securityGroups')}
        description={t('securityGroups.description')}
        actions={
          <Button variant="primary" disabledReason={readOnly} onClick={() => setOpen({ kind: 'create' })}>
            {t('securityGroups.create')}
          </Button>
        }
      />
      <Panel>
        <DataTable
          id="security-groups"
          label={t('menu.securityGroups')}
          columns={columns}
          query={groups}
          list={list}
          searchLabel={t('table.search')}
          actions={(group) => (
            <>
              <Link className="rounded px-3 py-1.5 text-xs font-medium text-slate-700 hover:bg-slate-100" to={routes.securityGroup({ projectId, groupId: group.id })}>
                {t('securityGroups.manageRules')}
              </Link>
              <RowActions
                name={group.name}
                actions={[
                  { label: t('securityGroups.edit'), disabledReason: readOnly, onSelect: () => setOpen({ kind: 'edit', group }) },
                  { label: t('common.delete'), danger: true, disabledReason: readOnly ?? deleteBlockedReason(group, t), onSelect: () => setOpen({ kind: 'delete', group }) },
                ]}
              />
            </>
          )}
          emptyMessage={t('securityGroups.empty')}
        />
      </Panel>
      {open?.kind === 'create' && <SecurityGroupFormDialog projectId={projectId} onClose={() => setOpen(null)} />}
      {open?.kind === 'edit' && <SecurityGroupFormDialog projectId={projectId} group={open.group} onClose={() => setOpen(null)} />}
      {open?.kind === 'delete' && <DeleteSecurityGroupDialog projectId={projectId} group={open.group} onClose={() => setOpen(null)} />}
    </div>
  );
}
