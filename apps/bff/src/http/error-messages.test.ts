import { describe, expect, it } from 'vitest';
import { computeTestApi } from '../test-support/compute-project.ts';

// The console shows these three refusals in the user's language: the body names the message
// (`messageCode`) and its values (`params`) beside the kind of failure and the English text.
describe('error bodies name their message for a catalogue', () => {
  it('a refused lifecycle action: start an ACTIVE instance', async () => {
    const { client, base, createInstances, engine } = await computeTestApi();
    const [instance] = await createInstances();
    engine.advance(5_000);
    const refused = await client.post(`${base}/instances/${instance.id}/actions`, { action: 'start' }).expect(409);
    expect(refused.body).toEqual({
      error: {
        code: 'CONFLICT',
        message: 'Cannot start instance web while it is ACTIVE',
        messageCode: 'lifecycle.invalidState',
        params: { kind: 'instance', name: 'web', action: 'start', status: 'ACTIVE' },
      },
    });
  });

  it('attaching a volume that is in use, and deleting a security group in use', async () => {
    const { client, base, createInstances, engine } = await computeTestApi();
    const group = (await client.post(`${base}/security-groups`, { name: 'web-sg' }).expect(201)).body;
    const [web] = await createInstances({ name: 'web', securityGroupIds: [group.id] });
    const [db] = await createInstances({ name: 'db' });
    const volume = (await client.post(`${base}/volumes`, { name: 'data', sizeGb: 10, volumeType: 'HDD', zone: 'kr-pub-a' }).expect(201)).body;
    engine.advance(5_000);
    await client.post(`${base}/volumes/${volume.id}/attach`, { instanceId: web.id }).expect(202);
    engine.advance(2_000);

    const attach = await client.post(`${base}/volumes/${volume.id}/attach`, { instanceId: db.id }).expect(409);
    expect(attach.body.error).toMatchObject({
      code: 'CONFLICT',
      messageCode: 'volume.alreadyAttached',
      params: { name: 'data', instance: 'web', device: '/dev/vdb' },
    });

    const removal = await client.delete(`${base}/security-groups/${group.id}`).expect(409);
    expect(removal.body.error).toMatchObject({ code: 'CONFLICT', messageCode: 'securityGroup.inUse', params: { name: 'web-sg', count: 1 } });
  });

  it('bad input keeps its field beside the message code', async () => {
    const { client, base } = await computeTestApi();
    const response = await client.post(`${base}/security-groups`, { name: 'default' }).expect(409);
    expect(response.body.error).toEqual({
      code: 'CONFLICT',
      message: 'A security group named default already exists',
      field: 'name',
      messageCode: 'name.taken',
      params: { kind: 'security group', name: 'default' },
    });
  });

  it('an error without a message code keeps the old shape', async () => {
    const { client } = await computeTestApi();
    const response = await client.get('/api/no-such-route').expect(404);
    expect(response.body).toEqual({ error: { code: 'NOT_FOUND', message: 'No API route GET /api/no-such-route' } });
  });
});
