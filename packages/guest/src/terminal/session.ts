import type { StdIO } from '../commands/types.ts';
import { lastLoginFormat } from '../format/dates.ts';
import type { ProcessHandle } from '../machine/process-table.ts';
import type { GuestSystem } from '../machine/system.ts';
import { Interpreter } from '../shell/interpreter.ts';
import { parse } from '../shell/parser.ts';
import { expandPrompt } from '../shell/prompt.ts';
import { ShellState } from '../shell/shell-state.ts';
import { CaptureOutput, nullInput, type OutputStream } from '../shell/streams.ts';
import { Variables } from '../shell/variables.ts';
import { sendSignal } from '../time/signals.ts';
import { complete } from './completion.ts';
import { KeyDecoder, type Key } from './keys.ts';
import { LineEditor } from './line-editor.ts';
import { TtyInput } from './tty-input.ts';

export interface CommandResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface SessionOptions {
  /** Client address, shown in "Last login: ... from" and $SSH_CLIENT. */
  remoteIp?: string;
  columns?: number;
  rows?: number;
  /** Previous login to announce; null for none. */
  lastLogin?: { atMs: number; from: string } | null;
}

export interface SessionInit extends SessionOptions {
  id: string;
  /** "pts/0", or "?" for a session without terminal (runCommand). */
  tty: string;
  system: GuestSystem;
  interactive: boolean;
  onClosed?: (session: Session) => void;
}

type Mode = 'prompt' | 'running' | 'closed';

const PS2 = '> ';

/** How many input characters are handled before yielding to the event loop. */
const INPUT_SLICE = 16 * 1024;

/**
 * One login: a bash process with its own cwd, variables, history and jobs,
 * driven like a terminal. Feed it the bytes a terminal sends (`write`) and
 * render what it emits (`onData`, with \r\n line endings); `onClose` fires
 * on `exit`/`logout`/CTRL+D or when the machine goes down.
 */
export class Session {
  readonly id: string;
  readonly tty: string;
  readonly state: ShellState;
  private readonly system: GuestSystem;
  private readonly interpreter: Interpreter;
  private readonly editor: LineEditor;
  private readonly decoder = new KeyDecoder();
  /** Input still to handle, oldest first (a large paste, a slice at a time). */
  private readonly pendingInput: string[] = [];
  private readonly ttyInput: TtyInput;
  private readonly terminal: OutputStream;
  private readonly shellProcess: ProcessHandle;
  private readonly onClosed: ((session: Session) => void) | undefined;
  private dataListeners = new Set<(data: string) => void>();
  private closeListeners = new Set<(exitCode: number) => void>();
  private backlog: string[] = [];
  private mode: Mode = 'prompt';
  private pendingSource = '';
  private foregroundJob: AbortController | null = null;
  private interruptedRun = false;
  private columns: number;
  private rows: number;
  private exitCode = 0;

  constructor(init: SessionInit) {
    this.id = init.id;
    this.tty = init.tty;
    this.system = init.system;
    this.onClosed = init.onClosed;
    this.columns = init.columns ?? 80;
    this.rows = init.rows ?? 24;
    const system = init.system;
    this.shellProcess = system.processes.spawn({
      command: '-bash',
      tty: init.tty,
      cwd: '/root',
      ppid: 905,
      sessionId: init.id,
      group: new AbortController().signal,
    });
    this.state = new ShellState(this.shellProcess.pid, '/root', this.initialVariables(init), '-bash');
    this.terminal = {
      isTTY: init.interactive,
      write: (text) => this.emit(text.replace(/\r?\n/g, '\r\n')),
    };
    this.ttyInput = new TtyInput((text) => this.emit(text));
    this.interpreter = new Interpreter({
      system,
      sessionId: init.id,
      tty: init.tty,
      interactive: init.interactive,
      terminalColumns: () => this.columns,
      setForeground: (controller) => {
        const previous = this.foregroundJob;
        this.foregroundJob = controller;
        return previous;
      },
    });
    this.editor = new LineEditor({
      write: (text) => this.emit(text),
      history: () => this.state.history,
      complete: (line, cursor) =>
        complete({
          line,
          cursor,
          cwd: this.state.cwd,
          home: this.state.home,
          vfs: system.vfs,
          commandNames: system.commands.names(system),
        }),
      columns: () => this.columns,
    });
    if (init.interactive) {
      if (init.lastLogin) {
        this.emit(`Last login: ${lastLoginFormat(init.lastLogin.atMs)} from ${init.lastLogin.from}\r\n`);
      }
      this.showPrompt();
    }
  }

