import type { InstanceDto } from '@sandcloud/api-schemas';
import { ConfirmMutationDialog } from '../../../components/ui/confirm-dialog.tsx';
import type { MessageKey } from '../../../lib/i18n/catalog.ts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useInstanceAction, type PowerAction } from '../api/instance-action.ts';

const TEXT: Record<PowerAction, { title: MessageKey; question: MessageKey; done: MessageKey; confirm: MessageKey }> = {
  stop: { title: 'instances.action.stop', question: 'instances.stopConfirm', done: 'instances.stopping', confirm: 'instances.action.stop' },
  start: { title: 'instances.action.start', question: 'instances.startConfirm', done: 'instances.starting', confirm: 'instances.action.start' },
  reboot: { title: 'instances.action.reboot', question: 'instances.rebootConfirm', done: 'instances.rebooting', confirm: 'instances.action.reboot' },
  'hard-reboot': { title: 'instances.action.hardReboot', question: 'instances.hardRebootConfirm', done: 'instances.hardRebooting', confirm: 'instances.action.hardReboot' },
};

/** Shutdown / start / reboot / hard reboot one instance, after a confirmation naming it. */
export function PowerActionDialog({ projectId, instance, action, onClose }: { projectId: string; instance: InstanceDto; action: PowerAction; onClose: () => void }) {
  const t = useT();
  const run = useInstanceAction(projectId);
  const text = TEXT[action];
  return (
    <ConfirmMutationDialog
      title={t(text.title)}
      confirmLabel={t(text.confirm)}
      danger={action === 'stop' || action === 'hard-reboot'}
      mutation={run}
      variables={{ instanceId: instance.id, action }}
      successMessage={t(text.done, { name: instance.name })}
      onSuccess={onClose}
      onCancel={onClose}
    >
      {t(text.question, { name: instance.name })}
    </ConfirmMutationDialog>
  );
}
