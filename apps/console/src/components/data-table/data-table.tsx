import type { ListResource, Page, SortField } from '@sandcloud/api-schemas';
import type { UseQueryResult } from '@tanstack/react-query';
import { getCoreRowModel, useReactTable, type ColumnDef, type VisibilityState } from '@tanstack/react-table';
import { lazy, Suspense, useEffect, useMemo, useRef, useState, type HTMLAttributes, type ReactNode } from 'react';
import { errorMessage } from '../../lib/api-client.ts';
import { useT } from '../../lib/i18n/i18n.tsx';
import { Button } from '../ui/button.tsx';
import { Checkbox } from '../ui/checkbox.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { inputClass } from '../ui/field.tsx';
import { SkeletonRows } from '../ui/skeleton.tsx';
import { PAGE_SIZES, nextSort } from './list-params.ts';
import { useColumnVisibility } from './use-column-visibility.ts';
import type { ListParamsState } from './use-list-params.ts';
import type { RowSelection } from './use-row-selection.ts';

/**
 * One column: its header as the user reads it, its cell, and the server's sort field if it sorts.
 * `S` is what the list endpoint sorts by (`ListColumn<InstanceDto, 'instances'>` takes it from the
 * shared `LIST_SORT_FIELDS`); without it a column cannot sort, so a column that sorts by a field the
 * server does not know does not compile.
 */
export interface DataColumn<T, S extends string = never> {
  id: string;
  header: string;
  cell: (row: T) => ReactNode;
  /** The list endpoint's `sort` value for this column; without it the header does not sort. */
  sortField?: S;
  className?: string;
  headerClassName?: string;
  /** False for the column that names the row (it cannot be hidden). */
  hideable?: boolean;
  /** The header is read by screen readers only (a radio column). */
  headerHidden?: boolean;
}

/** A column of a server list, its sort field one the endpoint knows (`SortField<'instances'>`). */
export type ListColumn<T, R extends ListResource> = DataColumn<T, SortField<R>>;

/** A select filter in the toolbar (`status`: ACTIVE, SHUTOFF…), kept in the URL under its key. */
export interface DataFilter {
  key: string;
  label: string;
  options: readonly { value: string; label: string }[];
}

interface DataTableProps<T> {
  /** Names the table for column choice storage (`instances`). */
  id: string;
  label: string;
  columns: readonly DataColumn<T, string>[];
  query: UseQueryResult<Page<T>>;
  list: ListParamsState;
  /** The row's id; `row.id` unless told. */
  rowId?: (row: T) => string;
  /** The row's name, for the checkbox's accessible name; `row.name` unless told. */
  rowName?: (row: T) => string;
  rowProps?: (row: T) => HTMLAttributes<HTMLTableRowElement> & Record<`data-${string}`, string>;
  /** The search box's label; without it there is no search box. */
  searchLabel?: string;
  filters?: readonly DataFilter[];
  selection?: RowSelection<T>;
  /** Left of the toolbar: the bulk action buttons. */
  toolbar?: ReactNode;
  /** The last cell of each row (its actions). */
  actions?: (row: T) => ReactNode;
  emptyMessage: string;
  emptyAction?: ReactNode;
}

/** Past this many rows on a page, only the rows in view are rendered. */
const VIRTUALIZE_AFTER = 100;
const ROW_HEIGHT = 49;
// The virtualizer loads with the first page longer than VIRTUALIZE_AFTER (every row is drawn meanwhile).
const VirtualRows = lazy(() => import('./virtual-rows.tsx').then((module) => ({ default: module.VirtualRows })));

function SortIcon({ direction }: { direction: 'asc' | 'desc' | null }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 10 12" className={`ml-1 inline h-3 w-2.5 ${direction ? 'text-slate-700' : 'text-slate-300'}`}>
      <path d="M5 0 9 5H1z" fill="currentColor" opacity={direction === 'desc' ? 0.25 : 1} />
      <path d="M5 12 1 7h8z" fill="currentColor" opacity={direction === 'asc' ? 0.25 : 1} />
    </svg>
  );
}

/** Typing in the search box reaches the URL (and the server) once the user pauses. */
function SearchBox({ label, value, onChange }: { label: string; value: string; onChange: (value: string) => void }) {
  const [text, setText] = useState(value);
  const latest = useRef(onChange);
  useEffect(() => {
    latest.current = onChange;
  });
  useEffect(() => setText(value), [value]);
  useEffect(() => {
    if (text === value) return;
    const timer = setTimeout(() => latest.current(text), 250);
    return () => clearTimeout(timer);
  }, [text, value]);
  return <input type="search" aria-label={label} placeholder={label} className={`${inputClass} w-56`} value={text} onChange={(event) => setText(event.target.value)} />;
}

