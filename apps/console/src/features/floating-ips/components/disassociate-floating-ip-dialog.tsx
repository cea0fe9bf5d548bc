import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { errorMessage } from '../../../lib/api-client.ts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useDisassociateFloatingIp } from '../api/disassociate-floating-ip.ts';

interface DisassociateFloatingIpDialogProps {
  projectId: string;
  floatingIp: { id: string; address: string };
  /** What it is connected to (an instance's name), for the question. */
  targetName: string;
  onClose: () => void;
}

/** `[Floating IP 연결 해제]`: the address stays in the project, free to connect again. */
export function DisassociateFloatingIpDialog({ projectId, floatingIp, targetName, onClose }: DisassociateFloatingIpDialogProps) {
  const t = useT();
  const toast = useToast();
  const disassociate = useDisassociateFloatingIp(projectId);
  return (
    <ConfirmDialog
      title={t('floatingIps.disassociateTitle')}
      confirmLabel={t('floatingIps.disassociate')}
      busy={disassociate.isPending}
      onCancel={onClose}
      onConfirm={() =>
        disassociate.mutate(floatingIp.id, {
          onSuccess: () => {
            toast.success(t('floatingIps.disassociated', { ip: floatingIp.address }));
            onClose();
          },
          onError: (error) => toast.error(errorMessage(error)),
        })
      }
    >
      {t('floatingIps.disassociateConfirm', { ip: floatingIp.address, target: targetName })}
    </ConfirmDialog>
  );
}
