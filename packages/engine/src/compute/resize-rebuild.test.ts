import { describe, expect, it } from 'vitest';
import { activeInstance, createTestWorld, instanceInput, launchInstance, TEST_IMAGES, TEST_PUBLIC_KEY } from '../testing/test-world.ts';

describe('resize (RESIZE → VERIFY_RESIZE → confirm or revert)', () => {
  it('runs the guest on the new flavor in VERIFY_RESIZE; confirm keeps it, nproc and free -m follow', async () => {
    const { engine, projectId, id, instances, get, shell } = activeInstance();
    expect((await shell('nproc')).stdout).toBe('1\n');

    const resizing = instances.resize(projectId, id, 'm2.c4m8');
    expect(resizing).toMatchObject({ status: 'RESIZE', flavorId: 'm2.c4m8', vcpus: 4, ramMb: 8192, resizeFrom: { flavorId: 'm2.c1m2', vcpus: 1, ramMb: 2048 } });
    expect(instances.allowedActions(resizing)).toEqual(['update']);
    await expect(shell('true')).rejects.toThrow('Instance web is RESIZE; start it first');
    engine.advance(4_000);
    expect(get()).toMatchObject({ status: 'VERIFY_RESIZE', powerState: 'RUNNING', taskState: null });
    expect(instances.allowedActions(get())).toEqual(['confirm_resize', 'revert_resize', 'delete', 'update']);
    expect((await shell('nproc')).stdout).toBe('4\n');
    expect((await shell('grep -c ^processor /proc/cpuinfo')).stdout).toBe('4\n');
    expect((await shell('free -m')).stdout.split('\n')[1]).toMatch(/^Mem:\s+7\d{3}\s/);

    expect(instances.confirmResize(projectId, id)).toMatchObject({ status: 'VERIFY_RESIZE', taskState: 'resize_confirming' });
    await shell('echo still-running > /root/up.txt');
    engine.advance(1_000);
    expect(get()).toMatchObject({ status: 'ACTIVE', taskState: null, flavorId: 'm2.c4m8', resizeFrom: null });
    // The guest was not rebooted by the confirm: the file written meanwhile is still there unflushed.
    expect((await shell('cat /root/up.txt')).stdout).toBe('still-running\n');
    expect((await shell('nproc')).stdout).toBe('4\n');
    expect(instances.history(projectId, id).map((h) => h.message).slice(-4)).toEqual([
      'Resize m2.c1m2 → m2.c4m8 requested',
      'Resized to m2.c4m8; confirm or revert',
      'confirm resize requested',
      'Resize to m2.c4m8 confirmed',
    ]);
  });

  it('revert goes back to the old flavor through REVERT_RESIZE', async () => {
    const { engine, projectId, id, instances, get, shell } = activeInstance();
    instances.resize(projectId, id, 'c2.c2m2');
    engine.advance(4_000);
    expect((await shell('nproc')).stdout).toBe('2\n');
    expect(instances.revertResize(projectId, id).status).toBe('REVERT_RESIZE');
    engine.advance(3_000);
    expect(get()).toMatchObject({ status: 'ACTIVE', flavorId: 'm2.c1m2', vcpus: 1, ramMb: 2048, resizeFrom: null });
    expect((await shell('nproc')).stdout).toBe('1\n');
  });

  it('from SHUTOFF it stays off: VERIFY_RESIZE with the power off, confirm → SHUTOFF', () => {
    const { engine, projectId, id, instances, get } = activeInstance();
    instances.stop(projectId, id);
    engine.advance(3_000);
    instances.resize(projectId, id, 'm2.c2m4');
    engine.advance(4_000);
    expect(get()).toMatchObject({ status: 'VERIFY_RESIZE', powerState: 'SHUTDOWN' });
    instances.confirmResize(projectId, id);
    engine.advance(1_000);
    expect(get()).toMatchObject({ status: 'SHUTOFF', powerState: 'SHUTDOWN', flavorId: 'm2.c2m4' });
  });

  it('refuses the same flavor, an unknown one and a wrong state, and changes nothing', () => {
    const { engine, projectId, id, instances, get } = activeInstance();
    const before = get();
    expect(() => instances.resize(projectId, id, 'm2.c1m2')).toThrow('Instance web already has flavor m2.c1m2; choose another flavor');
    expect(() => instances.resize(projectId, id, 'x9.c99')).toThrow('No flavor x9.c99');
    expect(() => instances.confirmResize(projectId, id)).toThrow('Cannot confirm resize instance web while it is ACTIVE');
    expect(get()).toEqual(before);
    instances.reboot(projectId, id);
    expect(() => instances.resize(projectId, id, 'm2.c2m4')).toThrow('Cannot resize instance web while it is REBOOT');
    engine.advance(4_000);
  });

  it('checks the vCPU and RAM quota against the difference only', () => {
    const world = createTestWorld({ quotas: { vcpus: 4 } });
    const { m, projectId } = world;
    const web = launchInstance(world, { flavorId: 'm2.c2m4', securityGroupIds: [] });
    expect(() => m.instances.resize(projectId, web.id, 'm2.c8m16')).toThrow('Quota exceeded for vCPUs (limit 4): this needs 6, but only 2 of 4 are left');
    expect(m.instances.get(projectId, web.id)).toMatchObject({ status: 'ACTIVE', flavorId: 'm2.c2m4' });
    expect(m.instances.resize(projectId, web.id, 'm2.c4m8').status).toBe('RESIZE');
  });
});

