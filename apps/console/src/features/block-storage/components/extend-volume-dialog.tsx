import type { VolumeDto } from '@sandcloud/api-schemas';
import { MAX_VOLUME_GB } from '@sandcloud/domain';
import { useState } from 'react';
import { TextField } from '../../../components/ui/field.tsx';
import { FormDialog, FormError } from '../../../components/ui/form-dialog.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { fieldError } from '../../../lib/api-client.ts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useExtendVolume } from '../api/extend-volume.ts';

/** Grows a volume; the field refuses anything not larger than now (volumes never shrink). */
export function ExtendVolumeDialog({ projectId, volume, onClose }: { projectId: string; volume: VolumeDto; onClose: () => void }) {
  const t = useT();
  const toast = useToast();
  const extend = useExtendVolume(projectId);
  const [size, setSize] = useState(String(Math.min(MAX_VOLUME_GB, volume.sizeGb + 10)));
  const [problem, setProblem] = useState<string | undefined>();

  const submit = () => {
    const sizeGb = Number(size);
    if (size.trim() === '' || !Number.isInteger(sizeGb) || sizeGb > MAX_VOLUME_GB) {
      setProblem(t('blockStorage.error.size', { min: volume.sizeGb + 1, max: MAX_VOLUME_GB }));
      return;
    }
    if (sizeGb <= volume.sizeGb) {
      setProblem(t('blockStorage.error.extendMustGrow', { size: volume.sizeGb }));
      return;
    }
    setProblem(undefined);
    extend.mutate(
      { volumeId: volume.id, sizeGb },
      {
        onSuccess: () => {
          toast.success(t('blockStorage.extended', { name: volume.name, size: sizeGb }));
          onClose();
        },
      },
    );
  };

  return (
    <FormDialog title={t('blockStorage.extendTitle')} onClose={onClose} submitLabel={t('blockStorage.extendSubmit')} busy={extend.isPending} onSubmit={submit} noValidate>
      <p className="text-sm text-slate-700">
        <span className="font-medium">{volume.name}</span> · {t('blockStorage.sizeValue', { size: volume.sizeGb })}
      </p>
      <TextField
        label={t('blockStorage.newSize')}
        error={problem ?? fieldError(extend.error, 'sizeGb')}
        hint={t('blockStorage.extendHint', { size: volume.sizeGb, max: MAX_VOLUME_GB })}
        type="number"
        inputMode="numeric"
        min={volume.sizeGb + 1}
        max={MAX_VOLUME_GB}
        step={1}
        value={size}
        onChange={setSize}
      />
      <FormError error={extend.error} fields={['sizeGb']} />
    </FormDialog>
  );
}