  // --- terminal API -------------------------------------------------------

  /** Subscribes to output; output produced before the first subscriber is replayed to it. */
  onData(listener: (data: string) => void): () => void {
    this.dataListeners.add(listener);
    if (this.backlog.length > 0) {
      const pending = this.backlog.join('');
      this.backlog = [];
      listener(pending);
    }
    return () => this.dataListeners.delete(listener);
  }

  onClose(listener: (exitCode: number) => void): () => void {
    if (this.mode === 'closed') listener(this.exitCode);
    else this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  get isClosed(): boolean {
    return this.mode === 'closed';
  }

  /** True while a foreground program owns the terminal. */
  get isBusy(): boolean {
    return this.mode === 'running';
  }

  get cwd(): string {
    return this.state.cwd;
  }

  resize(columns: number, rows: number): void {
    this.columns = columns;
    this.rows = rows;
    this.state.vars.set('COLUMNS', String(columns));
    this.state.vars.set('LINES', String(rows));
  }

  /**
   * Input from the terminal: keystrokes, pasted text, control characters. A large paste is handled
   * INPUT_SLICE characters at a time, yielding to the event loop in between (in order with any
   * input that follows), so a megabyte typed into one console does not hold up every other user.
   */
  write(data: string): void {
    if (this.pendingInput.length === 0 && data.length <= INPUT_SLICE) {
      for (const key of this.decoder.decode(data)) this.handleKey(key);
      return;
    }
    this.pendingInput.push(data);
    if (this.pendingInput.length === 1) this.drainInput();
  }

  private drainInput(): void {
    let budget = INPUT_SLICE;
    while (budget > 0 && this.pendingInput.length > 0) {
      const next = this.pendingInput[0]!;
      const slice = next.slice(0, budget);
      if (slice.length === next.length) this.pendingInput.shift();
      else this.pendingInput[0] = next.slice(budget);
      budget -= slice.length;
      for (const key of this.decoder.decode(slice)) this.handleKey(key);
    }
    if (this.pendingInput.length > 0) setImmediate(() => this.drainInput());
  }

  /** Runs a command line in this session's shell without the terminal (stdin empty, output captured). */
  async runCommand(line: string): Promise<CommandResult> {
    const stdout = new CaptureOutput();
    const stderr = new CaptureOutput();
    const io: StdIO = { stdin: nullInput, stdout, stderr };
    const controller = new AbortController();
    const exitCode = await this.interpreter.runSource(line, this.state, io, controller.signal);
    if (this.state.exitRequested !== undefined && this.tty !== '?') this.finish(this.state.exitRequested);
    return { stdout: stdout.text(), stderr: stderr.text(), exitCode };
  }

  /** Hang-up (SSH disconnect, shutdown): every job of the session gets SIGHUP. */
  close(): void {
    if (this.mode === 'closed') return;
    if (this.foregroundJob) sendSignal(this.foregroundJob, 'SIGHUP');
    this.finish(this.state.lastStatus);
  }

  // --- internals ---------------------------------------------------------

  private initialVariables(init: SessionInit): Variables {
    const system = init.system;
    const vars = Variables.from({
      HOME: '/root',
      USER: 'root',
      LOGNAME: 'root',
      SHELL: '/bin/bash',
      PATH: system.profile.path,
      PWD: '/root',
      HOSTNAME: system.hostname,
      LANG: 'en_US.UTF-8',
      SHLVL: '1',
      MAIL: '/var/spool/mail/root',
      HISTSIZE: '1000',
      ...(init.interactive ? { TERM: 'xterm-256color' } : {}),
      ...(init.remoteIp ? { SSH_CLIENT: `${init.remoteIp} 50022 22`, SSH_CONNECTION: `${init.remoteIp} 50022 ${system.network.ip} 22` } : {}),
      ...(init.interactive && init.tty !== '?' ? { SSH_TTY: `/dev/${init.tty}` } : {}),
    });
    vars.set('PS1', system.profile.ps1, false);
    return vars;
  }

  private emit(data: string): void {
    if (data === '' || this.mode === 'closed') return;
    if (this.dataListeners.size === 0) {
      this.backlog.push(data);
      return;
    }
    for (const listener of this.dataListeners) listener(data);
  }

  private showPrompt(): void {
    for (const line of this.state.jobs.takeFinished()) this.emit(`${line}\r\n`);
    const ps1 = this.state.vars.get('PS1') ?? '\\$ ';
    this.editor.begin(
      expandPrompt(ps1, {
        user: 'root',
        hostname: this.system.hostname,
        cwd: this.state.cwd,
        home: this.state.home,
        now: this.system.clock.now(),
      }),
    );
  }

  private handleKey(key: Key): void {
    if (this.mode === 'closed') return;
    if (this.mode === 'running') {
      if (key.type === 'ctrl' && key.key === 'c') {
        this.emit('^C');
        this.ttyInput.flush();
        this.interruptedRun = true;
        if (this.foregroundJob) sendSignal(this.foregroundJob, 'SIGINT');
        return;
      }
      if (key.type === 'ctrl' && key.key === 'z') return;
      this.ttyInput.handle(key);
      return;
    }
    const event = this.editor.handle(key);
    if (!event) return;
    if (event.type === 'interrupt') {
      this.pendingSource = '';
      this.state.lastStatus = 130;
      this.showPrompt();
    } else if (event.type === 'eof') {
      if (this.pendingSource !== '') {
        const source = this.pendingSource;
        this.pendingSource = '';
        this.execute(source, true);
        return;
      }
      this.emit('logout\r\n');
      this.finish(this.state.lastStatus);
    } else {
      this.submit(event.line);
    }
  }

  private submit(line: string): void {
    const source = this.pendingSource + line;
    const parsed = parse(source);
    if (!parsed.ok && parsed.incomplete) {
      this.pendingSource = `${source}\n`;
      this.editor.begin(PS2);
      return;
    }
    this.pendingSource = '';
    this.execute(source, false);
  }

  private execute(source: string, atEndOfInput: boolean): void {
    if (source.trim() !== '') this.remember(source);
    const parsed = parse(source, { eofEndsHeredoc: atEndOfInput });
    if (!parsed.ok) {
      this.emit(`${parsed.incomplete ? 'bash: syntax error: unexpected end of file' : parsed.message}\r\n`);
      this.state.lastStatus = 2;
      this.showPrompt();
      return;
    }
    if (parsed.script.items.length === 0) {
      this.showPrompt();
      return;
    }
    for (const warning of parsed.warnings) this.emit(`${warning}\r\n`);
    this.mode = 'running';
    this.interruptedRun = false;
    const controller = new AbortController();
    this.foregroundJob = controller;
    const io: StdIO = { stdin: this.ttyInput, stdout: this.terminal, stderr: this.terminal };
    void this.interpreter
      .runScript(parsed.script, this.state, io, controller.signal)
      .catch((error: unknown) => {
        this.emit(`bash: ${error instanceof Error ? error.message : String(error)}\r\n`);
        return 1;
      })
      .then((status) => this.afterRun(status));
  }

  private afterRun(status: number): void {
    if (this.mode === 'closed') return;
    this.foregroundJob = null;
    // bash starts a new line when the foreground program was killed by CTRL+C
    if (this.interruptedRun && status === 130) this.emit('\r\n');
    this.interruptedRun = false;
    if (this.state.exitRequested !== undefined) {
      this.emit('logout\r\n');
      this.finish(this.state.exitRequested);
      return;
    }
    this.mode = 'prompt';
    const typeahead = this.ttyInput.takeTypeahead();
    this.showPrompt();
    if (typeahead !== '') this.write(typeahead.replace(/\n/g, '\r'));
  }

  private remember(source: string): void {
    const history = this.state.history;
    if (history[history.length - 1] !== source) history.push(source);
    if (history.length > 1000) history.splice(0, history.length - 1000);
  }

  private finish(exitCode: number): void {
    if (this.mode === 'closed') return;
    this.exitCode = exitCode;
    this.state.jobs.signalAll('SIGHUP');
    this.system.processes.exit(this.shellProcess.pid);
    this.mode = 'closed';
    for (const listener of this.closeListeners) listener(exitCode);
    this.closeListeners.clear();
    this.onClosed?.(this);
  }
}
