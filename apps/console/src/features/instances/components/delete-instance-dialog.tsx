import type { InstanceDto } from '@sandcloud/api-schemas';
import { ConfirmMutationDialog } from '../../../components/ui/confirm-dialog.tsx';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { openstackCli } from '../../../lib/openstack-cli.ts';
import { useDeleteInstance } from '../api/delete-instance.ts';

/** Asks before deleting, saying what happens to the instance's addresses. */
export function DeleteInstanceDialog({ projectId, instance, onClose, onDeleted }: { projectId: string; instance: InstanceDto; onClose: () => void; onDeleted?: () => void }) {
  const t = useT();
  const remove = useDeleteInstance(projectId);
  return (
    <ConfirmMutationDialog
      title={t('instances.deleteTitle')}
      confirmLabel={t('instances.action.delete')}
      mutation={remove}
      variables={instance.id}
      successMessage={t('instances.deleting', { name: instance.name })}
      onSuccess={() => {
        onClose();
        onDeleted?.();
      }}
      onCancel={onClose}
      cliCommand={openstackCli.serverAction('delete', instance.name)}
    >
      <p>{t('instances.deleteConfirm', { name: instance.name })}</p>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-slate-600">
        {instance.privateIp && <li>{t('instances.deleteFreesPrivateIp', { ip: instance.privateIp })}</li>}
        {instance.floatingIp && <li>{t('instances.deleteFreesFloatingIp', { ip: instance.floatingIp })}</li>}
        <li>{t('instances.deleteRootDisk', { size: instance.rootDiskGb })}</li>
      </ul>
    </ConfirmMutationDialog>
  );
}
