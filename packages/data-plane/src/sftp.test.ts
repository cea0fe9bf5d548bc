import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createGuideWorld, type GuideWorld } from './testing/guide-world.ts';
import { keyFile, ssh, SSH_OPTIONS, type ToolResult } from './testing/tools.ts';

// Files into and out of a guest with OpenSSH's scp (SFTP protocol by default since OpenSSH 9, the
// legacy protocol with -O) and sftp, through the floating IP's SSH endpoint. This file's pool is
// 198.18.6.x → 127.18.6.x, so it never shares a loopback address with another test file.

const POOL = { start: '198.18.6.10', end: '198.18.6.250' };

let world: GuideWorld | null = null;
let local: string | null = null;
afterEach(async () => {
  await world?.close();
  world = null;
  if (local) rmSync(local, { recursive: true, force: true });
  local = null;
});

async function reachableInstance() {
  world = createGuideWorld({ floatingPool: POOL });
  const [web] = world.createInstances('web', 1);
  const floatingIp = world.attachFloatingIp(web!.portId!);
  world.allowTcp(22);
  const plane = await world.startDataPlane();
  await plane.settled();
  const address = plane.endpointOf(floatingIp).address;
  const key = keyFile(world.privateKeyPem);
  const login = ['-i', key, '-o', 'BatchMode=yes'];
  local = mkdtempSync(join(tmpdir(), 'sandcloud-sftp-'));
  return {
    world,
    web: web!,
    address,
    local,
    sh: (command: string) => ssh([...login, `root@${address}`, command]),
    scp: (...args: string[]) => run('scp', [...SSH_OPTIONS, ...login, ...args]),
    /** `sftp -b`: the batch stops at the first failing command (unless it starts with `-`). */
    sftp: (...commands: string[]) => run('sftp', [...SSH_OPTIONS, ...login, '-b', '-', `root@${address}`], `${commands.join('\n')}\n`),
  };
}

function run(tool: string, args: string[], input?: string): Promise<ToolResult> {
  return new Promise((resolve) => {
    const child = execFile(tool, args, { timeout: 15_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      resolve({ code, stdout, stderr });
    });
    child.stdin?.end(input ?? '');
  });
}

