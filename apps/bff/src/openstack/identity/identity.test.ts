import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { issueToken, openstackTestApi, passwordAuth } from '../test-support.ts';

describe('Keystone v3 tokens', () => {
  it('answers the version documents without a token', async () => {
    const { app } = await openstackTestApi();
    const versions = await request(app).get('/identity').expect(300);
    expect(versions.body.versions.values[0]).toMatchObject({ id: 'v3.14', status: 'stable' });
    const v3 = await request(app).get('/identity/v3').expect(200);
    expect(v3.body.version.links[0].href).toMatch(/\/identity\/v3\/$/);
  });

  it('issues a project-scoped token by id or by name in domain Default, with roles and the catalog', async () => {
    const { app, projectId } = await openstackTestApi();
    const byName = await request(app)
      .post('/identity/v3/auth/tokens')
      .send(passwordAuth({ project: { name: 'demo', domain: { name: 'Default' } } }))
      .expect(201);
    expect(byName.headers['x-subject-token']).toEqual(expect.any(String));
    const token = byName.body.token;
    expect(token.methods).toEqual(['password']);
    expect(token.user).toMatchObject({ name: 'admin', domain: { id: 'default', name: 'Default' } });
    expect(token.project).toEqual({ id: projectId, name: 'demo', domain: { id: 'default', name: 'Default' } });
    expect(token.roles.map((r: { name: string }) => r.name)).toEqual(['admin', 'member', 'reader']);
    expect(Date.parse(token.expires_at)).toBeGreaterThan(Date.parse(token.issued_at));
    expect(token.catalog.map((s: { type: string }) => s.type)).toEqual(['identity', 'compute', 'network', 'image', 'volumev3', 'block-storage', 'load-balancer']);
    for (const service of token.catalog) {
      expect(service.endpoints).toEqual([{ id: expect.any(String), interface: 'public', region: 'RegionOne', region_id: 'RegionOne', url: expect.stringMatching(/^http:\/\//) }]);
    }
    const byId = await request(app).post('/identity/v3/auth/tokens').send(passwordAuth({ project: { id: projectId } })).expect(201);
    expect(byId.body.token.project.id).toBe(projectId);
    const unscoped = await request(app).post('/identity/v3/auth/tokens').send(passwordAuth(undefined)).expect(201);
    expect(unscoped.body.token.catalog).toBeUndefined();
  });

  it('maps the console roles member and viewer to member and reader, enforced as in the console', async () => {
    const { app, client, projectId } = await openstackTestApi();
    await client.post('/users', { username: 'vera', password: 'vera-password' }).expect(201);
    await client.put(`/projects/${projectId}/members`, { username: 'vera', role: 'viewer' }).expect(200);
    const response = await request(app)
      .post('/identity/v3/auth/tokens')
      .send(passwordAuth({ project: { id: projectId } }, { name: 'vera', domain: { id: 'default' }, password: 'vera-password' }))
      .expect(201);
    expect(response.body.token.roles.map((r: { name: string }) => r.name)).toEqual(['reader']);
    const token = response.headers['x-subject-token'] as string;
    await request(app).get('/compute/v2.1/servers').set('X-Auth-Token', token).expect(200);
    const refused = await request(app).post('/compute/v2.1/os-keypairs').set('X-Auth-Token', token).send({ keypair: { name: 'k' } }).expect(403);
    expect(refused.body.forbidden.message).toContain('Viewers can only look');
  });

  it('refuses a wrong password, another domain or a project the user is not in with 401', async () => {
    const { app, client } = await openstackTestApi();
    const wrong = await request(app)
      .post('/identity/v3/auth/tokens')
      .send(passwordAuth(undefined, { name: 'admin', domain: { name: 'Default' }, password: 'nope' }))
      .expect(401);
    expect(wrong.body).toEqual({ error: { code: 401, title: 'Unauthorized', message: 'The request you have made requires authentication.' } });
    expect(wrong.headers['www-authenticate']).toMatch(/^Keystone uri="http:\/\/.+\/identity"$/);
    await request(app)
      .post('/identity/v3/auth/tokens')
      .send(passwordAuth(undefined, { name: 'admin', domain: { name: 'Other' }, password: 'admin-password' }))
      .expect(401);
    await request(app).post('/identity/v3/auth/tokens').send(passwordAuth({ project: { name: 'nope', domain: { name: 'Default' } } })).expect(401);
    await client.post('/users', { username: 'bob', password: 'bob-password' }).expect(201);
    const projects = (await client.get('/projects').expect(200)).body.items as { id: string }[];
    await request(app)
      .post('/identity/v3/auth/tokens')
      .send(passwordAuth({ project: { id: projects[0]!.id } }, { name: 'bob', password: 'bob-password' }))
      .expect(401);
    const bad = await request(app).post('/identity/v3/auth/tokens').send({ auth: { identity: { methods: ['totp'] } } }).expect(400);
    expect(bad.body.error.code).toBe(400);
    await request(app).post('/identity/v3/auth/tokens').set('Content-Type', 'application/json').send('{').expect(400);
  });

  it('validates, checks and revokes tokens; a revoked or expired token is refused with 401', async () => {
    const { app, clock, token, os } = await openstackTestApi();
    const second = await issueToken(app, { project: { name: 'demo', domain: { name: 'Default' } } });
    const validated = await os.get('/identity/v3/auth/tokens').set('X-Subject-Token', second).expect(200);
    expect(validated.headers['x-subject-token']).toBe(second);
    expect(validated.body.token.project.name).toBe('demo');
    await os.head('/identity/v3/auth/tokens').set('X-Subject-Token', second).expect(200);
    await os.delete('/identity/v3/auth/tokens').set('X-Subject-Token', second).expect(204);
    await os.get('/identity/v3/auth/tokens').set('X-Subject-Token', second).expect(404);
    const revoked = await request(app).get('/compute/v2.1/servers').set('X-Auth-Token', second).expect(401);
    expect(revoked.headers['www-authenticate']).toContain('Keystone uri=');
    expect(revoked.body.error.code).toBe(401);

    await request(app).get('/network/v2.0/networks').expect(401);
    await request(app).get('/image/v2/images').set('X-Auth-Token', 'garbage').expect(401);
    await request(app).get('/compute/v2.1/servers').set('X-Auth-Token', token).expect(200);
    clock.advance(13 * 60 * 60 * 1000);
    await request(app).get('/compute/v2.1/servers').set('X-Auth-Token', token).expect(401);
  });

  it("tells a project without Compute & Network to activate it (403), and lists the user's projects", async () => {
    const { app, client, os } = await openstackTestApi();
    await client.post('/projects', { name: 'dormant' }).expect(201);
    const token = await issueToken(app, { project: { name: 'dormant', domain: { name: 'Default' } } });
    const refused = await request(app).get('/compute/v2.1/servers').set('X-Auth-Token', token).expect(403);
    expect(refused.body.forbidden.message).toBe('Compute & Network is not activated in project dormant; use [상품이용] to activate it first');
    const neutron = await request(app).get('/network/v2.0/networks').set('X-Auth-Token', token).expect(403);
    expect(neutron.body.NeutronError.message).toContain('not activated');
    const projects = await os.get('/identity/v3/auth/projects').expect(200);
    expect(projects.body.projects.map((p: { name: string }) => p.name)).toEqual(['demo', 'dormant']);
  });

  it('answers unknown paths under every prefix with a JSON 404 in the service format', async () => {
    const { os } = await openstackTestApi();
    expect((await os.get('/identity/v3/nothing').expect(404)).body.error.code).toBe(404);
    expect((await os.get('/compute/v2.1/nothing').expect(404)).body.itemNotFound.code).toBe(404);
    expect((await os.get('/network/v2.0/nothing').expect(404)).body.NeutronError.type).toBe('HTTPNotFound');
    expect((await os.get('/image/v2/nothing').expect(404)).body.title).toBe('Not Found');
    expect((await os.get('/compute/nothing').expect(404)).headers['content-type']).toMatch(/json/);
  });

  it('serves clouds.yaml for the signed-in user and project', async () => {
    const { client, projectId, app } = await openstackTestApi();
    const yaml = await client.get(`/clouds.yaml?projectId=${projectId}`).expect(200);
    expect(yaml.text).toContain(`project_id: "${projectId}"`);
    expect(yaml.text).toContain('username: "admin"');
    expect(yaml.text).toMatch(/auth_url: "http:\/\/127\.0\.0\.1:\d+\/identity\/v3"/);
    expect(yaml.text).not.toMatch(/^ *password:/m);
    await request(app).get('/api/clouds.yaml').expect(401);
    await client.get('/clouds.yaml?projectId=nope').expect(404);
  });

  it('creates users (system admins), projects (anyone) and role assignments (project admins) as the console allows', async () => {
    const { app, os, projectId } = await openstackTestApi();
    const created = await os.post('/identity/v3/users', { user: { name: 'bob', password: 'bob-password', domain_id: 'default' } }).expect(201);
    const bobId = created.body.user.id as string;
    expect(created.body.user).toMatchObject({ name: 'bob', domain_id: 'default', enabled: true });
    expect((await os.get('/identity/v3/users?name=bob').expect(200)).body.users.map((u: { id: string }) => u.id)).toEqual([bobId]);
    const reader = (await os.get('/identity/v3/roles?name=reader').expect(200)).body.roles[0].id as string;
    await os.put(`/identity/v3/projects/${projectId}/users/${bobId}/roles/${reader}`, {}).expect(204);
    await os.head(`/identity/v3/projects/${projectId}/users/${bobId}/roles/${reader}`).expect(204);
    const assignments = await os.get(`/identity/v3/role_assignments?scope.project.id=${projectId}&user.id=${bobId}`).expect(200);
    expect(assignments.body.role_assignments).toEqual([expect.objectContaining({ role: { id: reader }, user: { id: bobId }, scope: { project: { id: projectId } } })]);

    const bob = await issueToken(app, { project: { id: projectId } }, { name: 'bob', domain: { id: 'default' }, password: 'bob-password' });
    const asBob = (method: 'get' | 'post' | 'put', path: string, body?: object) => request(app)[method](path).set('X-Auth-Token', bob).send(body);
    expect((await asBob('post', '/identity/v3/users', { user: { name: 'eve', password: 'eve-password' } }).expect(403)).body.error.code).toBe(403);
    await asBob('put', `/identity/v3/projects/${projectId}/users/${bobId}/roles/${reader.replace(/3$/, '1')}`).expect(403);
    const own = await asBob('post', '/identity/v3/projects', { project: { name: 'bobs', domain_id: 'default', enabled: true } }).expect(201);
    expect(own.body.project).toMatchObject({ name: 'bobs', domain_id: 'default' });
    expect((await asBob('get', '/identity/v3/projects').expect(200)).body.projects.map((p: { name: string }) => p.name)).toEqual(['demo', 'bobs']);

    await os.delete(`/identity/v3/projects/${projectId}/users/${bobId}/roles/${reader}`).expect(204);
    await request(app).get('/compute/v2.1/servers').set('X-Auth-Token', bob).expect(401);
    await os.post('/identity/v3/users', { user: { name: 'x' } }).expect(400);
  });
});
