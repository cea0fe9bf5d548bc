import type { InstanceDto, VolumeDto } from '@sandcloud/api-schemas';
import { useDeferredValue, useState, type FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button, RowAction } from '../../../components/ui/button.tsx';
import { Dialog, DialogActions } from '../../../components/ui/dialog.tsx';
import { Field, inputClass } from '../../../components/ui/field.tsx';
import { QueryList } from '../../../components/ui/query-list.tsx';
import { SkeletonRows } from '../../../components/ui/skeleton.tsx';
import { ActionsTh, Panel, PanelHeader, Table, TBody, Td, Th, THead } from '../../../components/ui/table.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { errorMessage, fieldError } from '../../../lib/api-client.ts';
import type { MessageKey } from '../../../lib/i18n/catalog.ts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useProjectPermissions } from '../../../lib/projects.ts';
import { useAttachVolume } from '../api/attach-volume.ts';
import { useInstanceVolumes } from '../api/get-instance-volumes.ts';
import { useVolumes } from '../api/get-volumes.ts';
import { DetachVolumeDialog } from './detach-volume-dialog.tsx';
import { canChangeVolumes } from './volume-availability.ts';
import { VolumeStatus } from './volume-status.tsx';
import { PickerSearch } from '../../../components/ui/picker-search.tsx';

interface InstanceVolumesPanelProps {
  projectId: string;
  instance: InstanceDto;
}

/** The instance page's Block Storage section: its volumes by device, attach another, detach (with the unmount warning). */
export function InstanceVolumesPanel({ projectId, instance }: InstanceVolumesPanelProps) {
  const t = useT();
  const { canWrite } = useProjectPermissions(projectId);
  const volumes = useInstanceVolumes(projectId, instance.id);
  const [attaching, setAttaching] = useState(false);
  const [detachingId, setDetachingId] = useState<string | null>(null);
  const notReady = canChangeVolumes(instance) ? undefined : t('blockStorage.panel.instanceNotReady');
  const reason = canWrite ? notReady : t('common.viewerReadOnly');
  const detaching = volumes.data?.items.find((volume) => volume.id === detachingId);

  return (
    <Panel>
      <PanelHeader title={t('blockStorage.panel.title')}>
        <Button disabledReason={reason} onClick={() => setAttaching(true)}>
          {t('blockStorage.panel.attach')}
        </Button>
      </PanelHeader>
      <QueryList query={volumes} rows={2} columns={5} emptyMessage={t('blockStorage.panel.empty')}>
        {(items) => (
          <Table label={t('blockStorage.panel.title')}>
            <THead>
              <Th>{t('blockStorage.device')}</Th>
              <Th>{t('common.name')}</Th>
              <Th className="text-right">{t('blockStorage.size')}</Th>
              <Th>{t('blockStorage.type')}</Th>
              <Th>{t('common.status')}</Th>
              <ActionsTh />
            </THead>
            <TBody>
              {items.map((volume) => (
                <tr key={volume.id}>
                  <Td className="font-mono text-xs">{volume.attachment?.device}</Td>
                  <Td className="font-medium">{volume.name}</Td>
                  <Td className="text-right tabular-nums">{t('blockStorage.sizeValue', { size: volume.sizeGb })}</Td>
                  <Td>{volume.volumeType}</Td>
                  <Td>
                    <VolumeStatus status={volume.status} />
                  </Td>
                  <Td className="text-right">
                    <RowAction
                      danger
                      aria-label={t('blockStorage.detachFor', { name: volume.name })}
                      disabledReason={reason ?? (volume.allowedActions.includes('detach') ? undefined : t('blockStorage.reason.busy', { status: t(`blockStorage.status.${volume.status}` as MessageKey) }))}
                      onClick={() => setDetachingId(volume.id)}
                    >
                      {t('blockStorage.detachShort')}
                    </RowAction>
                  </Td>
                </tr>
              ))}
            </TBody>
          </Table>
        )}
      </QueryList>
      {attaching && <AttachVolumeDialog projectId={projectId} instance={instance} onClose={() => setAttaching(false)} />}
      {detaching && <DetachVolumeDialog projectId={projectId} volume={detaching} onClose={() => setDetachingId(null)} />}
    </Panel>
  );
}

/** Picks an available volume of the instance's zone and attaches it as the next free device. */
function AttachVolumeDialog({ projectId, instance, onClose }: { projectId: string; instance: InstanceDto; onClose: () => void }) {
  const t = useT();
  const toast = useToast();
  const [search, setSearch] = useState('');
  const volumes = useVolumes(projectId, instance.zone, useDeferredValue(search.trim()));
  const attach = useAttachVolume(projectId);
  const [volumeId, setVolumeId] = useState('');
  // The chosen volume stays selectable while a new search answers without it.
  const [picked, setPicked] = useState<VolumeDto | null>(null);
  const found: VolumeDto[] = (volumes.data?.items ?? []).filter((volume) => volume.zone === instance.zone && volume.allowedActions.includes('attach'));
  const candidates = picked && picked.id === volumeId && !found.some((volume) => volume.id === picked.id) ? [picked, ...found] : found;
  const chosen = volumeId || (candidates.length === 1 ? candidates[0]!.id : '');

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const volume = candidates.find((candidate) => candidate.id === chosen);
    if (!volume) return;
    attach.mutate(
      { volumeId: volume.id, instanceId: instance.id },
      {
        onSuccess: () => {
          toast.success(t('blockStorage.attached', { name: volume.name, instance: instance.name }));
          onClose();
        },
      },
    );
  };

  const volumeError = fieldError(attach.error, 'instanceId');
  const otherError = attach.error && !volumeError ? errorMessage(attach.error) : undefined;
  return (
    <Dialog
      title={t('blockStorage.panel.attachTitle', { instance: instance.name })}
      onClose={onClose}
      footer={<DialogActions onCancel={onClose} submitLabel={t('blockStorage.panel.attachSubmit')} disabled={attach.isPending || !chosen} onSubmit={() => submit()} />}
    >
      {volumes.isPending ? (
        <SkeletonRows rows={2} columns={2} />
      ) : (
        <form className="space-y-4" onSubmit={submit}>
          <PickerSearch of={t('blockStorage.panel.volume')} value={search} onChange={setSearch} />
          {candidates.length === 0 && <Alert tone="info">{search.trim() ? t('table.noMatch') : t('blockStorage.panel.noVolumes', { zone: instance.zone })}</Alert>}
          <Field label={t('blockStorage.panel.volume')} error={volumeError} hint={t('blockStorage.attachHint', { zone: instance.zone })}>
            {(id, describedBy) => (
              <select id={id} className={inputClass} aria-describedby={describedBy} value={chosen} onChange={(event) => {
                setVolumeId(event.target.value);
                setPicked(candidates.find((volume) => volume.id === event.target.value) ?? null);
              }}>
                <option value="" disabled>
                  {t('blockStorage.panel.chooseVolume')}
                </option>
                {candidates.map((volume) => (
                  <option key={volume.id} value={volume.id}>
                    {t('blockStorage.panel.volumeOption', { name: volume.name, size: volume.sizeGb, type: volume.volumeType })}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {(otherError ?? (volumes.isError ? errorMessage(volumes.error) : undefined)) && <Alert tone="error">{otherError ?? errorMessage(volumes.error)}</Alert>}
          <button type="submit" hidden />
        </form>
      )}
    </Dialog>
  );
}
