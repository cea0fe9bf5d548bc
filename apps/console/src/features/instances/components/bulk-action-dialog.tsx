import type { InstanceDto } from '@sandcloud/api-schemas';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { errorMessage } from '../../../lib/api-client.ts';
import { localizeErrorMessage } from '../../../lib/i18n/error-messages.ts';
import { currentLanguage } from '../../../lib/i18n/language.ts';
import type { MessageKey } from '../../../lib/i18n/catalog.ts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useBulkInstanceAction, type BulkAction } from '../api/bulk-instance-action.ts';

const TEXT: Record<BulkAction, { title: MessageKey; question: MessageKey; label: MessageKey }> = {
  start: { title: 'instances.bulk.startTitle', question: 'instances.bulk.startConfirm', label: 'instances.bulk.start' },
  stop: { title: 'instances.bulk.stopTitle', question: 'instances.bulk.stopConfirm', label: 'instances.bulk.stop' },
  delete: { title: 'instances.bulk.deleteTitle', question: 'instances.bulk.deleteConfirm', label: 'instances.bulk.delete' },
  reboot: { title: 'instances.bulk.rebootTitle', question: 'instances.bulk.rebootConfirm', label: 'instances.bulk.reboot' },
};

interface BulkActionDialogProps {
  projectId: string;
  action: BulkAction;
  /** The selected instances that allow the action. */
  eligible: InstanceDto[];
  /** How many selected instances are left out because they do not allow it now. */
  skipped: number;
  onClose: () => void;
  onDone: () => void;
}

/** Confirms a checkbox action, naming the instances it applies to and those it skips. */
export function BulkActionDialog({ projectId, action, eligible, skipped, onClose, onDone }: BulkActionDialogProps) {
  const t = useT();
  const toast = useToast();
  const bulk = useBulkInstanceAction(projectId);
  const text = TEXT[action];
  return (
    <ConfirmDialog
      title={t(text.title)}
      confirmLabel={t(text.label)}
      danger={action !== 'start'}
      busy={bulk.isPending}
      onCancel={onClose}
      onConfirm={() =>
        bulk.mutate(
          { action, instanceIds: eligible.map((instance) => instance.id) },
          {
            onSuccess: ({ results }) => {
              const refused = results.flatMap((result) => (result.ok ? [] : [result]));
              const accepted = results.length - refused.length;
              if (accepted > 0) toast.success(t('instances.bulk.done', { count: accepted, action: t(text.label) }));
              for (const failure of refused) {
                const name = eligible.find((instance) => instance.id === failure.id)?.name ?? failure.id;
                const message = localizeErrorMessage(currentLanguage(), failure.messageCode, failure.params, failure.message);
                toast.error(t('instances.bulk.failed', { name, message }));
              }
              onDone();
            },
            onError: (error) => toast.error(errorMessage(error)),
          },
        )
      }
    >
      <p>{t(text.question, { count: eligible.length })}</p>
      <ul className="mt-2 max-h-40 list-disc overflow-y-auto pl-5 text-slate-600">
        {eligible.map((instance) => (
          <li key={instance.id}>
            {instance.name}
            {instance.privateIp && <span className="ml-2 font-mono text-xs text-slate-400">{instance.privateIp}</span>}
          </li>
        ))}
      </ul>
      {action === 'delete' && <p className="mt-2 text-slate-600">{t('instances.bulk.deleteFrees')}</p>}
      {skipped > 0 && <p className="mt-2 text-amber-700">{t('instances.bulk.skipped', { count: skipped })}</p>}
    </ConfirmDialog>
  );
}