describe('scp and sftp to a floating IP', () => {
  it('uploads with scp into /root, where the guest shell reads it, and downloads it back', async () => {
    const { web, address, local, sh, scp, world } = await reachableInstance();
    const page = join(local, 'index.html');
    writeFileSync(page, '<h1>hello world!</h1>\n안녕하세요\n');

    expect(await scp(page, `root@${address}:`)).toMatchObject({ code: 0, stderr: '' });
    expect(await sh('cat index.html; ls -l index.html')).toMatchObject({ code: 0, stdout: expect.stringMatching(/^<h1>hello world!<\/h1>\n안녕하세요\n-rw-r--r--\. 1 root root 38 /) });
    expect((await world.terminal(web).run('cat /root/index.html')).includes('안녕하세요')).toBe(true);

    await sh(`echo 'made in the guest' > notes.txt`);
    expect(await scp(`root@${address}:notes.txt`, `root@${address}:/root/index.html`, local)).toMatchObject({ code: 0 });
    expect(readFileSync(join(local, 'notes.txt'), 'utf8')).toBe('made in the guest\n');
    expect(readFileSync(join(local, 'index.html'), 'utf8')).toBe('<h1>hello world!</h1>\n안녕하세요\n');

    mkdirSync(join(local, 'site/css'), { recursive: true });
    writeFileSync(join(local, 'site/css/style.css'), 'body { color: red }\n');
    expect(await scp('-r', join(local, 'site'), `root@${address}:www`)).toMatchObject({ code: 0, stderr: '' });
    expect((await sh('cat www/css/style.css')).stdout).toBe('body { color: red }\n');
    expect(await scp('-r', `root@${address}:www`, join(local, 'back'))).toMatchObject({ code: 0, stderr: '' });
    expect(readFileSync(join(local, 'back/css/style.css'), 'utf8')).toBe('body { color: red }\n');
  });

  it('runs an sftp batch: mkdir, cd, put, ls, rename, get, rm, rmdir', async () => {
    const { address, local, sh, sftp } = await reachableInstance();
    writeFileSync(join(local, 'a.txt'), 'first file\n');

    const result = await sftp('pwd', 'mkdir site', 'cd site', `put ${join(local, 'a.txt')}`, 'ls -l', 'rename a.txt b.txt', 'chmod 600 b.txt', `get b.txt ${join(local, 'b.txt')}`, 'ls');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('Remote working directory: /root');
    expect(result.stdout).toMatch(/^-rw-r--r-- +1 root +root +11 \w{3} [ \d]\d ( \d{4}|\d\d:\d\d) a\.txt$/m);
    expect(result.stdout).toMatch(/sftp> ls\nb\.txt/);
    expect(readFileSync(join(local, 'b.txt'), 'utf8')).toBe('first file\n');
    expect((await sh('ls -l site')).stdout).toMatch(/^-rw-------\. 1 root root 11 .* b\.txt$/m);

    expect(await sftp('rmdir site')).toMatchObject({ code: 1 });
    expect(await sftp('rm site/b.txt', 'rmdir site', 'ls')).toMatchObject({ code: 0 });
    expect((await sh('ls site')).stderr).toContain('No such file or directory');
    expect(address).toBe('127.18.6.10');
  });

  it('says "No such file" for a missing path', async () => {
    const { address, local, scp, sftp } = await reachableInstance();
    const download = await scp(`root@${address}:missing.txt`, local);
    expect(download.code).toBe(1);
    expect(download.stderr).toMatch(/No such file/);

    const batch = await sftp('rm /root/nowhere.txt', 'ls');
    expect(batch.code).toBe(1);
    expect(batch.stderr).toMatch(/No such file/);
    expect(batch.stdout).not.toContain('sftp> ls');

    writeFileSync(join(local, 'x.txt'), 'x\n');
    const upload = await scp(join(local, 'x.txt'), `root@${address}:/root/nowhere/x.txt`);
    expect(upload.code).toBe(1);
    expect(upload.stderr).toMatch(/No such file/);
  });

  it('uploads onto a mounted volume through the write cache', async () => {
    const { world, web, address, local, sh, scp } = await reachableInstance();
    const { volumes, guests } = world.engine.modules;
    const volume = volumes.create(world.projectId, { name: 'data', sizeGb: 10 });
    world.engine.advance(3_000);
    volumes.attach(world.projectId, volume.id, web.id);
    world.engine.advance(3_000);
    expect((await sh('mkfs.ext4 -q /dev/vdb && mkdir -p /mnt/volume && mount /dev/vdb /mnt/volume')).code).toBe(0);

    writeFileSync(join(local, 'data.csv'), 'id,name\n1,sandcloud\n');
    expect(await scp(join(local, 'data.csv'), `root@${address}:/mnt/volume/`)).toMatchObject({ code: 0 });
    const device = () => guests.guestOf(world.engine.modules.instances.get(world.projectId, web.id))!.devices().find((d) => d.device === '/dev/vdb');
    expect(device()).toMatchObject({ mountPoint: '/mnt/volume', hasUnflushedWrites: true });

    expect((await sh('sync; umount /mnt/volume && ls -A /mnt/volume')).stdout).toBe('');
    expect((await sh('mount /dev/vdb /mnt/volume && cat /mnt/volume/data.csv')).stdout).toBe('id,name\n1,sandcloud\n');
  });

  it('speaks the legacy scp protocol (scp -O), files and directories', async () => {
    const { address, local, sh, scp } = await reachableInstance();
    mkdirSync(join(local, 'site/css'), { recursive: true });
    writeFileSync(join(local, 'site/index.html'), 'hello world!\n');
    writeFileSync(join(local, 'site/css/style.css'), 'body { color: red }\n');

    expect(await scp('-O', join(local, 'site/index.html'), `root@${address}:`)).toMatchObject({ code: 0, stderr: '' });
    expect((await sh('cat index.html')).stdout).toBe('hello world!\n');
    expect(await scp('-O', '-r', '-p', join(local, 'site'), `root@${address}:/root/copy`)).toMatchObject({ code: 0, stderr: '' });
    expect((await sh('cat copy/index.html copy/css/style.css')).stdout).toBe('hello world!\nbody { color: red }\n');

    const back = join(local, 'back');
    expect(await scp('-O', '-r', `root@${address}:copy`, back)).toMatchObject({ code: 0, stderr: '' });
    expect(readFileSync(join(back, 'css/style.css'), 'utf8')).toBe('body { color: red }\n');

    const missing = await scp('-O', `root@${address}:missing.txt`, local);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('scp: missing.txt: No such file or directory');
  });
});
