import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TutorialDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

// Progress changes arrive as live events (a `tutorial-progress` row changes when a step turns green
// or its hint changes), which refresh the project's keys; the panel also re-reads every few seconds
// for hints whose facts have no event (a dropped connection in the flow log).

const tutorialsKey = (projectId: string) => queryKeys.resources(projectId, 'tutorials');

export const tutorialsQuery = (projectId: string) =>
  queryOptions({
    queryKey: tutorialsKey(projectId),
    queryFn: () => api.get<{ items: TutorialDto[] }>(`/projects/${projectId}/tutorials`),
    refetchInterval: 4_000,
  });

export const useTutorials = (projectId: string) => useQuery(tutorialsQuery(projectId));

export function useStartTutorial(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tutorialId: string) => api.post<TutorialDto>(`/projects/${projectId}/tutorials/${tutorialId}/start`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: tutorialsKey(projectId) }),
  });
}
