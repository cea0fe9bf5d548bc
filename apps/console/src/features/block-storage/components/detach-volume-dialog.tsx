import type { VolumeDto } from '@sandcloud/api-schemas';
import { Alert } from '../../../components/ui/alert.tsx';
import { ConfirmMutationDialog } from '../../../components/ui/confirm-dialog.tsx';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useDetachVolume } from '../api/detach-volume.ts';
import { useFreshVolume } from '../api/get-volume.ts';

interface DetachVolumeDialogProps {
  projectId: string;
  volume: VolumeDto;
  onClose: () => void;
}

/** The last step of `[Block Storage 연결 해제]`, repeating the guide's warning: unmount first, or data is lost. */
export function DetachVolumeDialog({ projectId, volume, onClose }: DetachVolumeDialogProps) {
  const t = useT();
  const detach = useDetachVolume(projectId);
  const device = volume.attachment?.device ?? '';
  // The fresh answer wins, including its "not mounted": the list may predate an umount in the shell.
  const fresh = useFreshVolume(projectId, volume.id).data;
  const mountPoint = fresh ? (fresh.attachment?.mountPoint ?? null) : (volume.attachment?.mountPoint ?? null);
  return (
    <ConfirmMutationDialog
      title={t('blockStorage.detachTitle')}
      confirmLabel={t('blockStorage.detach')}
      mutation={detach}
      variables={{ volumeId: volume.id, ...(volume.attachment ? { instanceId: volume.attachment.instanceId } : {}) }}
      successMessage={t('blockStorage.detached', { name: volume.name })}
      onSuccess={onClose}
      onCancel={onClose}
    >
      <div className="space-y-3">
        <p>{t('blockStorage.detachConfirm', { name: volume.name, device, instance: volume.attachment?.instanceName ?? '' })}</p>
        {mountPoint ? (
          <Alert tone="error" title={t('blockStorage.stillMountedTitle')}>
            {t('blockStorage.stillMounted', { device, mountPoint })}
          </Alert>
        ) : (
          <Alert tone="warning" title={t('blockStorage.unmountWarningTitle')}>
            {t('blockStorage.unmountWarning', { device })}
          </Alert>
        )}
      </div>
    </ConfirmMutationDialog>
  );
}
