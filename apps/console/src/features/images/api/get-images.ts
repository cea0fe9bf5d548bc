import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ImageDto, Page } from '@sandcloud/api-schemas';
import { IMAGE_TRANSITIONAL_STATUSES, type ImageStatus } from '@sandcloud/domain';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { useListPage, type ListParams } from '../../../components/data-table/index.ts';

export type ImageVisibility = ImageDto['visibility'];

/** True while a private image is being captured. */
export const isImageBusy = (image: Pick<ImageDto, 'status'>): boolean => (IMAGE_TRANSITIONAL_STATUSES as readonly ImageStatus[]).includes(image.status);

/** One tab of the Images screen. The key is the one the instance wizard uses, so both stay in step. */
export const imagesQuery = (projectId: string, visibility: ImageVisibility) =>
  queryOptions({
    queryKey: [...queryKeys.resources(projectId, 'images'), { visibility }] as const,
    queryFn: () => api.get<Page<ImageDto>>(`/projects/${projectId}/images?visibility=${visibility}&limit=500`),
    refetchInterval: (query) => (query.state.data?.items.some(isImageBusy) ? 3_000 : false),
  });

export const useImages = (projectId: string, visibility: ImageVisibility) => useQuery(imagesQuery(projectId, visibility));

/** One tab of the Images screen, as a page for a view (sort and search in the URL). */
export const useImagePage = (projectId: string, visibility: ImageVisibility, params: ListParams) =>
  useListPage<ImageDto>({
    queryKey: queryKeys.resources(projectId, 'images'),
    path: `/projects/${projectId}/images`,
    fixed: { visibility },
    params,
    refetchInterval: (page) => (page?.items.some(isImageBusy) ? 3_000 : false),
  });
