import { resourceNameSchema, type VolumeDto } from '@sandcloud/api-schemas';
import { useState } from 'react';
import { DescriptionField, TextField } from '../../../components/ui/field.tsx';
import { FormDialog, FormError } from '../../../components/ui/form-dialog.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { fieldError } from '../../../lib/api-client.ts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useCreateVolumeSnapshot } from '../api/create-volume-snapshot.ts';

/** Saves what a volume holds now as a snapshot, which new volumes can be created from. */
export function CreateSnapshotDialog({ projectId, volume, onClose, onCreated }: { projectId: string; volume: VolumeDto; onClose: () => void; onCreated?: () => void }) {
  const t = useT();
  const toast = useToast();
  const create = useCreateVolumeSnapshot(projectId);
  const [name, setName] = useState(`${volume.name}-snapshot`);
  const [description, setDescription] = useState('');
  const [problem, setProblem] = useState<string | undefined>();

  const submit = () => {
    const parsed = resourceNameSchema.safeParse(name);
    if (!parsed.success) {
      setProblem(name.trim() === '' ? t('blockStorage.error.nameRequired') : t('blockStorage.error.nameInvalid'));
      return;
    }
    setProblem(undefined);
    create.mutate(
      { volumeId: volume.id, name: parsed.data, description },
      {
        onSuccess: (snapshot) => {
          toast.success(t('blockStorage.snapshotCreated', { name: snapshot.name }));
          onClose();
          onCreated?.();
        },
      },
    );
  };

  return (
    <FormDialog title={t('blockStorage.snapshotTitle')} onClose={onClose} submitLabel={t('blockStorage.snapshotSubmit')} busy={create.isPending} onSubmit={submit}>
      <p className="text-sm text-slate-600">{t('blockStorage.snapshotOf', { name: volume.name, size: volume.sizeGb })}</p>
      <TextField label={t('blockStorage.snapshotName')} error={problem ?? fieldError(create.error, 'name')} value={name} onChange={setName} />
      <DescriptionField value={description} onChange={setDescription} error={fieldError(create.error, 'description')} />
      <FormError error={create.error} fields={['name', 'description']} />
    </FormDialog>
  );
}
