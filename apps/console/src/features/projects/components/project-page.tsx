import { Link, useParams } from 'react-router-dom';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { routes } from '../../../lib/routes.ts';
import { QuotaUsagePanel } from '../../quotas/index.ts';
import { SandboxPanel } from '../../sandbox/index.ts';
import { TutorialOverviewCard } from '../../tutorial/index.ts';
import { useProject, useProjectPermissions } from '../../../lib/projects.ts';
import { ActivationPanel } from './activation-panel.tsx';

/** A project's overview: the services it uses (Infrastructure > Compute & Network). */
export function ProjectPage() {
  const t = useT();
  const { projectId = '' } = useParams();
  const project = useProject(projectId);
  const { canManage } = useProjectPermissions(projectId);
  // The layout shows the loading and error states; this renders once the project is there.
  if (!project.data) return null;

  return (
    <>
      <section className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 className="mb-1 text-xs font-semibold text-slate-500 uppercase">{t('menu.infrastructure')}</h2>
        {project.data.computeActivated ? (
          <div className="flex items-center justify-between">
            <div>
              <div className="font-medium">{t('menu.computeNetwork')}</div>
              <div className="text-sm text-emerald-700">{t('activation.done')}</div>
              <a className="text-sm text-brand-600 hover:underline" href={`/api/clouds.yaml?projectId=${encodeURIComponent(projectId)}`} download="clouds.yaml" title={t('openstackCli.cloudsYamlHint')}>
                {t('openstackCli.cloudsYaml')}
              </a>
            </div>
            <Link className="rounded bg-brand-500 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-600" to={routes.compute({ projectId })}>
              {t('menu.computeNetwork')} →
            </Link>
          </div>
        ) : (
          <ActivationPanel project={project.data} />
        )}
      </section>
      <TutorialOverviewCard projectId={projectId} />
      {project.data.computeActivated && <QuotaUsagePanel projectId={projectId} />}
      {project.data.computeActivated && <SandboxPanel projectId={projectId} projectName={project.data.name} canManage={canManage} />}
    </>
  );
}
