import type { ImageDto } from '@sandcloud/api-schemas';
import { queryKeys } from '../../../lib/query-keys.ts';
import { useListPage, type ListParams } from '../../../components/data-table/index.ts';

export type ImageVisibility = ImageDto['visibility'];

/** One tab of the Images screen, as a page for a view (sort and search in the URL). */
export const useImagePage = (projectId: string, visibility: ImageVisibility, params: ListParams) =>
  useListPage<ImageDto>({
    queryKey: queryKeys.resources(projectId, 'images'),
    path: `/projects/${projectId}/images`,
    fixed: { visibility },
    params,
  });
