import type { SecurityGroupDto } from '@sandcloud/api-schemas';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { errorMessage } from '../../../lib/api-client.ts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useDeleteSecurityGroup } from '../api/delete-security-group.ts';

export function DeleteSecurityGroupDialog({ projectId, group, onClose, onDeleted }: { projectId: string; group: SecurityGroupDto; onClose: () => void; onDeleted?: () => void }) {
  const t = useT();
  const toast = useToast();
  const remove = useDeleteSecurityGroup(projectId);
  return (
    <ConfirmDialog
      title={t('securityGroups.deleteTitle')}
      confirmLabel={t('common.delete')}
      busy={remove.isPending}
      onCancel={onClose}
      onConfirm={() =>
        remove.mutate(group.id, {
          onSuccess: () => {
            toast.success(t('securityGroups.deleted', { name: group.name }));
            onClose();
            onDeleted?.();
          },
          onError: (error) => toast.error(errorMessage(error)),
        })
      }
    >
      {t('securityGroups.deleteConfirm', { name: group.name, count: group.rules.length })}
    </ConfirmDialog>
  );
}
