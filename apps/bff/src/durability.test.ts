import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { signIn, startServer } from './test-support/real-server.ts';

const PASSWORD = 'durable-password';

describe('durability', () => {
  it('keeps every acknowledged change after kill -9 mid-write, and resumes BUILD → ACTIVE', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sandcloud-durability-'));
    const first = await startServer(dataDir, PASSWORD);
    const call = await signIn(first.url, PASSWORD);

    const project = await call('POST', '/projects', { name: 'durable' });
    const projectId = project.body.id as string;
    await call('POST', `/projects/${projectId}/compute/activate`);
    const base = `/projects/${projectId}`;
    await call('POST', `${base}/key-pairs/import`, {
      name: 'k',
      publicKey: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJ9aWnM0SMGRdlzrQCeSk0fSKl9xOqaz0Yi7wmiH5oHx t@e',
    });
    const networkId = (await call('GET', `${base}/networks`)).body.items![0]!.id;
    const groupId = (await call('GET', `${base}/security-groups`)).body.items![0]!.id;
    const building = await call('POST', `${base}/instances`, {
      name: 'survivor', imageId: '6f1c0a00-0000-4000-8000-000000000012', flavorId: 't2.c1m1', zone: 'kr-pub-a',
      rootDiskGb: 20, count: 1, keyName: 'k', securityGroupIds: [groupId], networkId,
    });
    expect(building.status).toBe(201);
    const instanceId = building.body.items![0]!.id as string;

    // Many writers at once; kill the process while they are still in flight.
    const acknowledged: string[] = [];
    let stop = false;
    const writer = async (w: number) => {
      for (let n = 0; !stop; n++) {
        const name = `w${w}-${n}`;
        try {
          const response = await call('POST', '/projects', { name, description: 'durability' });
          if (response.status === 201) acknowledged.push(name);
        } catch {
          return; // the connection died with the process
        }
      }
    };
    const writers = [1, 2, 3, 4].map(writer);
    while (acknowledged.length < 6) await new Promise((r) => setTimeout(r, 5));
    first.child.kill('SIGKILL');
    stop = true;
    await Promise.all(writers);
    await expect(call('GET', `${base}/instances/${instanceId}`)).rejects.toThrow(); // the process is gone

    const second = await startServer(dataDir, PASSWORD);
    const again = await signIn(second.url, PASSWORD);
    const projects = (await again('GET', '/projects?limit=500')).body.items!.map((p) => p.name);
    for (const name of acknowledged) expect(projects).toContain(name);

    // The pending build step was in the database: it completes after the restart.
    let status = '';
    for (let tries = 0; tries < 100 && status !== 'ACTIVE'; tries++) {
      status = (await again('GET', `${base}/instances/${instanceId}`)).body.status as string;
      if (status !== 'ACTIVE') await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe('ACTIVE');
  }, 60_000);
});
