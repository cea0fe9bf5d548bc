import type { SecurityGroupDto } from '@sandcloud/api-schemas';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { DescriptionList } from '../../../components/ui/description-list.tsx';
import { BackLink, DetailFallback } from '../../../components/ui/detail-page.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { Panel, PanelHeader } from '../../../components/ui/table.tsx';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useFormat } from '../../../lib/i18n/use-format.ts';
import { routes } from '../../../lib/routes.ts';
import { useProjectPermissions } from '../../../lib/projects.ts';
import { useSecurityGroup } from '../api/get-security-group-rules.ts';
import { useSecurityGroups } from '../api/get-security-groups.ts';
import { AddRuleDialog } from './add-rule-dialog.tsx';
import { deleteBlockedReason } from './delete-reason.ts';
import { DeleteSecurityGroupDialog } from './delete-security-group-dialog.tsx';
import { RulesTable } from './rules-table.tsx';
import { SecurityGroupFormDialog } from './security-group-form-dialog.tsx';

type Open = 'add-rule' | 'edit' | 'delete' | null;

/** One security group: its rules and `[+ Rule 추가]`. */
export function SecurityGroupPage() {
  const t = useT();
  const format = useFormat();
  const navigate = useNavigate();
  const { projectId = '', groupId = '' } = useParams();
  const { readOnlyReason: readOnly } = useProjectPermissions(projectId);
  const groupQuery = useSecurityGroup(projectId, groupId);
  const [open, setOpen] = useState<Open>(null);
  const listPath = routes.securityGroups({ projectId });
  const back = <BackLink to={listPath} label={t('menu.securityGroups')} />;

  if (!groupQuery.isSuccess) return <DetailFallback query={groupQuery} back={back} notFoundMessage={t('securityGroups.notFound')} retry={false} />;
  const group = groupQuery.data;

  const ingressCount = group.rules.filter((rule) => rule.direction === 'ingress').length;

  return (
    <div className="space-y-4">
      <div>{back}</div>
      <PageHeader
        title={t('securityGroups.detailTitle', { name: group.name })}
        description={group.description || undefined}
        actions={
          <>
            <Button disabledReason={readOnly} onClick={() => setOpen('edit')}>
              {t('securityGroups.edit')}
            </Button>
            <Button variant="danger" disabledReason={readOnly ?? deleteBlockedReason(group, t)} onClick={() => setOpen('delete')}>
              {t('common.delete')}
            </Button>
          </>
        }
      />
      <Panel className="p-5">
        <DescriptionList
          items={[
            { label: 'ID', value: <span className="font-mono text-xs">{group.id}</span> },
            { label: t('securityGroups.instanceCount'), value: group.instanceCount },
            { label: t('securityGroups.ingressRules'), value: ingressCount },
            { label: t('common.createdAt'), value: format.dateTime(group.createdAt) },
          ]}
        />
      </Panel>
      {group.isDefault && <Alert tone="info">{t('securityGroups.defaultExplained')}</Alert>}
      {!group.isDefault && ingressCount === 0 && <Alert tone="info">{t('securityGroups.noIngressExplained')}</Alert>}
      <Panel>
        <PanelHeader title={t('securityGroups.rules')}>
          <Button data-tour="add-rule" variant="primary" disabledReason={readOnly} onClick={() => setOpen('add-rule')}>
            {t('securityGroups.addRule')}
          </Button>
        </PanelHeader>
        <RulesTable projectId={projectId} group={group} readOnlyReason={readOnly} />
      </Panel>
      {open === 'add-rule' && <AddRule projectId={projectId} group={group} onClose={() => setOpen(null)} />}
      {open === 'edit' && <SecurityGroupFormDialog projectId={projectId} group={group} onClose={() => setOpen(null)} />}
      {open === 'delete' && (
        <DeleteSecurityGroupDialog projectId={projectId} group={group} onClose={() => setOpen(null)} onDeleted={() => void navigate(listPath)} />
      )}
    </div>
  );
}

/** `[+ Rule 추가]` with the project's groups to choose a remote group from (read only while it is open). */
function AddRule({ projectId, group, onClose }: { projectId: string; group: SecurityGroupDto; onClose: () => void }) {
  const groups = useSecurityGroups(projectId);
  if (!groups.isSuccess) return null;
  return <AddRuleDialog projectId={projectId} group={group} groups={groups.data.items} onClose={onClose} />;
}
