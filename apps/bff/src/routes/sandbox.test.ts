import { describe, expect, it } from 'vitest';
import { prepareComputeProject } from '../test-support/compute-project.ts';
import { activatedProject, createTestApi, login } from '../test-support/test-api.ts';

async function busyProject() {
  const { app, engine } = createTestApi();
  const admin = await login(app);
  const projectId = await activatedProject(admin);
  const project = await prepareComputeProject(admin, projectId);
  const [instance] = await project.createInstances();
  engine.advance(5_000);
  const fip = (await admin.post(`${project.base}/floating-ips`, {}).expect(201)).body;
  await admin.post(`${project.base}/floating-ips/${fip.id}/associate`, { portId: instance.portId }).expect(200);
  return { app, engine, admin, project };
}

describe('project reset', () => {
  it('empties the project for a project admin who types its name, and reports progress until done', async () => {
    const { engine, admin, project } = await busyProject();
    const { base } = project;
    expect((await admin.get(`${base}/reset`).expect(200)).body.state).toBe('idle');

    const wrong = await admin.post(`${base}/reset`, { confirmName: 'other' }).expect(400);
    expect(wrong.body.error).toMatchObject({ code: 'INVALID_INPUT', field: 'confirmName' });
    expect((await admin.get(`${base}/instances`).expect(200)).body.total).toBe(1);

    const started = await admin.post(`${base}/reset`, { confirmName: 'demo' }).expect(202);
    expect(started.body).toMatchObject({ state: 'running', phase: 'instances', remaining: 2 });
    expect(started.body.removed['floating-ips']).toBe(1);

    engine.advance(2_500);
    const done = (await admin.get(`${base}/reset`).expect(200)).body;
    expect(done).toMatchObject({ state: 'done', remaining: 0, finishedAt: expect.any(String) });
    expect(done.removed).toMatchObject({ 'floating-ips': 1, instances: 1, 'key-pairs': 1 });
    expect((await admin.get(`${base}/instances`).expect(200)).body.total).toBe(0);
    expect((await admin.get(`${base}/floating-ips`).expect(200)).body.total).toBe(0);
    expect((await admin.get(`${base}/key-pairs`).expect(200)).body.total).toBe(0);
    const networks = (await admin.get(`${base}/networks`).expect(200)).body.items.map((n: { name: string }) => n.name);
    expect(networks).toEqual(['Default Network']);
  });

  it('deletes a load balancer first, while its member instance is still untouched, then the instance', async () => {
    const { engine, admin, project } = await busyProject();
    const { base } = project;
    const [web] = (await admin.get(`${base}/instances`).expect(200)).body.items;
    const subnetId = (await admin.get(`${base}/networks`).expect(200)).body.items[0].subnetId;
    const lb = (
      await admin
        .post(`${base}/load-balancers`, {
          name: 'lb',
          subnetId,
          listener: { protocol: 'HTTP', protocolPort: 80 },
          pool: { lbAlgorithm: 'ROUND_ROBIN', memberPort: 80, members: [{ instanceId: web.id }], healthMonitor: { type: 'TCP', monitorPort: 80 } },
        })
        .expect(201)
    ).body;
    engine.advance(5_000);
    expect((await admin.get(`${base}/load-balancers/${lb.id}`).expect(200)).body.provisioningStatus).toBe('ACTIVE');

    const started = await admin.post(`${base}/reset`, { confirmName: 'demo' }).expect(202);
    expect(started.body).toMatchObject({ phase: 'load-balancers', removed: { 'load-balancers': 0 } });
    expect((await admin.get(`${base}/instances/${web.id}`).expect(200)).body.taskState).toBeNull();
    for (let i = 0; i < 40 && (await admin.get(`${base}/reset`)).body.state !== 'done'; i++) engine.advance(500);
    const done = (await admin.get(`${base}/reset`).expect(200)).body;
    expect(done.removed).toMatchObject({ 'load-balancers': 1, 'floating-ips': 1, instances: 1 });
    expect((await admin.get(`${base}/load-balancers`).expect(200)).body.total).toBe(0);
    expect((await admin.get(`${base}/instances`).expect(200)).body.total).toBe(0);
  });

  it('is refused to a member without manage rights', async () => {
    const { app, admin, project } = await busyProject();
    await admin.post('/users', { username: 'kim', password: 'kim-password' }).expect(201);
    await admin.put(`${project.base}/members`, { username: 'kim', role: 'member' }).expect(200);
    const kim = await login(app, 'kim', 'kim-password');
    await kim.post(`${project.base}/reset`, { confirmName: 'demo' }).expect(403);
    expect((await admin.get(`${project.base}/instances`).expect(200)).body.total).toBe(1);
  });
});
