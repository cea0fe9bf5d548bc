import { posix } from 'node:path';
import type { ServerChannel } from 'ssh2';
import { errnoOf, messageOf, OpenFile, resolveRemotePath, UMASK, type FileStat, type FileTransferOptions } from './file-access.ts';

// The remote half of the legacy scp protocol (`scp -O`, and OpenSSH before 9.0): the client runs
// `scp -t <target>` (upload: this side is the sink) or `scp -f <paths>` (download: the source) as
// an exec command and talks over its stdin/stdout. Control lines `C<mode> <size> <name>` (a file),
// `D<mode> 0 <name>` … `E` (a directory, with -r), `T<mtime> 0 <atime> 0` (times, with -p); each
// answered by \0, or \x01 with an error line that the client prints and counts.

export interface ScpRequest {
  direction: 'sink' | 'source';
  recursive: boolean;
  preserve: boolean;
  /** -d: the target must be a directory (several sources). */
  targetIsDirectory: boolean;
  paths: string[];
}

/** The `scp -t …`/`scp -f …` command of an scp client; null for any other command line. */
export function parseScpCommand(command: string): ScpRequest | null {
  const words = shellWords(command);
  if (words?.[0] !== 'scp') return null;
  const request: ScpRequest = { direction: 'sink', recursive: false, preserve: false, targetIsDirectory: false, paths: [] };
  let mode: 'sink' | 'source' | null = null;
  let index = 1;
  for (; index < words.length; index++) {
    const word = words[index] as string;
    if (word === '--') {
      index++;
      break;
    }
    if (!word.startsWith('-') || word === '-') break;
    for (const flag of word.slice(1)) {
      if (flag === 't') mode = 'sink';
      else if (flag === 'f') mode = 'source';
      else if (flag === 'r') request.recursive = true;
      else if (flag === 'p') request.preserve = true;
      else if (flag === 'd') request.targetIsDirectory = true;
    }
  }
  if (!mode) return null;
  return { ...request, direction: mode, paths: words.slice(index) };
}

/** Runs one scp exec channel to its end (exit status 0, or 1 after any error). */
export async function serveScp(stream: ServerChannel, request: ScpRequest, options: FileTransferOptions): Promise<void> {
  // A client that goes away mid-transfer is not the server's error: the reader sees the end.
  stream.on('error', () => undefined);
  const reader = new ChannelReader(stream);
  const session = new ScpSession(stream, reader, request, options);
  let code: number;
  try {
    code = request.direction === 'sink' ? await session.sink() : await session.source();
  } catch (error) {
    if (!(error instanceof ScpExit) && stream.writable) stream.write(`\x01scp: ${messageOf(error)}\n`);
    code = 1;
  }
  reader.close();
  stream.exit(code);
  stream.end();
}

/** Ends the session: the fatal error was already told to the client. */
class ScpExit extends Error {}

class ScpSession {
  private errors = 0;

  constructor(
    private readonly stream: ServerChannel,
    private readonly reader: ChannelReader,
    private readonly request: ScpRequest,
    private readonly options: FileTransferOptions,
  ) {}

  // --- upload: this side writes what the client sends ----------------------------------------

  async sink(): Promise<number> {
    const [targetArg, ...extra] = this.request.paths;
    if (targetArg === undefined || extra.length > 0) this.fatal('ambiguous target');
    const target = this.resolve(targetArg);
    if (this.request.targetIsDirectory && this.stat(target)?.type !== 'dir') this.fatal(`${targetArg}: Not a directory`);
    this.ack();
    await this.receive(target);
    return this.errors > 0 ? 1 : 0;
  }

  /** One directory level (OpenSSH's sink()): until `E` (returns true) or the end of input (false). */
  private async receive(target: string): Promise<boolean> {
    const targetIsDir = this.stat(target)?.type === 'dir';
    let mtime: number | null = null;
    for (let first = true; ; first = false) {
      const line = await this.reader.line();
      if (line === null) return false;
      const kind = line[0];
      if (kind === '\x01' || kind === '\x02') {
        this.errors++;
        if (kind === '\x02') throw new ScpExit();
        continue;
      }
      if (kind === 'E') {
        this.ack();
        return true;
      }
      if (kind === 'T') {
        const times = /^T(\d+) \d+ \d+ \d+$/.exec(line);
        if (!times) this.fatal('protocol error: mtime.sec not delimited');
        mtime = Number(times[1]);
        this.ack();
        continue;
      }
      const control = /^([CD])([0-7]{4}) (\d+) (.*)$/.exec(line);
      if (!control) this.fatal(first ? line : 'protocol error: expected control record');
      const [, type, modeText, sizeText, name] = control as unknown as [string, 'C' | 'D', string, string, string];
      if (name === '' || name === '..' || name.includes('/')) this.fatal(`error: unexpected filename: ${name}`);
      const path = targetIsDir ? posix.join(target, name) : target;
      const mode = Number.parseInt(modeText, 8);
      const times = mtime;
      mtime = null;
      if (type === 'D') {
        if (!this.request.recursive) this.fatal('protocol error: received directory without -r');
        if (!this.tryOrReport(path, () => this.makeDirectory(path, mode))) continue;
        this.ack();
        const closed = await this.receive(path);
        this.tryOrReport(path, () => this.finish(path, times, null));
        if (!closed) return false;
      } else if (!(await this.receiveFile(path, mode, Number(sizeText), times))) {
        return false;
      }
    }
  }

