import { createBrowserRouter, Navigate, useParams } from 'react-router-dom';
import { authPages } from '../features/auth/pages.ts';
import { classroomPages } from '../features/classroom/pages.ts';
import { ComputeLayout } from '../features/compute/index.ts';
import { projectMemberPages } from '../features/project-members/pages.ts';
import { ProjectLayout } from '../features/projects/index.ts';
import { projectPages } from '../features/projects/pages.ts';
import { userPages } from '../features/users/pages.ts';
import { routes } from '../lib/routes.ts';
import { AuthenticatedShell } from './authenticated-shell.tsx';
import { computeRoutes, screen } from './compute-routes.tsx';
import { lazyScreen } from './lazy-route.tsx';

/** Compute & Network opens on its instance list. */
function ComputeIndex() {
  const { projectId = '' } = useParams();
  return <Navigate to={routes.instances({ projectId })} replace />;
}

// Every path comes from the route table (lib/routes.ts), the one the links are built from. The shell
// and the layouts are in the initial download; every screen is a chunk of its own.
export const router = createBrowserRouter([
  screen(routes.login, authPages.login),
  {
    element: <AuthenticatedShell />,
    children: [
      { path: '/', element: <Navigate to={routes.projects()} replace /> },
      screen(routes.projects, projectPages.list),
      {
        path: routes.project.pattern,
        element: <ProjectLayout />,
        children: [{ index: true, ...lazyScreen(projectPages.overview, (Page) => Page) }, screen(routes.projectMembers, projectMemberPages.list)],
      },
      {
        path: routes.compute.pattern,
        element: <ComputeLayout />,
        children: [{ index: true, element: <ComputeIndex /> }, ...computeRoutes],
      },
      screen(routes.users, userPages.list),
      screen(routes.classroom, classroomPages.list),
      { path: '*', element: <Navigate to={routes.projects()} replace /> },
    ],
  },
]);
