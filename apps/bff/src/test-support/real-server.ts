import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { afterEach } from 'vitest';

// The real server entry point (`apps/bff/src/server.ts`) in a child process on a data directory, for
// the tests that stop, kill and start it again on the same data (durability, a restart keeping the
// world). Every server a test started is killed after it.

const ROOT = resolve(import.meta.dirname, '../../../..');

export interface RealServer {
  child: ChildProcess;
  url: string;
}

const running: ChildProcess[] = [];
afterEach(() => {
  for (const child of running.splice(0)) child.kill('SIGKILL');
});

/** Starts the server on `dataDir` with `password` for `admin` (and `env` besides) and waits for its URL. */
export function startServer(dataDir: string, password: string, options: { env?: Record<string, string>; timeoutMs?: number } = {}): Promise<RealServer> {
  // node itself (not the tsx wrapper) is the server process, so SIGKILL hits the process that writes.
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/bff/src/server.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', SANDCLOUD_DATA_DIR: dataDir, SANDCLOUD_ADMIN_PASSWORD: password, SANDCLOUD_LOG_REQUESTS: '0', NODE_ENV: 'test', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  return new Promise((resolvePromise, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), options.timeoutMs ?? 20_000);
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

/** Stops a server as an operator does (SIGTERM) and waits until it is gone. */
export const stopServer = (child: ChildProcess) =>
  new Promise<void>((resolvePromise) => {
    child.once('exit', () => resolvePromise());
    child.kill('SIGTERM');
  });

/** Signs `admin` in and answers a caller of the console API with the session's cookie and CSRF token. */
export async function signIn(url: string, password: string) {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password }),
  });
  const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return async <T = Record<string, unknown> & { items?: Record<string, unknown>[] }>(method: string, path: string, body?: unknown) => {
    const res = await fetch(`${url}/api${path}`, {
      method,
      headers: { Cookie: cookie, 'X-CSRF-Token': csrfToken, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json().catch(() => null)) as T };
  };
}