  private makeDirectory(path: string, mode: number): void {
    const existing = this.stat(path);
    if (existing && existing.type !== 'dir') throw Object.assign(new Error('Not a directory'), { code: 'ENOTDIR' });
    if (!existing) this.files().mkdir(path, this.request.preserve ? mode : mode & ~UMASK);
    else if (this.request.preserve) this.files().chmod(path, mode);
  }

  /** A `C` record: create, take `size` bytes, read the client's status, answer. False at end of input. */
  private async receiveFile(path: string, mode: number, size: number, mtime: number | null): Promise<boolean> {
    const created = this.tryOrReport(path, () => {
      const existing = this.stat(path);
      if (existing?.type === 'dir') throw Object.assign(new Error('Is a directory'), { code: 'EISDIR' });
      this.files().writeFile(path, '', existing ? {} : { mode: this.request.preserve ? mode : mode & ~UMASK });
    });
    if (!created) return true;
    this.ack();
    const file = new OpenFile(this.options.files, path, { read: false, write: true, append: false });
    let writeError: unknown = null;
    let offset = 0;
    const complete = await this.reader.take(size, (chunk) => {
      if (writeError) return;
      try {
        file.write(offset, chunk);
      } catch (error) {
        writeError = error;
      }
      offset += chunk.length;
    });
    if (!writeError) {
      try {
        file.commit();
        this.finish(path, mtime, this.request.preserve ? mode : null);
      } catch (error) {
        writeError = error;
      }
    }
    if (!complete) return false;
    const status = await this.reader.byte();
    if (status === null) return false;
    if (status !== 0) {
      this.errors++;
      await this.reader.line();
    }
    if (writeError) this.report(path, writeError);
    else this.ack();
    return true;
  }

  private finish(path: string, mtime: number | null, mode: number | null): void {
    if (mode !== null) this.files().chmod(path, mode);
    if (mtime !== null) this.files().setMtime(path, mtime * 1000);
  }

  // --- download: this side sends the files ----------------------------------------------------

  async source(): Promise<number> {
    if (!(await this.response())) throw new ScpExit();
    for (const path of this.request.paths) await this.send(path, this.resolve(path));
    return this.errors > 0 ? 1 : 0;
  }

  private async send(shown: string, path: string): Promise<void> {
    let stat: FileStat;
    let content: Buffer;
    try {
      stat = this.files().stat(path);
      if (stat.type === 'dir' && this.request.recursive) return await this.sendDirectory(path, stat);
      if (stat.type !== 'file') {
        this.error(`${shown}: not a regular file`);
        return;
      }
      content = Buffer.from(this.files().readFile(path), 'utf8');
    } catch (error) {
      this.report(shown, error);
      return;
    }
    if (!(await this.sendTimes(stat))) return;
    this.stream.write(`C${octal(stat.mode)} ${content.length} ${posix.basename(path)}\n`);
    if (!(await this.response())) return;
    this.stream.write(content);
    this.stream.write('\0');
    await this.response();
  }

  private async sendDirectory(path: string, stat: FileStat): Promise<void> {
    if (!(await this.sendTimes(stat))) return;
    this.stream.write(`D${octal(stat.mode)} 0 ${posix.basename(path)}\n`);
    if (!(await this.response())) return;
    for (const name of this.files().readdir(path)) {
      const child = posix.join(path, name);
      await this.send(child, child);
    }
    this.stream.write('E\n');
    await this.response();
  }

  private async sendTimes(stat: FileStat): Promise<boolean> {
    if (!this.request.preserve) return true;
    const seconds = Math.floor(stat.mtimeMs / 1000);
    this.stream.write(`T${seconds} 0 ${seconds} 0\n`);
    return this.response();
  }

