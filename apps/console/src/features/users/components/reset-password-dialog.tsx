import type { UserSummaryDto } from '@sandcloud/api-schemas';
import { useState } from 'react';
import { TextField } from '../../../components/ui/field.tsx';
import { FormDialog, FormError } from '../../../components/ui/form-dialog.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { fieldError } from '../../../lib/api-client.ts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useResetPassword } from '../api/reset-password.ts';

/** "비밀번호 재설정": a new password twice; the user's sessions end. */
export function ResetPasswordDialog({ user, onClose }: { user: UserSummaryDto; onClose: () => void }) {
  const t = useT();
  const toast = useToast();
  const reset = useResetPassword();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);

  const submit = () => {
    if (password !== confirm) {
      setMismatch(true);
      return;
    }
    reset.mutate(
      { userId: user.id, password },
      {
        onSuccess: () => {
          toast.success(t('users.passwordReset', { name: user.username }));
          onClose();
        },
      },
    );
  };

  return (
    <FormDialog title={t('users.resetTitle', { name: user.username })} onClose={onClose} submitLabel={t('users.resetSubmit')} onSubmit={submit} busy={reset.isPending}>
      <TextField
        label={t('users.newPassword')}
        type="password"
        autoComplete="new-password"
        hint={t('users.resetHint')}
        value={password}
        error={fieldError(reset.error, 'password')}
        onChange={(value) => {
          setPassword(value);
          setMismatch(false);
        }}
      />
      <TextField
        label={t('users.passwordConfirm')}
        type="password"
        autoComplete="new-password"
        value={confirm}
        error={mismatch ? t('users.error.passwordMismatch') : undefined}
        onChange={(value) => {
          setConfirm(value);
          setMismatch(false);
        }}
      />
      <FormError error={reset.error} fields={['password']} />
    </FormDialog>
  );
}
