import type { VolumeDto } from '@sandcloud/api-schemas';
import { Alert } from '../../../components/ui/alert.tsx';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { errorMessage } from '../../../lib/api-client.ts';
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
  const toast = useToast();
  const detach = useDetachVolume(projectId);
  const device = volume.attachment?.device ?? '';
  // The fresh answer wins, including its "not mounted": the list may predate an umount in the shell.
  const fresh = useFreshVolume(projectId, volume.id).data;
  const mountPoint = fresh ? (fresh.attachment?.mountPoint ?? null) : (volume.attachment?.mountPoint ?? null);
  return (
    <ConfirmDialog
      title={t('blockStorage.detachTitle')}
      confirmLabel={t('blockStorage.detach')}
      busy={detach.isPending}
      onCancel={onClose}
      onConfirm={() =>
        detach.mutate(
          { volumeId: volume.id, ...(volume.attachment ? { instanceId: volume.attachment.instanceId } : {}) },
          {
            onSuccess: () => {
              toast.success(t('blockStorage.detached', { name: volume.name }));
              onClose();
            },
            onError: (error) => toast.error(errorMessage(error)),
          },
        )
      }
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
    </ConfirmDialog>
  );
}
