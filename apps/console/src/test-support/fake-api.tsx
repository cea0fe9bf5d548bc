import type { Page } from '@sandcloud/api-schemas';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router-dom';
import { vi } from 'vitest';
import { featureNamespaces } from '../app/messages.ts';
import { ToastProvider } from '../components/ui/toast.tsx';
import { I18nProvider } from '../lib/i18n/i18n.tsx';
import { registerFeatureMessages } from '../lib/i18n/messages-store.ts';
import { invalidatedBy, queryKeys, type ChangeOfKind } from '../lib/query-keys.ts';

export interface FakeRequest {
  method: string;
  /** The path after `/api`, with its query string. */
  url: string;
  path: string;
  search: URLSearchParams;
}

type Answer = { status: number; body?: unknown };

/**
 * Stands in for the BFF: every `fetch` the console makes goes to `handle`, and is recorded. An
 * unhandled request answers 404, so a test sees a request it did not expect.
 */
export function fakeApi(handle: (request: FakeRequest) => Answer | undefined) {
  const requests: FakeRequest[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string, init?: RequestInit) => {
      const url = input.replace(/^\/api/, '');
      const [path = '', query = ''] = url.split('?');
      const request = { method: init?.method ?? 'GET', url, path, search: new URLSearchParams(query) };
      requests.push(request);
      const answer = handle(request) ?? { status: 404, body: { error: { code: 'NOT_FOUND', message: `No fake for ${request.method} ${url}` } } };
      return new Response(answer.status === 204 ? null : JSON.stringify(answer.body ?? null), { status: answer.status, headers: { 'Content-Type': 'application/json' } });
    }),
  );
  return requests;
}

/** A server page of `rows` for a list request, sorted by `field(row)` when the request sorts. */
export function pageOf<T>(rows: readonly T[], search: URLSearchParams, sortValue: (row: T, field: string) => string | number = () => 0): Page<T> {
  const limit = Number(search.get('limit') ?? 100);
  const offset = Number(search.get('offset') ?? 0);
  const sort = search.get('sort');
  const sorted = sort
    ? [...rows].sort((a, b) => {
        const x = sortValue(a, sort);
        const y = sortValue(b, sort);
        return (x < y ? -1 : x > y ? 1 : 0) * (search.get('order') === 'desc' ? -1 : 1);
      })
    : rows;
  return { items: sorted.slice(offset, offset + limit), total: rows.length, limit, offset };
}

/** Renders a screen as the app does (query client with the signed-in session, Korean, toasts, router at `url`). */
export function renderScreen(ui: ReactNode, url = '/') {
  // The features' message tables, as the app registers them: each loads (in Korean) when a key needs it.
  registerFeatureMessages(featureNamespaces, 'ko');
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  client.setQueryData(queryKeys.session, { user: { id: 'u1', username: 'admin', isAdmin: true, language: 'ko' }, csrfToken: 'x' });
  const rendered = render(
    <QueryClientProvider client={client}>
      <I18nProvider>
        <ToastProvider>
          <MemoryRouter initialEntries={[url]}>{ui}</MemoryRouter>
        </ToastProvider>
      </I18nProvider>
    </QueryClientProvider>,
  );
  return { ...rendered, client };
}

/**
 * The live event the server sends after a change, as `useLiveEvents` applies it: the screens do not
 * refresh themselves after a mutation, the event does (lib/query-keys.ts).
 */
export const liveEvent = (client: QueryClient, change: ChangeOfKind) => client.invalidateQueries({ predicate: (query) => invalidatedBy(change)(query.queryKey) });
