import type { EventBus } from '../core/events.ts';
import { newId } from '../core/ids.ts';
import type { GuestService } from '../guests/guest-service.ts';
import type { Store } from '../store/kinds.ts';
import type { ResourceBase } from '../store/resource.ts';

// A restart of Sandcloud keeps the world: the guests' long-running processes (a web server, a
// listener, a job started with `&`) are recorded while they run and started again, in the same
// working directory, when Sandcloud starts. A process left running in a terminal that is gone after
// the restart writes on, as `nohup` would, to `nohup.out` in its working directory. Only a restart
// of Sandcloud resumes them: an instance that stops or reboots halts its guest, and its record
// empties with it, as a real machine forgets its processes. `uptime` in the guest starts over.

export const GUEST_PROCESSES_KIND = 'guest-processes';

export interface ResumableProcess {
  command: string;
  cwd: string;
}

export interface GuestProcesses extends ResourceBase {
  instanceId: string;
  processes: ResumableProcess[];
}

/** Shells, and what a shell is doing only for a moment, are not what a user left running. */
const TRANSIENT = /^(-?bash|sh|ps|top|cat|less|more|tail|vi|vim|nano|ssh|scp|sftp-server|exit)(\s|$)/;
const RECORD_EVERY_MS = 3_000;

const quote = (path: string) => `'${path.replaceAll("'", `'\\''`)}'`;

export class GuestProcessKeeper {
  private timer: NodeJS.Timeout | null = null;
  private unsubscribe: (() => void)[] = [];

  constructor(
    private readonly store: Store,
    private readonly events: EventBus,
    private readonly guests: GuestService,
  ) {}

  /** Resumes what was recorded at the last stop, then keeps recording (on listen changes and every few seconds). */
  async start(): Promise<number> {
    const resumed = await this.resume();
    this.unsubscribe.push(this.guests.onListenChange((instanceId) => this.record(instanceId)));
    this.unsubscribe.push(
      this.events.subscribe((event) => {
        if (event.kind === 'instance' && event.change === 'deleted') this.record(event.id);
      }),
    );
    this.timer = setInterval(() => this.recordAll(), RECORD_EVERY_MS);
    this.timer.unref();
    return resumed;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    for (const off of this.unsubscribe.splice(0)) off();
  }

  /** What an instance's guest runs now that a restart should bring back. */
  resumable(instanceId: string): ResumableProcess[] {
    return this.guests
      .processesOf(instanceId)
      .filter((process) => process.pid >= 1000 && !TRANSIENT.test(process.command))
      .map((process) => ({ command: process.command, cwd: process.cwd }));
  }

  /** Writes an instance's record when it changed (nothing running: no record). */
  record(instanceId: string): void {
    const processes = this.resumable(instanceId);
    const current = this.store.findOne<GuestProcesses>(GUEST_PROCESSES_KIND, 'instanceId', instanceId);
    if (JSON.stringify(current?.processes ?? []) === JSON.stringify(processes)) return;
    const instance = this.store.get('instance', instanceId);
    this.store.transaction(() => {
      if (current && (processes.length === 0 || !instance)) this.store.delete(GUEST_PROCESSES_KIND, current);
      else if (current) this.store.update<GuestProcesses>(GUEST_PROCESSES_KIND, current, { processes });
      else if (instance && processes.length > 0) {
        this.store.insert<GuestProcesses>(GUEST_PROCESSES_KIND, { id: newId(), projectId: instance.projectId, name: instanceId, status: 'ACTIVE', instanceId, processes });
      }
    });
  }

  recordAll(): void {
    for (const instance of this.store.findBy('instance', 'status', 'ACTIVE')) this.record(instance.id);
    for (const row of this.store.list<GuestProcesses>(GUEST_PROCESSES_KIND)) if (!this.store.get('instance', row.instanceId)) this.record(row.instanceId);
  }

  /** Boots each recorded guest and starts its processes again, in the background. Returns how many. */
  async resume(): Promise<number> {
    let count = 0;
    for (const row of this.store.list<GuestProcesses>(GUEST_PROCESSES_KIND)) {
      const instance = this.store.get('instance', row.instanceId);
      if (!instance?.projectId || instance.status !== 'ACTIVE' || instance.taskState) continue;
      const guest = this.guests.guestOf(instance);
      if (!guest) continue;
      const already = new Set(this.resumable(instance.id).map((process) => `${process.cwd}\n${process.command}`));
      for (const process of row.processes) {
        if (already.has(`${process.cwd}\n${process.command}`)) continue;
        const result = await guest.runCommand(`cd ${quote(process.cwd)} && ${process.command} >> ${quote(process.cwd === '/' ? '/nohup.out' : `${process.cwd}/nohup.out`)} 2>&1 &`);
        if (result.exitCode === 0) count++;
      }
    }
    return count;
  }
}
