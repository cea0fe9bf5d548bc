import { createBrowserRouter, Navigate } from 'react-router-dom';
import { LoginPage } from '../features/auth/components/login-page.tsx';
import { ComputeLayout } from '../features/compute/components/compute-layout.tsx';
import { ProjectMembersPage } from '../features/project-members/components/project-members-page.tsx';
import { ProjectLayout } from '../features/projects/components/project-layout.tsx';
import { ProjectListPage } from '../features/projects/components/project-list-page.tsx';
import { ProjectPage } from '../features/projects/components/project-page.tsx';
import { UsersPage } from '../features/users/components/users-page.tsx';
import { AuthenticatedShell } from './authenticated-shell.tsx';
import { computeRoutes } from './compute-routes.tsx';

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    element: <AuthenticatedShell />,
    children: [
      { path: '/', element: <Navigate to="/projects" replace /> },
      { path: '/projects', element: <ProjectListPage /> },
      {
        path: '/projects/:projectId',
        element: <ProjectLayout />,
        children: [
          { index: true, element: <ProjectPage /> },
          { path: 'members', element: <ProjectMembersPage /> },
        ],
      },
      {
        path: '/projects/:projectId/compute',
        element: <ComputeLayout />,
        children: [{ index: true, element: <Navigate to="instances" replace /> }, ...computeRoutes],
      },
      { path: '/admin/users', element: <UsersPage /> },
      { path: '*', element: <Navigate to="/projects" replace /> },
    ],
  },
]);
