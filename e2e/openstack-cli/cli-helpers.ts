// The CLI, console and ssh helpers of the guide's CLI scenarios, for a started Sandcloud and a work
// directory (its clouds.yaml, key.pem, known_hosts). Same behaviour as openstack-cli.e2e.ts's own.
import { execFile } from 'node:child_process';
import { createPublicKey } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StartedSandcloud } from './sandcloud-server.ts';

export const OPENSTACK = '/usr/bin/openstack';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export interface ConsoleSession {
  cookie: string;
  csrf: string;
}

export function cliHelpers(cloud: StartedSandcloud, workDir: string) {
  const run = (program: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> =>
    new Promise((done) => {
      execFile(program, args, { cwd: workDir, env: { ...process.env, ...env }, timeout: 90_000, maxBuffer: 4 << 20 }, (error, stdout, stderr) => {
        done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
      });
    });

  /** `openstack …` with the work directory's clouds.yaml; fails with the CLI's own message. */
  const openstack = async (...args: string[]): Promise<string> => {
    const result = await run(OPENSTACK, args, { OS_CLIENT_CONFIG_FILE: join(workDir, 'clouds.yaml'), OS_CLOUD: 'sandcloud' });
    if (result.code !== 0) throw new Error(`openstack ${args.join(' ')} exited with ${result.code}:\n${result.stderr}${result.stdout}`);
    return result.stdout;
  };
  const openstackJson = async <T = Record<string, unknown>>(...args: string[]): Promise<T> => JSON.parse(await openstack(...args, '-f', 'json')) as T;

  /** Polls a `show` command until `field` has `value` (within `ms`). */
  const waitFor = async (args: string[], field: string, value: string, ms = 60_000): Promise<Record<string, unknown>> => {
    const deadline = Date.now() + ms;
    for (;;) {
      const shown = await openstackJson(...args);
      if (shown[field] === value) return shown;
      if (Date.now() > deadline) throw new Error(`${args.join(' ')}: ${field} is ${String(shown[field])}, not ${value}, after ${ms / 1000} s`);
    }
  };

  const consoleSession = async (): Promise<ConsoleSession> => {
    const response = await fetch(`${cloud.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(cloud.admin),
    });
    if (response.status !== 200) throw new Error(`console login answered ${response.status}`);
    const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
    return { cookie, csrf: ((await response.json()) as { csrfToken: string }).csrfToken };
  };

  const consoleCall = (session: ConsoleSession, method: string, path: string, body?: object): Promise<Response> =>
    fetch(`${cloud.url}/api${path}`, {
      method,
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });

  /** known_hosts with the server's own host key, so ssh talks only to this Sandcloud's SSH service. */
  const knownHosts = (): string => {
    const { x } = createPublicKey(readFileSync(join(cloud.dataDir, 'ssh_host_ed25519_key'))).export({ format: 'jwk' });
    const field = (bytes: Buffer) => Buffer.concat([Buffer.from([0, 0, 0, bytes.length]), bytes]);
    const blob = Buffer.concat([field(Buffer.from('ssh-ed25519')), field(Buffer.from(x!, 'base64url'))]);
    const path = join(workDir, 'known_hosts');
    writeFileSync(path, `127.*,[127.*]:* ssh-ed25519 ${blob.toString('base64')}\n`);
    return path;
  };

  /** Runs a command in a guest over ssh, to the endpoint the console shows for its floating IP. */
  const ssh = async (session: ConsoleSession, projectId: string, serverId: string, command: string): Promise<Run> => {
    const connect = (await (await consoleCall(session, 'GET', `/projects/${projectId}/instances/${serverId}/connect-info`)).json()) as { sshCommand: string };
    const [, ...sshWords] = connect.sshCommand.trim().split(/\s+/);
    const target = sshWords.pop()!;
    const portArgs = sshWords.includes('-p') ? ['-p', sshWords[sshWords.indexOf('-p') + 1]!] : [];
    return run('ssh', [
      ...['-i', 'key.pem', ...portArgs, '-o', 'StrictHostKeyChecking=yes', '-o', `UserKnownHostsFile=${knownHosts()}`, '-o', 'GlobalKnownHostsFile=/dev/null'],
      ...['-o', 'BatchMode=yes', '-o', 'IdentitiesOnly=yes', '-o', 'LogLevel=ERROR', '-o', 'ConnectTimeout=5'],
      target,
      command,
    ]);
  };

  /** A project with Compute & Network activated and the console's clouds.yaml for it (password added). */
  const guideProject = async (session: ConsoleSession, name: string): Promise<string> => {
    const created = await consoleCall(session, 'POST', '/projects', { name });
    if (created.status !== 201) throw new Error(`project create answered ${created.status}`);
    const projectId = ((await created.json()) as { id: string }).id;
    const activated = await consoleCall(session, 'POST', `/projects/${projectId}/compute/activate`);
    if (activated.status !== 200) throw new Error(`activation answered ${activated.status}`);
    const yaml = await (await consoleCall(session, 'GET', `/clouds.yaml?projectId=${projectId}`)).text();
    writeFileSync(join(workDir, 'clouds.yaml'), yaml.replace(/( +)username: (.*)\n/, `$1username: $2\n$1password: "${cloud.admin.password}"\n`));
    return projectId;
  };

  return { run, openstack, openstackJson, waitFor, consoleSession, consoleCall, ssh, guideProject };
}
