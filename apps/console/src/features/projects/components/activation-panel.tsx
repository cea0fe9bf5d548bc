import type { ProjectDto } from '@sandcloud/api-schemas';
import { Button } from '../../../components/ui/button.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useActivateCompute } from '../api/activate-compute.ts';

/** `[상품이용]`: the product is off until a project admin turns it on. */
export function ActivationPanel({ project }: { project: ProjectDto }) {
  const t = useT();
  const toast = useToast();
  const activate = useActivateCompute(project.id);
  return (
    <div className="flex items-center justify-between gap-6">
      <div>
        <div className="font-medium">{t('activation.title')}</div>
        <p className="mt-1 max-w-2xl text-sm text-slate-600">{t('activation.description')}</p>
      </div>
      <Button data-tour="activate-compute"
        variant="primary"
        disabledReason={project.role === 'admin' ? undefined : t('activation.adminOnly')}
        disabled={activate.isPending}
        onClick={() =>
          activate.mutate(undefined, {
            onSuccess: () => toast.success(t('activation.done')),
            onError: (error) => toast.error(error.message),
          })
        }
      >
        {t('activation.activate')}
      </Button>
    </div>
  );
}
