import type { Socket } from 'node:net';
import { acceptsSignatureAlgorithm, parsePublicKeyBlob, SERVER_SIG_ALGS, verifySignature, type HostKey } from './keys.ts';
import { SshTransport } from './transport.ts';
import { DISCONNECT, MSG, SshProtocolError, SshReader, SshWriter } from './wire.ts';

// An SSH server connection above the transport: public-key user authentication (RFC 4252; no
// password, no keyboard-interactive) and session channels with a PTY, a shell or a command
// (RFC 4254). Port forwarding, X11, agents and subsystems (sftp) are refused.

const LOCAL_WINDOW = 2 * 1024 * 1024;
const LOCAL_MAX_PACKET = 32 * 1024;
const MAX_AUTH_ATTEMPTS = 10;

export interface PtyRequest {
  term: string;
  columns: number;
  rows: number;
}

export interface SshServerHandlers {
  /** Whether `keyBlob` may log in as `user` (asked before and after the signature is checked). */
  isAuthorized(user: string, keyBlob: Buffer): Promise<boolean>;
  /** A session channel asked for a shell; throw to refuse it (the message goes to stderr). */
  shell(channel: SshChannel, pty: PtyRequest | null): void;
  /** A session channel asked to run a command (`ssh host cmd`). */
  exec(channel: SshChannel, command: string, pty: PtyRequest | null): void;
  /** How long a client may take to authenticate (OpenSSH's LoginGraceTime). */
  loginGraceMs?: number;
  onClose?: () => void;
}

type Outgoing = { kind: 'data'; bytes: Buffer; stream: 0 | 1 } | { kind: 'exit'; code: number };

/** One session channel, as the adapter sees it: bytes both ways, resizes, signals and the exit. */
export class SshChannel {
  private readonly dataListeners = new Set<(data: Buffer) => void>();
  private readonly resizeListeners = new Set<(columns: number, rows: number) => void>();
  private readonly signalListeners = new Set<(name: string) => void>();
  private readonly closeListeners = new Set<() => void>();
  private readonly queue: Outgoing[] = [];
  private localWindow = LOCAL_WINDOW;
  private sentClose = false;
  private receivedClose = false;
  started = false;
  pty: PtyRequest | null = null;

  constructor(
    private readonly connection: SshServerConnection,
    readonly localId: number,
    readonly remoteId: number,
    private remoteWindow: number,
    private readonly remoteMaxPacket: number,
  ) {}

  get isOpen(): boolean {
    return !this.sentClose && !this.receivedClose;
  }

  write(data: string | Buffer): void {
    this.enqueue({ kind: 'data', bytes: typeof data === 'string' ? Buffer.from(data, 'utf8') : data, stream: 0 });
  }

  writeStderr(data: string | Buffer): void {
    this.enqueue({ kind: 'data', bytes: typeof data === 'string' ? Buffer.from(data, 'utf8') : data, stream: 1 });
  }

  /** Sends the exit status, then EOF and CLOSE, once the output before it has gone out. */
  exit(code: number): void {
    this.enqueue({ kind: 'exit', code });
  }

  onData(listener: (data: Buffer) => void): void {
    this.dataListeners.add(listener);
  }

  onResize(listener: (columns: number, rows: number) => void): void {
    this.resizeListeners.add(listener);
  }

  onSignal(listener: (name: string) => void): void {
    this.signalListeners.add(listener);
  }

  /** The client closed the channel or the connection went away. */
  onClose(listener: () => void): void {
    this.closeListeners.add(listener);
  }

  // --- called by the connection --------------------------------------------------------------

  received(data: Buffer): void {
    this.localWindow -= data.length;
    if (this.localWindow < LOCAL_WINDOW / 2) {
      this.connection.sendRaw(new SshWriter().byte(MSG.CHANNEL_WINDOW_ADJUST).uint32(this.remoteId).uint32(LOCAL_WINDOW - this.localWindow).toBuffer());
      this.localWindow = LOCAL_WINDOW;
    }
    if (!this.sentClose) for (const listener of this.dataListeners) listener(data);
  }

  resized(columns: number, rows: number): void {
    if (this.pty) this.pty = { ...this.pty, columns, rows };
    for (const listener of this.resizeListeners) listener(columns, rows);
  }

  signalled(name: string): void {
    for (const listener of this.signalListeners) listener(name);
  }

  windowAdjusted(bytes: number): void {
    this.remoteWindow = Math.min(this.remoteWindow + bytes, 0xffffffff);
    this.flush();
  }

  /** CLOSE from the client, or the connection is gone. */
  closedByPeer(): void {
    if (this.receivedClose) return;
    this.receivedClose = true;
    if (!this.sentClose && !this.connection.isClosed) {
      this.sentClose = true;
      this.connection.sendRaw(new SshWriter().byte(MSG.CHANNEL_CLOSE).uint32(this.remoteId).toBuffer());
    }
    this.connection.forget(this);
    const listeners = [...this.closeListeners];
    this.closeListeners.clear();
    for (const listener of listeners) listener();
  }