describe('rebuild (REBUILD → ACTIVE on a fresh disk of another image)', () => {
  it('keeps the id, name, fixed IP and floating IP, resets the files, installs the key again', async () => {
    const { world, engine, projectId, id, instances, get, shell } = activeInstance();
    const fip = world.m.floatingIps.allocate(projectId);
    world.m.floatingIps.associate(projectId, fip.id, get().portId!);
    const ipBefore = engine.queries.instanceView(get()).privateIp;
    await shell('echo old > /root/old.txt; sync');
    expect((await shell('cat /etc/os-release')).stdout).toContain('Ubuntu');

    const rebuilding = instances.rebuild(projectId, id, { imageId: TEST_IMAGES.CENTOS_7 });
    expect(rebuilding).toMatchObject({ status: 'REBUILD', imageId: TEST_IMAGES.CENTOS_7, imageName: expect.stringContaining('CentOS') });
    engine.advance(4_000);
    expect(get()).toMatchObject({ status: 'ACTIVE', name: 'web', id });
    const view = engine.queries.instanceView(get());
    expect(view.privateIp).toBe(ipBefore);
    expect(view.floatingIp?.address).toBe(fip.address);
    expect((await shell('cat /root/old.txt')).exitCode).toBe(1);
    expect((await shell('cat /etc/os-release')).stdout).toContain('CentOS Linux');
    expect((await shell('cat /root/.ssh/authorized_keys')).stdout).toBe(`${TEST_PUBLIC_KEY}\n`);
  });

  it('refuses an unknown image and a wrong state, changing nothing', () => {
    const { engine, projectId, id, instances, get } = activeInstance();
    const before = get();
    expect(() => instances.rebuild(projectId, id, { imageId: 'nope' })).toThrow('No image with id nope');
    expect(get()).toEqual(before);
    instances.reboot(projectId, id);
    expect(() => instances.rebuild(projectId, id, { imageId: TEST_IMAGES.CENTOS_7 })).toThrow('Cannot rebuild instance web while it is REBOOT');
    engine.advance(4_000);
  });
});

describe('console log', () => {
  it('shows the boot messages and the user script output live, and keeps them after a stop', async () => {
    const world = createTestWorld();
    const { engine, projectId } = world;
    const { id } = launchInstance(world, { userData: '#!/bin/bash\necho web-server-ready\n' });
    const log = () => world.m.guests.consoleLog(projectId, id);
    await expect.poll(log).toContain('web-server-ready');
    expect(log()).toContain('smpboot: Allowing 1 CPUs');
    expect(world.m.guests.consoleLog(projectId, id, 2)).toMatch(/^Cloud-init v\. 22\.1 finished at .+\n$/);
    world.m.instances.stop(projectId, id);
    engine.advance(3_000);
    expect(log()).toContain('web-server-ready');
  });
});

describe('user data web servers', () => {
  it('launch ×2 with a script that starts a web server: both guests listen on 80 and answer, no ssh', async () => {
    const world = createTestWorld();
    const { projectId } = world;
    const script = '#!/bin/bash\nmkdir -p /srv && cd /srv && hostname > index.html\nnohup python3 -m http.server 80 > /var/log/web.log 2>&1 &\n';
    const created = world.m.instances.create(projectId, { ...instanceInput(world, { userData: script }), count: 2 });
    world.engine.advance(5_000);
    for (const instance of created) {
      await expect.poll(() => world.m.guests.listeningPorts(instance.id)).toEqual([80]);
      const response = await world.m.guests.deliverHttp(instance.id, 80, { method: 'GET', path: '/', clientIp: '192.168.0.99' });
      expect(response?.status).toBe(200);
      expect(response?.body).toMatch(/^host-192-168-0-\d+\n$/);
    }
  });
});
