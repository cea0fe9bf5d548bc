import { imageNameSchema, type ImageDto } from '@sandcloud/api-schemas';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { Field, inputClass } from '../../../components/ui/field.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { errorMessage, fieldError } from '../../../lib/api-client.ts';
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

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
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

  const nameError = problem ?? fieldError(update.error, 'name');
  const otherError = update.error && !fieldError(update.error, 'name') && !fieldError(update.error, 'description') ? errorMessage(update.error) : undefined;
  return (
    <Dialog
      title={t('images.editTitle')}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button variant="primary" disabled={update.isPending} onClick={() => submit()}>
            {t('common.save')}
          </Button>
        </>
      }
    >
      <form className="space-y-4" onSubmit={submit}>
        <Field label={t('images.name')} error={nameError}>
          {(id, describedBy) => (
            <input id={id} className={inputClass} aria-describedby={describedBy} aria-invalid={Boolean(nameError)} maxLength={255} value={name} onChange={(event) => setName(event.target.value)} />
          )}
        </Field>
        <Field label={t('common.description')} error={fieldError(update.error, 'description')}>
          {(id) => <input id={id} className={inputClass} maxLength={255} value={description} onChange={(event) => setDescription(event.target.value)} />}
        </Field>
        {otherError && <Alert tone="error">{otherError}</Alert>}
        <button type="submit" hidden />
      </form>
    </Dialog>
  );
}
