/** Typed builders for every console route, so links never drift from the router. */
export const paths = {
  login: () => '/login',
  projects: () => '/projects',
  project: (projectId: string) => `/projects/${projectId}`,
  projectMembers: (projectId: string) => `/projects/${projectId}/members`,
  users: () => '/admin/users',
  classroom: () => '/admin/classroom',
  compute: (projectId: string) => `/projects/${projectId}/compute`,
  computeSection: (projectId: string, section: string) => `/projects/${projectId}/compute/${section}`,
};
