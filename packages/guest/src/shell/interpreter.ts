import type { CommandContext, CommandDefinition, ShellApi, StdIO } from '../commands/types.ts';
import { isFsError } from '../filesystem/errors.ts';
import { basename, resolvePath } from '../filesystem/path.ts';
import type { GuestSystem } from '../machine/system.ts';
import { childController, exitCodeForSignal, Interrupted, sendSignal } from '../time/signals.ts';
import type { AndOrList, Command, Pipeline, Redirect, Script, SimpleCommand } from './ast.ts';
import { expandFields, expandWord, expandWords, ExpansionError, type ExpansionEnv } from './expand.ts';
import type { Job } from './jobs.ts';
import { parse } from './parser.ts';
import type { ShellState } from './shell-state.ts';
import {
  CaptureOutput,
  FileOutput,
  nullInput,
  nullOutput,
  Pipe,
  readAll,
  StringInput,
  type InputStream,
  type OutputStream,
} from './streams.ts';

/** What the interpreter needs from the login session that owns it. */
export interface InterpreterHost {
  readonly system: GuestSystem;
  readonly sessionId: string;
  /** "pts/0", or "?" when not attached to a terminal. */
  readonly tty: string;
  /** Prints job-control messages ("[1] 1234"). */
  readonly interactive: boolean;
  terminalColumns(): number;
  /**
   * Hands the terminal to a job: CTRL+C then signals `controller`. Returns
   * the previous foreground controller so it can be restored.
   */
  setForeground(controller: AbortController | null): AbortController | null;
}

/** Execution context of one command: whose state, which I/O, which signal. */
interface Exec {
  state: ShellState;
  io: StdIO;
  signal: AbortSignal;
  /** Pid printed for a background job; used by its first process. */
  pidHint?: { pid: number | undefined };
}

class RedirectError extends Error {}

/**
 * Executes parsed command lines: lists, `&&`/`||`, pipelines (run
 * concurrently through pipes), redirections, background jobs, builtins and
 * programs. Each program runs as a simulated process with its own pid and
 * signal, registered in the process table while it runs.
 */
export class Interpreter {
  constructor(private readonly host: InterpreterHost) {}

  /** Parses and runs `source`; syntax errors are reported on stderr with status 2. */
  async runSource(source: string, state: ShellState, io: StdIO, signal: AbortSignal): Promise<number> {
    const result = parse(source, { eofEndsHeredoc: true });
    if (!result.ok) {
      io.stderr.write(`${result.incomplete ? `bash: syntax error: unexpected end of file` : result.message}\n`);
      state.lastStatus = 2;
      return 2;
    }
    for (const warning of result.warnings) io.stderr.write(`${warning}\n`);
    return this.runScript(result.script, state, io, signal);
  }

  async runScript(script: Script, state: ShellState, io: StdIO, signal: AbortSignal): Promise<number> {
    return this.executeScript(script, { state, io, signal });
  }

  private async executeScript(script: Script, exec: Exec): Promise<number> {
    let status = exec.state.lastStatus;
    for (const item of script.items) {
      if (exec.state.exitRequested !== undefined) break;
      if (exec.signal.aborted) break;
      if (item.background) {
        this.startBackgroundJob(item.command, item.source, exec);
        status = 0;
        exec.state.lastStatus = 0;
        continue;
      }
      status = await this.executeAndOr(item.command, exec);
    }
    // a signalled list stops (the loop above breaks); the status is the last command's own
    return exec.state.exitRequested ?? status;
  }

  private startBackgroundJob(command: AndOrList, source: string, exec: Exec): Job {
    const { state, io } = exec;
    const controller = new AbortController();
    const pid = this.host.system.processes.allocatePid();
    const jobIO: StdIO = { stdin: nullInput, stdout: io.stdout, stderr: io.stderr };
    const completion = this.executeAndOr(command, {
      state: state.subshell(),
      io: jobIO,
      signal: controller.signal,
      pidHint: { pid },
    });
    const job = state.jobs.add({ pid, source, controller, completion });
    state.lastBackgroundPid = pid;
    if (this.host.interactive) io.stderr.write(`[${job.id}] ${pid}\n`);
    return job;
  }

