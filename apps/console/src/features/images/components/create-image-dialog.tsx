import { imageNameSchema, type InstanceDto } from '@sandcloud/api-schemas';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { Field, inputClass } from '../../../components/ui/field.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { errorMessage, fieldError } from '../../../lib/api-client.ts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { paths } from '../../../lib/paths.ts';
import { useCreateImage } from '../api/create-image.ts';
import { createImageDisabledReason } from './create-image-availability.ts';

interface CreateImageDialogProps {
  projectId: string;
  instance: InstanceDto;
  onClose: () => void;
}

/**
 * `[추가기능] > [Image 생성]`: `[이름]`, then `[Image 생성]`. Only a SHUTOFF instance can be captured;
 * otherwise the dialog says to shut it down first and the button stays disabled.
 */
export function CreateImageDialog({ projectId, instance, onClose }: CreateImageDialogProps) {
  const t = useT();
  const toast = useToast();
  const create = useCreateImage(projectId);
  const [name, setName] = useState(`${instance.name}-image`);
  const [description, setDescription] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const blocked = createImageDisabledReason(instance, true, t);

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (blocked) return;
    const parsed = imageNameSchema.safeParse(name);
    if (!parsed.success) {
      setProblem(t('images.error.nameRequired'));
      return;
    }
    setProblem(undefined);
    create.mutate(
      { instanceId: instance.id, name: parsed.data, description },
      {
        onSuccess: (image) => {
          toast.success(t('images.created', { name: image.name }));
          onClose();
        },
      },
    );
  };

  const nameError = problem ?? fieldError(create.error, 'name');
  const otherError = create.error && !fieldError(create.error, 'name') && !fieldError(create.error, 'description') ? errorMessage(create.error) : undefined;
  return (
    <Dialog
      title={t('images.createTitle')}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button variant="primary" disabled={create.isPending} disabledReason={blocked} onClick={() => submit()}>
            {t('images.createSubmit')}
          </Button>
        </>
      }
    >
      <form className="space-y-4" onSubmit={submit}>
        {blocked ? (
          <Alert tone="warning" title={instance.taskState ? undefined : t('images.shutDownFirstTitle')}>
            {blocked}
          </Alert>
        ) : (
          <p className="text-sm text-slate-600">{t('images.createFrom', { name: instance.name, size: instance.rootDiskGb })}</p>
        )}
        <Field label={t('images.name')} error={nameError}>
          {(id, describedBy) => (
            <input
              id={id}
              className={inputClass}
              aria-describedby={describedBy}
              aria-invalid={Boolean(nameError)}
              maxLength={255}
              value={name}
              disabled={Boolean(blocked)}
              onChange={(event) => setName(event.target.value)}
            />
          )}
        </Field>
        <Field label={t('common.description')} error={fieldError(create.error, 'description')}>
          {(id) => <input id={id} className={inputClass} maxLength={255} value={description} disabled={Boolean(blocked)} onChange={(event) => setDescription(event.target.value)} />}
        </Field>
        {!blocked && <p className="text-xs text-slate-500">{t('images.createProgress')}</p>}
        {otherError && <Alert tone="error">{otherError}</Alert>}
        <Link className="text-xs text-brand-600 hover:underline" to={`${paths.computeSection(projectId, 'images')}?tab=private`} onClick={onClose}>
          {t('images.viewImages')}
        </Link>
        <button type="submit" hidden />
      </form>
    </Dialog>
  );
}
