import { expect, test } from '@playwright/test';
import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createPublicKey } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { httpGet, keyFile, strangerKey } from '../../packages/data-plane/src/testing/tools.ts';
import type { Api } from './arrange.ts';

// The same real client tools the data plane's own tests use (HTTP on a fresh connection, key files).
export { httpGet, strangerKey };

// Real client tools against the floating IPs' loopback endpoints (127.b.c.d for a.b.c.d): OpenSSH's
// `ssh` and node's HTTP client, as a user on this machine would use them.

/**
 * ssh checks the host key against the e2e server's own (kept in its data directory), so a session
 * can only be with this server's SSH service — not with another Sandcloud that holds the same loopback
 * addresses on this machine. BatchMode never prompts; IdentitiesOnly offers only the `-i` key (not an
 * agent's or ~/.ssh's).
 */
function sshOptions(): string[] {
  return [
    ...['-o', 'StrictHostKeyChecking=yes', '-o', `UserKnownHostsFile=${knownHostsFile()}`, '-o', 'GlobalKnownHostsFile=/dev/null'],
    ...['-o', 'BatchMode=yes', '-o', 'IdentitiesOnly=yes', '-o', 'LogLevel=ERROR', '-o', `ConnectTimeout=${CONNECT_TIMEOUT_S}`],
  ];
}

/** A known_hosts file with the server's Ed25519 host key for every loopback address (and port). */
function knownHostsFile(): string {
  const path = test.info().outputPath('known_hosts');
  if (existsSync(path)) return path;
  const dataDir = process.env.SANDCLOUD_E2E_DATA_DIR;
  expect(dataDir, 'playwright.config.ts names the server\'s data directory').toBeTruthy();
  // The key file is PKCS#8 PEM; known_hosts wants the SSH wire form: string "ssh-ed25519", string key.
  const { x } = createPublicKey(readFileSync(join(dataDir!, 'ssh_host_ed25519_key'))).export({ format: 'jwk' });
  const field = (bytes: Buffer) => Buffer.concat([Buffer.from([0, 0, 0, bytes.length]), bytes]);
  const blob = Buffer.concat([field(Buffer.from('ssh-ed25519')), field(Buffer.from(x!, 'base64url'))]);
  writeFileSync(path, `127.*,[127.*]:* ssh-ed25519 ${blob.toString('base64')}\n`);
  return path;
}

/** How long ssh waits for a connection (and its banner) before giving up: a dropped one times out. */
export const CONNECT_TIMEOUT_S = 3;

export interface SshResult {
  code: number | null;
  stdout: string;
  stderr: string;
  elapsedMs: number;
}

/**
 * The arguments of an `ssh …` command as the console shows it (`ssh -i KEY.pem root@127.0.113.10`,
 * with `-p 10022` when ports are offset), to run it as typed from the directory holding KEY.pem.
 */
export function consoleSshArgs(command: string): string[] {
  const [program, ...args] = command.trim().split(/\s+/);
  expect(program, `"${command}" is an ssh command`).toBe('ssh');
  expect(args.at(-1), `"${command}" logs in as root`).toMatch(/^root@127\.\d+\.\d+\.\d+$/);
  return args;
}

/** `ssh [options] ARGS` (ARGS end with the destination and, optionally, a command), run to its end. */
export function ssh(args: string[], options: { cwd?: string; timeoutMs?: number } = {}): Promise<SshResult> {
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(
      'ssh',
      [...sshOptions(), ...args],
      { cwd: options.cwd, timeout: options.timeoutMs ?? 20_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ code, stdout, stderr, elapsedMs: Date.now() - started });
      },
    );
  });
}

/** Writes a private key as `ssh -i` wants it (mode 0400), as DIR/NAME.pem. */
export const savePem = (pem: string, dir: string, name: string): string => keyFile(pem, `${name}.pem`, dir);

