import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { openstackTestApi } from './test-support.ts';

const UBUNTU = '6f1c0a00-0000-4000-8000-000000002204';

describe('the OpenStack APIs under bad bodies', () => {
  it('answers every writing endpoint with a 4xx in its format, never a 500', async () => {
    const { app, token, os, engine } = await openstackTestApi();
    await os.post('/compute/v2.1/os-keypairs', { keypair: { name: 'k' } }).expect(200);
    const serverId = (await os.post('/compute/v2.1/servers', { server: { name: 'web', imageRef: UBUNTU, flavorRef: 'm2.c1m2', key_name: 'k' } }).expect(202)).body.server.id;
    engine.advance(5_000);
    const groupId = (await os.get('/network/v2.0/security-groups').expect(200)).body.security_groups[0].id;
    const endpoints: [string, string][] = [
      ['post', '/identity/v3/auth/tokens'],
      ['post', '/identity/v3/users'],
      ['post', '/identity/v3/projects'],
      ['post', '/compute/v2.1/servers'],
      ['put', `/compute/v2.1/servers/${serverId}`],
      ['post', `/compute/v2.1/servers/${serverId}/action`],
      ['post', '/compute/v2.1/os-keypairs'],
      ['post', '/network/v2.0/security-groups'],
      ['put', `/network/v2.0/security-groups/${groupId}`],
      ['post', '/network/v2.0/security-group-rules'],
      ['post', '/network/v2.0/floatingips'],
      ['patch', `/image/v2/images/${UBUNTU}`],
    ];
    const bodies = ['[]', '"text"', '42', '{}', '{"a":', '{"server": null, "keypair": [], "floatingip": 1, "security_group": "x"}', JSON.stringify({ x: 'y'.repeat(300_000) }),
      // Keys every object inherits: a look-up with `in` would find them on the prototype.
      '{"toString": null}', '{"constructor": {}}',
      JSON.stringify({ security_group_rule: { security_group_id: groupId, direction: 'ingress', protocol: 'constructor' } })];
    for (const [method, path] of endpoints) {
      for (const body of bodies) {
        const type = method === 'patch' ? 'application/openstack-images-v2.1-json-patch' : 'application/json';
        const response = await request(app)[method as 'post'](path).set('X-Auth-Token', token).set('Content-Type', type).send(body);
        expect({ method, path, body: body.slice(0, 40), status: response.status < 500 && response.status >= 400, json: response.type }).toEqual({
          method,
          path,
          body: body.slice(0, 40),
          status: true,
          json: 'application/json',
        });
      }
    }
  }, 60_000);
});
