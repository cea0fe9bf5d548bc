import { imageNameSchema, type InstanceDto } from '@sandcloud/api-schemas';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert } from '../../../components/ui/alert.tsx';
import { DescriptionField, TextField } from '../../../components/ui/field.tsx';
import { FormDialog, FormError } from '../../../components/ui/form-dialog.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { fieldError } from '../../../lib/api-client.ts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { routes } from '../../../lib/routes.ts';
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

  const submit = () => {
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

  return (
    <FormDialog title={t('images.createTitle')} onClose={onClose} submitLabel={t('images.createSubmit')} busy={create.isPending} disabledReason={blocked} onSubmit={submit}>
      {blocked ? (
        <Alert tone="warning" title={instance.taskState ? undefined : t('images.shutDownFirstTitle')}>
          {blocked}
        </Alert>
      ) : (
        <p className="text-sm text-slate-600">{t('images.createFrom', { name: instance.name, size: instance.rootDiskGb })}</p>
      )}
      <TextField
        label={t('images.name')}
        error={problem ?? fieldError(create.error, 'name')}
        maxLength={255}
        value={name}
        disabled={Boolean(blocked)}
        onChange={setName}
      />
      <DescriptionField value={description} onChange={setDescription} error={fieldError(create.error, 'description')} disabled={Boolean(blocked)} />
      {!blocked && <p className="text-xs text-slate-500">{t('images.createProgress')}</p>}
      <FormError error={create.error} fields={['name', 'description']} />
      <Link className="text-xs text-brand-600 hover:underline" to={routes.images({ projectId }, { tab: 'private' })} onClick={onClose}>
        {t('images.viewImages')}
      </Link>
    </FormDialog>
  );
}
