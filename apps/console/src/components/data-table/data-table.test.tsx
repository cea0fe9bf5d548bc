// @vitest-environment happy-dom
import type { Page } from '@sandcloud/api-schemas';
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useState } from 'react';
import { MemoryRouter, useLocation } from 'react-router-dom';
import { I18nProvider } from '../../lib/i18n/i18n.tsx';
import { queryKeys } from '../../lib/query-keys.ts';
import { DataTable, type DataColumn } from './data-table.tsx';
import { listQueryString } from './list-params.ts';
import { columnStorageKey } from './use-column-visibility.ts';
import { useListParams } from './use-list-params.ts';
import { useRowSelection } from './use-row-selection.ts';

interface Row {
  id: string;
  name: string;
  zone: string;
}

/** 45 rows `vm-00` … `vm-44`; the "server" sorts, searches and pages them like the BFF's listPage. */
const ROWS: Row[] = Array.from({ length: 45 }, (_, i) => ({ id: `id-${String(i).padStart(2, '0')}`, name: `vm-${String(i).padStart(2, '0')}`, zone: i % 2 ? 'kr-pub-b' : 'kr-pub-a' }));
const requests: string[] = [];

function serve(query: string): Page<Row> {
  requests.push(query);
  const search = new URLSearchParams(query);
  let rows = ROWS.filter((row) => row.name.includes(search.get('q') ?? ''));
  if (search.get('zone')) rows = rows.filter((row) => row.zone === search.get('zone'));
  if (search.get('sort') === 'name') rows = [...rows].sort((a, b) => a.name.localeCompare(b.name) * (search.get('order') === 'desc' ? -1 : 1));
  const limit = Number(search.get('limit'));
  const offset = Number(search.get('offset'));
  return { items: rows.slice(offset, offset + limit), total: rows.length, limit, offset };
}

/** A cell with state of its own, as a row menu with its open dialog has. */
function Clicks({ name }: { name: string }) {
  const [count, setCount] = useState(0);
  return (
    <button type="button" onClick={() => setCount(count + 1)}>
      {`${name} clicked ${count}`}
    </button>
  );
}

const columns: DataColumn<Row, 'name'>[] = [
  { id: 'name', header: '이름', sortField: 'name', hideable: false, cell: (row) => row.name },
  { id: 'zone', header: '가용성 영역', cell: (row) => row.zone },
];

/** What the harness shows besides the table: the URL's search and the selection, read by the tests. */
const location = () => screen.getByTestId('location').textContent ?? '';
const selectedNames = () => (screen.getByTestId('selected').textContent ?? '').split(',').filter(Boolean);

function Harness() {
  const list = useListParams(['zone']);
  const selection = useRowSelection<Row>();
  const query = useQuery({ queryKey: ['rows', listQueryString(list.params)], queryFn: () => serve(listQueryString(list.params)) });
  const search = useLocation().search;
  return (
    <>
      <output data-testid="location">{search}</output>
      <output data-testid="selected">{selection.rows.map((row) => row.name).join(',')}</output>
      <DataTable
      id="rows"
      label="Rows"
      columns={columns}
      query={query}
      list={list}
      rowId={(row) => row.id}
      rowName={(row) => row.name}
      searchLabel="검색"
      filters={[{ key: 'zone', label: '영역', options: [{ value: 'kr-pub-a', label: 'A' }, { value: 'kr-pub-b', label: 'B' }] }]}
      selection={selection}
      actions={(row) => <Clicks name={row.name} />}
      emptyMessage="아직 없습니다. [+ 생성]으로 만드세요."
      />
    </>
  );
}

function renderAt(url: string, userId = 'u1') {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  client.setQueryData(queryKeys.session, { user: { id: userId, username: 'admin', isAdmin: true, language: 'ko' }, csrfToken: 'x' });
  return render(
    <QueryClientProvider client={client}>
      <I18nProvider>
        <MemoryRouter initialEntries={[url]}>
          <Harness />
        </MemoryRouter>
      </I18nProvider>
    </QueryClientProvider>,
  );
}

