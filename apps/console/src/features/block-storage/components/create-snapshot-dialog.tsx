import { resourceNameSchema, type VolumeDto } from '@sandcloud/api-schemas';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { Field, inputClass } from '../../../components/ui/field.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { errorMessage, fieldError } from '../../../lib/api-client.ts';
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

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
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

  const nameError = problem ?? fieldError(create.error, 'name');
  const otherError = create.error && !fieldError(create.error, 'name') && !fieldError(create.error, 'description') ? errorMessage(create.error) : undefined;
  return (
    <Dialog
      title={t('blockStorage.snapshotTitle')}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button variant="primary" disabled={create.isPending} onClick={() => submit()}>
            {t('blockStorage.snapshotSubmit')}
          </Button>
        </>
      }
    >
      <form className="space-y-4" onSubmit={submit}>
        <p className="text-sm text-slate-600">{t('blockStorage.snapshotOf', { name: volume.name, size: volume.sizeGb })}</p>
        <Field label={t('blockStorage.snapshotName')} error={nameError}>
          {(id, describedBy) => (
            <input id={id} className={inputClass} aria-describedby={describedBy} aria-invalid={Boolean(nameError)} value={name} onChange={(event) => setName(event.target.value)} />
          )}
        </Field>
        <Field label={t('common.description')} error={fieldError(create.error, 'description')}>
          {(id) => <input id={id} className={inputClass} maxLength={255} value={description} onChange={(event) => setDescription(event.target.value)} />}
        </Field>
        {otherError && <Alert tone="error">{otherError}</Alert>}
        <button type="submit" hidden />
      </form>
    </Dialog>
  );
}
