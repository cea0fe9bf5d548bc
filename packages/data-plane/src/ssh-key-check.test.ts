import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it, vi } from 'vitest';
import { createGuideWorld, type GuideWorld } from './testing/guide-world.ts';
import { keyFile, ssh, strangerKey } from './testing/tools.ts';

// The SSH server checks a client's key against the guest's /root/.ssh/authorized_keys by reading
// the guest's filesystem, never by running a command in the guest. Pool 198.18.22.x → 127.18.22.x.

const POOL = { start: '198.18.22.10', end: '198.18.22.250' };

let world: GuideWorld | null = null;
const dirs: string[] = [];
afterEach(async () => {
  await world?.close();
  world = null;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

it('reads authorized_keys from the guest filesystem: no shell command runs for a login, accepted or refused', async () => {
  world = createGuideWorld({ floatingPool: POOL });
  const [web] = world.createInstances('web', 1);
  const floatingIp = world.attachFloatingIp(web!.portId!);
  world.allowTcp(22);
  const plane = await world.startDataPlane();
  await plane.settled();
  const address = plane.endpointOf(floatingIp).address;
  const dir = mkdtempSync(join(tmpdir(), 'sandcloud-key-check-'));
  dirs.push(dir);
  const runCommand = vi.spyOn(world.engine.modules.guests, 'runCommand');

  const refused = await ssh(['-i', strangerKey(dir), '-o', 'BatchMode=yes', `root@${address}`, 'true']);
  expect([refused.code, refused.stderr]).toEqual([255, expect.stringContaining('Permission denied (publickey)')]);
  expect(runCommand).not.toHaveBeenCalled();

  // The guest's own change to the file counts at once (cloud-init wrote the key pair's line).
  const key = keyFile(world.privateKeyPem, 'my_keypair.pem', dir);
  const accepted = await ssh(['-i', key, '-o', 'BatchMode=yes', `root@${address}`, 'echo hello']);
  expect([accepted.code, accepted.stdout]).toEqual([0, 'hello\n']);
  // The one command that ran is the client's own.
  expect(runCommand.mock.calls.map((call) => call[2])).toEqual(['echo hello']);

  const files = world.engine.modules.guests.filesOf(world.projectId, web!.id);
  files.writeFile('/root/.ssh/authorized_keys', '# emptied by the user\n');
  const afterEmptied = await ssh(['-i', key, '-o', 'BatchMode=yes', `root@${address}`, 'true']);
  expect(afterEmptied.code).toBe(255);
});
