import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ImageDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export const imageQuery = (projectId: string, imageId: string) =>
  queryOptions({
    queryKey: [...queryKeys.resources(projectId, 'images'), imageId] as const,
    queryFn: () => api.get<ImageDto>(`/projects/${projectId}/images/${imageId}`),
  });

export const useImage = (projectId: string, imageId: string) => useQuery(imageQuery(projectId, imageId));
