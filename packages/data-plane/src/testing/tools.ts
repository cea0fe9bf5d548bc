import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Real client tools for the data plane's tests: OpenSSH's ssh and node's HTTP client.

export interface ToolResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export const SSH_OPTIONS = ['-o', 'StrictHostKeyChecking=no', '-o', 'UserKnownHostsFile=/dev/null', '-o', 'LogLevel=ERROR'];

export function ssh(args: string[], options: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<ToolResult> {
  return new Promise((resolve) => {
    execFile('ssh', [...SSH_OPTIONS, ...args], { env: options.env ?? process.env, timeout: options.timeoutMs ?? 15_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const freshDir = () => mkdtempSync(join(tmpdir(), 'sandcloud-key-'));

/** Writes a private key as `ssh -i` wants it (mode 0400), as DIR/NAME (a fresh temporary directory by default). */
export function keyFile(privateKeyPem: string, name = 'my_keypair.pem', dir = freshDir()): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, privateKeyPem.endsWith('\n') ? privateKeyPem : `${privateKeyPem}\n`);
  chmodSync(path, 0o400);
  return path;
}

/** A key pair nobody authorized, made with ssh-keygen, as DIR/stranger. */
export function strangerKey(dir = freshDir()): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'stranger');
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'stranger@sandcloud-test', '-f', path]);
  return path;
}

export const hasTool = (name: string) => ['/usr/bin', '/bin', '/usr/local/bin'].some((dir) => existsSync(join(dir, name)));

export interface HttpResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One HTTP request on a fresh connection; rejects with the socket error (ECONNREFUSED, a timeout…). */
export function httpGet(url: string, options: { timeoutMs?: number; headers?: Record<string, string> } = {}): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false, headers: options.headers ?? {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.setTimeout(options.timeoutMs ?? 5_000, () => req.destroy(Object.assign(new Error('timed out: no answer'), { code: 'ETIMEDOUT' })));
    req.on('error', reject);
    req.end();
  });
}

/** A terminal for interactive programs (tmux on its own server socket), read with capture-pane. */
export class Tmux {
  private readonly socket = `sandcloud-test-${process.pid}-${Math.random().toString(36).slice(2)}`;
  private readonly session = 'test';

  start(columns: number, rows: number, command: string[]): void {
    this.tmux('new-session', '-d', '-s', this.session, '-x', String(columns), '-y', String(rows), command.map(quote).join(' '));
  }

  send(...keys: string[]): void {
    for (const key of keys) this.tmux('send-keys', '-t', this.session, ...(/^(Enter|C-[a-z])$/.test(key) ? [key] : ['-l', key]));
  }

  resize(columns: number, rows: number): void {
    this.tmux('resize-window', '-t', this.session, '-x', String(columns), '-y', String(rows));
  }

  screen(): string {
    return this.tmux('capture-pane', '-p', '-J', '-S', '-200', '-t', this.session);
  }

  async waitFor(pattern: RegExp, timeoutMs = 8_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (pattern.test(this.screen())) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`Timed out waiting for ${pattern}; the terminal shows:\n${this.screen()}`);
  }

  async waitForExit(timeoutMs = 8_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      try {
        this.tmux('has-session', '-t', this.session);
      } catch {
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('The program in the terminal did not exit');
  }

  kill(): void {
    try {
      this.tmux('kill-server');
    } catch {
      // Already gone with its last session.
    }
  }

  private tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, '-f', '/dev/null', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  }
}

const quote = (word: string) => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`);

/**
 * Moves a manual clock forward by `stepMs` at a time until `condition` holds, polling in real time
 * up to `timeoutMs`: for health checks, whose probes answer asynchronously after each round.
 */
export async function advanceUntil(engine: { advance(ms: number): void }, stepMs: number, condition: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    engine.advance(stepMs);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Polls `condition` in real time until it holds, up to `timeoutMs`. */
export async function until(condition: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
