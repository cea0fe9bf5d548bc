import type { AttachableInstanceDto, VolumeDto } from '@sandcloud/api-schemas';
import { useDeferredValue, useState, type FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { Field, inputClass } from '../../../components/ui/field.tsx';
import { SkeletonRows } from '../../../components/ui/skeleton.tsx';
import { ActionsTh, Table, TBody, Td, Th, THead } from '../../../components/ui/table.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { errorMessage, fieldError } from '../../../lib/api-client.ts';
import type { MessageKey } from '../../../lib/i18n/catalog.ts';
import { useT, type Translate } from '../../../lib/i18n/i18n.tsx';
import { useAttachVolume } from '../api/attach-volume.ts';
import { useAttachableInstances } from '../api/get-attachable-instances.ts';
import { DetachVolumeDialog } from './detach-volume-dialog.tsx';
import { VolumeStatus } from './volume-status.tsx';
import { PickerSearch } from '../../../components/ui/picker-search.tsx';

interface ManageAttachmentDialogProps {
  projectId: string;
  /** The volume as the list shows it now (it follows live status changes). */
  volume: VolumeDto;
  onClose: () => void;
}

const optionLabel = (instance: AttachableInstanceDto, t: Translate): string => {
  if (instance.problem === 'OTHER_ZONE') return `${instance.name} — ${t('blockStorage.problem.OTHER_ZONE', { zone: instance.zone })}`;
  if (instance.problem === 'INSTANCE_STATE') return `${instance.name} — ${t('blockStorage.problem.INSTANCE_STATE', { status: instance.taskState ?? instance.status })}`;
  // Just the name, so a test (or a user typing ahead) picks it by what the list shows.
  return instance.name;
};

/**
 * `[연결관리]` ("Block Storage 연결 관리"): an available volume is attached with `[Instance에 연결]`;
 * an attached one shows its instance and device, and `[Block Storage 연결 해제]` asks to confirm.
 */
export function ManageAttachmentDialog({ projectId, volume, onClose }: ManageAttachmentDialogProps) {
  const t = useT();
  // Owned here, not by the form: the form unmounts as soon as the live list shows the volume
  // attaching, and a mutation's callbacks (close, toast) only run while its owner is mounted.
  const attach = useAttachVolume(projectId);
  // The attachment the user asked to release, kept while the detach runs: the live list drops it
  // as soon as the volume is detached, and the confirmation must stay (and close itself) until then.
  const [detaching, setDetaching] = useState<VolumeDto['attachment']>(null);
  // One dialog at a time, so the confirmation's button is the only one of its name on the page.
  if (detaching) return <DetachVolumeDialog projectId={projectId} volume={{ ...volume, attachment: volume.attachment ?? detaching }} onClose={onClose} />;

  const status = t(`blockStorage.status.${volume.status}` as MessageKey);
  return (
    <Dialog
      title={t('blockStorage.manageTitle')}
      onClose={onClose}
      size="lg"
      footer={volume.status === 'available' ? undefined : <Button onClick={onClose}>{t('common.close')}</Button>}
    >
      <div className="space-y-4">
        <div className="flex items-center gap-2 text-sm">
          <span className="font-medium">{volume.name}</span>
          <span className="text-slate-500">
            {t('blockStorage.sizeValue', { size: volume.sizeGb })} · {volume.volumeType} · {volume.zone}
          </span>
          <VolumeStatus status={volume.status} />
        </div>
        {volume.attachment ? (
          <>
            <Table label={t('blockStorage.attachedTo')}>
              <THead>
                <Th>{t('blockStorage.attachedTo')}</Th>
                <Th>{t('blockStorage.device')}</Th>
                <ActionsTh />
              </THead>
              <TBody>
                <tr>
                  <Td className="font-medium">{volume.attachment.instanceName}</Td>
                  <Td className="font-mono text-xs">{volume.attachment.device}</Td>
                  <Td className="text-right">
                    <Button
                      variant="danger"
                      disabledReason={volume.allowedActions.includes('detach') ? undefined : t('blockStorage.reason.busy', { status })}
                      onClick={() => setDetaching(volume.attachment)}
                    >
                      {t('blockStorage.detach')}
                    </Button>
                  </Td>
                </tr>
              </TBody>
            </Table>
            <Alert tone="warning" title={t('blockStorage.unmountWarningTitle')}>
              {t('blockStorage.unmountWarning', { device: volume.attachment.device })}
            </Alert>
          </>
        ) : volume.status === 'available' ? (
          <AttachForm projectId={projectId} volume={volume} attach={attach} onDone={onClose} />
        ) : (
          <Alert tone="info">{t('blockStorage.notAvailable', { status })}</Alert>
        )}
      </div>
    </Dialog>
  );
}

/** `[Instance에 연결]`: instances of other zones or in a state that cannot take a volume are listed but disabled. */
function AttachForm({ projectId, volume, attach, onDone }: { projectId: string; volume: VolumeDto; attach: ReturnType<typeof useAttachVolume>; onDone: () => void }) {
  const t = useT();
  const toast = useToast();
  const [search, setSearch] = useState('');
  const instances = useAttachableInstances(projectId, volume.id, useDeferredValue(search.trim()));
  const [instanceId, setInstanceId] = useState('');
  // The chosen instance stays selectable while a new search answers without it.
  const [picked, setPicked] = useState<AttachableInstanceDto | null>(null);
  const found = instances.data?.items ?? [];
  const candidates = picked && picked.id === instanceId && !found.some((instance) => instance.id === picked.id) ? [picked, ...found] : found;
  const selectable = candidates.filter((instance) => instance.problem === null);
  const chosen = instanceId || (selectable.length === 1 ? selectable[0]!.id : '');

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (!chosen) return;
    const name = candidates.find((instance) => instance.id === chosen)?.name ?? '';
    attach.mutate(
      { volumeId: volume.id, instanceId: chosen },
      {
        onSuccess: () => {
          toast.success(t('blockStorage.attached', { name: volume.name, instance: name }));
          onDone();
        },
      },
    );
  };

  if (instances.isPending) return <SkeletonRows rows={2} columns={2} />;
  if (instances.isError) return <Alert tone="error">{errorMessage(instances.error)}</Alert>;

  const instanceError = fieldError(attach.error, 'instanceId');
  const otherError = attach.error && !instanceError ? errorMessage(attach.error) : undefined;
  return (
    <form className="space-y-4" onSubmit={submit}>
      <PickerSearch of={t('blockStorage.attachTo')} value={search} onChange={setSearch} />
      {selectable.length === 0 && <Alert tone="info">{search.trim() ? t('table.noMatch') : t('blockStorage.noInstances', { zone: volume.zone })}</Alert>}
      <Field label={t('blockStorage.attachTo')} error={instanceError} hint={t('blockStorage.attachHint', { zone: volume.zone })}>
        {(id, describedBy) => (
          <select
            id={id}
            className={inputClass}
            aria-describedby={describedBy}
            aria-invalid={Boolean(instanceError)}
            value={chosen}
            onChange={(event) => {
              setInstanceId(event.target.value);
              setPicked(candidates.find((instance) => instance.id === event.target.value) ?? null);
            }}
          >
            <option value="" disabled>
              {t('blockStorage.chooseInstance')}
            </option>
            {candidates.map((instance) => (
              <option key={instance.id} value={instance.id} disabled={instance.problem !== null}>
                {optionLabel(instance, t)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {otherError && <Alert tone="error">{otherError}</Alert>}
      <div className="flex justify-end">
        <Button type="submit" variant="primary" disabled={attach.isPending || !chosen}>
          {t('blockStorage.attachSubmit')}
        </Button>
      </div>
    </form>
  );
}