/** A key pair made with `[Key Pair 생성]`'s API (the private key is the response, sent once), saved as DIR/NAME.pem. */
export async function createdKeyPair(api: Api, base: string, name: string, dir: string): Promise<string> {
  const { csrfToken } = await api.get<{ csrfToken: string }>('/auth/session');
  const response = await api.context.post(`/api${base}/key-pairs`, { data: { name }, headers: { 'X-CSRF-Token': csrfToken } });
  expect(response.status(), `POST key-pairs: ${await response.text()}`).toBe(201);
  return savePem(await response.text(), dir, name);
}

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Z0-9]|\r/g;

/** An access-log line of `python -m SimpleHTTPServer` for `GET /`, capturing the client address. */
const ACCESS_LOG = /^(\d+\.\d+\.\d+\.\d+) - - \[[^\]]+\] "GET \/ HTTP\/1\.1" 200 -$/gm;

/**
 * An interactive login over `ssh -tt` (a PTY in the guest, our pipes on this side): what is typed
 * goes to the guest's shell as bytes, so "\r" is Enter, "\x03" CTRL+C and "\x04" CTRL+D, and the
 * screen is read from what ssh prints.
 */
export class SshTerminal {
  private raw = '';
  private exitCode: number | null | undefined;
  private readonly child: ChildProcessWithoutNullStreams;

  constructor(
    readonly name: string,
    args: string[],
    options: { cwd?: string } = {},
  ) {
    this.child = spawn('ssh', [...sshOptions(), '-tt', ...args], { cwd: options.cwd, stdio: 'pipe' });
    const decoder = new StringDecoder('utf8');
    this.child.stdout.on('data', (bytes: Buffer) => (this.raw += decoder.write(bytes)));
    this.child.stderr.on('data', (bytes: Buffer) => (this.raw += bytes.toString('utf8')));
    this.child.on('exit', (code) => (this.exitCode = code));
  }

  /** Everything printed so far, without terminal escapes and carriage returns. */
  get output(): string {
    return this.raw.replace(ANSI, '');
  }

  /** The client address of each `GET /` the web server in this session logged, in order. */
  get accessLog(): string[] {
    return [...this.output.matchAll(ACCESS_LOG)].map((match) => match[1]!);
  }

  /** Whether ssh has ended, and how. */
  get exited(): number | null | undefined {
    return this.exitCode;
  }

  type(text: string): void {
    this.child.stdin.write(text);
  }

  /** Waits until the output shows `expected` (a substring, or a pattern matched against all of it). */
  async waitFor(expected: string | RegExp, timeout?: number): Promise<void> {
    const poll = expect.poll(() => this.output, { message: `${this.name} shows ${String(expected)}`, ...(timeout ? { timeout } : {}) });
    await (typeof expected === 'string' ? poll.toContain(expected) : poll.toMatch(expected));
  }

  /**
   * Types a command and Enter (then `input`, e.g. the lines `cat` reads and CTRL+D), waits until the
   * shell's prompt is back and returns what was printed since.
   */
  async run(command: string, input = ''): Promise<string> {
    const from = this.output.length;
    this.type(`${command}\r${input}`);
    await expect.poll(() => this.output.slice(from), { message: `${this.name} finishes "${command}"` }).toMatch(PROMPT_AFTER);
    return this.output.slice(from);
  }

  /** Waits for the login's first prompt. */
  async ready(prompt: string): Promise<void> {
    await expect.poll(() => this.output.trimEnd(), { message: `${this.name} shows ${prompt}` }).toMatch(new RegExp(`${prompt.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  }

  /** Hangs up (the guest's shell ends with the connection). */
  close(): void {
    if (this.exitCode === undefined) this.child.kill();
  }
}

/** A bare shell prompt ending the output, after a line break: `[root@host-192-168-0-4 ~]# `. */
const PROMPT_AFTER = /\n\[root@[^\s\]]+ [^\]]+\]# ?$/;

/** The error code a GET fails with, or `answered` when it does not fail. */
export async function httpFailure(url: string, timeoutMs = 2_000): Promise<string> {
  try {
    await httpGet(url, { timeoutMs });
    return 'answered';
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? String(error);
  }
}
