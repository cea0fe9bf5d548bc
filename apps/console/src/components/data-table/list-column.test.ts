import { LIST_SORT_FIELDS, isSortField, type InstanceDto, type SecurityGroupRuleDto } from '@sandcloud/api-schemas';
import { describe, expect, it } from 'vitest';
import { createdAtColumn } from './columns.tsx';
import type { DataColumn, ListColumn } from './data-table.tsx';

const t = (key: string) => key;

/**
 * A column's sort field is typed against the list endpoint's shared sort fields (LIST_SORT_FIELDS):
 * the `@ts-expect-error` lines are compile errors (`tsc -p apps/console` fails if one compiles).
 */
describe('columns typed against the shared sort fields', () => {
  it('accepts a field the list sorts by and refuses others at compile time', () => {
    const status: ListColumn<InstanceDto, 'instances'> = { id: 'status', header: 'Status', sortField: 'status', cell: (row) => row.status };
    // @ts-expect-error: the instances list does not sort by colour (the server would answer 400)
    const colour: ListColumn<InstanceDto, 'instances'> = { id: 'colour', header: 'Colour', sortField: 'colour', cell: () => null };
    // @ts-expect-error: a column not typed against a list cannot sort at all
    const untyped: DataColumn<InstanceDto> = { id: 'name', header: 'Name', sortField: 'name', cell: (row) => row.name };
    // @ts-expect-error: rules have no createdAt sort, so the shared created-at column does not fit their table
    const created: ListColumn<SecurityGroupRuleDto & { createdAt: string }, 'security-group-rules'> = createdAtColumn(t as never);
    expect(isSortField('instances', status.sortField!)).toBe(true);
    expect([colour.sortField, untyped.sortField, created.sortField].map((field) => isSortField('instances', String(field)))).toEqual([false, true, true]);
  });

  it('names every sortable field once per list, no list without one', () => {
    for (const [resource, list] of Object.entries(LIST_SORT_FIELDS)) {
      const fields: readonly string[] = list;
      expect({ resource, unique: new Set(fields).size === fields.length, empty: fields.length === 0 }).toEqual({ resource, unique: true, empty: false });
    }
  });
});
