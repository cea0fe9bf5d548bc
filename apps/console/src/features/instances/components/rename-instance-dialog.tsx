import { resourceNameSchema, type InstanceDto } from '@sandcloud/api-schemas';
import { INSTANCE_NAME_MAX_LENGTH } from '@sandcloud/domain';
import { useState } from 'react';
import { DescriptionField, TextField } from '../../../components/ui/field.tsx';
import { FormDialog, FormError } from '../../../components/ui/form-dialog.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { fieldError } from '../../../lib/api-client.ts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useUpdateInstance } from '../api/update-instance.ts';

/** "이름 변경": the instance's name and description. The guest's hostname stays, as in Nova. */
export function RenameInstanceDialog({ projectId, instance, onClose }: { projectId: string; instance: InstanceDto; onClose: () => void }) {
  const t = useT();
  const toast = useToast();
  const update = useUpdateInstance(projectId);
  const [name, setName] = useState(instance.name);
  const [description, setDescription] = useState(instance.description);
  const [problem, setProblem] = useState<string | undefined>();

  const submit = () => {
    const trimmed = name.trim();
    const nameProblem = !trimmed
      ? t('instanceWizard.error.name')
      : trimmed.length > INSTANCE_NAME_MAX_LENGTH
        ? t('instanceWizard.error.nameTooLong')
        : !resourceNameSchema.safeParse(trimmed).success
          ? t('instanceWizard.error.nameInvalid')
          : undefined;
    setProblem(nameProblem);
    if (nameProblem) return;
    update.mutate(
      { instanceId: instance.id, name: trimmed, description },
      {
        onSuccess: (saved) => {
          toast.success(t('instances.renamed', { name: saved.name }));
          onClose();
        },
      },
    );
  };

  return (
    <FormDialog title={t('instances.renameTitle', { name: instance.name })} onClose={onClose} submitLabel={t('common.save')} busy={update.isPending} onSubmit={submit}>
      <TextField
        label={t('common.name')}
        error={problem ?? fieldError(update.error, 'name')}
        hint={t('instances.renameHostnameNote')}
        value={name}
        onChange={setName}
      />
      <DescriptionField value={description} onChange={setDescription} error={fieldError(update.error, 'description')} />
      <FormError error={update.error} fields={['name', 'description']} />
    </FormDialog>
  );
}
