import { NavLink, Outlet, useParams } from 'react-router-dom';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { SkeletonRows } from '../../../components/ui/skeleton.tsx';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { routes } from '../../../lib/routes.ts';
import { useProject } from '../../../lib/projects.ts';

const tabClass = ({ isActive }: { isActive: boolean }) =>
  `-mb-px border-b-2 px-4 py-2 text-sm font-medium transition-colors ${
    isActive ? 'border-brand-500 text-brand-700' : 'border-transparent text-slate-500 hover:text-slate-800'
  }`;

/** A project's page: its name, then tabs — the overview (services) and its members — each a deep link. */
export function ProjectLayout() {
  const t = useT();
  const { projectId = '' } = useParams();
  const project = useProject(projectId);

  if (project.isPending) return <div className="flex-1 p-6"><SkeletonRows /></div>;
  if (!project.data) return <div className="flex-1 p-6 text-sm text-red-600">{project.error?.message ?? t('common.notFound')}</div>;

  return (
    <div className="mx-auto w-full max-w-5xl p-6">
      <PageHeader title={project.data.name} description={project.data.description || t('project.overview')} />
      <nav aria-label={t('projectTabs.label')} className="mb-6 flex gap-1 border-b border-slate-200">
        <NavLink end to={routes.project({ projectId })} className={tabClass}>
          {t('projectTabs.overview')}
        </NavLink>
        <NavLink to={routes.projectMembers({ projectId })} className={tabClass}>
          {t('project.members')}
        </NavLink>
      </nav>
      <Outlet />
    </div>
  );
}
