import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { errorMessage } from '../../lib/api-client.ts';
import { useT } from '../../lib/i18n/i18n.tsx';
import { Button } from './button.tsx';
import { EmptyState } from './empty-state.tsx';
import { SkeletonRows } from './skeleton.tsx';

interface QueryListProps<T> {
  /** A list query (`{ items }`), as every list endpoint answers. */
  query: UseQueryResult<{ items: T[] }>;
  /** Size of the placeholder while loading. */
  rows?: number;
  columns?: number;
  /** Said when there are no items, usually with the button that creates the first one. */
  emptyMessage: string;
  emptyAction?: ReactNode;
  /** The table, given the items once there are some. */
  children: (items: T[]) => ReactNode;
}

/**
 * The states every list panel goes through before its table: placeholder rows while loading, the
 * error with a retry, the empty message. Each list page had the same four-way conditional.
 */
export function QueryList<T>({ query, rows, columns, emptyMessage, emptyAction, children }: QueryListProps<T>) {
  const t = useT();
  if (query.isPending) return <SkeletonRows rows={rows} columns={columns} />;
  if (query.isError) return <EmptyState message={errorMessage(query.error)} action={<Button onClick={() => void query.refetch()}>{t('common.retry')}</Button>} />;
  if (query.data.items.length === 0) return <EmptyState message={emptyMessage} action={emptyAction} />;
  return children(query.data.items);
}
