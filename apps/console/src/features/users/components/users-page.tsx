import type { UserSummaryDto } from '@sandcloud/api-schemas';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button, RowAction } from '../../../components/ui/button.tsx';
import { ConfirmMutationDialog } from '../../../components/ui/confirm-dialog.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { SkeletonRows } from '../../../components/ui/skeleton.tsx';
import { Panel, Table, TBody, Td, Th, THead } from '../../../components/ui/table.tsx';
import { errorMessage } from '../../../lib/api-client.ts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useFormat } from '../../../lib/i18n/use-format.ts';
import { paths } from '../../../lib/paths.ts';
import { useSession } from '../../auth/api/session.ts';
import { useUsers } from '../api/get-users.ts';
import { useDeleteUser } from '../api/delete-user.ts';
import { useSetUserDisabled } from '../api/update-user.ts';
import { CreateUserDialog } from './create-user-dialog.tsx';
import { ResetPasswordDialog } from './reset-password-dialog.tsx';

type Pending = { action: 'reset' | 'disable' | 'delete'; user: UserSummaryDto } | null;

/** The system administrator's list of users, with "사용자 추가". Others are told they cannot manage users. */
export function UsersPage() {
  const t = useT();
  const format = useFormat();
  const session = useSession();
  const me = session.data?.user;
  const isAdmin = me?.isAdmin === true;
  const users = useUsers(isAdmin);
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
          <Link className="font-medium underline" to={paths.projects()}>
            {t('users.backToProjects')}
          </Link>
        </Alert>
      </div>
    );
  }

  const create = (
    <Button variant="primary" onClick={() => setCreating(true)}>
      {t('users.create')}
    </Button>
  );

  return (
    <div className="mx-auto w-full max-w-5xl p-6">
      <PageHeader title={t('users.title')} description={t('users.description')} actions={create} />
      <Panel className="overflow-hidden">
        {users.isPending ? (
          <SkeletonRows columns={5} />
        ) : users.isError ? (
          <div className="p-4">
            <Alert tone="error">{errorMessage(users.error)}</Alert>
          </div>
        ) : users.data.items.length === 0 ? (
          <EmptyState message={t('users.empty')} action={create} />
        ) : (
          <>
            <Table label={t('users.table')}>
              <THead>
                <Th>{t('users.username')}</Th>
                <Th>{t('users.type')}</Th>
                <Th>{t('users.status')}</Th>
                <Th>{t('common.createdAt')}</Th>
                <Th>{t('users.actions')}</Th>
              </THead>
              <TBody>
                {users.data.items.map((user) => (
                  <tr key={user.id}>
                    <Td className="font-medium">
                      {user.username}
                      {user.id === me.id && <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-normal text-slate-600">{t('users.you')}</span>}
                    </Td>
                    <Td>
                      {user.isAdmin ? (
                        <span className="rounded-full bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-700 ring-1 ring-brand-500/20 ring-inset">{t('users.systemAdmin')}</span>
                      ) : (
                        <span className="text-slate-600">{t('users.regular')}</span>
                      )}
                    </Td>
                    <Td>{user.disabled ? <span className="text-red-600">{t('users.disabled')}</span> : <span className="text-slate-600">{t('users.active')}</span>}</Td>
                    <Td className="text-slate-500">{format.dateTime(user.createdAt)}</Td>
                    <Td className="whitespace-nowrap">
                      <RowAction onClick={() => setPending({ action: 'reset', user })}>{t('users.resetPassword')}</RowAction>
                      {user.disabled ? (
                        <RowAction disabled={setDisabled.isPending} onClick={() => enable(user)}>
                          {t('users.enable')}
                        </RowAction>
                      ) : (
                        <RowAction
                          danger
                          disabledReason={user.id === me.id ? t('users.notYourself') : undefined}
                          onClick={() => setPending({ action: 'disable', user })}
                        >
                          {t('users.disable')}
                        </RowAction>
                      )}
                      <RowAction danger disabledReason={user.id === me.id ? t('users.notYourself') : undefined} onClick={() => setPending({ action: 'delete', user })}>
                        {t('users.delete')}
                      </RowAction>
                    </Td>
                  </tr>
                ))}
              </TBody>
            </Table>
            <div className="border-t border-slate-100 px-4 py-2 text-xs text-slate-500">{t('users.total', { count: users.data.total })}</div>
          </>
        )}
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
