import type { Page, PageQuery } from '@sandcloud/api-schemas';

export function paginate<T>(all: T[], { limit, offset }: PageQuery): Page<T> {
  return { items: all.slice(offset, offset + limit), total: all.length, limit, offset };
}
