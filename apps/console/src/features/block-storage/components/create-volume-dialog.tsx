import { MAX_VOLUME_GB, MIN_VOLUME_GB, resourceNameSchema, VOLUME_TYPES, ZONES, type VolumeSnapshotDto, type VolumeType, type Zone } from '@sandcloud/api-schemas';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { Field, inputClass } from '../../../components/ui/field.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { errorMessage, fieldError } from '../../../lib/api-client.ts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useCreateVolume } from '../api/create-volume.ts';

interface CreateVolumeDialogProps {
  projectId: string;
  /** Creates the volume as a copy of this snapshot: same zone, at least its size. */
  snapshot?: VolumeSnapshotDto;
  onClose: () => void;
}

const FIELDS = ['name', 'description', 'sizeGb', 'volumeType', 'zone'] as const;

/** `[+Block Storage 생성]`: `[Block Storage 이름]`, description, `[크기(GB)]`, type, `[Zone]` (default kept). */
export function CreateVolumeDialog({ projectId, snapshot, onClose }: CreateVolumeDialogProps) {
  const t = useT();
  const toast = useToast();
  const create = useCreateVolume(projectId);
  const minSize = Math.max(MIN_VOLUME_GB, snapshot?.sizeGb ?? MIN_VOLUME_GB);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [size, setSize] = useState(String(minSize));
  const [volumeType, setVolumeType] = useState<VolumeType>(snapshot?.volumeType ?? 'HDD');
  const [zone, setZone] = useState<Zone>((snapshot?.zone as Zone | undefined) ?? ZONES[0]);
  const [problems, setProblems] = useState<{ name?: string; sizeGb?: string }>({});

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const parsedName = resourceNameSchema.safeParse(name);
    const sizeGb = Number(size);
    const next: typeof problems = {};
    if (!parsedName.success) next.name = name.trim() === '' ? t('blockStorage.error.nameRequired') : t('blockStorage.error.nameInvalid');
    if (!Number.isInteger(sizeGb) || sizeGb < MIN_VOLUME_GB || sizeGb > MAX_VOLUME_GB || size.trim() === '') {
      next.sizeGb = t('blockStorage.error.size', { min: MIN_VOLUME_GB, max: MAX_VOLUME_GB });
    } else if (sizeGb < minSize) {
      next.sizeGb = t('blockStorage.error.sizeBelowSnapshot', { size: minSize });
    }
    setProblems(next);
    if (!parsedName.success || next.sizeGb) return;
    create.mutate(
      { name: parsedName.data, description, sizeGb, volumeType, zone, ...(snapshot ? { snapshotId: snapshot.id } : {}) },
      {
        onSuccess: (volume) => {
          toast.success(t('blockStorage.created', { name: volume.name }));
          onClose();
        },
      },
    );
  };

  const error = (field: (typeof FIELDS)[number]) => fieldError(create.error, field);
  const otherError = create.error && !FIELDS.some((field) => error(field)) ? errorMessage(create.error) : undefined;
  const nameError = problems.name ?? error('name');
  const sizeError = problems.sizeGb ?? error('sizeGb');

  return (
    <Dialog
      title={t('blockStorage.createTitle')}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button variant="primary" disabled={create.isPending} onClick={() => submit()}>
            {t('blockStorage.createSubmit')}
          </Button>
        </>
      }
    >
      <form className="space-y-4" onSubmit={submit} noValidate>
        {snapshot && <Alert tone="info">{t('blockStorage.fromSnapshot', { name: snapshot.name, size: snapshot.sizeGb, zone: snapshot.zone })}</Alert>}
        <Field label={t('blockStorage.name')} error={nameError} hint={t('blockStorage.nameHint')}>
          {(id, describedBy) => (
            <input
              id={id}
              className={inputClass}
              aria-describedby={describedBy}
              aria-invalid={Boolean(nameError)}
              value={name}
              autoComplete="off"
              placeholder="data-1"
              onChange={(event) => setName(event.target.value)}
            />
          )}
        </Field>
        <Field label={t('common.description')} error={error('description')}>
          {(id) => <input id={id} className={inputClass} maxLength={255} value={description} onChange={(event) => setDescription(event.target.value)} />}
        </Field>
        <Field label={t('blockStorage.size')} error={sizeError} hint={t('blockStorage.sizeHint', { min: minSize, max: MAX_VOLUME_GB })}>
          {(id, describedBy) => (
            <input
              id={id}
              type="number"
              inputMode="numeric"
              min={minSize}
              max={MAX_VOLUME_GB}
              step={1}
              className={inputClass}
              aria-describedby={describedBy}
              aria-invalid={Boolean(sizeError)}
              value={size}
              onChange={(event) => setSize(event.target.value)}
            />
          )}
        </Field>
        <Field label={t('blockStorage.type')} error={error('volumeType')}>
          {(id) => (
            <select id={id} className={inputClass} value={volumeType} onChange={(event) => setVolumeType(event.target.value as VolumeType)}>
              {VOLUME_TYPES.map((type) => (
                <option key={type} value={type}>
                  {type}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('blockStorage.zone')} error={error('zone')} hint={t('blockStorage.zoneHint')}>
          {(id, describedBy) => (
            <select id={id} className={inputClass} aria-describedby={describedBy} value={zone} disabled={Boolean(snapshot)} onChange={(event) => setZone(event.target.value as Zone)}>
              {ZONES.map((candidate) => (
                <option key={candidate} value={candidate}>
                  {candidate}
                </option>
              ))}
            </select>
          )}
        </Field>
        {otherError && <Alert tone="error">{otherError}</Alert>}
        <button type="submit" hidden />
      </form>
    </Dialog>
  );
}
