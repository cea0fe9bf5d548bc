import type { InstanceDto } from '@sandcloud/api-schemas';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { errorMessage } from '../../../lib/api-client.ts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useDeleteInstance } from '../api/delete-instance.ts';

/** Asks before deleting, saying what happens to the instance's addresses. */
export function DeleteInstanceDialog({ projectId, instance, onClose, onDeleted }: { projectId: string; instance: InstanceDto; onClose: () => void; onDeleted?: () => void }) {
  const t = useT();
  const toast = useToast();
  const remove = useDeleteInstance(projectId);
  return (
    <ConfirmDialog
      title={t('instances.deleteTitle')}
      confirmLabel={t('instances.action.delete')}
      busy={remove.isPending}
      onCancel={onClose}
      onConfirm={() =>
        remove.mutate(instance.id, {
          onSuccess: () => {
            toast.success(t('instances.deleting', { name: instance.name }));
            onClose();
            onDeleted?.();
          },
          onError: (error) => toast.error(errorMessage(error)),
        })
      }
    >
      <p>{t('instances.deleteConfirm', { name: instance.name })}</p>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-slate-600">
        {instance.privateIp && <li>{t('instances.deleteFreesPrivateIp', { ip: instance.privateIp })}</li>}
        {instance.floatingIp && <li>{t('instances.deleteFreesFloatingIp', { ip: instance.floatingIp })}</li>}
        <li>{t('instances.deleteRootDisk', { size: instance.rootDiskGb })}</li>
      </ul>
    </ConfirmDialog>
  );
}
