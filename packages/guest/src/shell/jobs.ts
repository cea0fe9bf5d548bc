import { sendSignal, type SignalName } from '../time/signals.ts';

export type JobState = 'Running' | 'Done';

export interface Job {
  id: number;
  /** Pid bash printed for the job ("[1] 1234"). */
  pid: number;
  source: string;
  state: JobState;
  exitCode: number;
  /** Signal that ended the job, if any. */
  endedBy?: SignalName;
  controller: AbortController;
  completion: Promise<number>;
  /** Job ended and the user was told (removed from the table). */
  reported: boolean;
}

/** bash's wording for a job's state in `jobs` and completion notices. */
export function describeJobState(job: Job): string {
  if (job.state === 'Running') return 'Running';
  switch (job.endedBy) {
    case 'SIGTERM': return 'Terminated';
    case 'SIGKILL': return 'Killed';
    case 'SIGINT': return 'Interrupt';
    case 'SIGHUP': return 'Hangup';
    case 'SIGPIPE': return 'Broken pipe';
    default: return job.exitCode === 0 ? 'Done' : `Exit ${job.exitCode}`;
  }
}

/** The job table of one shell: `&` adds, `jobs`/`fg`/`kill %n` look up. */
export class JobTable {
  private jobs: Job[] = [];

  add(job: Omit<Job, 'id' | 'state' | 'exitCode' | 'reported'>): Job {
    const id = this.jobs.length === 0 ? 1 : Math.max(...this.jobs.map((j) => j.id)) + 1;
    const entry: Job = { ...job, id, state: 'Running', exitCode: 0, reported: false };
    this.jobs.push(entry);
    job.completion.then(
      (code) => this.finish(entry, code),
      () => this.finish(entry, 1),
    );
    return entry;
  }

  list(): Job[] {
    return [...this.jobs];
  }

  /** `%1`, `%+`, `%%`, `%-`, `%name`; undefined when no such job. */
  find(spec: string): Job | undefined {
    const body = spec.startsWith('%') ? spec.slice(1) : spec;
    if (body === '' || body === '+' || body === '%') return this.current();
    if (body === '-') return this.previous();
    if (/^\d+$/.test(body)) return this.jobs.find((j) => j.id === Number(body));
    return this.jobs.find((j) => j.source.startsWith(body));
  }

  current(): Job | undefined {
    return this.jobs[this.jobs.length - 1];
  }

  previous(): Job | undefined {
    return this.jobs[this.jobs.length - 2];
  }

  /** "+" for the current job, "-" for the previous one, " " otherwise. */
  marker(job: Job): string {
    if (job === this.current()) return '+';
    if (job === this.previous()) return '-';
    return ' ';
  }

  /** `[1]+  Done                    sleep 1` */
  formatLine(job: Job, options: { withAmpersand?: boolean } = {}): string {
    const state = describeJobState(job);
    const source = job.state === 'Running' && options.withAmpersand ? `${job.source} &` : job.source;
    return `[${job.id}]${this.marker(job)}  ${state.padEnd(24)}${source}`;
  }

  /** Finished jobs not reported yet; they are removed from the table. */
  takeFinished(): string[] {
    const lines: string[] = [];
    for (const job of this.jobs) {
      if (job.state === 'Done' && !job.reported) lines.push(this.formatLine(job));
    }
    this.removeReported();
    return lines;
  }

  /** A job that became the foreground job (fg) is not announced when it ends. */
  forget(job: Job): void {
    this.jobs = this.jobs.filter((j) => j !== job);
  }

  markAllReported(): void {
    for (const job of this.jobs) if (job.state === 'Done') job.reported = true;
    this.removeReported();
  }

  signalAll(signal: SignalName): void {
    for (const job of this.jobs) if (job.state === 'Running') sendSignal(job.controller, signal);
  }

  private removeReported(): void {
    for (const job of this.jobs) if (job.state === 'Done') job.reported = true;
    this.jobs = this.jobs.filter((j) => !j.reported);
  }

  private finish(job: Job, code: number): void {
    job.state = 'Done';
    job.exitCode = code;
    const reason: unknown = job.controller.signal.reason;
    if (job.controller.signal.aborted && typeof reason === 'string' && code > 128) job.endedBy = reason as SignalName;
  }
}
