import { useState } from 'react';
import { useParams } from 'react-router-dom';
import type { ProjectMemberDto } from '@sandcloud/api-schemas';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { SkeletonRows } from '../../../components/ui/skeleton.tsx';
import { Panel, Table, TBody, Td, Th, THead } from '../../../components/ui/table.tsx';
import { errorMessage } from '../../../lib/api-client.ts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useSession } from '../../auth/api/session.ts';
import { useProjectPermissions } from '../../projects/api/projects.ts';
import { useMembers } from '../api/get-members.ts';
import { AddMemberDialog } from './add-member-dialog.tsx';
import { ChangeRoleDialog } from './change-role-dialog.tsx';
import { memberActionBlock } from './member-rules.ts';
import { RemoveMemberDialog } from './remove-member-dialog.tsx';

type Open = { kind: 'add' } | { kind: 'role' | 'remove'; member: ProjectMemberDto } | null;

/** A project's members and their roles; project admins add, re-role and remove them. */
export function ProjectMembersPage() {
  const t = useT();
  const { projectId = '' } = useParams();
  const members = useMembers(projectId);
  const { canManage } = useProjectPermissions(projectId);
  const myId = useSession().data?.user.id;
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  const items = members.data?.items ?? [];

  return (
    <section aria-labelledby="members-title">
      <div className="mb-3 flex items-start justify-between gap-4">
        <div>
          <h2 id="members-title" className="text-base font-semibold">
            {t('project.members')}
          </h2>
          <p className="mt-1 max-w-3xl text-sm text-slate-500">{t('members.description')}</p>
        </div>
        <Button variant="primary" disabledReason={canManage ? undefined : t('members.adminOnly')} onClick={() => setOpen({ kind: 'add' })}>
          + {t('project.addMember')}
        </Button>
      </div>
      <Panel className="overflow-hidden">
        {members.isPending ? (
          <SkeletonRows columns={3} />
        ) : members.isError ? (
          <div className="p-4">
            <Alert tone="error">{errorMessage(members.error)}</Alert>
          </div>
        ) : items.length === 0 ? (
          <EmptyState message={t('members.empty')} />
        ) : (
          <Table label={t('project.members')}>
            <THead>
              <Th>{t('members.username')}</Th>
              <Th>{t('members.role')}</Th>
              <Th className="text-right">
                <span className="sr-only">{t('common.actions')}</span>
              </Th>
            </THead>
            <TBody>
              {items.map((member) => {
                const blocked = memberActionBlock(canManage, items, member);
                const reason = blocked ? t(blocked) : undefined;
                return (
                  <tr key={member.userId}>
                    <Td className="font-medium">
                      {member.username}
                      {member.userId === myId && <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-normal text-slate-600">{t('members.you')}</span>}
                    </Td>
                    <Td>{t(`role.${member.role}`)}</Td>
                    <Td className="text-right whitespace-nowrap">
                      <Button variant="ghost" className="text-xs" disabledReason={reason} aria-label={`${t('members.changeRole')} ${member.username}`} onClick={() => setOpen({ kind: 'role', member })}>
                        {t('members.changeRole')}
                      </Button>
                      <Button variant="ghost" className="text-xs" disabledReason={reason} aria-label={`${t('members.remove')} ${member.username}`} onClick={() => setOpen({ kind: 'remove', member })}>
                        {t('members.remove')}
                      </Button>
                    </Td>
                  </tr>
                );
              })}
            </TBody>
          </Table>
        )}
      </Panel>
      {open?.kind === 'add' && <AddMemberDialog projectId={projectId} members={items} onClose={close} />}
      {open?.kind === 'role' && <ChangeRoleDialog projectId={projectId} member={open.member} isSelf={open.member.userId === myId} onClose={close} />}
      {open?.kind === 'remove' && <RemoveMemberDialog projectId={projectId} member={open.member} isSelf={open.member.userId === myId} onClose={close} />}
    </section>
  );
}
