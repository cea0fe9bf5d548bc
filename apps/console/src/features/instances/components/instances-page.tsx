import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { useT } from '../../../lib/i18n/i18n.tsx';

export function InstancesPage() {
  const t = useT();
  return (
    <div>
      <PageHeader title={t('menu.instances')} />
      <div className="rounded-lg border border-slate-200 bg-white">
        <EmptyState message={t('projects.empty')} />
      </div>
    </div>
  );
}