  private enqueue(item: Outgoing): void {
    if (this.sentClose || this.receivedClose) return;
    this.queue.push(item);
    this.flush();
  }

  private flush(): void {
    while (this.queue.length > 0 && !this.sentClose) {
      const item = this.queue[0]!;
      if (item.kind === 'exit') {
        this.queue.shift();
        this.connection.sendRaw(
          new SshWriter().byte(MSG.CHANNEL_REQUEST).uint32(this.remoteId).string('exit-status').boolean(false).uint32(item.code).toBuffer(),
        );
        this.connection.sendRaw(new SshWriter().byte(MSG.CHANNEL_EOF).uint32(this.remoteId).toBuffer());
        this.connection.sendRaw(new SshWriter().byte(MSG.CHANNEL_CLOSE).uint32(this.remoteId).toBuffer());
        this.sentClose = true;
        return;
      }
      const room = Math.min(this.remoteWindow, this.remoteMaxPacket - 64);
      if (room <= 0) return;
      const chunk = item.bytes.subarray(0, room);
      item.bytes = item.bytes.subarray(chunk.length);
      if (item.bytes.length === 0) this.queue.shift();
      this.remoteWindow -= chunk.length;
      const message =
        item.stream === 0
          ? new SshWriter().byte(MSG.CHANNEL_DATA).uint32(this.remoteId).string(chunk)
          : new SshWriter().byte(MSG.CHANNEL_EXTENDED_DATA).uint32(this.remoteId).uint32(1).string(chunk);
      this.connection.sendRaw(message.toBuffer());
    }
  }
}

export class SshServerConnection {
  private readonly transport: SshTransport;
  private readonly channels = new Map<number, SshChannel>();
  private nextChannelId = 0;
  private userauthAccepted = false;
  private authenticated = false;
  private failedAttempts = 0;
  private readonly graceTimer: NodeJS.Timeout;

  constructor(
    socket: Socket,
    hostKey: HostKey,
    private readonly handlers: SshServerHandlers,
  ) {
    this.transport = new SshTransport(socket, {
      hostKey,
      software: 'OpenSSH_9.2 Sandcloud',
      extensions: { 'server-sig-algs': SERVER_SIG_ALGS.join(',') },
      onMessage: (payload) => this.onMessage(payload),
      onClose: () => this.onTransportClosed(),
    });
    this.graceTimer = setTimeout(() => {
      if (!this.authenticated) this.transport.disconnect(DISCONNECT.BY_APPLICATION, 'Authentication timeout');
    }, handlers.loginGraceMs ?? 120_000);
    this.graceTimer.unref();
  }

  get isClosed(): boolean {
    return this.transport.isClosed;
  }

  sendRaw(payload: Buffer): void {
    this.transport.send(payload);
  }

  forget(channel: SshChannel): void {
    this.channels.delete(channel.localId);
  }

  close(): void {
    this.transport.disconnect(DISCONNECT.BY_APPLICATION, 'Server shutting down');
  }

  private async onMessage(payload: Buffer): Promise<void> {
    const reader = new SshReader(payload);
    const type = reader.byte();
    if (type === MSG.SERVICE_REQUEST) return this.onServiceRequest(reader);
    if (type === MSG.USERAUTH_REQUEST) return this.onUserauthRequest(reader);
    if (type >= MSG.GLOBAL_REQUEST && !this.authenticated) throw new SshProtocolError('Connection protocol message before authentication');
    switch (type) {
      case MSG.GLOBAL_REQUEST: {
        reader.text();
        if (reader.boolean()) this.sendRaw(Buffer.from([MSG.REQUEST_FAILURE]));
        return;
      }
      case MSG.CHANNEL_OPEN:
        return this.onChannelOpen(reader);
      case MSG.CHANNEL_REQUEST:
        return this.onChannelRequest(reader);
      case MSG.CHANNEL_DATA: {
        const channel = this.channel(reader.uint32());
        channel?.received(reader.string());
        return;
      }
      case MSG.CHANNEL_EXTENDED_DATA:
        return; // clients send no stderr
      case MSG.CHANNEL_WINDOW_ADJUST: {
        const channel = this.channel(reader.uint32());
        channel?.windowAdjusted(reader.uint32());
        return;
      }
      case MSG.CHANNEL_EOF:
        return;
      case MSG.CHANNEL_CLOSE:
        this.channel(reader.uint32())?.closedByPeer();
        return;
      case MSG.CHANNEL_SUCCESS:
      case MSG.CHANNEL_FAILURE:
      case MSG.REQUEST_SUCCESS:
      case MSG.REQUEST_FAILURE:
        return;
      default:
        this.sendRaw(new SshWriter().byte(MSG.UNIMPLEMENTED).uint32(this.transport.lastReceivedSequence).toBuffer());
    }
  }

