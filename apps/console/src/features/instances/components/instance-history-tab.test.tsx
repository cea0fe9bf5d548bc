// @vitest-environment happy-dom
import type { ResourceHistoryEntryDto } from '@sandcloud/api-schemas';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, pageOf, renderScreen } from '../../../test-support/fake-api.tsx';
import { InstanceHistoryTab } from './instance-history-tab.tsx';

/** 30 entries, one a minute; two notes of the last minute read alike (no id tells them apart). */
const ENTRIES: ResourceHistoryEntryDto[] = [
  ...Array.from({ length: 28 }, (_, i) => ({ at: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(), status: i % 2 ? 'ACTIVE' : 'SHUTOFF', message: `step ${i}` })),
  { at: '2026-01-01T00:30:00.000Z', status: null, message: 'note' },
  { at: '2026-01-01T00:30:00.000Z', status: null, message: 'note' },
];

beforeEach(() => localStorage.clear());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('InstanceHistoryTab on the shared table', () => {
  it('asks the server for the newest entries first, pages them with the total, and keeps alike entries apart', async () => {
    const requests = fakeApi((request) =>
      request.path === '/projects/p1/instances/i1/history' ? { status: 200, body: pageOf(ENTRIES, request.search, (entry) => entry.at) } : undefined,
    );
    renderScreen(<InstanceHistoryTab projectId="p1" instanceId="i1" />);
    expect(await screen.findByText('1–20 / 전체 30개')).toBeTruthy();
    expect(Object.fromEntries(requests[0]!.search)).toEqual({ limit: '20', offset: '0', sort: 'at', order: 'desc' });
    const messages = () => within(screen.getByRole('table', { name: '이력' })).getAllByRole('row').slice(1).map((row) => within(row).getAllByRole('cell')[2]!.textContent);
    expect(messages().slice(0, 3)).toEqual(['note', 'note', 'step 27']);
    await userEvent.click(screen.getByRole('button', { name: '다음 페이지' }));
    expect(await screen.findByText('21–30 / 전체 30개')).toBeTruthy();
    expect(messages().at(-1)).toBe('step 0');
  });
});
