import { securityGroupNameSchema, type SecurityGroupDto } from '@sandcloud/api-schemas';
import { useState } from 'react';
import { DescriptionField, TextField } from '../../../components/ui/field.tsx';
import { FormDialog, FormError } from '../../../components/ui/form-dialog.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { fieldError } from '../../../lib/api-client.ts';
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

  const submit = () => {
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

  return (
    <FormDialog
      title={group ? t('securityGroups.editTitle') : t('securityGroups.createTitle')}
      onClose={onClose}
      submitLabel={group ? t('common.save') : t('common.create')}
      busy={mutation.isPending}
      onSubmit={submit}
    >
      <TextField
        label={t('common.name')}
        error={nameProblem ?? fieldError(mutation.error, 'name')}
        hint={nameLocked ? t('securityGroups.defaultNameLocked') : undefined}
        disabled={nameLocked}
        value={name}
        onChange={setName}
      />
      <DescriptionField value={description} onChange={setDescription} error={fieldError(mutation.error, 'description')} />
      <FormError error={mutation.error} fields={['name', 'description']} />
    </FormDialog>
  );
}
