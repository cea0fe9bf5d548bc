import { securityGroupNameSchema, type SecurityGroupDto } from '@sandcloud/api-schemas';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { Field, inputClass } from '../../../components/ui/field.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { errorMessage, fieldError } from '../../../lib/api-client.ts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useCreateSecurityGroup } from '../api/create-security-group.ts';
import { useUpdateSecurityGroup } from '../api/update-security-group.ts';

interface SecurityGroupFormDialogProps {
  projectId: string;
  /** The group to rename; without it the dialog creates a new one. */
  group?: SecurityGroupDto;
  onClose: () => void;
  onCreated?: (group: SecurityGroupDto) => void;
}

/** Creates a security group, or renames one / edits its description. The default group keeps its name. */
export function SecurityGroupFormDialog({ projectId, group, onClose, onCreated }: SecurityGroupFormDialogProps) {
  const t = useT();
  const toast = useToast();
  const create = useCreateSecurityGroup(projectId);
  const update = useUpdateSecurityGroup(projectId);
  const mutation = group ? update : create;
  const [name, setName] = useState(group?.name ?? '');
  const [description, setDescription] = useState(group?.description ?? '');
  const [nameProblem, setNameProblem] = useState<string | undefined>();
  const nameLocked = Boolean(group?.isDefault);

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const parsed = securityGroupNameSchema.safeParse(name);
    if (!parsed.success) {
      setNameProblem(name.trim() === '' ? t('securityGroups.error.nameRequired') : t('securityGroups.error.nameInvalid'));
      return;
    }
    setNameProblem(undefined);
    if (group) {
      update.mutate(
        { groupId: group.id, ...(nameLocked ? {} : { name: parsed.data }), description },
        {
          onSuccess: (saved) => {
            toast.success(t('securityGroups.updated', { name: saved.name }));
            onClose();
          },
        },
      );
    } else {
      create.mutate(
        { name: parsed.data, description },
        {
          onSuccess: (saved) => {
            toast.success(t('securityGroups.created', { name: saved.name }));
            onClose();
            onCreated?.(saved);
          },
        },
      );
    }
  };

  const nameError = nameProblem ?? fieldError(mutation.error, 'name');
  const otherError =
    mutation.error && !fieldError(mutation.error, 'name') && !fieldError(mutation.error, 'description') ? errorMessage(mutation.error) : undefined;

  return (
    <Dialog
      title={group ? t('securityGroups.editTitle') : t('securityGroups.createTitle')}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button variant="primary" disabled={mutation.isPending} onClick={() => submit()}>
            {group ? t('common.save') : t('common.create')}
          </Button>
        </>
      }
    >
      <form className="space-y-4" onSubmit={submit}>
        <Field label={t('common.name')} error={nameError} hint={nameLocked ? t('securityGroups.defaultNameLocked') : undefined}>
          {(id, describedBy) => (
            <input
              id={id}
              className={inputClass}
              aria-describedby={describedBy}
              aria-invalid={Boolean(nameError)}
              disabled={nameLocked}
              value={name}
              onChange={(event) => setName(event.target.value)}
            />
          )}
        </Field>
        <Field label={t('common.description')} error={fieldError(mutation.error, 'description')}>
          {(id) => <input id={id} className={inputClass} maxLength={255} value={description} onChange={(event) => setDescription(event.target.value)} />}
        </Field>
        {otherError && <Alert tone="error">{otherError}</Alert>}
        <button type="submit" hidden />
      </form>
    </Dialog>
  );
}
