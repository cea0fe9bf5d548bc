import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { issueToken, openstackTestApi } from '../test-support.ts';

/** The admin's project `demo` (owner) and a second project `other` the image is shared with. */
async function twoProjects() {
  const api = await openstackTestApi();
  const otherId = (await api.client.post('/projects', { name: 'other' }).expect(201)).body.id as string;
  await api.client.post(`/projects/${otherId}/compute/activate`).expect(200);
  const token = await issueToken(api.app, { project: { name: 'other', domain: { name: 'Default' } } });
  const other = {
    get: (path: string) => request(api.app).get(path).set('X-Auth-Token', token),
    put: (path: string, body: object) => request(api.app).put(path).set('X-Auth-Token', token).send(body),
    delete: (path: string) => request(api.app).delete(path).set('X-Auth-Token', token),
  };
  const image = (await api.os.post('/image/v2/images', { name: 'shared-one', disk_format: 'raw', container_format: 'bare' }).expect(201)).body as { id: string; visibility: string };
  const idsOf = async (path = '/image/v2/images') => ((await other.get(path).expect(200)).body.images as { id: string }[]).map((i) => i.id);
  return { ...api, otherId, other, image, idsOf };
}

describe('Glance image members', () => {
  it('shares a shared image: pending is hidden, accepted is listed, rejected and removed are hidden again', async () => {
    const { os, other, otherId, image, idsOf } = await twoProjects();
    expect(image.visibility).toBe('shared');
    const added = (await os.post(`/image/v2/images/${image.id}/members`, { member: otherId }).expect(200)).body;
    expect(added).toMatchObject({ image_id: image.id, member_id: otherId, status: 'pending', schema: '/v2/schemas/member' });
    expect(await idsOf()).not.toContain(image.id);
    expect(await idsOf('/image/v2/images?visibility=shared&member_status=pending')).toEqual([image.id]);
    await other.get(`/image/v2/images/${image.id}`).expect(200);

    const accepted = (await other.put(`/image/v2/images/${image.id}/members/${otherId}`, { status: 'accepted' }).expect(200)).body;
    expect(accepted.status).toBe('accepted');
    expect(await idsOf()).toContain(image.id);
    expect((await os.get(`/image/v2/images/${image.id}/members`).expect(200)).body.members).toEqual([expect.objectContaining({ member_id: otherId, status: 'accepted' })]);
    expect((await other.get(`/image/v2/images/${image.id}/members/${otherId}`).expect(200)).body.status).toBe('accepted');

    await other.put(`/image/v2/images/${image.id}/members/${otherId}`, { status: 'rejected' }).expect(200);
    expect(await idsOf()).not.toContain(image.id);
    await other.put(`/image/v2/images/${image.id}/members/${otherId}`, { status: 'accepted' }).expect(200);
    await os.delete(`/image/v2/images/${image.id}/members/${otherId}`).expect(204);
    expect(await idsOf()).not.toContain(image.id);
    await other.get(`/image/v2/images/${image.id}`).expect(404);
  });

  it('lets only the member answer and only the owner add or remove; refuses bad statuses, twins and private images', async () => {
    const { os, other, otherId, image } = await twoProjects();
    await os.post(`/image/v2/images/${image.id}/members`, { member: otherId }).expect(200);
    await os.post(`/image/v2/images/${image.id}/members`, { member: otherId }).expect(409);
    await os.put(`/image/v2/images/${image.id}/members/${otherId}`, { status: 'accepted' }).expect(403);
    await other.put(`/image/v2/images/${image.id}/members/${otherId}`, { status: 'notavalidstatus' }).expect(400);
    await other.delete(`/image/v2/images/${image.id}/members/${otherId}`).expect(403);
    await os.get(`/image/v2/images/${image.id}/members/nobody`).expect(404);
    await os.post(`/image/v2/images/${image.id}/members`, {}).expect(400);

    const privateImage = (await os.post('/image/v2/images', { name: 'mine', visibility: 'private' }).expect(201)).body;
    expect(privateImage.visibility).toBe('private');
    await os.post(`/image/v2/images/${privateImage.id}/members`, { member: otherId }).expect(403);
    await other.get(`/image/v2/images/${privateImage.id}/members`).expect(404);
    // Deleting the image drops its memberships.
    await os.delete(`/image/v2/images/${image.id}`).expect(204);
    await other.get(`/image/v2/images/${image.id}/members/${otherId}`).expect(404);
  });
});
