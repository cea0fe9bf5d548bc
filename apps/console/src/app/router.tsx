import { createBrowserRouter, Navigate } from 'react-router-dom';
import { ComputeLayout } from '../features/compute/components/compute-layout.tsx';
import { ProjectLayout } from '../features/projects/components/project-layout.tsx';
import { AuthenticatedShell } from './authenticated-shell.tsx';
import { computeRoutes } from './compute-routes.tsx';
import { lazyScreen } from './lazy-route.tsx';

// The shell and the layouts are in the initial download; every screen is a chunk of its own.
export const router = createBrowserRouter([
  { path: '/login', ...lazyScreen(() => import('../features/auth/components/login-page.tsx'), (m) => m.LoginPage) },
  {
    element: <AuthenticatedShell />,
    children: [
      { path: '/', element: <Navigate to="/projects" replace /> },
      { path: '/projects', ...lazyScreen(() => import('../features/projects/components/project-list-page.tsx'), (m) => m.ProjectListPage) },
      {
        path: '/projects/:projectId',
        element: <ProjectLayout />,
        children: [
          { index: true, ...lazyScreen(() => import('../features/projects/components/project-page.tsx'), (m) => m.ProjectPage) },
          {
            path: 'members',
            ...lazyScreen(() => import('../features/project-members/components/project-members-page.tsx'), (m) => m.ProjectMembersPage),
          },
        ],
      },
      {
        path: '/projects/:projectId/compute',
        element: <ComputeLayout />,
        children: [{ index: true, element: <Navigate to="instances" replace /> }, ...computeRoutes],
      },
      { path: '/admin/users', ...lazyScreen(() => import('../features/users/components/users-page.tsx'), (m) => m.UsersPage) },
      { path: '/admin/classroom', ...lazyScreen(() => import('../features/classroom/components/classroom-page.tsx'), (m) => m.ClassroomPage) },
      { path: '*', element: <Navigate to="/projects" replace /> },
    ],
  },
]);