function ColumnChooser<T>({ columns, visibility, onChange }: { columns: readonly DataColumn<T, string>[]; visibility: VisibilityState; onChange: (next: VisibilityState) => void }) {
  const t = useT();
  return (
    <details className="relative">
      <summary className="cursor-pointer list-none rounded-md border border-slate-300 px-2.5 py-1.5 text-xs text-slate-600 hover:bg-slate-50">{t('table.columns')}</summary>
      <fieldset className="absolute right-0 z-20 mt-1 w-52 rounded-md border border-slate-200 bg-white p-2 text-sm shadow-lg">
        <legend className="sr-only">{t('table.columns')}</legend>
        {columns
          .filter((column) => column.hideable !== false && !column.headerHidden)
          .map((column) => (
            <label key={column.id} className="flex items-center gap-2 px-1 py-1">
              <Checkbox checked={visibility[column.id] !== false} onChange={(event) => onChange({ ...visibility, [column.id]: event.target.checked })} />
              {column.header}
            </label>
          ))}
      </fieldset>
    </details>
  );
}

const field = (row: unknown, key: 'id' | 'name'): string => String((row as Record<string, unknown>)[key] ?? '');

/**
 * The console's one list: server-side paging, sorting and filtering kept in the URL, columns the user
 * chose (remembered per user), row selection for bulk actions, loading skeletons, an empty state that
 * says what to do next, and virtual rows for long pages. Built on TanStack Table (manual mode: the
 * server sorts and pages).
 */
