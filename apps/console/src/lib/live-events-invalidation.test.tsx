// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useLiveEvents } from './live-events.ts';
import { queryKeys } from './query-keys.ts';

/** A stand-in for the browser's EventSource that the test drives. */
class FakeEventSource {
  static last: FakeEventSource | null = null;
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onmessage: ((message: MessageEvent<string>) => void) | null = null;
  constructor(readonly url: string) {
    FakeEventSource.last = this;
  }
  close() {}
  send(event: object) {
    this.onmessage?.({ data: JSON.stringify(event) } as MessageEvent<string>);
  }
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** A client holding the given keys, none stale, and the live-events hook running on it. */
function setup(keys: (readonly unknown[])[]) {
  vi.stubGlobal('EventSource', FakeEventSource);
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } });
  for (const key of keys) client.setQueryData(key, 'cached');
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
  renderHook(() => useLiveEvents(true), { wrapper });
  const source = FakeEventSource.last!;
  const staleKeys = () => keys.filter((key) => client.getQueryState(key)?.isInvalidated);
  return { source, staleKeys };
}

const KEY_PAIRS = queryKeys.resources('p1', 'key-pairs');
const VOLUMES = queryKeys.resources('p1', 'volumes');
const TOPOLOGY = [...queryKeys.resources('p1', 'topology'), 'plain'];
const OTHER_PROJECT = queryKeys.resources('p2', 'key-pairs');

describe('useLiveEvents', () => {
  it("invalidates what the event's kind touches, in its project, and nothing else", () => {
    const { source, staleKeys } = setup([KEY_PAIRS, VOLUMES, TOPOLOGY, OTHER_PROJECT]);
    act(() => source.send({ kind: 'key-pair', id: 'k1', projectId: 'p1', change: 'created', status: null, at: '' }));
    expect(staleKeys()).toEqual([KEY_PAIRS, TOPOLOGY]);
  });

  it('refreshes everything once when the stream comes back after an error (events sent meanwhile are lost)', () => {
    const { source, staleKeys } = setup([KEY_PAIRS, VOLUMES, OTHER_PROJECT]);
    act(() => source.onopen?.());
    expect(staleKeys()).toEqual([]);
    act(() => source.onerror?.());
    act(() => source.onopen?.());
    expect(staleKeys()).toEqual([KEY_PAIRS, VOLUMES, OTHER_PROJECT]);
  });
});
