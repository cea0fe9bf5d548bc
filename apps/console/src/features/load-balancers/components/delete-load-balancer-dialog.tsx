import type { LoadBalancerDto } from '@sandcloud/api-schemas';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { errorMessage } from '../../../lib/api-client.ts';
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
  const toast = useToast();
  const remove = useDeleteLoadBalancer(projectId);
  return (
    <ConfirmDialog
      title={t('lb.deleteTitle')}
      confirmLabel={t('common.delete')}
      busy={remove.isPending}
      onCancel={onClose}
      onConfirm={() =>
        remove.mutate(loadBalancer.id, {
          onSuccess: () => {
            toast.success(t('lb.deleting', { name: loadBalancer.name }));
            onClose();
            onDeleted?.();
          },
          onError: (error) => toast.error(errorMessage(error)),
        })
      }
    >
      <p>{t('lb.deleteConfirm', { name: loadBalancer.name, ip: loadBalancer.vipAddress })}</p>
      {loadBalancer.floatingIp && <p className="mt-2 text-amber-700">{t('lb.deleteFloatingIp', { ip: loadBalancer.floatingIp.address })}</p>}
    </ConfirmDialog>
  );
}
