import { describe, expect, it } from 'vitest';
import { compileL7 } from './l7-matching.ts';
import type { L7Policy, L7Rule } from './l7-policy.ts';

// The policies' evaluation as Octavia's HAProxy configuration does it: position order, every
// enabled rule of a policy must match, invert, disabled policies and rule-less policies left out.

let ids = 0;
const policy = (fields: Partial<L7Policy>): L7Policy => ({
  id: `p${++ids}`,
  projectId: 'project',
  name: '',
  status: 'ACTIVE',
  createdAt: 0,
  updatedAt: 0,
  loadBalancerId: 'lb',
  listenerId: 'listener',
  description: '',
  action: 'REJECT',
  position: 1,
  redirectPoolId: null,
  redirectUrl: null,
  redirectPrefix: null,
  redirectHttpCode: null,
  adminStateUp: true,
  ...fields,
});
const rule = (policyId: string, fields: Partial<L7Rule>): L7Rule => ({
  id: `r${++ids}`,
  projectId: 'project',
  name: '',
  status: 'ACTIVE',
  createdAt: 0,
  updatedAt: 0,
  loadBalancerId: 'lb',
  listenerId: 'listener',
  policyId,
  type: 'PATH',
  compareType: 'STARTS_WITH',
  key: null,
  value: '/',
  invert: false,
  adminStateUp: true,
  ...fields,
});
const program = (policies: L7Policy[], rules: L7Rule[]) => compileL7(policies, (id) => rules.filter((r) => r.policyId === id));