  /** The client's answer: \0, or an error line it shows itself (\x02: it gives up). */
  private async response(): Promise<boolean> {
    const status = await this.reader.byte();
    if (status === null) throw new ScpExit();
    if (status === 0) return true;
    this.errors++;
    await this.reader.line();
    if (status !== 1) throw new ScpExit();
    return false;
  }

  // --- shared ----------------------------------------------------------------------------

  private files() {
    return this.options.files();
  }

  private resolve(path: string): string {
    return resolveRemotePath(this.options.home, path);
  }

  private stat(path: string): FileStat | null {
    try {
      return this.files().stat(path);
    } catch (error) {
      if (errnoOf(error)) return null;
      throw error;
    }
  }

  private tryOrReport(path: string, run: () => void): boolean {
    try {
      run();
      return true;
    } catch (error) {
      this.report(path, error);
      return false;
    }
  }

  private ack(): void {
    this.stream.write('\0');
  }

  /** scp's run_err: the client prints "scp: <message>" and carries on. */
  private error(message: string): void {
    this.errors++;
    this.stream.write(`\x01scp: ${message}\n`);
  }

  private report(path: string, error: unknown): void {
    this.error(`${path}: ${messageOf(error)}`);
  }

  private fatal(message: string): never {
    this.stream.write(`\x01scp: ${message}\n`);
    throw new ScpExit();
  }
}

const octal = (mode: number) => (mode & 0o7777).toString(8).padStart(4, '0');

/** Reads an exec channel's stdin by bytes, lines and counted blocks. */
class ChannelReader {
  private pending: Buffer[] = [];
  private ended = false;
  private wake: (() => void) | null = null;
  private readonly onData = (chunk: Buffer) => {
    this.pending.push(chunk);
    this.notify();
  };
  private readonly onEnd = () => {
    this.ended = true;
    this.notify();
  };

  constructor(private readonly stream: ServerChannel) {
    stream.on('data', this.onData);
    stream.on('end', this.onEnd);
    stream.on('close', this.onEnd);
  }

  close(): void {
    this.stream.off('data', this.onData);
    this.stream.off('end', this.onEnd);
    this.stream.off('close', this.onEnd);
  }

  async byte(): Promise<number | null> {
    if (!(await this.available())) return null;
    const head = this.pending[0] as Buffer;
    const value = head[0] as number;
    this.consume(1);
    return value;
  }

  /** A line without its \n; null at the end of input. */
  async line(): Promise<string | null> {
    const bytes: Buffer[] = [];
    for (;;) {
      if (!(await this.available())) return null;
      const head = this.pending[0] as Buffer;
      const newline = head.indexOf(0x0a);
      if (newline >= 0) {
        bytes.push(head.subarray(0, newline));
        this.consume(newline + 1);
        return Buffer.concat(bytes).toString('utf8');
      }
      bytes.push(head);
      this.consume(head.length);
    }
  }

  /** Hands `size` bytes to `sink` as they come; false if the input ended first. */
  async take(size: number, sink: (chunk: Buffer) => void): Promise<boolean> {
    let left = size;
    while (left > 0) {
      if (!(await this.available())) return false;
      const head = this.pending[0] as Buffer;
      const chunk = head.subarray(0, Math.min(left, head.length));
      this.consume(chunk.length);
      sink(chunk);
      left -= chunk.length;
    }
    return true;
  }

  private async available(): Promise<boolean> {
    while (this.pending.length === 0 && !this.ended) await new Promise<void>((resolve) => (this.wake = resolve));
    return this.pending.length > 0;
  }

  private consume(count: number): void {
    const head = this.pending[0] as Buffer;
    if (count >= head.length) this.pending.shift();
    else this.pending[0] = head.subarray(count);
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}

/** Splits a command line as a shell would (quotes, backslashes), without expansions; null if unbalanced. */
function shellWords(line: string): string[] | null {
  const words: string[] = [];
  let word: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const char = line[i] as string;
    if (char === ' ' || char === '\t' || char === '\n') {
      if (word !== null) words.push(word);
      word = null;
    } else if (char === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) return null;
      word = (word ?? '') + line.slice(i + 1, end);
      i = end;
    } else if (char === '"') {
      let text = '';
      for (i++; i < line.length && line[i] !== '"'; i++) {
        if (line[i] === '\\' && i + 1 < line.length && '"\\$`'.includes(line[i + 1] as string)) i++;
        text += line[i];
      }
      if (i >= line.length) return null;
      word = (word ?? '') + text;
    } else if (char === '\\' && i + 1 < line.length) {
      word = (word ?? '') + line[++i];
    } else {
      word = (word ?? '') + char;
    }
  }
  if (word !== null) words.push(word);
  return words;
}
