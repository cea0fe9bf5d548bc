import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ImageDto, Page } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export type ImageVisibility = ImageDto['visibility'];

/** The images an instance can boot from, per tab of the wizard's image step. */
export const imagesQuery = (projectId: string, visibility: ImageVisibility) =>
  queryOptions({
    queryKey: [...queryKeys.resources(projectId, 'images'), { visibility }] as const,
    queryFn: () => api.get<Page<ImageDto>>(`/projects/${projectId}/images?visibility=${visibility}&limit=500`),
  });

export const useImages = (projectId: string, visibility: ImageVisibility) => useQuery(imagesQuery(projectId, visibility));
