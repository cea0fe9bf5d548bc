// @vitest-environment happy-dom
import type { SecurityGroupDto, SecurityGroupRuleDto } from '@sandcloud/api-schemas';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, liveEvent, pageOf, renderScreen, type FakeRequest } from '../../../test-support/fake-api.tsx';
import { RulesTable } from './rules-table.tsx';
import { SecurityGroupChecklist } from './security-group-checklist.tsx';

const GROUP = '/projects/p1/security-groups/sg1';
const rule = (id: string, direction: 'ingress' | 'egress', port: number | null): SecurityGroupRuleDto => ({
  id,
  securityGroupId: 'sg1',
  direction,
  etherType: 'IPv4',
  protocol: port === null ? null : 'tcp',
  portRangeMin: port,
  portRangeMax: port,
  remoteIpPrefix: '0.0.0.0/0',
  remoteGroupId: null,
  description: '',
  remoteGroupName: null,
  summary: port === null ? `${direction === 'ingress' ? 'Ingress' : 'Egress'} IPv4 any to 0.0.0.0/0` : `Ingress IPv4 TCP ${port} from 0.0.0.0/0`,
});
const group = { id: 'sg1', name: 'default', description: '', isDefault: true, instanceCount: 0, createdAt: '2026-01-01T00:00:00Z', rules: [] } as SecurityGroupDto;
let rules: SecurityGroupRuleDto[];

function serve(request: FakeRequest) {
  if (request.method === 'GET' && request.path === `${GROUP}/rules`) {
    const q = request.search.get('q') ?? '';
    return { status: 200, body: pageOf(rules.filter((candidate) => candidate.summary.includes(q)), request.search, (candidate, field) => (field === 'portRangeMin' ? (candidate.portRangeMin ?? -1) : candidate.summary)) };
  }
  if (request.method === 'DELETE' && request.path.startsWith(`${GROUP}/rules/`)) {
    const id = request.path.split('/').at(-1);
    rules = rules.filter((candidate) => candidate.id !== id);
    return { status: 204 };
  }
  return undefined;
}

const rulesTable = () => screen.getByRole('table', { name: '규칙' });
const ports = () => within(rulesTable()).getAllByRole('row').slice(1).map((row) => within(row).getAllByRole('cell')[4]!.textContent);

beforeEach(() => {
  rules = [rule('r22', 'ingress', 22), rule('r80', 'ingress', 80), rule('r443', 'ingress', 443), rule('egress', 'egress', null)];
  localStorage.clear();
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('RulesTable on the shared table', () => {
  it('shows the server page and sorts by port range on the server', async () => {
    const requests = fakeApi(serve);
    renderScreen(<RulesTable projectId="p1" group={group} readOnlyReason={undefined} />);
    expect(await screen.findByText('1–4 / 전체 4개')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: '포트 범위' }));
    await waitFor(() => expect(ports()).toEqual(['전체', '22', '80', '443']));
    expect(Object.fromEntries(requests.at(-1)!.search)).toEqual({ limit: '20', offset: '0', sort: 'portRangeMin', order: 'asc' });
  });

  it('deletes two checked rules in one confirmation; the others stay', async () => {
    const requests = fakeApi(serve);
    const { client } = renderScreen(<RulesTable projectId="p1" group={group} readOnlyReason={undefined} />);
    await screen.findByText('1–4 / 전체 4개');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Ingress IPv4 TCP 22 from 0.0.0.0/0 선택' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Ingress IPv4 TCP 443 from 0.0.0.0/0 선택' }));
    await userEvent.click(screen.getByRole('button', { name: '선택 항목 삭제' }));
    const dialog = await screen.findByRole('dialog', { name: '2개 삭제' });
    expect(within(dialog).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Ingress IPv4 TCP 22 from 0.0.0.0/0', 'Ingress IPv4 TCP 443 from 0.0.0.0/0']);
    await userEvent.click(within(dialog).getByRole('button', { name: '삭제' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(requests.filter((request) => request.method === 'DELETE').map((request) => request.path).sort()).toEqual([`${GROUP}/rules/r22`, `${GROUP}/rules/r443`]);
    // The table refreshes on the server's live event for the group, not on the mutation.
    await liveEvent(client, { kind: 'security-group', projectId: 'p1' });
    expect(await screen.findByText('1–2 / 전체 2개')).toBeTruthy();
    expect(screen.getByText('2개를 삭제했습니다.')).toBeTruthy();
  });

  it('offers no deletion to a viewer, with the reason', async () => {
    fakeApi(serve);
    renderScreen(<RulesTable projectId="p1" group={group} readOnlyReason="읽기 전용입니다" />);
    await screen.findByText('1–4 / 전체 4개');
    const bulk = screen.getByRole('button', { name: '선택 항목 삭제' });
    expect(bulk.getAttribute('title')).toBe('읽기 전용입니다');
    const remove = within(within(rulesTable()).getAllByRole('row')[1]!).getByRole('button', { name: '삭제' });
    expect(remove.getAttribute('aria-disabled')).toBe('true');
  });
});

describe('SecurityGroupChecklist searches the server', () => {
  const groups: SecurityGroupDto[] = Array.from({ length: 120 }, (_, i) => ({ ...group, id: `sg-${i}`, name: `group-${String(i).padStart(3, '0')}`, isDefault: false }));

  it('finds a group past the first page by name and keeps the chosen one on top', async () => {
    const requests = fakeApi((request) => {
      if (request.path !== '/projects/p1/security-groups') return undefined;
      const ids = request.search.get('id')?.split(',');
      const q = request.search.get('q') ?? '';
      const matching = groups.filter((candidate) => (ids ? ids.includes(candidate.id) : candidate.name.includes(q)));
      return { status: 200, body: pageOf(matching, request.search, (candidate) => candidate.name) };
    });
    const onChange = vi.fn();
    function Harness() {
      const [value, setValue] = useState(['sg-1']);
      return <SecurityGroupChecklist projectId="p1" label="Security Groups" value={value} onChange={(next) => { onChange(next); setValue(next); }} />;
    }
    renderScreen(<Harness />);
    expect(await screen.findByText('1–50 / 전체 120개')).toBeTruthy();
    expect(screen.queryByText('group-119')).toBeNull();
    await userEvent.type(screen.getByRole('searchbox', { name: 'Security Groups 검색' }), 'group-119');
    await userEvent.click(await screen.findByRole('checkbox', { name: /group-119/ }));
    expect(onChange).toHaveBeenLastCalledWith(['sg-1', 'sg-119']);
    // The chosen groups, looked up by id, stay listed (and checked) above the matches.
    const checked = () => screen.getAllByRole('checkbox').filter((box) => (box as HTMLInputElement).checked).map((box) => box.closest('label')!.textContent!.slice(0, 9));
    await waitFor(() => expect(checked()).toEqual(['group-001', 'group-119']));
    expect(requests.some((request) => request.search.get('q') === 'group-119' && request.search.get('limit') === '50')).toBe(true);
    expect(requests.some((request) => request.search.get('id') === 'sg-1')).toBe(true);
  });
});
