import { ConfirmMutationDialog } from '../../../components/ui/confirm-dialog.tsx';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { openstackCli } from '../../../lib/openstack-cli.ts';
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
  const disassociate = useDisassociateFloatingIp(projectId);
  return (
    <ConfirmMutationDialog
      title={t('floatingIps.disassociateTitle')}
      confirmLabel={t('floatingIps.disassociate')}
      mutation={disassociate}
      variables={floatingIp.id}
      successMessage={t('floatingIps.disassociated', { ip: floatingIp.address })}
      onSuccess={onClose}
      onCancel={onClose}
      cliCommand={openstackCli.floatingIpUnset(floatingIp.address)}
    >
      {t('floatingIps.disassociateConfirm', { ip: floatingIp.address, target: targetName })}
    </ConfirmMutationDialog>
  );
}
