import { MAX_VOLUME_GB, type VolumeDto } from '@sandcloud/api-schemas';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { Field, inputClass } from '../../../components/ui/field.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { errorMessage, fieldError } from '../../../lib/api-client.ts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useExtendVolume } from '../api/extend-volume.ts';

/** Grows a volume; the field refuses anything not larger than now (volumes never shrink). */
export function ExtendVolumeDialog({ projectId, volume, onClose }: { projectId: string; volume: VolumeDto; onClose: () => void }) {
  const t = useT();
  const toast = useToast();
  const extend = useExtendVolume(projectId);
  const [size, setSize] = useState(String(Math.min(MAX_VOLUME_GB, volume.sizeGb + 10)));
  const [problem, setProblem] = useState<string | undefined>();

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
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

  const sizeError = problem ?? fieldError(extend.error, 'sizeGb');
  const otherError = extend.error && !fieldError(extend.error, 'sizeGb') ? errorMessage(extend.error) : undefined;
  return (
    <Dialog
      title={t('blockStorage.extendTitle')}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button variant="primary" disabled={extend.isPending} onClick={() => submit()}>
            {t('blockStorage.extendSubmit')}
          </Button>
        </>
      }
    >
      <form className="space-y-4" onSubmit={submit} noValidate>
        <p className="text-sm text-slate-700">
          <span className="font-medium">{volume.name}</span> · {t('blockStorage.sizeValue', { size: volume.sizeGb })}
        </p>
        <Field label={t('blockStorage.newSize')} error={sizeError} hint={t('blockStorage.extendHint', { size: volume.sizeGb, max: MAX_VOLUME_GB })}>
          {(id, describedBy) => (
            <input
              id={id}
              type="number"
              inputMode="numeric"
              min={volume.sizeGb + 1}
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
        {otherError && <Alert tone="error">{otherError}</Alert>}
        <button type="submit" hidden />
      </form>
    </Dialog>
  );
}
