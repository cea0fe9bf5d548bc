import { useState } from 'react';
import { useParams } from 'react-router-dom';
import type { ProjectMemberDto } from '@sandcloud/api-schemas';
import { DataTable, useListParams, type ListColumn } from '../../../components/data-table/index.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Panel } from '../../../components/ui/table.tsx';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useSession } from '../../auth/index.ts';
import { useProjectPermissions } from '../../../lib/projects.ts';
import { useMemberPage, useMembers } from '../api/get-members.ts';
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
  // Every member (the last-admin rule and the add dialog need them all); the table shows the server's page.
  const items = members.data?.items ?? [];
  const list = useListParams();
  const page = useMemberPage(projectId, list.params);
  const columns: ListColumn<ProjectMemberDto, 'project-members'>[] = [
    {
      id: 'username',
      header: t('members.username'),
      sortField: 'username',
      hideable: false,
      className: 'font-medium',
      cell: (member) => (
        <>
          {member.username}
          {member.userId === myId && <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-normal text-slate-600">{t('members.you')}</span>}
        </>
      ),
    },
    { id: 'role', header: t('members.role'), sortField: 'role', cell: (member) => t(`role.${member.role}`) },
  ];

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
        <DataTable
          id="project-members"
          label={t('project.members')}
          columns={columns}
          query={page}
          list={list}
          rowId={(member) => member.userId}
          rowName={(member) => member.username}
          searchLabel={t('table.search')}
          actions={(member) => {
            const blocked = memberActionBlock(canManage, items, member);
            const reason = blocked ? t(blocked) : undefined;
            return (
              <>
                <Button variant="ghost" className="text-xs" disabledReason={reason} aria-label={`${t('members.changeRole')} ${member.username}`} onClick={() => setOpen({ kind: 'role', member })}>
                  {t('members.changeRole')}
                </Button>
                <Button variant="ghost" className="text-xs" disabledReason={reason} aria-label={`${t('members.remove')} ${member.username}`} onClick={() => setOpen({ kind: 'remove', member })}>
                  {t('members.remove')}
                </Button>
              </>
            );
          }}
          emptyMessage={t('members.empty')}
        />
      </Panel>
      {open?.kind === 'add' && <AddMemberDialog projectId={projectId} members={items} onClose={close} />}
      {open?.kind === 'role' && <ChangeRoleDialog projectId={projectId} member={open.member} isSelf={open.member.userId === myId} onClose={close} />}
      {open?.kind === 'remove' && <RemoveMemberDialog projectId={projectId} member={open.member} isSelf={open.member.userId === myId} onClose={close} />}
    </section>
  );
}
