import type { ProjectMemberDto } from '@sandcloud/api-schemas';
import { useNavigate } from 'react-router-dom';
import { Alert } from '../../../components/ui/alert.tsx';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { errorMessage } from '../../../lib/api-client.ts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { routes } from '../../../lib/routes.ts';
import { useRemoveMember } from '../api/remove-member.ts';

/** "멤버 제거": asks first; removing oneself leaves the project for the Project List. */
export function RemoveMemberDialog({ projectId, member, isSelf, onClose }: { projectId: string; member: ProjectMemberDto; isSelf: boolean; onClose: () => void }) {
  const t = useT();
  const toast = useToast();
  const navigate = useNavigate();
  const remove = useRemoveMember(projectId);

  return (
    <ConfirmDialog
      title={t('members.removeTitle')}
      confirmLabel={t('members.remove')}
      busy={remove.isPending}
      onCancel={onClose}
      onConfirm={() =>
        remove.mutate(member.userId, {
          onSuccess: () => {
            toast.success(t('members.removed', { name: member.username }));
            onClose();
            if (isSelf) void navigate(routes.projects());
          },
        })
      }
    >
      <div className="space-y-3">
        <p>{t('members.removeConfirm', { name: member.username })}</p>
        {isSelf && <Alert tone="warning">{t('members.removeSelfWarning')}</Alert>}
        {remove.error && <Alert tone="error">{errorMessage(remove.error)}</Alert>}
      </div>
    </ConfirmDialog>
  );
}
