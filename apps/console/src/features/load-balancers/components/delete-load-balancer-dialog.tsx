import type { LoadBalancerDto } from '@sandcloud/api-schemas';
import { ConfirmMutationDialog } from '../../../components/ui/confirm-dialog.tsx';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useDeleteLoadBalancer } from '../api/delete-load-balancer.ts';

interface DeleteLoadBalancerDialogProps {
  projectId: string;
  loadBalancer: LoadBalancerDto;
  onClose: () => void;
  onDeleted?: () => void;
}

/** Deleting frees the VIP address and disconnects its floating IP (the address stays in the project). */
export function DeleteLoadBalancerDialog({ projectId, loadBalancer, onClose, onDeleted }: DeleteLoadBalancerDialogProps) {
  const t = useT();
  const remove = useDeleteLoadBalancer(projectId);
  return (
    <ConfirmMutationDialog
      title={t('lb.deleteTitle')}
      confirmLabel={t('common.delete')}
      mutation={remove}
      variables={loadBalancer.id}
      successMessage={t('lb.deleting', { name: loadBalancer.name })}
      onSuccess={() => {
        onClose();
        onDeleted?.();
      }}
      onCancel={onClose}
    >
      <p>{t('lb.deleteConfirm', { name: loadBalancer.name, ip: loadBalancer.vipAddress })}</p>
      {loadBalancer.floatingIp && <p className="mt-2 text-amber-700">{t('lb.deleteFloatingIp', { ip: loadBalancer.floatingIp.address })}</p>}
    </ConfirmMutationDialog>
  );
}
