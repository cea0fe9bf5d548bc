import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Button } from '../../../components/ui/button.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { SkeletonRows } from '../../../components/ui/skeleton.tsx';
import { StatusBadge } from '../../../components/ui/status-badge.tsx';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useFormat } from '../../../lib/i18n/use-format.ts';
import { routes } from '../../../lib/routes.ts';
import { useProjects } from '../../../lib/projects.ts';
import { CreateProjectDialog } from './create-project-dialog.tsx';

export function ProjectListPage() {
  const t = useT();
  const format = useFormat();
  const projects = useProjects();
  const [creating, setCreating] = useState(false);

  return (
    <div className="mx-auto max-w-5xl p-6">
      <PageHeader
        title={t('projects.title')}
        description={t('projects.subtitle')}
        actions={
          <Button variant="primary" onClick={() => setCreating(true)}>
            {t('projects.create')}
          </Button>
        }
      />
      <div className="overflow-hidden rounded-lg border border-slate-200 bg-white">
        {projects.isPending ? (
          <SkeletonRows />
        ) : projects.data?.items.length === 0 ? (
          <EmptyState message={t('projects.empty')} action={<Button variant="primary" onClick={() => setCreating(true)}>{t('projects.create')}</Button>} />
        ) : (
          <table className="w-full text-sm">
            <thead className="bg-slate-50 text-left text-xs text-slate-500 uppercase">
              <tr>
                <th className="px-4 py-2">{t('projects.name')}</th>
                <th className="px-4 py-2">{t('projects.role')}</th>
                <th className="px-4 py-2">{t('projects.compute')}</th>
                <th className="px-4 py-2">{t('common.createdAt')}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {projects.data?.items.map((project) => (
                <tr key={project.id}>
                  <td className="px-4 py-2.5">
                    <Link className="font-medium text-brand-600 hover:underline" to={routes.project({ projectId: project.id })}>
                      {project.name}
                    </Link>
                    {project.description && <div className="text-xs text-slate-500">{project.description}</div>}
                  </td>
                  <td className="px-4 py-2.5">{t(`role.${project.role}`)}</td>
                  <td className="px-4 py-2.5">
                    <StatusBadge
                      status={project.computeActivated ? 'ACTIVE' : 'INACTIVE'}
                      label={project.computeActivated ? t('projects.computeOn') : t('projects.computeOff')}
                    />
                  </td>
                  <td className="px-4 py-2.5 text-slate-500">{format.dateTime(project.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      {creating && <CreateProjectDialog onClose={() => setCreating(false)} />}
    </div>
  );
}
