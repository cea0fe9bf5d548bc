import { describe, expect, it } from 'vitest';
import { createTestWorld, launchInstances, TEST_IMAGES } from '../testing/test-world.ts';
import type { LoadBalancer } from './load-balancer.ts';
import { L7_KINDS } from './l7-policy.ts';

// L7 policies and rules on the engine: Octavia's position semantics, its validation, the load
// balancer's PENDING_UPDATE while a change applies, the cascade with the listener and the load
// balancer, and the 409 for a pool a policy redirects to.

function fixture() {
  const world = createTestWorld({ projectName: 'demo' });
  const { engine, projectId } = world;
  const { network, loadBalancers, l7, securityGroups } = world.m;
  // The default group lets the instances send (a guest curls the VIP in the last test).
  const defaultGroup = securityGroups.list(projectId).find((group) => group.name === 'default')!;
  const launched = launchInstances(world, { imageId: TEST_IMAGES.CENTOS_7, flavorId: 't2.c1m1', count: 2, securityGroupIds: [defaultGroup.id] });
  const subnetId = network.subnets(projectId)[0]!.id;
  const lb = loadBalancers.create(projectId, {
    name: 'lb',
    subnetId,
    listener: { protocol: 'HTTP', protocolPort: 80 },
    pool: { lbAlgorithm: 'ROUND_ROBIN', memberPort: 80, healthMonitor: { type: 'TCP', monitorPort: 80 }, members: [{ instanceId: launched[0]!.id }] },
  });
  engine.advance(4_000);
  const listenerId = loadBalancers.parts(loadBalancers.get(projectId, lb.id)).listeners[0]!.id;
  const settle = () => engine.advance(1_000);
  const other = loadBalancers.addPool(projectId, lb.id, { listenerId: null, protocol: 'HTTP', lbAlgorithm: 'ROUND_ROBIN', name: 'images' });
  settle();
  const status = () => engine.store.get<LoadBalancer>('load-balancer', lb.id)!.status;
  return { engine, projectId, loadBalancers, l7, lb, listenerId, other, settle, status, launched };
}