export function DataTable<T>(props: DataTableProps<T>) {
  const { rowId = (row: T) => field(row, 'id'), rowName = (row: T) => field(row, 'name') } = props;
  const { id, label, columns, query, list, rowProps, searchLabel, filters = [], selection, toolbar, actions, emptyMessage, emptyAction } = props;
  const t = useT();
  const { params, update } = list;
  const [visibility, setVisibility] = useColumnVisibility(id);
  const page = query.data;
  const rows = useMemo(() => page?.items ?? [], [page]);
  const total = page?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / params.size));
  const filtered = params.q.trim() !== '' || Object.values(params.filters).some(Boolean);

  // A page past the end (rows deleted, a shared link) goes to the last page that exists.
  useEffect(() => {
    if (page && page.items.length === 0 && total > 0 && params.page > pages) update({ page: pages });
  }, [page, total, params.page, pages, update]);

  const definitions = useMemo<ColumnDef<T>[]>(() => {
    const defs: ColumnDef<T>[] = columns.map((column) => ({
      id: column.id,
      header: column.header,
      cell: ({ row }) => column.cell(row.original),
      enableSorting: Boolean(column.sortField),
      enableHiding: column.hideable !== false,
      meta: column,
    }));
    if (actions) defs.push({ id: '__actions', header: '', cell: ({ row }) => actions(row.original), enableHiding: false });
    return defs;
  }, [columns, actions]);

  // eslint-disable-next-line react-hooks/incompatible-library -- the table instance is read during render only, never memoized or passed down
  const table = useReactTable({
    data: rows,
    columns: definitions,
    getRowId: (row) => rowId(row),
    getCoreRowModel: getCoreRowModel(),
    manualPagination: true,
    manualSorting: true,
    manualFiltering: true,
    rowCount: total,
    state: {
      columnVisibility: visibility,
      pagination: { pageIndex: params.page - 1, pageSize: params.size },
      sorting: params.sort ? [{ id: params.sort, desc: params.order === 'desc' }] : [],
    },
    onColumnVisibilityChange: (updater) => setVisibility(typeof updater === 'function' ? updater(visibility) : updater),
  });

  const visibleRows = table.getRowModel().rows;
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = visibleRows.length > VIRTUALIZE_AFTER;
  const leafColumns = table.getVisibleLeafColumns();
  const span = leafColumns.length + (selection ? 1 : 0);

  const pageRows = rows.map((row) => ({ id: rowId(row), row }));
  const pageSelected = selection ? pageRows.filter(({ id: rowKey }) => selection.isSelected(rowKey)).length : 0;

  const from = total === 0 ? 0 : (params.page - 1) * params.size + 1;
  const to = Math.min(total, (params.page - 1) * params.size + rows.length);

  // One row of the page (the virtual rows draw only those in view).
  const renderRow = (row: (typeof visibleRows)[number]) => {
    const selected = selection?.isSelected(row.id) ?? false;
    const extra = rowProps?.(row.original);
    return (
      <tr key={row.id} {...extra} className={extra?.className ?? (selected ? 'bg-brand-50/60' : 'hover:bg-slate-50')}>
        {selection && (
          <td className="px-4 py-2.5 align-middle">
            <Checkbox
              aria-label={t('table.selectRow', { name: rowName(row.original) })}
              checked={selected}
              onChange={(event) => selection.toggle(row.id, row.original, event.target.checked)}
            />
          </td>
        )}
        {row.getVisibleCells().map((cell) => {
          const meta = cell.column.columnDef.meta as DataColumn<T, string> | undefined;
          return (
            <td key={cell.id} className={`px-4 py-2.5 align-middle ${meta ? (meta.className ?? '') : 'text-right whitespace-nowrap'}`}>
              {/* Called, not rendered as a component: a component type made anew each render would remount the cell (and any dialog open in it). */}
              {meta ? meta.cell(row.original) : actions?.(row.original)}
            </td>
          );
        })}
      </tr>
    );
  };

  let body: ReactNode;
  if (query.isPending) body = <SkeletonRows rows={4} columns={Math.min(span, 8)} />;
  else if (query.isError && !page) body = <EmptyState message={errorMessage(query.error)} action={<Button onClick={() => void query.refetch()}>{t('common.retry')}</Button>} />;
  else if (total === 0 && !filtered) body = <EmptyState message={emptyMessage} action={emptyAction} />;
  else if (total === 0)
    body = <EmptyState message={t('table.noMatch')} action={<Button onClick={() => update({ q: '', filters: {} })}>{t('table.clearFilters')}</Button>} />;
  else
    body = (
      <div ref={scroller} className={virtual ? 'max-h-[70vh] overflow-auto' : 'overflow-x-auto'} aria-busy={query.isFetching && query.isPlaceholderData}>
        <table aria-label={label} className="w-full text-sm">
          <thead className={`border-b border-slate-200 bg-slate-50 text-left text-xs font-medium text-slate-500 ${virtual ? 'sticky top-0 z-10' : ''}`}>
            <tr>
              {selection && (
                <th scope="col" className="w-10 px-4 py-2">
                  <Checkbox
                    aria-label={t('table.selectAll')}
                    checked={pageSelected > 0 && pageSelected === rows.length}
                    indeterminate={pageSelected > 0 && pageSelected < rows.length}
                    onChange={(event) => selection.setPage(pageRows, event.target.checked)}
                  />
                </th>
              )}
              {leafColumns.map((column) => {
                const meta = column.columnDef.meta as DataColumn<T, string> | undefined;
                const sortField = meta?.sortField;
                const direction = sortField && params.sort === sortField ? params.order : null;
                const text = meta?.header ?? '';
                return (
                  <th
                    key={column.id}
                    scope="col"
                    aria-sort={direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : undefined}
                    className={`px-4 py-2 font-medium whitespace-nowrap ${meta ? (meta.headerClassName ?? '') : 'text-right'}`}
                  >
                    {!meta ? (
                      <span className="sr-only">{t('common.actions')}</span>
                    ) : sortField ? (
                      <button type="button" className="inline-flex items-center hover:text-slate-800" title={t('table.sortBy', { column: text })} onClick={() => update(nextSort(params, sortField))}>
                        {text}
                        <SortIcon direction={direction} />
                      </button>
                    ) : meta.headerHidden ? (
                      <span className="sr-only">{text}</span>
                    ) : (
                      text
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody className={`divide-y divide-slate-100 ${query.isPlaceholderData ? 'opacity-60' : ''}`}>
            {virtual ? (
              <Suspense fallback={visibleRows.map(renderRow)}>
                <VirtualRows count={visibleRows.length} scroller={scroller} rowHeight={ROW_HEIGHT} span={span} renderRow={(index) => renderRow(visibleRows[index]!)} />
              </Suspense>
            ) : (
              visibleRows.map(renderRow)
            )}
          </tbody>
        </table>
      </div>
    );

  return (
    <div>
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-4 py-3">
        {toolbar}
        {selection && (
          <span className="ml-1 text-xs text-slate-500" aria-live="polite">
            {selection.rows.length > 0 ? t('table.selected', { count: selection.rows.length }) : ''}
          </span>
        )}
        <div className="ml-auto flex flex-wrap items-center gap-2">
          {searchLabel && <SearchBox label={searchLabel} value={params.q} onChange={(q) => update({ q })} />}
          {filters.map((filter) => (
            <select
              key={filter.key}
              aria-label={filter.label}
              className={`${inputClass} w-40`}
              value={params.filters[filter.key] ?? ''}
              onChange={(event) => update({ filters: { ...params.filters, [filter.key]: event.target.value } })}
            >
              <option value="">{t('table.allValues')}</option>
              {filter.options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          ))}
          <ColumnChooser columns={columns} visibility={visibility} onChange={setVisibility} />
        </div>
      </div>
      {body}
      {total > 0 && (
        <div className="flex flex-wrap items-center gap-3 border-t border-slate-100 px-4 py-2 text-xs text-slate-500">
          <span aria-live="polite">{t('table.range', { from, to, total })}</span>
          <div className="ml-auto flex items-center gap-2">
            <label className="flex items-center gap-1">
              {t('table.pageSize')}
              <select className="rounded border border-slate-300 px-1 py-0.5" value={params.size} onChange={(event) => update({ size: Number(event.target.value), page: 1 })}>
                {PAGE_SIZES.map((size) => (
                  <option key={size} value={size}>
                    {size}
                  </option>
                ))}
              </select>
            </label>
            <Button variant="ghost" aria-label={t('table.previous')} disabled={params.page <= 1} onClick={() => update({ page: params.page - 1 })}>
              ‹
            </Button>
            <span>{t('table.pageOf', { page: params.page, pages })}</span>
            <Button variant="ghost" aria-label={t('table.next')} disabled={params.page >= pages} onClick={() => update({ page: params.page + 1 })}>
              ›
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
