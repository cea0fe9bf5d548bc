import { describe, expect, it } from 'vitest';
import { openstackTestApi } from '../test-support.ts';

describe('Cinder snapshot update', () => {
  it('renames and describes a snapshot (either spelling), refusing an empty name with 400', async () => {
    const { os, projectId, engine } = await openstackTestApi();
    const volume = (await os.post(`/volume/v3/${projectId}/volumes`, { volume: { size: 10, name: 'data' } }).expect(202)).body.volume;
    engine.advance(3_000);
    const snapshot = (await os.post(`/volume/v3/${projectId}/snapshots`, { snapshot: { volume_id: volume.id, name: 'before' } }).expect(202)).body.snapshot;
    const updated = await os.put(`/volume/v3/${projectId}/snapshots/${snapshot.id}`, { snapshot: { name: 'after', description: 'the new one' } }).expect(200);
    expect(updated.body.snapshot).toMatchObject({ id: snapshot.id, name: 'after', description: 'the new one' });
    // Tempest's update_snapshot schema allows no extended attributes in the answer.
    expect(Object.keys(updated.body.snapshot).filter((key) => key.startsWith('os-extended-snapshot-attributes'))).toEqual([]);
    await os.put(`/volume/v3/${projectId}/snapshots/${snapshot.id}`, { snapshot: { display_name: 'again' } }).expect(200);
    expect((await os.get(`/volume/v3/${projectId}/snapshots/${snapshot.id}`)).body.snapshot).toMatchObject({ name: 'again', description: 'the new one' });
    await os.put(`/volume/v3/${projectId}/snapshots/${snapshot.id}`, { snapshot: { name: '  ' } }).expect(400);
    await os.put(`/volume/v3/${projectId}/snapshots/nope`, { snapshot: { name: 'x' } }).expect(404);
  });
});

describe('Cinder os-set_bootable', () => {
  it('marks a volume bootable and back, shown as "true"/"false" and filtered by bootable', async () => {
    const { os, projectId, engine } = await openstackTestApi();
    const v3 = `/volume/v3/${projectId}`;
    const volume = (await os.post(`${v3}/volumes`, { volume: { size: 10, name: 'data' } }).expect(202)).body.volume;
    engine.advance(3_000);
    expect((await os.get(`${v3}/volumes/${volume.id}`)).body.volume.bootable).toBe('false');
    await os.post(`${v3}/volumes/${volume.id}/action`, { 'os-set_bootable': { bootable: true } }).expect(200);
    expect((await os.get(`${v3}/volumes/${volume.id}`)).body.volume.bootable).toBe('true');
    expect((await os.get(`${v3}/volumes?bootable=true`)).body.volumes.map((v: { id: string }) => v.id)).toEqual([volume.id]);
    await os.post(`${v3}/volumes/${volume.id}/action`, { 'os-set_bootable': { bootable: 'False' } }).expect(200);
    expect((await os.get(`${v3}/volumes/${volume.id}`)).body.volume.bootable).toBe('false');
    expect((await os.get(`${v3}/volumes?bootable=true`)).body.volumes).toEqual([]);
    await os.post(`${v3}/volumes/${volume.id}/action`, { 'os-set_bootable': { bootable: 'maybe' } }).expect(400);
  });
});
