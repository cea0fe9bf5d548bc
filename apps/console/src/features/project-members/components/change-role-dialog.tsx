import { useState } from 'react';
import type { ProjectMemberDto, ProjectRole } from '@sandcloud/api-schemas';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { errorMessage } from '../../../lib/api-client.ts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useSetMember } from '../api/set-member.ts';
import { RolePicker } from './role-picker.tsx';

/** "역할 변경": one member's role; warns an admin who is about to give up managing members. */
export function ChangeRoleDialog({ projectId, member, isSelf, onClose }: { projectId: string; member: ProjectMemberDto; isSelf: boolean; onClose: () => void }) {
  const t = useT();
  const toast = useToast();
  const setMember = useSetMember(projectId);
  const [role, setRole] = useState<ProjectRole>(member.role);

  const save = () =>
    setMember.mutate(
      { username: member.username, role },
      {
        onSuccess: (changed) => {
          toast.success(t('members.roleChanged', { name: changed.username, role: t(`role.${changed.role}`) }));
          onClose();
        },
      },
    );

  return (
    <Dialog
      title={t('members.changeRoleTitle', { name: member.username })}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button variant="primary" disabled={setMember.isPending || role === member.role} onClick={save}>
            {t('common.save')}
          </Button>
        </>
      }
    >
      <div className="space-y-4">
        <RolePicker
          value={role}
          onChange={(next) => {
            setRole(next);
            setMember.reset();
          }}
          error={setMember.error ? errorMessage(setMember.error) : undefined}
        />
        {isSelf && member.role === 'admin' && role !== 'admin' && <Alert tone="warning">{t('members.selfDemoteWarning')}</Alert>}
      </div>
    </Dialog>
  );
}
