import { NavLink, Outlet, useParams } from 'react-router-dom';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { SkeletonRows } from '../../../components/ui/skeleton.tsx';
import { useT } from '../../../lib/i18n/i18n.tsx';
import type { MessageKey } from '../../../lib/i18n/catalog.ts';
import { routes, type ProjectRoute } from '../../../lib/routes.ts';
import { useProject } from '../../../lib/projects.ts';
import { ActivationPanel } from '../../projects/index.ts';

interface MenuEntry {
  route: ProjectRoute;
  label: MessageKey;
  indent?: boolean;
}

/** The left menu of Infrastructure > Compute & Network, in the order of the guide. */
const MENU: MenuEntry[] = [
  { route: routes.instances, label: 'menu.instances' },
  { route: routes.keyPairs, label: 'menu.keyPairs' },
  { route: routes.images, label: 'menu.images' },
  { route: routes.blockStorage, label: 'menu.blockStorage' },
  { route: routes.vpcs, label: 'menu.vpc', indent: true },
  { route: routes.subnets, label: 'menu.subnets', indent: true },
  { route: routes.routingTables, label: 'menu.routingTables', indent: true },
  { route: routes.networkInterfaces, label: 'menu.networkInterfaces', indent: true },
  { route: routes.topology, label: 'menu.topology', indent: true },
  { route: routes.floatingIps, label: 'menu.floatingIps' },
  { route: routes.securityGroups, label: 'menu.securityGroups' },
  { route: routes.loadBalancers, label: 'menu.loadBalancers' },
  { route: routes.activity, label: 'activity.title' },
];

/** Compute & Network screens; until the product is activated, the activation panel stands in for them. */
export function ComputeLayout() {
  const t = useT();
  const { projectId = '' } = useParams();
  const project = useProject(projectId);

  if (project.isPending) return <div className="flex-1 p-6"><SkeletonRows /></div>;
  if (!project.data) return <div className="flex-1 p-6 text-sm text-red-600">{project.error?.message}</div>;

  return (
    <>
      <nav aria-label={t('menu.computeNetwork')} className="w-56 shrink-0 border-r border-slate-200 bg-white py-4 text-sm">
        <div className="px-4 pb-1 text-xs text-slate-400">{t('menu.infrastructure')}</div>
        <div className="px-4 pb-3 font-semibold">{t('menu.computeNetwork')}</div>
        {MENU.map((entry) => (
          <div key={entry.label}>
            {entry.route === routes.vpcs && <div className="px-4 pt-2 pb-1 text-slate-500">{t('menu.network')}</div>}
            <NavLink
              to={entry.route({ projectId })}
              className={({ isActive }) =>
                `block py-1.5 pr-4 ${entry.indent ? 'pl-8' : 'pl-4'} ${isActive ? 'bg-brand-50 font-medium text-brand-700' : 'text-slate-700 hover:bg-slate-50'}`
              }
            >
              {t(entry.label)}
            </NavLink>
          </div>
        ))}
      </nav>
      <main className="min-w-0 flex-1 p-6">
        {project.data.computeActivated ? (
          <Outlet />
        ) : (
          <>
            <PageHeader title={t('menu.computeNetwork')} />
            <div className="rounded-lg border border-slate-200 bg-white p-5">
              <ActivationPanel project={project.data} />
            </div>
          </>
        )}
      </main>
    </>
  );
}
