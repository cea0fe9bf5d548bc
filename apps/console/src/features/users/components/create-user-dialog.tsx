import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Checkbox } from '../../../components/ui/checkbox.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { Field, inputClass } from '../../../components/ui/field.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { errorMessage, fieldError } from '../../../lib/api-client.ts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useCreateUser } from '../api/create-user.ts';
import { validateNewUser, type NewUserField, type NewUserForm, type NewUserProblems } from './new-user-form.ts';

const SERVER_FIELDS = ['username', 'password', 'isAdmin'];

/**
 * "사용자 추가": name, initial password twice, system administrator or not. Problems show beside
 * their field — the form's own checks first, then the server's (a name already taken).
 */
export function CreateUserDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const toast = useToast();
  const create = useCreateUser();
  const [form, setForm] = useState<NewUserForm>({ username: '', password: '', passwordConfirm: '', isAdmin: false });
  const [problems, setProblems] = useState<NewUserProblems>({});

  const edit = (field: NewUserField | 'isAdmin', value: string | boolean) => {
    setForm((current) => ({ ...current, [field]: value }));
    if (field !== 'isAdmin') setProblems((current) => ({ ...current, [field]: undefined }));
    // The server's objection was about the old value; editing that field clears it.
    if (fieldError(create.error, field === 'passwordConfirm' ? 'password' : field)) create.reset();
  };

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const { problems: found, request } = validateNewUser(form);
    setProblems(found);
    if (!request) return;
    create.mutate(request, {
      onSuccess: (user) => {
        toast.success(t('users.created', { name: user.username }));
        onClose();
      },
    });
  };

  const errorOf = (field: NewUserField) => {
    const problem = problems[field];
    return problem ? t(problem) : field === 'passwordConfirm' ? undefined : fieldError(create.error, field);
  };
  const otherError = create.error && !SERVER_FIELDS.some((field) => fieldError(create.error, field)) ? errorMessage(create.error) : undefined;
  const adminError = fieldError(create.error, 'isAdmin');

  const textField = (field: NewUserField, label: string, hint: string | undefined, type: 'text' | 'password') => {
    const error = errorOf(field);
    return (
      <Field label={label} error={error} hint={hint}>
        {(id, describedBy) => (
          <input
            id={id}
            type={type}
            autoComplete={type === 'password' ? 'new-password' : 'off'}
            spellCheck={false}
            className={inputClass}
            aria-describedby={describedBy}
            aria-invalid={Boolean(error)}
            value={form[field]}
            onChange={(event) => edit(field, event.target.value)}
          />
        )}
      </Field>
    );
  };

  return (
    <Dialog
      title={t('users.createTitle')}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button variant="primary" disabled={create.isPending} onClick={() => submit()}>
            {t('users.createSubmit')}
          </Button>
        </>
      }
    >
      <form className="space-y-4" noValidate onSubmit={submit}>
        {textField('username', t('users.username'), t('users.usernameHint'), 'text')}
        {textField('password', t('users.password'), t('users.passwordHint'), 'password')}
        {textField('passwordConfirm', t('users.passwordConfirm'), undefined, 'password')}
        <div className="flex items-start gap-2">
          <Checkbox
            id="new-user-admin"
            className="mt-0.5"
            aria-describedby="new-user-admin-hint"
            checked={form.isAdmin}
            onChange={(event) => edit('isAdmin', event.target.checked)}
          />
          <div>
            <label htmlFor="new-user-admin" className="text-sm font-medium text-slate-700">
              {t('users.isAdmin')}
            </label>
            <p id="new-user-admin-hint" className="text-xs text-slate-500">
              {t('users.isAdminHint')}
            </p>
            {adminError && (
              <p role="alert" className="text-xs text-red-600">
                {adminError}
              </p>
            )}
          </div>
        </div>
        {otherError && <Alert tone="error">{otherError}</Alert>}
        {/* Enter in any field submits, as the footer's button does. */}
        <button type="submit" hidden />
      </form>
    </Dialog>
  );
}