  private onServiceRequest(reader: SshReader): void {
    const service = reader.text();
    if (service !== 'ssh-userauth') throw new SshProtocolError(`Service ${service} is not available`, DISCONNECT.SERVICE_NOT_AVAILABLE);
    this.userauthAccepted = true;
    this.sendRaw(new SshWriter().byte(MSG.SERVICE_ACCEPT).string(service).toBuffer());
  }

  private async onUserauthRequest(reader: SshReader): Promise<void> {
    if (!this.userauthAccepted) throw new SshProtocolError('USERAUTH_REQUEST before the ssh-userauth service');
    if (this.authenticated) return;
    const user = reader.text();
    const service = reader.text();
    const method = reader.text();
    if (service !== 'ssh-connection') throw new SshProtocolError(`Service ${service} is not available`, DISCONNECT.SERVICE_NOT_AVAILABLE);
    if (method === 'publickey') {
      const hasSignature = reader.boolean();
      const algorithm = reader.text();
      const blob = reader.string();
      const key = parsePublicKeyBlob(blob);
      if (key && acceptsSignatureAlgorithm(key.type, algorithm) && (await this.handlers.isAuthorized(user, blob))) {
        if (!hasSignature) {
          this.sendRaw(new SshWriter().byte(MSG.USERAUTH_PK_OK).string(algorithm).string(blob).toBuffer());
          return;
        }
        const signature = reader.string();
        const signed = new SshWriter()
          .string(this.transport.sessionId)
          .byte(MSG.USERAUTH_REQUEST)
          .string(user)
          .string(service)
          .string('publickey')
          .boolean(true)
          .string(algorithm)
          .string(blob)
          .toBuffer();
        if (verifySignature(key, algorithm, signed, signature)) {
          this.authenticated = true;
          clearTimeout(this.graceTimer);
          this.sendRaw(Buffer.from([MSG.USERAUTH_SUCCESS]));
          return;
        }
      }
    }
    // "none", "password", "keyboard-interactive", an unknown key or a bad signature.
    if (method !== 'none' && ++this.failedAttempts >= MAX_AUTH_ATTEMPTS) {
      this.transport.disconnect(DISCONNECT.NO_MORE_AUTH_METHODS_AVAILABLE, 'Too many authentication failures');
      return;
    }
    this.sendRaw(new SshWriter().byte(MSG.USERAUTH_FAILURE).nameList(['publickey']).boolean(false).toBuffer());
  }

  private onChannelOpen(reader: SshReader): void {
    const type = reader.text();
    const remoteId = reader.uint32();
    const window = reader.uint32();
    const maxPacket = reader.uint32();
    if (type !== 'session') {
      this.sendRaw(
        new SshWriter().byte(MSG.CHANNEL_OPEN_FAILURE).uint32(remoteId).uint32(1).string(`${type} channels are not allowed`).string('').toBuffer(),
      );
      return;
    }
    const channel = new SshChannel(this, this.nextChannelId++, remoteId, window, Math.max(maxPacket, 1024));
    this.channels.set(channel.localId, channel);
    this.sendRaw(
      new SshWriter().byte(MSG.CHANNEL_OPEN_CONFIRMATION).uint32(remoteId).uint32(channel.localId).uint32(LOCAL_WINDOW).uint32(LOCAL_MAX_PACKET).toBuffer(),
    );
  }

  private onChannelRequest(reader: SshReader): void {
    const channel = this.channel(reader.uint32());
    const request = reader.text();
    const wantReply = reader.boolean();
    if (!channel) return;
    const reply = (ok: boolean) => {
      if (wantReply) this.sendRaw(new SshWriter().byte(ok ? MSG.CHANNEL_SUCCESS : MSG.CHANNEL_FAILURE).uint32(channel.remoteId).toBuffer());
    };
    switch (request) {
      case 'pty-req': {
        const term = reader.text();
        const columns = reader.uint32();
        const rows = reader.uint32();
        channel.pty = { term, columns: columns || 80, rows: rows || 24 };
        reply(!channel.started);
        return;
      }
      case 'env':
        reply(true);
        return;
      case 'window-change': {
        const columns = reader.uint32();
        const rows = reader.uint32();
        if (columns > 0 && rows > 0) channel.resized(columns, rows);
        return;
      }
      case 'signal':
        channel.signalled(reader.text());
        return;
      case 'shell':
      case 'exec': {
        if (channel.started) {
          reply(false);
          return;
        }
        channel.started = true;
        const command = request === 'exec' ? reader.text() : null;
        reply(true);
        try {
          if (command === null) this.handlers.shell(channel, channel.pty);
          else this.handlers.exec(channel, command, channel.pty);
        } catch (error) {
          channel.writeStderr(`${(error as Error).message}\r\n`);
          channel.exit(1);
        }
        return;
      }
      default:
        // subsystem (sftp), x11-req, auth-agent-req@openssh.com, …
        reply(false);
    }
  }

  private channel(localId: number): SshChannel | undefined {
    return this.channels.get(localId);
  }

  private onTransportClosed(): void {
    clearTimeout(this.graceTimer);
    for (const channel of [...this.channels.values()]) channel.closedByPeer();
    this.handlers.onClose?.();
  }
}
