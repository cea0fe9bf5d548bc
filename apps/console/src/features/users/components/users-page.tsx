import type { UserSummaryDto } from '@sandcloud/api-schemas';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert } from '../../../components/ui/alert.tsx';
import { DataTable, RowActions, useListParams, type ListColumn } from '../../../components/data-table/index.ts';
import { Button } from '../../../components/ui/button.tsx';
import { ConfirmMutationDialog } from '../../../components/ui/confirm-dialog.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { DateTime, Panel } from '../../../components/ui/table.tsx';
import { errorMessage } from '../../../lib/api-client.ts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { routes } from '../../../lib/routes.ts';
import { useSession } from '../../auth/index.ts';
import { useUserPage } from '../api/get-users.ts';
import { useDeleteUser } from '../api/delete-user.ts';
import { useSetUserDisabled } from '../api/update-user.ts';
import { CreateUserDialog } from './create-user-dialog.tsx';
import { ResetPasswordDialog } from './reset-password-dialog.tsx';

type Pending = { action: 'reset' | 'disable' | 'delete'; user: UserSummaryDto } | null;

/** The system administrator's list of users, with "사용자 추가". Others are told they cannot manage users. */
export function UsersPage() {
  const t = useT();
  const session = useSession();
  const me = session.data?.user;
  const isAdmin = me?.isAdmin === true;
  const list = useListParams();
  const users = useUserPage(isAdmin, list.params);
  const [creating, setCreating] = useState(false);
  const [pending, setPending] = useState<Pending>(null);
  const setDisabled = useSetUserDisabled();
  const deleteUser = useDeleteUser();
  const toast = useToast();
  const enable = (user: UserSummaryDto) =>
    setDisabled.mutate(
      { userId: user.id, disabled: false },
      { onSuccess: () => toast.success(t('users.enabledToast', { name: user.username })), onError: (error) => toast.error(errorMessage(error)) },
    );

  if (!isAdmin) {
    return (
      <div className="mx-auto w-full max-w-5xl p-6">
        <PageHeader title={t('users.title')} />
        <Alert tone="warning" title={t('users.adminOnlyTitle')}>
          {t('users.adminOnly')}{' '}
          <Link className="font-medium underline" to={routes.projects()}>
            {t('users.backToProjects')}
          </Link>
        </Alert>
      </div>
    );
  }

  const columns: ListColumn<UserSummaryDto, 'users'>[] = [
    {
      id: 'username',
      header: t('users.username'),
      sortField: 'username',
      hideable: false,
      className: 'font-medium',
      cell: (user) => (
        <>
          {user.username}
          {user.id === me.id && <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-normal text-slate-600">{t('users.you')}</span>}
        </>
      ),
    },
    {
      id: 'type',
      header: t('users.type'),
      sortField: 'isAdmin',
      cell: (user) =>
        user.isAdmin ? (
          <span className="rounded-full bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-700 ring-1 ring-brand-500/20 ring-inset">{t('users.systemAdmin')}</span>
        ) : (
          <span className="text-slate-600">{t('users.regular')}</span>
        ),
    },
    {
      id: 'status',
      header: t('users.status'),
      sortField: 'disabled',
      cell: (user) => (user.disabled ? <span className="text-red-600">{t('users.disabled')}</span> : <span className="text-slate-600">{t('users.active')}</span>),
    },
    { id: 'createdAt', header: t('common.createdAt'), sortField: 'createdAt', className: 'text-slate-500', cell: (user) => <DateTime value={user.createdAt} /> },
  ];

  const create = (
    <Button variant="primary" onClick={() => setCreating(true)}>
      {t('users.create')}
    </Button>
  );

  return (
    <div className="mx-auto w-full max-w-5xl p-6">
      <PageHeader title={t('users.title')} description={t('users.description')} actions={create} />
      <Panel className="overflow-hidden">
        <DataTable
          id="users"
          label={t('users.table')}
          columns={columns}
          query={users}
          list={list}
          rowName={(user) => user.username}
          searchLabel={t('table.search')}
          actions={(user) => (
            <RowActions
              name={user.username}
              actions={[
                { label: t('users.resetPassword'), onSelect: () => setPending({ action: 'reset', user }) },
                user.disabled
                  ? { label: t('users.enable'), disabledReason: setDisabled.isPending ? t('common.loading') : undefined, onSelect: () => enable(user) }
                  : { label: t('users.disable'), danger: true, disabledReason: user.id === me.id ? t('users.notYourself') : undefined, onSelect: () => setPending({ action: 'disable', user }) },
                { label: t('users.delete'), danger: true, disabledReason: user.id === me.id ? t('users.notYourself') : undefined, onSelect: () => setPending({ action: 'delete', user }) },
              ]}
            />
          )}
          emptyMessage={t('users.empty')}
          emptyAction={create}
        />
      </Panel>
      {creating && <CreateUserDialog onClose={() => setCreating(false)} />}
      {pending?.action === 'reset' && <ResetPasswordDialog user={pending.user} onClose={() => setPending(null)} />}
      {pending?.action === 'disable' && (
        <ConfirmMutationDialog
          title={t('users.disableTitle')}
          confirmLabel={t('users.disable')}
          mutation={setDisabled}
          variables={{ userId: pending.user.id, disabled: true }}
          successMessage={t('users.disabledToast', { name: pending.user.username })}
          onSuccess={() => setPending(null)}
          onCancel={() => setPending(null)}
        >
          {t('users.disableConfirm', { name: pending.user.username })}
        </ConfirmMutationDialog>
      )}
      {pending?.action === 'delete' && (
        <ConfirmMutationDialog
          title={t('users.deleteTitle')}
          confirmLabel={t('users.delete')}
          mutation={deleteUser}
          variables={pending.user.id}
          successMessage={t('users.deleted', { name: pending.user.username })}
          onSuccess={() => setPending(null)}
          onCancel={() => setPending(null)}
        >
          {t('users.deleteConfirm', { name: pending.user.username })}
        </ConfirmMutationDialog>
      )}
    </div>
  );
}
