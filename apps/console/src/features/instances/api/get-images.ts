import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { ImageDto, Page } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export type ImageVisibility = ImageDto['visibility'];

/**
 * The images an instance can boot from, per tab of the wizard's image step; `q` searches on the
 * server (name, id, OS), so an image past the first page is found by name.
 */
export const imagesQuery = (projectId: string, visibility: ImageVisibility, q = '') =>
  queryOptions({
    queryKey: [...queryKeys.resources(projectId, 'images'), q ? { visibility, q } : { visibility }] as const,
    queryFn: () => api.get<Page<ImageDto>>(`/projects/${projectId}/images?visibility=${visibility}&limit=500${q ? `&q=${encodeURIComponent(q)}` : ''}`),
    // While a new search is answered, the cards of the last one stay (no skeleton flash per key).
    placeholderData: keepPreviousData,
  });

export const useImages = (projectId: string, visibility: ImageVisibility, q = '') => useQuery(imagesQuery(projectId, visibility, q));