  private async executeAndOr(list: AndOrList, exec: Exec): Promise<number> {
    let status = await this.executePipeline(list.first, exec);
    exec.state.lastStatus = status;
    for (const { operator, pipeline } of list.rest) {
      if (exec.state.exitRequested !== undefined || exec.signal.aborted) break;
      if ((operator === '&&') !== (status === 0)) continue;
      status = await this.executePipeline(pipeline, exec);
      exec.state.lastStatus = status;
    }
    return status;
  }

  private async executePipeline(pipeline: Pipeline, exec: Exec): Promise<number> {
    let status: number;
    if (pipeline.commands.length === 1) {
      status = await this.executeCommand(pipeline.commands[0] as Command, exec);
    } else {
      const count = pipeline.commands.length;
      const pipes = Array.from({ length: count - 1 }, () => new Pipe());
      const stages = pipeline.commands.map((command, index) => {
        const stage = childController(exec.signal);
        const output = index < count - 1 ? (pipes[index] as Pipe) : undefined;
        // a writer whose reader is gone gets SIGPIPE, like `yes | head -1`
        if (output) output.onBroken = () => sendSignal(stage, 'SIGPIPE');
        const io: StdIO = {
          stdin: index === 0 ? exec.io.stdin : (pipes[index - 1] as Pipe),
          stdout: output ?? exec.io.stdout,
          stderr: exec.io.stderr,
        };
        const stageExec: Exec = { state: exec.state.subshell(), io, signal: stage.signal };
        if (index === 0 && exec.pidHint) stageExec.pidHint = exec.pidHint;
        return this.executeCommand(command, stageExec).finally(() => {
          output?.close();
          if (index > 0) (pipes[index - 1] as Pipe).closeRead();
        });
      });
      const statuses = await Promise.all(stages);
      status = statuses[statuses.length - 1] ?? 0;
    }
    return pipeline.negated ? (status === 0 ? 1 : 0) : status;
  }

  private async executeCommand(command: Command, exec: Exec): Promise<number> {
    if (command.type === 'subshell') {
      let opened: StdIO;
      try {
        opened = await this.openRedirects(command.redirects, exec);
      } catch (error) {
        return this.redirectFailure(error, exec);
      }
      return this.executeScript(command.body, { ...exec, state: exec.state.subshell(), io: opened });
    }
    return this.executeSimple(command, exec);
  }

  private async executeSimple(command: SimpleCommand, exec: Exec): Promise<number> {
    const { state } = exec;
    let substitutionStatus: number | undefined;
    const env = this.expansionEnv(exec, (status) => {
      substitutionStatus = status;
    });
    let argv: string[];
    const assignments: Record<string, string> = {};
    try {
      for (const assignment of command.assignments) assignments[assignment.name] = await expandWord(assignment.value, env);
      argv = await expandWords(command.words, env);
    } catch (error) {
      if (!(error instanceof ExpansionError)) throw error;
      exec.io.stderr.write(`${error.message}\n`);
      return 1;
    }
    let io: StdIO;
    try {
      io = await this.openRedirects(command.redirects, exec);
    } catch (error) {
      return this.redirectFailure(error, exec);
    }
    const name = argv[0];
    if (name === undefined) {
      for (const [key, value] of Object.entries(assignments)) state.vars.set(key, value);
      return substitutionStatus ?? 0;
    }
    const definition = this.resolveCommand(name, exec);
    if (typeof definition === 'number') return definition;
    return this.runProgram(definition, argv, io, exec, assignments);
  }

  /** Finds the program for argv[0]; returns an exit status when there is none. */
  private resolveCommand(name: string, exec: Exec): CommandDefinition | number {
    const registry = this.host.system.commands;
    if (!name.includes('/')) {
      const found = registry.lookup(name, this.host.system);
      if (found) return found;
      exec.io.stderr.write(`bash: ${name}: command not found\n`);
      return 127;
    }
    const path = resolvePath(exec.state.cwd, name);
    const byPath = registry.lookupPath(path, this.host.system);
    if (byPath) return byPath;
    const vfs = this.host.system.vfs;
    let stat;
    try {
      stat = vfs.stat(path);
    } catch (error) {
      if (!isFsError(error)) throw error;
      exec.io.stderr.write(`bash: ${name}: ${error.message}\n`);
      return 127;
    }
    if (stat.type === 'dir') {
      exec.io.stderr.write(`bash: ${name}: Is a directory\n`);
      return 126;
    }
    if ((stat.mode & 0o111) === 0) {
      exec.io.stderr.write(`bash: ${name}: Permission denied\n`);
      return 126;
    }
    return this.scriptProgram(path);
  }

