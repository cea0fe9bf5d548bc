import type { InstanceDto } from '@sandcloud/api-schemas';
import { useState } from 'react';
import { Alert } from '../../../components/ui/alert.tsx';
import { CliCommand } from '../../../components/ui/cli-command.tsx';
import { Field, inputClass } from '../../../components/ui/field.tsx';
import { FormDialog, FormError } from '../../../components/ui/form-dialog.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { fieldError } from '../../../lib/api-client.ts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { openstackCli } from '../../../lib/openstack-cli.ts';
import { useImages } from '../api/get-images.ts';
import { useRebuildInstance } from '../api/rebuild-instance.ts';

/**
 * "Instance 재구성" (rebuild): a fresh root disk from the chosen image. The ID, name, private and
 * floating IP and attached volumes stay; everything on the root disk is lost (the warning says so).
 */
export function RebuildInstanceDialog({ projectId, instance, onClose }: { projectId: string; instance: InstanceDto; onClose: () => void }) {
  const t = useT();
  const toast = useToast();
  const publicImages = useImages(projectId, 'public');
  const privateImages = useImages(projectId, 'private');
  const rebuild = useRebuildInstance(projectId);
  const [imageId, setImageId] = useState(instance.imageId);
  const images = [...(publicImages.data?.items ?? []), ...(privateImages.data?.items ?? [])].filter((image) => image.status === 'active');

  const submit = () =>
    rebuild.mutate(
      { instanceId: instance.id, imageId },
      {
        onSuccess: (saved) => {
          toast.success(t('instances.rebuild.started', { name: instance.name, image: saved.imageName }));
          onClose();
        },
      },
    );

  return (
    <FormDialog title={t('instances.rebuild.title', { name: instance.name })} onClose={onClose} submitLabel={t('instances.action.rebuild')} busy={rebuild.isPending} onSubmit={submit}>
      <Alert tone="warning">{t('instances.rebuild.warning')}</Alert>
      <Field label={t('instances.image')} error={fieldError(rebuild.error, 'imageId')} hint={t('instances.rebuild.keeps')}>
        {(id, describedBy) => (
          <select id={id} aria-describedby={describedBy} className={inputClass} value={imageId} onChange={(event) => setImageId(event.target.value)}>
            {images.map((image) => (
              <option key={image.id} value={image.id}>
                {image.name}
                {image.id === instance.imageId ? ` (${t('instances.resize.currentShort')})` : ''}
              </option>
            ))}
          </select>
        )}
      </Field>
      <FormError error={rebuild.error} fields={['imageId']} />
      <CliCommand command={openstackCli.serverRebuild(instance.name, imageId)} />
    </FormDialog>
  );
}
