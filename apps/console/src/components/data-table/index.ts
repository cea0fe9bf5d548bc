export { createdAtColumn } from './columns.tsx';
export { DataTable, type DataColumn, type DataFilter, type ListColumn } from './data-table.tsx';
export { BulkDeleteButton, ConfirmDeleteDialog } from './confirm-delete-dialog.tsx';
export { RowActions } from './row-actions.tsx';
export type { ListParams } from './list-params.ts';
export { useListParams, type ListParamsState } from './use-list-params.ts';
export { useListPage } from './use-list-query.ts';
export { useRowSelection, type RowSelection } from './use-row-selection.ts';
