// @vitest-environment happy-dom
import type { LoadBalancerDto, LoadBalancerMemberDto } from '@sandcloud/api-schemas';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, liveEvent, pageOf, renderScreen, type FakeRequest } from '../../../../test-support/fake-api.tsx';
import { ListenersTab } from './listeners-tab.tsx';
import { MembersTab } from './members-tab.tsx';

const LB = '/projects/p1/load-balancers/lb1';

/** A pool of 600 members `web-000` … `web-599` (more than any page), weights 1…4. */
const MEMBERS: LoadBalancerMemberDto[] = Array.from({ length: 600 }, (_, i) => ({
  id: `m-${i}`,
  instanceId: `i-${i}`,
  instanceName: `web-${String(i).padStart(3, '0')}`,
  instanceStatus: 'ACTIVE',
  address: `192.168.${Math.floor(i / 250)}.${(i % 250) + 2}`,
  protocolPort: 80,
  weight: (i % 4) + 1,
  adminStateUp: true,
  provisioningStatus: 'ACTIVE',
  operatingStatus: 'ONLINE',
}));

const listener = {
  id: 'l1',
  name: 'HTTP:80',
  protocol: 'HTTP',
  protocolPort: 80,
  connectionLimit: 10000,
  keepAliveTimeoutSeconds: 60,
  allowedCidrs: [],
  provisioningStatus: 'ACTIVE',
  operatingStatus: 'ONLINE',
  certificate: null,
  pool: { id: 'pool1', protocol: 'HTTP', lbAlgorithm: 'ROUND_ROBIN', memberPort: 80, sessionPersistence: null, operatingStatus: 'ONLINE', healthMonitor: null, members: MEMBERS },
} as unknown as LoadBalancerDto['listeners'][number];

const loadBalancer = {
  id: 'lb1',
  name: 'web-lb',
  networkId: 'net1',
  provisioningStatus: 'ACTIVE',
  allowedActions: ['update', 'delete'],
  listeners: [listener, { ...listener, id: 'l2', name: 'TCP:443', protocol: 'TCP', protocolPort: 443 }],
} as unknown as LoadBalancerDto;

const memberSort = (member: LoadBalancerMemberDto, field: string) => (field === 'weight' ? member.weight : member.instanceName);
let removed: string[];

function serve(request: FakeRequest) {
  if (request.method === 'GET' && request.path === `${LB}/listeners/l1/members`) return { status: 200, body: pageOf(MEMBERS.filter((m) => !removed.includes(m.id)), request.search, memberSort) };
  if (request.method === 'GET' && request.path === `${LB}/listeners`) return { status: 200, body: pageOf(loadBalancer.listeners, request.search) };
  if (request.method === 'GET' && request.path === '/projects/p1/instances') return { status: 200, body: { items: [], total: 0, limit: 50, offset: 0 } };
  if (request.method === 'DELETE' && request.path.startsWith(`${LB}/members/`)) {
    removed.push(request.path.split('/').at(-1)!);
    return { status: 200, body: loadBalancer };
  }
  return undefined;
}

const membersTable = () => screen.getByRole('table', { name: 'Instance' });
const memberNames = () => within(membersTable()).getAllByRole('row').slice(1).map((row) => within(row).getAllByRole('cell')[0]!.textContent);

beforeEach(() => {
  removed = [];
  localStorage.clear();
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('MembersTab on the shared table', () => {
  it('shows a page of a 600-member pool with the right total, and pages and sorts on the server', async () => {
    const requests = fakeApi(serve);
    renderScreen(<MembersTab projectId="p1" loadBalancer={loadBalancer} readOnly={undefined} />, '/lb?tab=instances');
    expect(await screen.findByText('1–20 / 전체 600개')).toBeTruthy();
    expect(memberNames()).toHaveLength(20);
    expect(memberNames()[0]).toBe('web-000');

    await userEvent.click(screen.getByRole('button', { name: '다음 페이지' }));
    expect(await screen.findByText('21–40 / 전체 600개')).toBeTruthy();
    expect(memberNames()[0]).toBe('web-020');

    await userEvent.click(screen.getByRole('button', { name: '이름' }));
    await waitFor(() => expect(requests.at(-1)!.search.get('sort')).toBe('name'));
    await userEvent.click(screen.getByRole('button', { name: '이름' }));
    expect(await screen.findByText('web-599')).toBeTruthy();
    const last = requests.at(-1)!;
    expect(last.path).toBe(`${LB}/listeners/l1/members`);
    expect(Object.fromEntries(last.search)).toEqual({ limit: '20', offset: '0', sort: 'name', order: 'desc' });
  });

  it('removes a member through the row actions and the one confirm-delete dialog', async () => {
    const requests = fakeApi(serve);
    const { client } = renderScreen(<MembersTab projectId="p1" loadBalancer={loadBalancer} readOnly={undefined} />);
    await screen.findByText('1–20 / 전체 600개');
    const row = within(membersTable()).getAllByRole('row').find((candidate) => candidate.textContent?.includes('web-001'))!;
    await userEvent.click(within(row).getByRole('button', { name: '제거' }));
    const dialog = await screen.findByRole('dialog', { name: 'web-001 제거' });
    expect(within(dialog).getByRole('listitem').textContent).toBe('web-001');
    await userEvent.click(within(dialog).getByRole('button', { name: '삭제' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(requests.filter((request) => request.method === 'DELETE').map((request) => request.path)).toEqual([`${LB}/members/m-1`]);
    // The table refreshes on the server's live event for the member, not on the mutation.
    await liveEvent(client, { kind: 'lb-member', projectId: 'p1' });
    expect(await screen.findByText('1–20 / 전체 599개')).toBeTruthy();
  });

  it('refuses actions with the reason while the load balancer is busy', async () => {
    fakeApi(serve);
    renderScreen(<MembersTab projectId="p1" loadBalancer={{ ...loadBalancer, provisioningStatus: 'PENDING_UPDATE', allowedActions: [] }} readOnly={undefined} />);
    await screen.findByText('1–20 / 전체 600개');
    const row = within(membersTable()).getAllByRole('row')[1]!;
    const remove = within(row).getByRole('button', { name: '제거' });
    expect(remove.getAttribute('aria-disabled')).toBe('true');
    expect(remove.getAttribute('title')).toBe('Load Balancer가 PENDING_UPDATE 상태입니다. 작업이 끝난 뒤에 다시 시도하세요');
    await userEvent.click(remove);
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('ListenersTab on the shared table', () => {
  it('lists the listeners from the server with their settings and deletes one through the confirm-delete dialog', async () => {
    const requests = fakeApi((request) =>
      request.method === 'DELETE' && request.path === `${LB}/listeners/l2` ? { status: 200, body: loadBalancer } : serve(request),
    );
    renderScreen(<ListenersTab projectId="p1" loadBalancer={loadBalancer} readOnly={undefined} />);
    const table = await screen.findByRole('table', { name: '리스너' });
    await screen.findByText('1–2 / 전체 2개');
    expect(within(table).getAllByRole('row').slice(1).map((row) => within(row).getAllByRole('cell')[0]!.textContent)).toEqual(['HTTP:80', 'TCP:443']);
    const row = within(table).getAllByRole('row')[2]!;
    await userEvent.click(within(row).getByRole('button', { name: '삭제' }));
    const dialog = await screen.findByRole('dialog', { name: '리스너 삭제' });
    await userEvent.click(within(dialog).getByRole('button', { name: '삭제' }));
    await waitFor(() => expect(requests.some((request) => request.method === 'DELETE' && request.path === `${LB}/listeners/l2`)).toBe(true));
  });
});
