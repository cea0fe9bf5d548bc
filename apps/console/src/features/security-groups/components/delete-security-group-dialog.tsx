import type { SecurityGroupDto } from '@sandcloud/api-schemas';
import { ConfirmMutationDialog } from '../../../components/ui/confirm-dialog.tsx';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { openstackCli } from '../../../lib/openstack-cli.ts';
import { useDeleteSecurityGroup } from '../api/delete-security-group.ts';

export function DeleteSecurityGroupDialog({ projectId, group, onClose, onDeleted }: { projectId: string; group: SecurityGroupDto; onClose: () => void; onDeleted?: () => void }) {
  const t = useT();
  const remove = useDeleteSecurityGroup(projectId);
  return (
    <ConfirmMutationDialog
      title={t('securityGroups.deleteTitle')}
      confirmLabel={t('common.delete')}
      mutation={remove}
      variables={group.id}
      successMessage={t('securityGroups.deleted', { name: group.name })}
      onSuccess={() => {
        onClose();
        onDeleted?.();
      }}
      onCancel={onClose}
      cliCommand={openstackCli.securityGroupDelete(group.id)}
    >
      {t('securityGroups.deleteConfirm', { name: group.name, count: group.rules.length })}
    </ConfirmMutationDialog>
  );
}
