import type { SecurityGroupDto } from '@sandcloud/api-schemas';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Button, RowAction } from '../../../components/ui/button.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { QueryList } from '../../../components/ui/query-list.tsx';
import { ActionsTh, Panel, Table, TBody, Td, Th, THead, TimeTd } from '../../../components/ui/table.tsx';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { paths } from '../../../lib/paths.ts';
import { useProjectPermissions } from '../../projects/api/projects.ts';
import { useSecurityGroups } from '../api/get-security-groups.ts';
import { deleteBlockedReason } from './delete-reason.ts';
import { DeleteSecurityGroupDialog } from './delete-security-group-dialog.tsx';
import { SecurityGroupFormDialog } from './security-group-form-dialog.tsx';

type Open = { kind: 'create' } | { kind: 'edit'; group: SecurityGroupDto } | { kind: 'delete'; group: SecurityGroupDto } | null;

/** Security Groups: the project's groups; a name opens its rules. */
export function SecurityGroupsPage() {
  const t = useT();
  const { projectId = '' } = useParams();
  const { readOnlyReason: readOnly } = useProjectPermissions(projectId);
  const groups = useSecurityGroups(projectId);
  const [open, setOpen] = useState<Open>(null);

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
        <QueryList query={groups} columns={5} emptyMessage={t('securityGroups.empty')}>
          {(items) => (
            <Table label={t('menu.securityGroups')}>
              <THead>
                <Th>{t('common.name')}</Th>
                <Th>{t('common.description')}</Th>
                <Th className="text-right">{t('securityGroups.ingressRules')}</Th>
                <Th className="text-right">{t('securityGroups.egressRules')}</Th>
                <Th className="text-right">{t('securityGroups.instanceCount')}</Th>
                <Th>{t('common.createdAt')}</Th>
                <ActionsTh />
              </THead>
              <TBody>
                {items.map((group) => (
                  <tr key={group.id} className="hover:bg-slate-50">
                    <Td>
                      <Link className="font-medium text-brand-600 hover:underline" to={paths.computeSection(projectId, `security-groups/${group.id}`)}>
                        {group.name}
                      </Link>
                      {group.isDefault && <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">{t('securityGroups.defaultBadge')}</span>}
                    </Td>
                    <Td className="text-slate-600">{group.description || <span className="text-slate-300">—</span>}</Td>
                    <Td className="text-right tabular-nums">{group.rules.filter((rule) => rule.direction === 'ingress').length}</Td>
                    <Td className="text-right tabular-nums">{group.rules.filter((rule) => rule.direction === 'egress').length}</Td>
                    <Td className="text-right tabular-nums">{group.instanceCount}</Td>
                    <TimeTd value={group.createdAt} />
                    <Td className="text-right whitespace-nowrap">
                      <Link className="rounded px-3 py-1.5 text-xs font-medium text-slate-700 hover:bg-slate-100" to={paths.computeSection(projectId, `security-groups/${group.id}`)}>
                        {t('securityGroups.manageRules')}
                      </Link>
                      <RowAction disabledReason={readOnly} onClick={() => setOpen({ kind: 'edit', group })}>
                        {t('securityGroups.edit')}
                      </RowAction>
                      <RowAction danger disabledReason={readOnly ?? deleteBlockedReason(group, t)} onClick={() => setOpen({ kind: 'delete', group })}>
                        {t('common.delete')}
                      </RowAction>
                    </Td>
                  </tr>
                ))}
              </TBody>
            </Table>
          )}
        </QueryList>
      </Panel>
      {open?.kind === 'create' && <SecurityGroupFormDialog projectId={projectId} onClose={() => setOpen(null)} />}
      {open?.kind === 'edit' && <SecurityGroupFormDialog projectId={projectId} group={open.group} onClose={() => setOpen(null)} />}
      {open?.kind === 'delete' && <DeleteSecurityGroupDialog projectId={projectId} group={open.group} onClose={() => setOpen(null)} />}
    </div>
  );
}
