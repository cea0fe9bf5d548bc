import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateProjectRequest, Page, ProjectDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { queryKeys } from '../../../lib/query-keys.ts';

export const projectsQuery = queryOptions({
  queryKey: queryKeys.projects,
  queryFn: () => api.get<Page<ProjectDto>>('/projects?limit=500'),
});

export const projectQuery = (projectId: string) =>
  queryOptions({ queryKey: queryKeys.project(projectId), queryFn: () => api.get<ProjectDto>(`/projects/${projectId}`) });

export const useProjects = () => useQuery(projectsQuery);
export const useProject = (projectId: string) => useQuery(projectQuery(projectId));

export function useCreateProject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateProjectRequest) => api.post<ProjectDto>('/projects', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.projects }),
  });
}

export function useActivateCompute(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<ProjectDto>(`/projects/${projectId}/compute/activate`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.projects }),
  });
}

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
