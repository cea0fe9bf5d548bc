import type { ImageDto } from '@sandcloud/api-schemas';
import { IMAGE_TRANSITIONAL_STATUSES, type ImageStatus } from '@sandcloud/domain';
import { queryKeys } from '../../../lib/query-keys.ts';
import { useListPage, type ListParams } from '../../../components/data-table/index.ts';

export type ImageVisibility = ImageDto['visibility'];

/** True while a private image is being captured. */
export const isImageBusy = (image: Pick<ImageDto, 'status'>): boolean => (IMAGE_TRANSITIONAL_STATUSES as readonly ImageStatus[]).includes(image.status);

/** One tab of the Images screen, as a page for a view (sort and search in the URL). */
export const useImagePage = (projectId: string, visibility: ImageVisibility, params: ListParams) =>
  useListPage<ImageDto>({
    queryKey: queryKeys.resources(projectId, 'images'),
    path: `/projects/${projectId}/images`,
    fixed: { visibility },
    params,
    refetchInterval: (page) => (page?.items.some(isImageBusy) ? 3_000 : false),
  });
