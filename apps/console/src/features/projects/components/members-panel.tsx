import { useState } from 'react';
import type { ProjectRole } from '@sandcloud/api-schemas';
import { Button } from '../../../components/ui/button.tsx';
import { inputClass } from '../../../components/ui/field.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { fieldError } from '../../../lib/api-client.ts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useMembers, useSetMember } from '../api/projects.ts';

const ROLES: ProjectRole[] = ['admin', 'member', 'viewer'];

export function MembersPanel({ projectId, canManage }: { projectId: string; canManage: boolean }) {
  const t = useT();
  const toast = useToast();
  const members = useMembers(projectId);
  const setMember = useSetMember(projectId);
  const [username, setUsername] = useState('');
  const [role, setRole] = useState<ProjectRole>('member');
  const usernameError = fieldError(setMember.error, 'username') ?? (setMember.error && !fieldError(setMember.error, 'role') ? setMember.error.message : undefined);

  return (
    <section className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 className="mb-3 font-semibold">{t('project.members')}</h2>
      <ul className="mb-4 divide-y divide-slate-100 text-sm">
        {members.data?.items.map((member) => (
          <li key={member.userId} className="flex justify-between py-2">
            <span>{member.username}</span>
            <span className="text-slate-500">{t(`role.${member.role}`)}</span>
          </li>
        ))}
      </ul>
      <form
        className="flex items-start gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          setMember.mutate(
            { username, role },
            {
              onSuccess: (member) => {
                toast.success(t('project.memberAdded', { name: member.username, role: t(`role.${member.role}`) }));
                setUsername('');
              },
            },
          );
        }}
      >
        <div className="flex-1">
          <input
            aria-label={t('login.username')}
            placeholder={t('login.username')}
            className={inputClass}
            value={username}
            disabled={!canManage}
            aria-invalid={Boolean(usernameError)}
            onChange={(e) => setUsername(e.target.value)}
          />
          {usernameError && <p role="alert" className="mt-1 text-xs text-red-600">{usernameError}</p>}
        </div>
        <select aria-label={t('projects.role')} className={`${inputClass} w-32`} value={role} disabled={!canManage} onChange={(e) => setRole(e.target.value as ProjectRole)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
        <Button type="submit" variant="primary" disabledReason={canManage ? undefined : t('common.noAccessAdminOnly')}>
          {t('project.addMember')}
        </Button>
      </form>
    </section>
  );
}
