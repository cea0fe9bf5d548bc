import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const PASSWORD = 'durable-password';

interface Server {
  child: ChildProcess;
  url: string;
}

const running: ChildProcess[] = [];

/** Starts the real server entry point in a child process and waits for its URL. */
function startServer(dataDir: string): Promise<Server> {
  // node itself (not the tsx wrapper) is the server process, so SIGKILL hits the process that writes.
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/bff/src/server.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', SANDCLOUD_DATA_DIR: dataDir, SANDCLOUD_ADMIN_PASSWORD: PASSWORD, SANDCLOUD_LOG_REQUESTS: '0', NODE_ENV: 'test' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  return new Promise((resolvePromise, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/[^\s]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolvePromise({ child, url: match[1]! });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
  });
}

async function session(url: string) {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: PASSWORD }),
  });
  const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${url}/api${path}`, {
      method,
      headers: { Cookie: cookie, 'X-CSRF-Token': csrfToken, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json().catch(() => null)) as Record<string, unknown> & { items?: Record<string, unknown>[] } };
  };
  return call;
}

afterEach(() => {
  for (const child of running.splice(0)) child.kill('SIGKILL');
});

describe('durability', () => {
  it('keeps every acknowledged change after kill -9 mid-write, and resumes BUILD → ACTIVE', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sandcloud-durability-'));
    const first = await startServer(dataDir);
    const call = await session(first.url);

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

    const second = await startServer(dataDir);
    const again = await session(second.url);
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
