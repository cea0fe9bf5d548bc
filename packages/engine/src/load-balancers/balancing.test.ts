import { describe, expect, it } from 'vitest';
import { chooseMember, newBalancingState, type BalancedMember } from './balancing.ts';

const member = (id: string, overrides: Partial<BalancedMember> = {}): BalancedMember => ({
  id,
  address: `192.168.0.${id.length + 3}`,
  protocolPort: 80,
  weight: 1,
  adminStateUp: true,
  operatingStatus: 'ONLINE',
  ...overrides,
});

const pick = (pool: Parameters<typeof chooseMember>[0], members: BalancedMember[], times: number, clientIp = '198.51.100.7') => {
  const state = newBalancingState();
  return Array.from({ length: times }, () => chooseMember(pool, members, { clientIp }, state)?.id ?? null);
};

describe('choosing a member', () => {
  const roundRobin = { lbAlgorithm: 'ROUND_ROBIN' as const, sessionPersistence: null };

  it('round robin alternates, as the guide shows in the two servers logs', () => {
    expect(pick(roundRobin, [member('a'), member('b')], 4)).toEqual(['a', 'b', 'a', 'b']);
  });

  it('weights spread smoothly', () => {
    const picks = pick(roundRobin, [member('a', { weight: 3 }), member('b')], 8);
    expect(picks.filter((id) => id === 'a')).toHaveLength(6);
    expect(picks.slice(0, 4)).toEqual(['a', 'a', 'b', 'a']);
  });

  it('skips members that are OFFLINE, disabled or at weight 0; none left means null', () => {
    const members = [member('a', { operatingStatus: 'OFFLINE' }), member('b', { adminStateUp: false }), member('c', { weight: 0 }), member('d')];
    expect(pick(roundRobin, members, 2)).toEqual(['d', 'd']);
    expect(pick(roundRobin, [member('a', { operatingStatus: 'OFFLINE' })], 1)).toEqual([null]);
  });

  it('source IP keeps a client on one member', () => {
    const members = [member('a'), member('b'), member('c')];
    const first = pick({ lbAlgorithm: 'SOURCE_IP', sessionPersistence: null }, members, 5, '203.0.113.9');
    expect(new Set(first).size).toBe(1);
    const persisted = pick({ lbAlgorithm: 'ROUND_ROBIN', sessionPersistence: { type: 'SOURCE_IP', cookieName: null } }, members, 5, '203.0.113.9');
    expect(new Set(persisted).size).toBe(1);
  });

  it('least connections prefers the least busy member', () => {
    const state = newBalancingState();
    state.activeConnections.set('a', 5);
    state.activeConnections.set('b', 1);
    expect(chooseMember({ lbAlgorithm: 'LEAST_CONNECTIONS', sessionPersistence: null }, [member('a'), member('b')], { clientIp: '198.51.100.7' }, state)?.id).toBe('b');
  });

  it('a cookie pins the client to its member while that member is healthy', () => {
    const pool = { lbAlgorithm: 'ROUND_ROBIN' as const, sessionPersistence: { type: 'HTTP_COOKIE' as const, cookieName: null } };
    const state = newBalancingState();
    const members = [member('a'), member('b')];
    expect(chooseMember(pool, members, { clientIp: '198.51.100.7', persistedMemberId: 'b' }, state)?.id).toBe('b');
    expect(chooseMember(pool, members, { clientIp: '198.51.100.7', persistedMemberId: 'b' }, state)?.id).toBe('b');
    const bDown = [member('a'), member('b', { operatingStatus: 'OFFLINE' })];
    expect(chooseMember(pool, bDown, { clientIp: '198.51.100.7', persistedMemberId: 'b' }, state)?.id).toBe('a');
  });
});
