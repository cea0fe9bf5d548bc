import { describe, expect, it } from 'vitest';
import { listQueryString, nextSort, readListParams, writeListParams } from './list-params.ts';

describe('list params in the URL', () => {
  it('reads a shared link: page, size, sort, order, search and the known filters only', () => {
    const params = readListParams(new URLSearchParams('page=3&size=50&sort=name&order=desc&q=web&status=ACTIVE&tab=x'), ['status', 'zone']);
    expect(params).toEqual({ page: 3, size: 50, sort: 'name', order: 'desc', q: 'web', filters: { status: 'ACTIVE' } });
  });

  it('falls back to defaults for nonsense values', () => {
    expect(readListParams(new URLSearchParams('page=-2&size=7&order=sideways'), [])).toEqual({ page: 1, size: 20, sort: null, order: 'asc', q: '', filters: {} });
  });

  it('writes only what differs from the defaults and keeps other parameters', () => {
    const next = writeListParams(new URLSearchParams('tab=private&page=4'), { sort: 'name', order: 'desc' }, []);
    expect(next.toString()).toBe('tab=private&sort=name&order=desc');
    expect(writeListParams(next, { page: 2 }, []).toString()).toBe('tab=private&sort=name&order=desc&page=2');
  });

  it('goes back to page 1 when the search or a filter changes', () => {
    const next = writeListParams(new URLSearchParams('page=5&status=ACTIVE'), { filters: { status: 'SHUTOFF' } }, ['status']);
    expect(next.get('page')).toBeNull();
    expect(next.get('status')).toBe('SHUTOFF');
    expect(writeListParams(new URLSearchParams('page=5'), { q: 'db' }, []).toString()).toBe('q=db');
  });

  it('keeps two lists on one screen apart with a prefix', () => {
    const search = writeListParams(new URLSearchParams('sort=name'), { sort: 'sizeGb', order: 'desc' }, [], 'snapshots.');
    expect(search.toString()).toBe('sort=name&snapshots.sort=sizeGb&snapshots.order=desc');
    expect(readListParams(search, [], 'snapshots.').sort).toBe('sizeGb');
    expect(readListParams(search, []).sort).toBe('name');
  });

  it('turns a view into the list endpoint query', () => {
    const params = readListParams(new URLSearchParams('page=2&size=50&sort=zone&q=%20web%20&status=ACTIVE,SHUTOFF'), ['status']);
    expect(listQueryString(params)).toBe('limit=50&offset=50&sort=zone&order=asc&q=web&status=ACTIVE%2CSHUTOFF');
  });

  it('cycles a header: ascending, descending, then the list order', () => {
    expect(nextSort({ sort: null, order: 'asc' }, 'name')).toEqual({ sort: 'name', order: 'asc' });
    expect(nextSort({ sort: 'name', order: 'asc' }, 'name')).toEqual({ sort: 'name', order: 'desc' });
    expect(nextSort({ sort: 'name', order: 'desc' }, 'name')).toEqual({ sort: null, order: 'asc' });
    expect(nextSort({ sort: 'name', order: 'desc' }, 'zone')).toEqual({ sort: 'zone', order: 'asc' });
  });
});
