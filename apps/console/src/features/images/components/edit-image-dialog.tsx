import { imageNameSchema, type ImageDto } from '@sandcloud/api-schemas';
import { useState } from 'react';
import { DescriptionField, TextField } from '../../../components/ui/field.tsx';
import { FormDialog, FormError } from '../../../components/ui/form-dialog.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { fieldError } from '../../../lib/api-client.ts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useUpdateImage } from '../api/update-image.ts';

/** Renames a private image or changes its description. */
export function EditImageDialog({ projectId, image, onClose }: { projectId: string; image: ImageDto; onClose: () => void }) {
  const t = useT();
  const toast = useToast();
  const update = useUpdateImage(projectId);
  const [name, setName] = useState(image.name);
  const [description, setDescription] = useState(image.description);
  const [problem, setProblem] = useState<string | undefined>();

  const submit = () => {
    const parsed = imageNameSchema.safeParse(name);
    if (!parsed.success) {
      setProblem(t('images.error.nameRequired'));
      return;
    }
    setProblem(undefined);
    update.mutate(
      { imageId: image.id, name: parsed.data, description },
      {
        onSuccess: (saved) => {
          toast.success(t('images.updated', { name: saved.name }));
          onClose();
        },
      },
    );
  };

  return (
    <FormDialog title={t('images.editTitle')} onClose={onClose} submitLabel={t('common.save')} busy={update.isPending} onSubmit={submit}>
      <TextField label={t('images.name')} error={problem ?? fieldError(update.error, 'name')} maxLength={255} value={name} onChange={setName} />
      <DescriptionField value={description} onChange={setDescription} error={fieldError(update.error, 'description')} />
      <FormError error={update.error} fields={['name', 'description']} />
    </FormDialog>
  );
}