describe('L7 policies and rules', () => {
  it('inserts at the position asked (past the end: last) and keeps positions 1…n through moves and deletes', () => {
    const { projectId, l7, listenerId, settle } = fixture();
    const add = (name: string, position?: number) => {
      const policy = l7.createPolicy(projectId, { listenerId, name, action: 'REJECT', ...(position === undefined ? {} : { position }) });
      settle();
      return policy;
    };
    const names = () => l7.policiesOf(listenerId).map((p) => `${p.position}:${p.name}`);
    add('a', 1);
    add('b', 1);
    add('c', 1);
    expect(names()).toEqual(['1:c', '2:b', '3:a']);
    add('d');
    add('e', 99);
    expect(names()).toEqual(['1:c', '2:b', '3:a', '4:d', '5:e']);
    const b = l7.policiesOf(listenerId)[1]!;
    l7.updatePolicy(projectId, b.id, { position: 5 });
    settle();
    expect(names()).toEqual(['1:c', '2:a', '3:d', '4:e', '5:b']);
    l7.updatePolicy(projectId, b.id, { position: 1000 });
    settle();
    expect(names()).toEqual(['1:c', '2:a', '3:d', '4:e', '5:b']);
    l7.deletePolicy(projectId, l7.policiesOf(listenerId)[1]!.id);
    settle();
    expect(names()).toEqual(['1:c', '2:d', '3:e', '4:b']);
  });

  it('puts the load balancer and the listener in PENDING_UPDATE until the change applies, and refuses changes meanwhile', () => {
    const { engine, projectId, l7, listenerId, settle, status } = fixture();
    const policy = l7.createPolicy(projectId, { listenerId, action: 'REJECT' });
    expect(policy).toMatchObject({ status: 'PENDING_CREATE', position: 1, adminStateUp: true });
    expect(status()).toBe('PENDING_UPDATE');
    expect(engine.store.get('lb-listener', listenerId)!.status).toBe('PENDING_UPDATE');
    expect(() => l7.createRule(projectId, policy.id, { type: 'PATH', compareType: 'STARTS_WITH', value: '/' })).toThrow('Cannot update load balancer lb while it is PENDING_UPDATE');
    settle();
    expect(status()).toBe('ACTIVE');
    expect(l7.getPolicy(projectId, policy.id).status).toBe('ACTIVE');
    const rule = l7.createRule(projectId, policy.id, { type: 'PATH', compareType: 'STARTS_WITH', value: '/' });
    expect([rule.status, l7.getPolicy(projectId, policy.id).status, status()]).toEqual(['PENDING_CREATE', 'PENDING_UPDATE', 'PENDING_UPDATE']);
    settle();
    expect([l7.getRule(projectId, policy.id, rule.id).status, l7.getPolicy(projectId, policy.id).status]).toEqual(['ACTIVE', 'ACTIVE']);
  });

  it('validates policies as Octavia: the action picks its target, redirect pools of the same load balancer, URLs', () => {
    const { projectId, l7, listenerId, other, settle } = fixture();
    expect(() => l7.createPolicy(projectId, { listenerId, action: 'REDIRECT_TO_URL' })).toThrow('redirect_url must not be None');
    expect(() => l7.createPolicy(projectId, { listenerId, action: 'REDIRECT_TO_POOL' })).toThrow('redirect_pool_id or redirect_pool must not be None');
    expect(() => l7.createPolicy(projectId, { listenerId, action: 'REDIRECT_TO_URL', redirectUrl: 'not a url' })).toThrow('Not a valid URL: not a url');
    expect(() => l7.createPolicy(projectId, { listenerId, action: 'REDIRECT_TO_URL', redirectUrl: 'ftp://example.com' })).toThrow('Not a valid URL: ftp://example.com');
    expect(() => l7.createPolicy(projectId, { listenerId, redirectPoolId: other.id, redirectUrl: 'http://example.com' })).toThrow('at the same time');
    expect(() => l7.createPolicy(projectId, { listenerId, action: 'REDIRECT_TO_POOL', redirectPoolId: 'nope' })).toThrow('No pool with id nope');
    expect(() => l7.createPolicy(projectId, { listenerId, action: 'REJECT', position: 0 })).toThrow('position must be a whole number from 1 to 2147483647');
    expect(() => l7.createPolicy(projectId, { listenerId, action: 'REDIRECT_TO_URL', redirectUrl: 'http://example.com', redirectHttpCode: 200 })).toThrow('200 is not a valid option for redirectHttpCode');
    expect(l7.listPolicies(projectId)).toEqual([]);

    const url = l7.createPolicy(projectId, { listenerId, action: 'REDIRECT_TO_URL', redirectUrl: 'http://example.com/x' });
    expect(url).toMatchObject({ action: 'REDIRECT_TO_URL', redirectUrl: 'http://example.com/x', redirectHttpCode: 302, redirectPoolId: null });
    settle();
    // A pool given alone makes it REDIRECT_TO_POOL and clears the URL and the code.
    const moved = l7.updatePolicy(projectId, url.id, { redirectPoolId: other.id });
    expect(moved).toMatchObject({ action: 'REDIRECT_TO_POOL', redirectPoolId: other.id, redirectUrl: null, redirectHttpCode: null, status: 'PENDING_UPDATE' });
    settle();
    // A name alone keeps the action and its target.
    expect(l7.updatePolicy(projectId, url.id, { name: 'images' })).toMatchObject({ name: 'images', action: 'REDIRECT_TO_POOL', redirectPoolId: other.id });
  });

  it('validates rules as Octavia: keys where the type needs one, comparisons the type allows, characters, regular expressions', () => {
    const { projectId, l7, listenerId, settle } = fixture();
    const policy = l7.createPolicy(projectId, { listenerId, action: 'REJECT' });
    settle();
    const bad = (input: Parameters<typeof l7.createRule>[2], message: string) => expect(() => l7.createRule(projectId, policy.id, input)).toThrow(message);
    bad({ type: 'HEADER', compareType: 'EQUAL_TO', value: 'x' }, 'L7 rule type requires a key');
    bad({ type: 'PATH', compareType: 'EQUAL_TO', value: '' }, 'L7 rule type requires a value');
    bad({ type: 'FILE_TYPE', compareType: 'STARTS_WITH', value: 'jpg' }, 'invalid comparison type for rule type');
    bad({ type: 'PATH', compareType: 'REGEX', value: '(' }, 'Unable to parse regular expression');
    bad({ type: 'HEADER', key: 'bad key', compareType: 'EQUAL_TO', value: 'x' }, 'Invalid characters in key');
    bad({ type: 'COOKIE', key: 'k', compareType: 'EQUAL_TO', value: 'a b' }, 'Invalid characters in cookie value');
    bad({ type: 'SSL_CONN_HAS_CERT', compareType: 'EQUAL_TO', value: 'false' }, 'is not a boolean True string');
    bad({ type: 'SSL_VERIFY_RESULT', compareType: 'EQUAL_TO', value: '-1' }, 'needs a int value');
    bad({ type: 'SSL_DN_FIELD', key: '1CN', compareType: 'EQUAL_TO', value: 'x' }, 'Invalid L7rule distinguished name field');
    expect(l7.rulesOf(policy.id)).toEqual([]);
    const rule = l7.createRule(projectId, policy.id, { type: 'HEADER', key: 'X-Beta', compareType: 'EQUAL_TO', value: 'on' });
    settle();
    // An update is validated as the rule will be: a COOKIE needs its key, kept from the rule.
    expect(l7.updateRule(projectId, policy.id, rule.id, { type: 'COOKIE', invert: true })).toMatchObject({ type: 'COOKIE', key: 'X-Beta', value: 'on', invert: true });
    settle();
    expect(() => l7.updateRule(projectId, policy.id, rule.id, { type: 'PATH', compareType: 'REGEX', value: '[' })).toThrow('Unable to parse regular expression');
  });

  it('refuses to delete a pool a policy redirects to (409) and drops policies and rules with their listener and load balancer', () => {
    const { engine, projectId, loadBalancers, l7, lb, listenerId, other, settle } = fixture();
    const policy = l7.createPolicy(projectId, { listenerId, action: 'REDIRECT_TO_POOL', redirectPoolId: other.id, name: 'to-images' });
    settle();
    l7.createRule(projectId, policy.id, { type: 'PATH', compareType: 'STARTS_WITH', value: '/images' });
    settle();
    expect(() => loadBalancers.deletePool(projectId, lb.id, other.id)).toThrow(`Pool ${other.id} is in use by L7 policy ${policy.id}`);
    expect(loadBalancers.parts(loadBalancers.get(projectId, lb.id)).pools.map((entry) => entry.pool.id)).toContain(other.id);
    settle();
    loadBalancers.deleteListenerKeepingPool(projectId, lb.id, listenerId);
    expect(engine.store.list(L7_KINDS.policy, projectId)).toEqual([]);
    expect(engine.store.list(L7_KINDS.rule, projectId)).toEqual([]);
    settle();
    // With the policy gone, the pool may go.
    loadBalancers.deletePool(projectId, lb.id, other.id);
    settle();
    expect(loadBalancers.parts(loadBalancers.get(projectId, lb.id)).pools.map((entry) => entry.pool.id)).not.toContain(other.id);
  });

  it('deletes policies with their load balancer, even one redirecting to another listener’s pool', () => {
    const { engine, projectId, loadBalancers, l7, lb, listenerId, settle, status } = fixture();
    const second = loadBalancers.addBareListener(projectId, lb.id, { protocol: 'HTTP', protocolPort: 8080 });
    settle();
    const defaultPool = loadBalancers.parts(loadBalancers.get(projectId, lb.id)).listeners.find((l) => l.id === listenerId)!.poolId!;
    const policy = l7.createPolicy(projectId, { listenerId: second.id, action: 'REDIRECT_TO_POOL', redirectPoolId: defaultPool });
    settle();
    l7.createRule(projectId, policy.id, { type: 'PATH', compareType: 'STARTS_WITH', value: '/' });
    settle();
    expect(status()).toBe('ACTIVE');
    loadBalancers.delete(projectId, lb.id);
    engine.advance(2_000);
    expect(engine.store.get('load-balancer', lb.id)).toBeUndefined();
    expect(engine.store.list(L7_KINDS.policy, projectId)).toEqual([]);
    expect(engine.store.list(L7_KINDS.rule, projectId)).toEqual([]);
  });

  it('applies to requests guests send to the VIP: REJECT and redirects answer before any member, as the data plane does', async () => {
    const { engine, projectId, l7, lb, listenerId, settle, launched } = fixture();
    const reject = l7.createPolicy(projectId, { listenerId, action: 'REJECT', rules: [{ type: 'PATH', compareType: 'STARTS_WITH', value: '/admin' }] });
    settle();
    l7.createPolicy(projectId, { listenerId, action: 'REDIRECT_TO_URL', redirectUrl: 'https://example.com/', redirectHttpCode: 308, rules: [{ type: 'HOST_NAME', compareType: 'EQUAL_TO', value: lb.vipAddress }] });
    settle();
    expect(l7.policiesOf(listenerId).map((p) => p.id)[0]).toBe(reject.id);
    const curl = (path: string) => engine.modules.guestNetwork.http(launched[1]!, { method: 'GET', url: `http://${lb.vipAddress}${path}`, headers: {}, sourceIp: '' });
    expect(await curl('/admin/x')).toMatchObject({ status: 403, body: expect.stringContaining('Request forbidden by administrative rules.') });
    // The Host (from the URL) matches the second policy.
    expect(await curl('/')).toMatchObject({ status: 308, headers: { Location: 'https://example.com/' } });
    l7.updatePolicy(projectId, reject.id, { adminStateUp: false });
    settle();
    expect(await curl('/admin/x')).toMatchObject({ status: 308 });
  });
});

