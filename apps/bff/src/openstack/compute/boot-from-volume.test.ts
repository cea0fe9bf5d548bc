import { describe, expect, it } from 'vitest';
import { openstackTestApi } from '../test-support.ts';

const UBUNTU = '6f1c0a00-0000-4000-8000-000000002204';

/** A project with a key pair and an Ubuntu volume of 20 GB made from the image (available, bootable). */
async function bootableVolume() {
  const api = await openstackTestApi();
  const v3 = `/volume/v3/${api.projectId}`;
  await api.os.post('/compute/v2.1/os-keypairs', { keypair: { name: 'k' } }).expect(200);
  const volumeId = (await api.os.post(`${v3}/volumes`, { volume: { size: 20, name: 'root', imageRef: UBUNTU } }).expect(202)).body.volume.id as string;
  api.engine.advance(3_000);
  const boot = (name: string, deleteOnTermination: boolean, extra: object = {}) =>
    api.os.post('/compute/v2.1/servers', {
      server: {
        name,
        imageRef: '',
        flavorRef: 'm2.c1m2',
        key_name: 'k',
        block_device_mapping_v2: [{ uuid: volumeId, source_type: 'volume', destination_type: 'volume', boot_index: 0, delete_on_termination: deleteOnTermination }],
        ...extra,
      },
    });
  return { ...api, v3, volumeId, boot };
}

describe('Nova boot from volume (block_device_mapping_v2)', () => {
  it("boots from the volume's root disk, writes land on the volume, and the next server booted from it finds them", async () => {
    const { os, v3, engine, projectId, volumeId, boot } = await bootableVolume();
    const first = (await boot('first', false).expect(202)).body.server.id as string;
    const volume = (await os.get(`${v3}/volumes/${volumeId}`)).body.volume;
    expect(volume).toMatchObject({ status: 'in-use', attachments: [{ server_id: first, device: '/dev/vda' }] });
    engine.advance(10_000);
    const server = (await os.get(`/compute/v2.1/servers/${first}`)).body.server;
    expect(server).toMatchObject({ status: 'ACTIVE', image: '', 'os-extended-volumes:volumes_attached': [{ id: volumeId }] });
    expect(engine.modules.instances.get(projectId, first).rootDiskGb).toBe(20);
    const written = await engine.modules.guests.runCommand(projectId, first, 'echo kept-on-the-volume > /root/note && sync');
    expect(written.exitCode).toBe(0);
    // The root volume does not come off its server.
    expect((await os.delete(`/compute/v2.1/servers/${first}/os-volume_attachments/${volumeId}`)).status).toBeGreaterThanOrEqual(400);

    await os.delete(`/compute/v2.1/servers/${first}`).expect(204);
    engine.advance(10_000);
    expect((await os.get(`${v3}/volumes/${volumeId}`)).body.volume).toMatchObject({ status: 'available', attachments: [] });

    const second = (await boot('second', true).expect(202)).body.server.id as string;
    engine.advance(10_000);
    const read = await engine.modules.guests.runCommand(projectId, second, 'cat /root/note');
    expect(read.stdout).toBe('kept-on-the-volume\n');
    // delete_on_termination: the volume goes with the server.
    await os.delete(`/compute/v2.1/servers/${second}`).expect(204);
    engine.advance(10_000);
    expect((await os.get(`${v3}/volumes/${volumeId}`)).status).toBe(404);
  });

  it('refuses a volume that is in use, not bootable or unknown, two servers, and a bad mapping (400/409), creating nothing', async () => {
    const { os, v3, engine, projectId, volumeId, boot } = await bootableVolume();
    await os.post(`${v3}/volumes/${volumeId}/action`, { 'os-set_bootable': { bootable: false } }).expect(200);
    expect((await boot('a', false)).status).toBe(400);
    await os.post(`${v3}/volumes/${volumeId}/action`, { 'os-set_bootable': { bootable: true } }).expect(200);
    expect((await boot('b', false, { min_count: 2 })).status).toBe(400);
    const unknown = await os.post('/compute/v2.1/servers', {
      server: { name: 'c', flavorRef: 'm2.c1m2', block_device_mapping_v2: [{ uuid: '00000000-0000-4000-8000-000000000000', source_type: 'volume', destination_type: 'volume', boot_index: 0 }] },
    });
    expect(unknown.status).toBe(400);
    const noBoot = await os.post('/compute/v2.1/servers', { server: { name: 'd', flavorRef: 'm2.c1m2', block_device_mapping_v2: [{ uuid: volumeId, source_type: 'volume', boot_index: 1 }] } });
    expect(noBoot.status).toBe(400);
    expect((await os.post('/compute/v2.1/servers', { server: { name: 'e', flavorRef: 'm2.c1m2' } })).status).toBe(400);
    expect(engine.modules.instances.list(projectId)).toEqual([]);
    await boot('f', false).expect(202);
    const taken = await boot('g', false);
    expect(taken.status).toBe(409);
    expect(engine.modules.instances.list(projectId).map((i) => i.name)).toEqual(['f']);
  });
});