const table = () => screen.getByRole('table', { name: 'Rows' });
const names = () => within(table()).getAllByRole('row').slice(1).map((row) => within(row).getAllByRole('cell')[1]!.textContent);

beforeEach(() => {
  requests.length = 0;
  localStorage.clear();
});
afterEach(cleanup);

describe('DataTable', () => {
  it('shows the server page with the total and moves between pages', async () => {
    renderAt('/rows');
    expect(await screen.findByText('1–20 / 전체 45개')).toBeTruthy();
    expect(names()).toHaveLength(20);
    await userEvent.click(screen.getByRole('button', { name: '다음 페이지' }));
    expect(await screen.findByText('21–40 / 전체 45개')).toBeTruthy();
    expect(names()[0]).toBe('vm-20');
    expect(location()).toBe('?page=2');
    expect(requests.at(-1)).toBe('limit=20&offset=20');
    await userEvent.click(screen.getByRole('button', { name: '다음 페이지' }));
    expect(await screen.findByText('41–45 / 전체 45개')).toBeTruthy();
    expect((screen.getByRole('button', { name: '다음 페이지' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('toggles a sortable header ascending, descending, then off, and back to page 1', async () => {
    renderAt('/rows?page=2');
    await screen.findByText('21–40 / 전체 45개');
    const header = () => screen.getByRole('columnheader', { name: '이름' });
    await userEvent.click(within(header()).getByRole('button'));
    expect(location()).toBe('?sort=name');
    expect(header().getAttribute('aria-sort')).toBe('ascending');
    await userEvent.click(within(header()).getByRole('button'));
    expect(location()).toBe('?sort=name&order=desc');
    expect(await screen.findByText('vm-44')).toBeTruthy();
    expect(names()[0]).toBe('vm-44');
    expect(header().getAttribute('aria-sort')).toBe('descending');
    await userEvent.click(within(header()).getByRole('button'));
    expect(location()).toBe('');
    expect(header().getAttribute('aria-sort')).toBeNull();
    expect(screen.getByRole('columnheader', { name: '가용성 영역' }).querySelector('button')).toBeNull();
  });

  it('opens a shared link on the same view, and sends the search and filter to the server', async () => {
    renderAt('/rows?sort=name&order=desc&zone=kr-pub-a&page=2&size=50');
    expect(await screen.findByText('전체 23개', { exact: false })).toBeTruthy();
    expect(requests.at(-1)).toBe('limit=50&offset=50&sort=name&order=desc&zone=kr-pub-a');
    // Page 2 of 50 does not exist for 23 rows: the table goes to the last page.
    expect(await screen.findByText('1–23 / 전체 23개')).toBeTruthy();
    expect(names()[0]).toBe('vm-44');
    expect((screen.getByRole('combobox', { name: '영역' }) as HTMLSelectElement).value).toBe('kr-pub-a');

    await userEvent.type(screen.getByRole('searchbox', { name: '검색' }), 'vm-4');
    expect(await screen.findByText('1–3 / 전체 3개')).toBeTruthy();
    expect(Object.fromEntries(new URLSearchParams(location()))).toEqual({ size: '50', sort: 'name', order: 'desc', q: 'vm-4', zone: 'kr-pub-a' });
    expect(names()).toEqual(['vm-44', 'vm-42', 'vm-40']);
  });

  it('says nothing matches, and clears the filters', async () => {
    renderAt('/rows?q=nothing');
    expect(await screen.findByText('조건에 맞는 항목이 없습니다. 검색어나 필터를 바꿔 보세요.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: '필터 지우기' }));
    expect(await screen.findByText('1–20 / 전체 45개')).toBeTruthy();
    expect(location()).toBe('');
  });

  it('keeps checked rows across pages, and selects a whole page', async () => {
    renderAt('/rows');
    await screen.findByText('1–20 / 전체 45개');
    await userEvent.click(screen.getByRole('checkbox', { name: 'vm-01 선택' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'vm-03 선택' }));
    expect(screen.getByText('2개 선택됨')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: '다음 페이지' }));
    await screen.findByText('21–40 / 전체 45개');
    await userEvent.click(screen.getByRole('checkbox', { name: '이 페이지 전체 선택' }));
    expect(selectedNames()).toHaveLength(22);
    expect(selectedNames().slice(0, 3)).toEqual(['vm-01', 'vm-03', 'vm-20']);
    await userEvent.click(screen.getByRole('checkbox', { name: 'vm-25 선택' }));
    expect((screen.getByRole('checkbox', { name: '이 페이지 전체 선택' }) as HTMLInputElement).indeterminate).toBe(true);
    expect(screen.getByText('21개 선택됨')).toBeTruthy();
  });

  it('keeps a cell\'s own state when the table renders again (a row menu\'s dialog stays open)', async () => {
    renderAt('/rows');
    await screen.findByText('1–20 / 전체 45개');
    await userEvent.click(screen.getByRole('button', { name: 'vm-02 clicked 0' }));
    expect(screen.getByRole('button', { name: 'vm-02 clicked 1' })).toBeTruthy();
    await userEvent.click(screen.getByRole('checkbox', { name: 'vm-05 선택' }));
    expect(screen.getByText('1개 선택됨')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'vm-02 clicked 1' })).toBeTruthy();
  });

  it('remembers hidden columns per user', async () => {
    const first = renderAt('/rows', 'alice');
    await screen.findByText('1–20 / 전체 45개');
    await userEvent.click(screen.getByText('표시할 열', { selector: 'summary' }));
    await userEvent.click(screen.getByRole('checkbox', { name: '가용성 영역' }));
    expect(screen.queryByRole('columnheader', { name: '가용성 영역' })).toBeNull();
    expect(JSON.parse(localStorage.getItem(columnStorageKey('alice', 'rows'))!)).toEqual({ zone: false });
    first.unmount();

    const again = renderAt('/rows', 'alice');
    await screen.findByText('1–20 / 전체 45개');
    expect(screen.queryByRole('columnheader', { name: '가용성 영역' })).toBeNull();
    again.unmount();

    renderAt('/rows', 'bob');
    await screen.findByText('1–20 / 전체 45개');
    expect(screen.getByRole('columnheader', { name: '가용성 영역' })).toBeTruthy();
  });

  it('draws only the rows in view of a long page (virtual rows), not all of them', async () => {
    const many = Array.from({ length: 400 }, (_, i) => ({ id: `x-${String(i).padStart(3, '0')}`, name: `x-${String(i).padStart(3, '0')}`, zone: 'kr-pub-a' }));
    ROWS.push(...many);
    // happy-dom lays nothing out: give elements a screen's size, as a browser would.
    const height = vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(700);
    const width = vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(1200);
    try {
      renderAt('/rows?size=500');
      expect(await screen.findByText('1–445 / 전체 445개')).toBeTruthy();
      // The virtualizer loads with the first long page (every row is drawn until it is there).
      const drawn = () => within(table()).getAllByRole('checkbox').length - 1;
      await waitFor(() => expect(drawn()).toBeLessThan(100));
      expect(drawn()).toBeGreaterThan(0);
    } finally {
      ROWS.splice(45);
      height.mockRestore();
      width.mockRestore();
    }
  });

  it('shows skeleton rows while the first page loads, then the empty state that says what to do', async () => {
    ROWS.length = 0; // the last test: the "server" now has nothing
    const view = renderAt('/rows');
    expect(view.container.querySelector('[aria-busy="true"]')).not.toBeNull();
    expect(await screen.findByText('아직 없습니다. [+ 생성]으로 만드세요.')).toBeTruthy();
  });
});
