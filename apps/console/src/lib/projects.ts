import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Page, ProjectDto } from '@sandcloud/api-schemas';
import { api } from './api-client.ts';
import { useT } from './i18n/i18n.tsx';
import { queryKeys } from './query-keys.ts';

// The projects the user may open and their role in each: the shell's project picker, every screen's
// permissions. Shared by all features, so it lives here rather than in the projects feature.

export const projectsQuery = queryOptions({
  queryKey: queryKeys.projects,
  queryFn: () => api.get<Page<ProjectDto>>('/projects?limit=500'),
});

export const projectQuery = (projectId: string) =>
  queryOptions({ queryKey: queryKeys.project(projectId), queryFn: () => api.get<ProjectDto>(`/projects/${projectId}`) });

export const useProjects = () => useQuery(projectsQuery);
export const useProject = (projectId: string) => useQuery(projectQuery(projectId));

/** The current user's role decides which buttons are enabled; the API enforces the same rule. */
export function useProjectPermissions(projectId: string) {
  const project = useProject(projectId);
  const role = project.data?.role;
  const t = useT();
  const canWrite = role === 'admin' || role === 'member';
  return {
    role,
    canWrite,
    canManage: role === 'admin',
    /** Why a change is disabled for this user (a viewer), as the buttons' tooltip; undefined when they may. */
    readOnlyReason: canWrite ? undefined : t('common.viewerReadOnly'),
  };
}
