import { useState } from 'react';
import { FormDialog, FormError } from '../../../components/ui/form-dialog.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { fieldError } from '../../../lib/api-client.ts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useChangePassword } from '../api/change-password.ts';

/** "비밀번호 변경": the current password, the new one twice; the server checks the strength rule. */
export function ChangePasswordDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const toast = useToast();
  const change = useChangePassword();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);

  const submit = () => {
    if (newPassword !== confirm) {
      setMismatch(true);
      return;
    }
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          toast.success(t('account.changed'));
          onClose();
        },
      },
    );
  };

  return (
    <FormDialog title={t('account.changePasswordTitle')} onClose={onClose} submitLabel={t('account.changeSubmit')} onSubmit={submit} busy={change.isPending}>
      <TextField
        label={t('account.currentPassword')}
        type="password"
        autoComplete="current-password"
        value={currentPassword}
        error={fieldError(change.error, 'currentPassword')}
        onChange={setCurrentPassword}
      />
      <TextField
        label={t('account.newPassword')}
        type="password"
        autoComplete="new-password"
        hint={t('account.newPasswordHint')}
        value={newPassword}
        error={fieldError(change.error, 'newPassword')}
        onChange={(value) => {
          setNewPassword(value);
          setMismatch(false);
        }}
      />
      <TextField
        label={t('account.newPasswordConfirm')}
        type="password"
        autoComplete="new-password"
        value={confirm}
        error={mismatch ? t('account.passwordMismatch') : undefined}
        onChange={(value) => {
          setConfirm(value);
          setMismatch(false);
        }}
      />
      <FormError error={change.error} fields={['currentPassword', 'newPassword']} />
    </FormDialog>
  );
}
