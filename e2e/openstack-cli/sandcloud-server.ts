import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

export interface StartedSandcloud {
  url: string;
  dataDir: string;
  admin: { username: string; password: string };
  stop: () => Promise<void>;
}

/**
 * Starts a real Sandcloud as `playwright.config.ts`'s webServer does, on this suite's own port, data
 * directory and floating pool (203.<port % 250>.113.0/24, reached at 127.<port % 250>.113.x), with
 * simulated operations 10x faster. Resolves once the API answers.
 */
export async function startSandcloud(port: number): Promise<StartedSandcloud> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sandcloud-openstack-cli-'));
  const octet = port % 250;
  const admin = { username: 'admin', password: 'cli-admin-password' };
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'apps/bff/src/server.ts'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PORT: String(port),
      HOST: '127.0.0.1',
      SANDCLOUD_DATA_DIR: dataDir,
      SANDCLOUD_ADMIN_USER: admin.username,
      SANDCLOUD_ADMIN_PASSWORD: admin.password,
      SANDCLOUD_SPEED: '10',
      SANDCLOUD_FLOATING_POOL: `203.${octet}.113.10-203.${octet}.113.250`,
      SANDCLOUD_LOG_REQUESTS: '0',
    },
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  // If the test process goes away first, the server goes with it rather than holding the port.
  const killChild = () => child.kill('SIGTERM');
  process.once('exit', killChild);
  const url = `http://127.0.0.1:${port}`;
  // Ready when *this* child says it listens (a stale server on the same port must not pass for it).
  const deadline = Date.now() + 60_000;
  while (!output.includes(`Sandcloud is running at ${url}`)) {
    if (child.exitCode !== null) throw new Error(`Sandcloud exited with ${child.exitCode} before listening on ${url}:\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`Sandcloud did not listen on ${url} within 60 s:\n${output}`);
    }
    await new Promise((wake) => setTimeout(wake, 100));
  }
  return {
    url,
    dataDir,
    admin,
    stop: async () => {
      process.off('exit', killChild);
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
