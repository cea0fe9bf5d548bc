export { DataTable, VIRTUALIZE_AFTER, type DataColumn, type DataFilter } from './data-table.tsx';
export { BulkDeleteButton, ConfirmDeleteDialog } from './confirm-delete-dialog.tsx';
export { RowActions } from './row-actions.tsx';
export { listQueryString, nextSort, readListParams, writeListParams, PAGE_SIZES, DEFAULT_PAGE_SIZE, type ListParams } from './list-params.ts';
export { useListParams, type ListParamsState } from './use-list-params.ts';
export { useListPage, listPageQuery } from './use-list-query.ts';
export { useRowSelection, type RowSelection } from './use-row-selection.ts';
export { useColumnVisibility, columnStorageKey } from './use-column-visibility.ts';
