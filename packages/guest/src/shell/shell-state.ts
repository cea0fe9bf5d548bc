import { JobTable } from './jobs.ts';
import type { Variables } from './variables.ts';

/**
 * The state of one bash process: what `cd`, `export`, `history` and `&`
 * change. Each login session has its own; subshells (pipelines, `( )`,
 * `$( )`) get a copy so their changes do not leak back.
 */
export class ShellState {
  cwd: string;
  /** $OLDPWD for `cd -` is kept in `vars`. */
  vars: Variables;
  lastStatus = 0;
  /** $! */
  lastBackgroundPid: number | undefined;
  /** $1... */
  positional: string[] = [];
  history: string[] = [];
  jobs = new JobTable();
  /** Set by `exit`: the shell stops after the current command. */
  exitRequested: number | undefined;

  constructor(
    readonly pid: number,
    cwd: string,
    vars: Variables,
    /** $0 */
    readonly name = '-bash',
  ) {
    this.cwd = cwd;
    this.vars = vars;
  }

  /** A subshell: same values, independent from now on (jobs are not inherited). */
  subshell(): ShellState {
    const copy = new ShellState(this.pid, this.cwd, this.vars.clone(), this.name);
    copy.lastStatus = this.lastStatus;
    copy.lastBackgroundPid = this.lastBackgroundPid;
    copy.positional = [...this.positional];
    copy.history = this.history;
    return copy;
  }

  get home(): string {
    return this.vars.get('HOME') ?? '/root';
  }
}
