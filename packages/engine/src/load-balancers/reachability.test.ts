import { describe, expect, it } from 'vitest';
import { checkLoadBalancerReachability, type LoadBalancerReachabilityQuery, type ReachabilityMember } from './reachability.ts';

const member = (name: string, overrides: Partial<ReachabilityMember> = {}): ReachabilityMember => ({
  name,
  address: '192.168.0.4',
  port: 80,
  adminStateUp: true,
  operatingStatus: 'ONLINE',
  admitsLoadBalancer: { allowed: true, message: 'Security group web allows TCP 80' },
  ...overrides,
});

const query = (overrides: Partial<LoadBalancerReachabilityQuery> = {}, members = [member('web-1'), member('web-2')]): LoadBalancerReachabilityQuery => ({
  sourceIp: '198.51.100.77',
  port: 80,
  loadBalancer: { name: 'web-lb', status: 'ACTIVE', floatingIp: '203.0.113.10', vipAddress: '192.168.0.10' },
  listeners: [{ id: 'l1', name: 'HTTP:80', protocol: 'HTTP', protocolPort: 80, allowedCidrs: [], lbAlgorithm: 'ROUND_ROBIN', members }],
  ...overrides,
});

const code = (q: LoadBalancerReachabilityQuery) => checkLoadBalancerReachability(q).reason.code;

describe('Internet → load balancer floating IP', () => {
  it('is allowed on a listener port with healthy, admitted members', () => {
    const verdict = checkLoadBalancerReachability(query());
    expect(verdict).toMatchObject({ allowed: true, target: '203.0.113.10:80', listener: { name: 'HTTP:80' } });
    expect(verdict.reason.message).toMatch(/forwards to 2 of 2 members \(ROUND_ROBIN\)/);
  });

  it('explains each refusal in order: floating IP, status, listener, CIDR, health, member security groups', () => {
    expect(code(query({ loadBalancer: { name: 'web-lb', status: 'ACTIVE', floatingIp: null, vipAddress: '192.168.0.10' } }))).toBe('NO_FLOATING_IP');
    expect(code(query({ loadBalancer: { name: 'web-lb', status: 'PENDING_CREATE', floatingIp: '203.0.113.10', vipAddress: '192.168.0.10' } }))).toBe('LOAD_BALANCER_NOT_ACTIVE');
    expect(code(query({ loadBalancer: { name: 'web-lb', status: 'PENDING_UPDATE', floatingIp: '203.0.113.10', vipAddress: '192.168.0.10' } }))).toBe('ALLOWED_BY_LISTENER');
    const noListener = checkLoadBalancerReachability(query({ port: 22 }));
    expect(noListener.reason).toMatchObject({ code: 'NO_LISTENER' });
    expect(noListener.reason.message).toMatch(/listens on HTTP 80/);
    const narrowed = query();
    narrowed.listeners[0]!.allowedCidrs = ['10.0.0.0/8'];
    expect(code(narrowed)).toBe('SOURCE_NOT_ALLOWED');
    narrowed.listeners[0]!.allowedCidrs = ['198.51.100.0/24'];
    expect(code(narrowed)).toBe('ALLOWED_BY_LISTENER');
    expect(code(query({}, [member('web-1', { operatingStatus: 'OFFLINE' }), member('web-2', { adminStateUp: false })]))).toBe('NO_HEALTHY_MEMBER');
    const blocked = checkLoadBalancerReachability(query({}, [member('web-1', { admitsLoadBalancer: { allowed: false, message: 'No ingress rule' } })]));
    expect(blocked.reason.code).toBe('MEMBERS_BLOCKED');
    expect(blocked.members[0]).toMatchObject({ name: 'web-1', reachable: false, reason: 'No ingress rule' });
  });
});
