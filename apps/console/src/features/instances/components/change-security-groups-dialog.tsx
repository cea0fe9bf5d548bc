import type { InstanceDto } from '@sandcloud/api-schemas';
import { useState } from 'react';
import { Dialog, DialogActions } from '../../../components/ui/dialog.tsx';
import { FormError } from '../../../components/ui/form-dialog.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { fieldError } from '../../../lib/api-client.ts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { SecurityGroupChecklist } from '../../security-groups/index.ts';
import { useUpdateInstanceSecurityGroups } from '../api/update-instance-security-groups.ts';

/** Replaces the security groups of one instance; rules apply to it right away. */
export function ChangeSecurityGroupsDialog({ projectId, instance, onClose }: { projectId: string; instance: InstanceDto; onClose: () => void }) {
  const t = useT();
  const toast = useToast();
  const update = useUpdateInstanceSecurityGroups(projectId);
  const [ids, setIds] = useState(() => instance.securityGroups.map((group) => group.id));
  const [problem, setProblem] = useState<string | undefined>();

  const submit = () => {
    if (ids.length === 0) {
      setProblem(t('instanceWizard.error.securityGroups'));
      return;
    }
    setProblem(undefined);
    update.mutate(
      { instanceId: instance.id, securityGroupIds: ids },
      {
        onSuccess: () => {
          toast.success(t('instances.securityGroupsChanged', { name: instance.name }));
          onClose();
        },
      },
    );
  };

  const error = problem ?? fieldError(update.error, 'securityGroupIds');
  return (
    <Dialog
      title={t('instances.changeSecurityGroupsTitle', { name: instance.name })}
      size="lg"
      onClose={onClose}
      footer={<DialogActions onCancel={onClose} submitLabel={t('common.save')} disabled={update.isPending} onSubmit={submit} />}
    >
      <div className="space-y-3">
        <SecurityGroupChecklist projectId={projectId} label={t('instanceWizard.securityGroups')} value={ids} onChange={setIds} error={error} />
        <FormError error={update.error} fields={['securityGroupIds']} />
      </div>
    </Dialog>
  );
}
