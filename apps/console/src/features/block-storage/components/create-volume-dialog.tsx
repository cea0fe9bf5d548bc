import { resourceNameSchema, type VolumeSnapshotDto } from '@sandcloud/api-schemas';
import { MAX_VOLUME_GB, MIN_VOLUME_GB, VOLUME_TYPES, ZONES, type VolumeType, type Zone } from '@sandcloud/domain';
import { useState } from 'react';
import { Alert } from '../../../components/ui/alert.tsx';
import { DescriptionField, SelectField, TextField } from '../../../components/ui/field.tsx';
import { FormDialog, FormError } from '../../../components/ui/form-dialog.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { fieldError } from '../../../lib/api-client.ts';
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

  const submit = () => {
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

  return (
    <FormDialog title={t('blockStorage.createTitle')} onClose={onClose} submitLabel={t('blockStorage.createSubmit')} busy={create.isPending} onSubmit={submit} noValidate>
      {snapshot && <Alert tone="info">{t('blockStorage.fromSnapshot', { name: snapshot.name, size: snapshot.sizeGb, zone: snapshot.zone })}</Alert>}
      <TextField
        label={t('blockStorage.name')}
        error={problems.name ?? error('name')}
        hint={t('blockStorage.nameHint')}
        value={name}
        autoComplete="off"
        placeholder="data-1"
        onChange={setName}
      />
      <DescriptionField value={description} onChange={setDescription} error={error('description')} />
      <TextField
        label={t('blockStorage.size')}
        error={problems.sizeGb ?? error('sizeGb')}
        hint={t('blockStorage.sizeHint', { min: minSize, max: MAX_VOLUME_GB })}
        type="number"
        inputMode="numeric"
        min={minSize}
        max={MAX_VOLUME_GB}
        step={1}
        value={size}
        onChange={setSize}
      />
      <SelectField label={t('blockStorage.type')} error={error('volumeType')} value={volumeType} options={VOLUME_TYPES} onChange={setVolumeType} />
      <SelectField label={t('blockStorage.zone')} error={error('zone')} hint={t('blockStorage.zoneHint')} value={zone} options={ZONES} disabled={Boolean(snapshot)} onChange={setZone} />
      <FormError error={create.error} fields={FIELDS} />
    </FormDialog>
  );
}