  /** An executable text file runs as a bash script in a child shell. */
  private scriptProgram(path: string): CommandDefinition {
    return {
      name: basename(path),
      run: async (ctx) => {
        const source = ctx.system.vfs.readFile(path).replace(/^#![^\n]*\n/, '');
        return ctx.shell.runSource(source, ctx, ctx.signal, { subshell: true, args: ctx.argv.slice(1) });
      },
    };
  }

  private async runProgram(
    definition: CommandDefinition,
    argv: string[],
    io: StdIO,
    exec: Exec,
    assignments: Record<string, string>,
  ): Promise<number> {
    const system = this.host.system;
    const { state } = exec;
    let pid = state.pid;
    let signal = exec.signal;
    let exitProcess = (): void => undefined;
    if (!definition.builtin) {
      const hint = exec.pidHint?.pid;
      if (exec.pidHint) exec.pidHint.pid = undefined;
      const process = system.processes.spawn({
        command: argv.join(' '),
        tty: this.host.tty,
        cwd: state.cwd,
        ppid: state.pid,
        sessionId: this.host.sessionId,
        group: exec.signal,
        ...(hint !== undefined ? { pid: hint } : {}),
      });
      pid = process.pid;
      signal = process.controller.signal;
      exitProcess = () => system.processes.exit(process.pid);
    } else {
      for (const [key, value] of Object.entries(assignments)) state.vars.set(key, value);
    }
    const ctx = this.commandContext(definition, argv, io, exec, { pid, signal, assignments });
    try {
      return await definition.run(ctx);
    } catch (error) {
      if (error instanceof Interrupted) return exitCodeForSignal(error.signal);
      if (isFsError(error)) {
        io.stderr.write(`${argv[0]}: ${error.message}\n`);
        return 1;
      }
      io.stderr.write(`${argv[0]}: ${error instanceof Error ? error.message : String(error)}\n`);
      return 1;
    } finally {
      exitProcess();
    }
  }

  private commandContext(
    definition: CommandDefinition,
    argv: string[],
    io: StdIO,
    exec: Exec,
    process: { pid: number; signal: AbortSignal; assignments: Record<string, string> },
  ): CommandContext {
    const { state } = exec;
    const system = this.host.system;
    const shell = this.shellApi(exec);
    return {
      argv,
      stdin: io.stdin,
      stdout: io.stdout,
      stderr: io.stderr,
      env: state.vars.environment(process.assignments),
      cwd: state.cwd,
      signal: process.signal,
      pid: process.pid,
      system,
      shell,
      resolve: (path) => resolvePath(state.cwd, path.startsWith('~') ? path.replace(/^~(?=\/|$)/, state.home) : path),
      read: () => io.stdin.read(process.signal),
      readAll: () => readAll(io.stdin, process.signal),
      sleep: (ms) => system.scheduler.sleep(ms, process.signal),
      error: (message) => io.stderr.write(`${definition.name}: ${message}\n`),
    };
  }

  private shellApi(exec: Exec): ShellApi {
    const host = this.host;
    return {
      state: exec.state,
      tty: host.tty,
      interactive: host.interactive,
      terminalColumns: host.terminalColumns(),
      runSource: (source, io, signal, options = {}) => {
        const state = options.subshell ? exec.state.subshell() : exec.state;
        if (options.args) state.positional = options.args;
        return this.runSource(source, state, io, signal);
      },
      foreground: async (job) => {
        const previous = host.setForeground(job.controller);
        try {
          return await job.completion;
        } finally {
          host.setForeground(previous);
        }
      },
    };
  }

  private expansionEnv(exec: Exec, onSubstitution: (status: number) => void): ExpansionEnv {
    return {
      state: exec.state,
      vfs: this.host.system.vfs,
      commandSubstitution: async (source) => {
        const output = new CaptureOutput();
        const state = exec.state.subshell();
        const status = await this.runSource(source, state, { stdin: exec.io.stdin, stdout: output, stderr: exec.io.stderr }, exec.signal);
        onSubstitution(status);
        return output.text();
      },
    };
  }

  // --- redirections -----------------------------------------------------------

  private async openRedirects(redirects: Redirect[], exec: Exec): Promise<StdIO> {
    if (redirects.length === 0) return exec.io;
    const fds: [InputStream, OutputStream, OutputStream] = [exec.io.stdin, exec.io.stdout, exec.io.stderr];
    const vfs = this.host.system.vfs;
    const env = this.expansionEnv(exec, () => undefined);
    const reportWriteError = (message: string): void => fds[2].write(`bash: write error: ${message}\n`);
    const target = async (redirect: Redirect): Promise<{ text: string; path: string }> => {
      const fields = await expandFields(redirect.target, env);
      if (fields.length !== 1) throw new RedirectError(`bash: ${redirect.target.raw}: ambiguous redirect`);
      const text = fields[0] as string;
      return { text, path: resolvePath(exec.state.cwd, text) };
    };
    const openOutput = (name: string, path: string, append: boolean): OutputStream => {
      try {
        if (!append || !vfs.exists(path)) vfs.writeFile(path, '');
        else if (vfs.isDirectory(path)) throw new RedirectError(`bash: ${name}: Is a directory`);
      } catch (error) {
        if (isFsError(error)) throw new RedirectError(`bash: ${name}: ${error.message}`);
        throw error;
      }
      return new FileOutput(vfs, path, reportWriteError);
    };
    for (const redirect of redirects) {
      const fd = redirect.fd;
      if (fd > 2) continue;
      switch (redirect.operator) {
        case '<': {
          const { text, path } = await target(redirect);
          try {
            if (vfs.isDirectory(path)) throw new RedirectError(`bash: ${text}: Is a directory`);
            fds[0] = new StringInput(vfs.readFile(path));
          } catch (error) {
            if (isFsError(error)) throw new RedirectError(`bash: ${text}: ${error.message}`);
            throw error;
          }
          break;
        }
        case '>':
        case '>|':
        case '>>': {
          const { text, path } = await target(redirect);
          const stream = openOutput(text, path, redirect.operator === '>>');
          if (fd === 0) fds[0] = nullInput;
          else fds[fd] = stream;
          break;
        }
        case '&>':
        case '&>>': {
          const { text, path } = await target(redirect);
          const stream = openOutput(text, path, redirect.operator === '&>>');
          fds[1] = stream;
          fds[2] = stream;
          break;
        }
        case '>&':
        case '<&': {
          const { text, path } = await target(redirect);
          if (text === '-') {
            if (fd === 0) fds[0] = nullInput;
            else fds[fd] = nullOutput;
          } else if (/^\d+$/.test(text)) {
            const source = Number(text);
            if (source > 2) throw new RedirectError(`bash: ${text}: Bad file descriptor`);
            if (fd === 0) {
              if (source !== 0) throw new RedirectError(`bash: ${text}: Bad file descriptor`);
            } else if (source === 0) {
              throw new RedirectError(`bash: ${text}: Bad file descriptor`);
            } else {
              fds[fd] = fds[source] as OutputStream;
            }
          } else {
            const stream = openOutput(text, path, false);
            fds[1] = stream;
            fds[2] = stream;
          }
          break;
        }
        case '<<':
        case '<<-': {
          const doc = redirect.heredoc;
          const body = doc ? (doc.expand ? await expandWord(doc.body, env) : doc.body.raw) : '';
          fds[0] = new StringInput(body);
          break;
        }
        case '<<<': {
          fds[0] = new StringInput(`${await expandWord(redirect.target, env)}\n`);
          break;
        }
      }
    }
    return { stdin: fds[0], stdout: fds[1], stderr: fds[2] };
  }

  private redirectFailure(error: unknown, exec: Exec): number {
    if (error instanceof RedirectError || error instanceof ExpansionError) {
      exec.io.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
