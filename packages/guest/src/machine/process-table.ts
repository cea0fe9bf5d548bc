import { childController, sendSignal, type SignalName } from '../time/signals.ts';

export interface ProcessInfo {
  pid: number;
  ppid: number;
  /** Command line as `ps` shows it. */
  command: string;
  /** "pts/0", or "?" for daemons and non-interactive commands. */
  tty: string;
  cwd: string;
  startedAtMs: number;
  /** Session that owns the process; undefined for system daemons. */
  sessionId?: string;
}

export interface ProcessHandle extends ProcessInfo {
  controller: AbortController;
}

export interface SpawnRequest {
  command: string;
  tty: string;
  cwd: string;
  ppid: number;
  sessionId?: string;
  /** The process group / job this process belongs to; signals to it reach the process. */
  group: AbortSignal;
  /** Use this (pre-allocated) pid, e.g. the pid bash printed for a background job. */
  pid?: number;
}

/** The daemons every booted image runs (shown by `ps aux`, never killed). */
const SYSTEM_DAEMONS = [
  { pid: 1, command: '/usr/lib/systemd/systemd --switched-root --system --deserialize 22' },
  { pid: 2, command: '[kthreadd]' },
  { pid: 482, command: '/usr/lib/systemd/systemd-journald' },
  { pid: 611, command: '/usr/sbin/crond -n' },
  { pid: 905, command: '/usr/sbin/sshd -D' },
];

/**
 * The guest's process table: pids, command lines, working directories (which
 * make `umount` report "target is busy") and the controller that delivers
 * signals to each process.
 */
export class ProcessTable {
  private processes = new Map<number, ProcessHandle>();
  private nextPid = 1200;

  constructor(private readonly now: () => number) {}

  reset(): void {
    for (const process of this.processes.values()) sendSignal(process.controller, 'SIGKILL');
    this.processes.clear();
    const bootedAt = this.now();
    for (const daemon of SYSTEM_DAEMONS) {
      this.processes.set(daemon.pid, {
        pid: daemon.pid,
        ppid: daemon.pid === 1 ? 0 : 1,
        command: daemon.command,
        tty: '?',
        cwd: '/',
        startedAtMs: bootedAt,
        controller: new AbortController(),
      });
    }
  }

  allocatePid(): number {
    while (this.processes.has(this.nextPid)) this.nextPid++;
    return this.nextPid++;
  }

  spawn(request: SpawnRequest): ProcessHandle {
    const handle: ProcessHandle = {
      pid: request.pid ?? this.allocatePid(),
      ppid: request.ppid,
      command: request.command,
      tty: request.tty,
      cwd: request.cwd,
      startedAtMs: this.now(),
      controller: childController(request.group),
      ...(request.sessionId !== undefined ? { sessionId: request.sessionId } : {}),
    };
    this.processes.set(handle.pid, handle);
    return handle;
  }

  exit(pid: number): void {
    this.processes.delete(pid);
  }

  get(pid: number): ProcessHandle | undefined {
    return this.processes.get(pid);
  }

  list(): ProcessInfo[] {
    return [...this.processes.values()].sort((a, b) => a.pid - b.pid);
  }

  /** Returns false when there is no such process (kill: "No such process"). */
  signal(pid: number, signal: SignalName): boolean {
    const process = this.processes.get(pid);
    if (!process || process.pid < 1000) return process !== undefined;
    sendSignal(process.controller, signal);
    return true;
  }

  /** Processes whose working directory lies under `path` (for umount's busy check). */
  usersOf(isInside: (cwd: string) => boolean): ProcessInfo[] {
    return this.list().filter((p) => p.pid >= 1000 && isInside(p.cwd));
  }
}
