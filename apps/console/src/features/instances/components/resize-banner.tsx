import type { InstanceDto } from '@sandcloud/api-schemas';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { errorMessage } from '../../../lib/api-client.ts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useFinishResize } from '../api/resize-instance.ts';

/**
 * While a resize waits in VERIFY_RESIZE: what changed, and the two ways out — confirm (keep the new
 * flavor) or revert (back to the old one), as Nova asks of its user.
 */
export function ResizeBanner({ projectId, instance, canWrite }: { projectId: string; instance: InstanceDto; canWrite: boolean }) {
  const t = useT();
  const toast = useToast();
  const finish = useFinishResize(projectId);
  if (instance.status !== 'VERIFY_RESIZE') return null;
  const decide = (decision: 'confirm' | 'revert') =>
    finish.mutate(
      { instanceId: instance.id, decision },
      {
        onSuccess: () => toast.success(t(decision === 'confirm' ? 'instances.resize.confirming' : 'instances.resize.reverting', { name: instance.name })),
        onError: (error) => toast.error(errorMessage(error)),
      },
    );
  const readOnly = canWrite ? undefined : t('common.viewerReadOnly');
  const busy = finish.isPending || instance.taskState !== null ? t('instances.reason.busy', { status: `${instance.status}, ${instance.taskState ?? ''}` }) : undefined;
  return (
    <Alert tone="warning" title={t('instances.resize.verifyTitle')}>
      <div className="flex flex-wrap items-center gap-3">
        <span>{t('instances.resize.verifyBody', { from: instance.resizeFromFlavorId ?? '—', to: instance.flavorId })}</span>
        <Button variant="primary" disabledReason={readOnly ?? busy} onClick={() => decide('confirm')}>
          {t('instances.action.confirmResize')}
        </Button>
        <Button disabledReason={readOnly ?? busy} onClick={() => decide('revert')}>
          {t('instances.action.revertResize')}
        </Button>
      </div>
    </Alert>
  );
}
