import { createStaticFileHandler } from '../net/static-file-server.ts';
import type { GuestSystem } from './system.ts';
import type { WebService } from './packages.ts';

/**
 * Web server daemons (nginx, Apache) as real guest processes: a process in the table (`ps`
 * lists it, `kill` and `systemctl stop` end it) that owns its port, so the engine's data plane
 * serves it exactly as it serves a `python3 -m http.server` started over ssh. Files are read at
 * request time from the document root.
 */
export function serviceProcess(system: GuestSystem, service: WebService): number | undefined {
  return system.processes.list().find((p) => p.command === service.command)?.pid;
}

export type StartResult = 'started' | 'already-running' | 'port-in-use';

export function startService(system: GuestSystem, service: WebService): StartResult {
  if (serviceProcess(system, service) !== undefined) return 'already-running';
  if (system.ports.isBound(service.port)) return 'port-in-use';
  const group = new AbortController();
  const process = system.processes.spawn({ command: service.command, tty: '?', cwd: '/', ppid: 1, group: group.signal });
  const handler = createStaticFileHandler({
    vfs: system.vfs,
    root: service.documentRoot(system.profile),
    flavor: 'python3',
    pythonVersion: system.profile.python3 ?? '3.6.8',
    now: () => system.clock.now(),
    log: () => undefined,
  });
  const unbind = system.ports.bind(service.port, process.pid, handler);
  if (!unbind) {
    system.processes.exit(process.pid);
    return 'port-in-use';
  }
  process.controller.signal.addEventListener('abort', () => {
    unbind();
    system.processes.exit(process.pid);
  });
  return 'started';
}

export function stopService(system: GuestSystem, service: WebService): boolean {
  const pid = serviceProcess(system, service);
  if (pid === undefined) return false;
  system.processes.signal(pid, 'SIGTERM');
  return true;
}
