import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');

/** Runs the real entry point until it exits (it must, on its own) and returns its code and output. */
function runServer(dataDir: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/bff/src/server.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', SANDCLOUD_DATA_DIR: dataDir, SANDCLOUD_ADMIN_PASSWORD: 'startup-password', SANDCLOUD_LOG_REQUESTS: '0', NODE_ENV: 'test' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server kept running:\n${stdout}${stderr}`));
    }, 20_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stdout, stderr });
    });
  });
}

describe('server start-up on a database it cannot use', () => {
  it('exits with one line saying what is wrong and what to do, not a stack trace', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sandcloud-startup-'));
    writeFileSync(join(dataDir, 'sandcloud.db'), 'garbage '.repeat(1000));
    const { code, stdout, stderr } = await runServer(dataDir);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `Sandcloud cannot start: ${join(dataDir, 'sandcloud.db')} is not a Sandcloud database (file is not a database): move it aside (or restore a backup) and start again\n`,
    );
  }, 30_000);
});
