import { useState, type FormEvent } from 'react';
import type { ProjectMemberDto, ProjectRole } from '@sandcloud/api-schemas';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { Field, inputClass } from '../../../components/ui/field.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { errorMessage, fieldError } from '../../../lib/api-client.ts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useSetMember } from '../api/set-member.ts';
import { findMember } from './member-rules.ts';
import { RolePicker } from './role-picker.tsx';

/**
 * "멤버 추가": a user name and a role. An existing member is pointed to "역할 변경" rather than
 * silently changed; an unknown name shows the server's answer beside the field.
 */
export function AddMemberDialog({ projectId, members, onClose }: { projectId: string; members: readonly ProjectMemberDto[]; onClose: () => void }) {
  const t = useT();
  const toast = useToast();
  const setMember = useSetMember(projectId);
  const [username, setUsername] = useState('');
  const [role, setRole] = useState<ProjectRole>('member');
  const [problem, setProblem] = useState<string>();

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const name = username.trim();
    const existing = findMember(members, name);
    if (!name) return setProblem(t('members.error.usernameRequired'));
    if (existing) return setProblem(t('members.error.alreadyMember', { name, role: t(`role.${existing.role}`) }));
    setProblem(undefined);
    setMember.mutate(
      { username: name, role },
      {
        onSuccess: (member) => {
          toast.success(t('project.memberAdded', { name: member.username, role: t(`role.${member.role}`) }));
          onClose();
        },
      },
    );
  };

  const usernameError = problem ?? fieldError(setMember.error, 'username');
  const roleError = fieldError(setMember.error, 'role');
  const otherError = setMember.error && !usernameError && !roleError ? errorMessage(setMember.error) : undefined;

  return (
    <Dialog
      title={t('members.addTitle')}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button variant="primary" disabled={setMember.isPending} onClick={() => submit()}>
            {t('members.addSubmit')}
          </Button>
        </>
      }
    >
      <form className="space-y-4" noValidate onSubmit={submit}>
        <Field label={t('members.username')} error={usernameError} hint={t('members.usernameHint')}>
          {(id, describedBy) => (
            <input
              id={id}
              autoComplete="off"
              spellCheck={false}
              className={inputClass}
              aria-describedby={describedBy}
              aria-invalid={Boolean(usernameError)}
              value={username}
              onChange={(event) => {
                setUsername(event.target.value);
                setProblem(undefined);
                setMember.reset();
              }}
            />
          )}
        </Field>
        <RolePicker value={role} onChange={setRole} error={roleError} />
        {otherError && <Alert tone="error">{otherError}</Alert>}
        <button type="submit" hidden />
      </form>
    </Dialog>
  );
}
