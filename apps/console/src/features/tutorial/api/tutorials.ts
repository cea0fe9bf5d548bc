import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TutorialDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

// Progress changes arrive as live events, which refresh the project's keys: the `tutorial-progress`
// row changes when a step turns green or any open step's hint changes (the engine re-checks facts
// without events of their own, such as a dropped connection in the flow log, on its own timer).

const tutorialsKey = (projectId: string) => queryKeys.resources(projectId, 'tutorials');

export const tutorialsQuery = (projectId: string) =>
  queryOptions({
    queryKey: tutorialsKey(projectId),
    queryFn: () => api.get<{ items: TutorialDto[] }>(`/projects/${projectId}/tutorials`),
  });

export const useTutorials = (projectId: string) => useQuery(tutorialsQuery(projectId));

export function useStartTutorial(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tutorialId: string) => api.post<TutorialDto>(`/projects/${projectId}/tutorials/${tutorialId}/start`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: tutorialsKey(projectId) }),
  });
}
