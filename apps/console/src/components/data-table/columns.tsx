import type { Translate } from '../../lib/i18n/i18n.tsx';
import { DateTime } from '../ui/table.tsx';
import type { DataColumn } from './data-table.tsx';

/** The `생성 일시` column resource lists end with, sorted by the list endpoint's `createdAt`. */
export const createdAtColumn = <T extends { createdAt: string }>(t: Translate): DataColumn<T, 'createdAt'> => ({
  id: 'createdAt',
  header: t('common.createdAt'),
  sortField: 'createdAt',
  className: 'whitespace-nowrap text-slate-500',
  cell: (row) => <DateTime value={row.createdAt} />,
});
