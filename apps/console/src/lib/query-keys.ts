/**
 * Query keys follow the resource path, so a live event about (project, kind) can invalidate
 * exactly the lists and details it touches.
 */
export const queryKeys = {
  session: ['session'] as const,
  projects: ['projects'] as const,
  /** Users are global, not a project's: their key stands apart from the project keys. */
  users: ['users'] as const,
  project: (projectId: string) => ['projects', projectId] as const,
  members: (projectId: string) => ['projects', projectId, 'members'] as const,
  resources: (projectId: string, kind: string) => ['projects', projectId, kind] as const,
  resource: (projectId: string, kind: string, id: string) => ['projects', projectId, kind, id] as const,
};