describe('L7 policy evaluation', () => {
  it('takes the enabled policies in position order; the first whose rules all match decides', () => {
    const reject = policy({ action: 'REJECT', position: 2 });
    const redirect = policy({ action: 'REDIRECT_TO_URL', redirectUrl: 'https://example.com/moved', redirectHttpCode: 301, position: 1 });
    const rules = [
      rule(reject.id, { type: 'PATH', compareType: 'STARTS_WITH', value: '/admin' }),
      rule(redirect.id, { type: 'PATH', compareType: 'STARTS_WITH', value: '/admin/old' }),
      rule(redirect.id, { type: 'HOST_NAME', compareType: 'EQUAL_TO', value: 'www.example.com' }),
    ];
    const l7 = program([reject, redirect], rules)!;
    expect(l7.size).toBe(2);
    // Both rules of the first policy match (the host case-insensitively): its redirect.
    expect(l7.decide({ path: '/admin/old/x', headers: { host: 'WWW.Example.com' } })).toEqual({ action: 'REDIRECT_TO_URL', policyId: redirect.id, status: 301, location: 'https://example.com/moved' });
    // Only one of its rules matches: the next policy's reject.
    expect(l7.decide({ path: '/admin/old/x', headers: { host: 'other.example.com' } })).toEqual({ action: 'REJECT', policyId: reject.id });
    // Nothing matches: the default pool (null).
    expect(l7.decide({ path: '/index.html', headers: { host: 'www.example.com' } })).toBeNull();
  });

  it('an inverted rule matches when its comparison does not, also when the header is missing', () => {
    const reject = policy({});
    const l7 = program([reject], [rule(reject.id, { type: 'HEADER', key: 'X-Token', compareType: 'EQUAL_TO', value: 'secret', invert: true })])!;
    expect(l7.decide({ path: '/', headers: { 'x-token': 'secret' } })).toBeNull();
    expect(l7.decide({ path: '/', headers: { 'x-token': 'guess' } })).toEqual({ action: 'REJECT', policyId: reject.id });
    expect(l7.decide({ path: '/', headers: {} })).toEqual({ action: 'REJECT', policyId: reject.id });
  });

  it('compares cookies, file types, regular expressions, contains and ends-with; the path without its query', () => {
    const toPool = policy({ action: 'REDIRECT_TO_POOL', redirectPoolId: 'pool-b' });
    const cookie = program([toPool], [rule(toPool.id, { type: 'COOKIE', key: 'beta', compareType: 'EQUAL_TO', value: 'yes' })])!;
    expect(cookie.decide({ path: '/', headers: { cookie: 'a=1; beta=yes' } })).toEqual({ action: 'REDIRECT_TO_POOL', policyId: toPool.id, poolId: 'pool-b' });
    expect(cookie.decide({ path: '/', headers: { cookie: 'beta=no' } })).toBeNull();

    const images = program([toPool], [rule(toPool.id, { type: 'FILE_TYPE', compareType: 'EQUAL_TO', value: 'png' })])!;
    expect(images.decide({ path: '/logo.png?v=2' })).not.toBeNull();
    expect(images.decide({ path: '/logo.gif?x=png' })).toBeNull();

    const regex = program([toPool], [rule(toPool.id, { type: 'PATH', compareType: 'REGEX', value: '^/api/v[0-9]+/' })])!;
    expect(regex.decide({ path: '/api/v2/items' })).not.toBeNull();
    expect(regex.decide({ path: '/api/vx/items' })).toBeNull();

    const contains = program([toPool], [rule(toPool.id, { type: 'HEADER', key: 'user-agent', compareType: 'CONTAINS', value: 'curl' })])!;
    expect(contains.decide({ path: '/', headers: { 'user-agent': 'curl/8.5.0' } })).not.toBeNull();
    expect(contains.decide({ path: '/', headers: { 'user-agent': 'Curl/8.5.0' } })).toBeNull();

    const ends = program([toPool], [rule(toPool.id, { type: 'HOST_NAME', compareType: 'ENDS_WITH', value: '.example.com' })])!;
    expect(ends.decide({ path: '/', headers: { host: 'API.EXAMPLE.COM' } })).not.toBeNull();
    expect(ends.decide({ path: '/', headers: { host: 'example.org' } })).toBeNull();
  });

  it('a redirect prefix keeps the path and query; the default code is 302', () => {
    const prefix = policy({ action: 'REDIRECT_PREFIX', redirectPrefix: 'https://new.example.com', redirectHttpCode: null });
    const l7 = program([prefix], [rule(prefix.id, { type: 'PATH', compareType: 'STARTS_WITH', value: '/' })])!;
    expect(l7.decide({ path: '/a/b?c=1' })).toEqual({ action: 'REDIRECT_PREFIX', policyId: prefix.id, status: 302, location: 'https://new.example.com/a/b?c=1' });
  });

  it('leaves out disabled policies, policies without enabled rules and disabled rules', () => {
    const disabled = policy({ adminStateUp: false, position: 1 });
    const ruleless = policy({ position: 2 });
    const partly = policy({ position: 3, action: 'REDIRECT_TO_URL', redirectUrl: 'http://x.example', redirectHttpCode: 302 });
    const rules = [
      rule(disabled.id, { value: '/' }),
      rule(ruleless.id, { value: '/', adminStateUp: false }),
      rule(partly.id, { value: '/shop' }),
      // Disabled: would never match, but it does not count.
      rule(partly.id, { type: 'HEADER', key: 'x-never', compareType: 'EQUAL_TO', value: 'never', adminStateUp: false }),
    ];
    const l7 = program([disabled, ruleless, partly], rules)!;
    expect(l7.size).toBe(1);
    expect(l7.decide({ path: '/shop/cart' })).toMatchObject({ action: 'REDIRECT_TO_URL', policyId: partly.id });
    expect(l7.decide({ path: '/' })).toBeNull();
    expect(program([disabled], [rule(disabled.id, {})])).toBeNull();
  });

  it('SSL rules never match without a client certificate (inverted: always)', () => {
    const reject = policy({});
    expect(program([reject], [rule(reject.id, { type: 'SSL_CONN_HAS_CERT', compareType: 'EQUAL_TO', value: 'True' })])!.decide({ path: '/' })).toBeNull();
    expect(program([reject], [rule(reject.id, { type: 'SSL_CONN_HAS_CERT', compareType: 'EQUAL_TO', value: 'True', invert: true })])!.decide({ path: '/' })).toMatchObject({ action: 'REJECT' });
  });
});
