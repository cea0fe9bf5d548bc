import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../core/clock.ts';
import { createEngine, type Engine } from '../engine.ts';
import { createTestWorld, launchInstance, TEST_IMAGES } from '../testing/test-world.ts';

// A restart of Sandcloud keeps the guests' processes: the guide's web server, left running in a
// terminal in /root/site, answers again after the engine is closed and opened on the same data directory.

const waitListening = async (engine: Engine, instanceId: string, ports: number[]) =>
  vi.waitFor(
    () => {
      engine.advance(50);
      expect(engine.modules.guests.listeningPorts(instanceId)).toEqual(ports);
    },
    { timeout: 5_000, interval: 5 },
  );
const get = (engine: Engine, instanceId: string) => engine.modules.traffic.deliverHttp(instanceId, 80, { method: 'GET', path: '/', clientIp: '198.51.100.7', headers: { host: 'x' } });

describe('guest processes across a restart', () => {
  it('a web server started in a terminal runs again after a restart, in its working directory, logging to nohup.out', async () => {
    const databasePath = join(mkdtempSync(join(tmpdir(), 'guest-processes-')), 'sandcloud.db');
    const world = createTestWorld({ databasePath });
    const { engine, projectId } = world;
    const instance = launchInstance(world, { imageId: TEST_IMAGES.CENTOS_7, securityGroupIds: [] });
    await engine.guestProcesses.start();
    await engine.modules.guests.runCommand(projectId, instance.id, 'mkdir /root/site && cd /root/site && echo hello > index.html');
    const terminal = engine.modules.guests.openSession(projectId, instance.id);
    terminal.write('cd /root/site\r');
    terminal.write('python -m SimpleHTTPServer 80\r');
    await waitListening(engine, instance.id, [80]);
    expect(engine.store.list('guest-processes').map((row) => (row as unknown as { processes: unknown }).processes)).toEqual([[{ command: 'python -m SimpleHTTPServer 80', cwd: '/root/site' }]]);
    for (let i = 0; i < 4; i++) engine.advance(15_000); // the guest's write-back: index.html reaches the disk
    engine.close();

    const again = createEngine({ databasePath, clock: new ManualClock(Date.UTC(2026, 0, 2)) });
    expect(again.modules.guests.listeningPorts(instance.id)).toEqual([]);
    expect(await again.guestProcesses.start()).toBe(1);
    await waitListening(again, instance.id, [80]);
    expect(await get(again, instance.id)).toMatchObject({ status: 200, body: 'hello\n' });
    await vi.waitFor(async () => {
      again.advance(50);
      expect((await again.modules.guests.runCommand(projectId, instance.id, 'cat /root/site/nohup.out')).stdout).toContain('"GET / HTTP/1.1" 200 -');
    });

    // A stop is not a restart: the guest halts, its record goes, and a start brings nothing back.
    again.modules.instances.stop(projectId, instance.id);
    again.advance(5_000);
    expect(again.store.list('guest-processes')).toEqual([]);
    again.modules.instances.start(projectId, instance.id);
    again.advance(5_000);
    expect(again.modules.guests.listeningPorts(instance.id)).toEqual([]);
    again.guestProcesses.stop();
    again.close();
  });
});
