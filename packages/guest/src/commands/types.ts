import type { GuestSystem } from '../machine/system.ts';
import type { ShellState } from '../shell/shell-state.ts';
import type { InputStream, OutputStream } from '../shell/streams.ts';
import type { Job } from '../shell/jobs.ts';

/** The I/O of a process: stdin, stdout, stderr. */
export interface StdIO {
  stdin: InputStream;
  stdout: OutputStream;
  stderr: OutputStream;
}

/**
 * What a running command can ask of the shell that started it. Builtins use
 * it to change shell state; a few programs need the terminal (clear) or to
 * run shell code (bash -c).
 */
export interface ShellApi {
  readonly state: ShellState;
  /** "pts/0", or "?" without a terminal. */
  readonly tty: string;
  readonly interactive: boolean;
  readonly terminalColumns: number;
  /** Runs shell source in this shell (source) or a subshell (bash -c). */
  runSource(source: string, io: StdIO, signal: AbortSignal, options?: { subshell?: boolean; args?: string[] }): Promise<number>;
  /** Makes a background job the foreground job (fg) and waits for it. */
  foreground(job: Job): Promise<number>;
}

export interface CommandContext {
  /** argv[0] is the command name as typed. */
  readonly argv: string[];
  readonly stdin: InputStream;
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  /** Exported environment of this process. */
  readonly env: ReadonlyMap<string, string>;
  readonly cwd: string;
  /** Aborted when the process receives a signal (reason: the signal name). */
  readonly signal: AbortSignal;
  readonly pid: number;
  readonly system: GuestSystem;
  readonly shell: ShellApi;
  /** Absolute guest path for an argument, relative to cwd. */
  resolve(path: string): string;
  /** Next stdin chunk, or null at EOF (interrupted by signals). */
  read(): Promise<string | null>;
  /** All of stdin. */
  readAll(): Promise<string>;
  /** Simulated-time sleep, interrupted by signals. */
  sleep(ms: number): Promise<void>;
  /** Writes "name: message\n" to stderr, the common error format of the tools. */
  error(message: string): void;
}

export interface CommandDefinition {
  name: string;
  /**
   * Where the binary lives on the image (for `which`); absent for shell
   * builtins, which run inside the shell and can change its state.
   */
  path?: string;
  builtin?: boolean;
  /** One-line synopsis for `help`. */
  synopsis?: string;
  /** False when the image lacks the program (python on Ubuntu 22.04). */
  isInstalled?(system: GuestSystem): boolean;
  run(ctx: CommandContext): Promise<number>;
}
