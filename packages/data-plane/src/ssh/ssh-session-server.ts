import type { Socket } from 'node:net';
import ssh2, { type Connection, type ParsedKey, type ServerChannel, type SFTPWrapper } from 'ssh2';
import { isAuthorizedKey } from './authorized-keys.ts';
import type { HostKey } from './host-key.ts';

// An SSH server (the `ssh2` library) reduced to what a guest's sshd offers here: public-key login
// (no password, no keyboard-interactive), and session channels with a PTY, a shell, a command or
// the `sftp` subsystem (when a handler serves it; other subsystems are refused).
// Port forwarding, X11 and agent forwarding are refused (ssh2 refuses requests nobody handles).
// It serves sockets accepted elsewhere (the data plane's endpoints), so it never listens itself.

export interface PtyRequest {
  term: string;
  columns: number;
  rows: number;
}

/** One session channel, as the guest adapter sees it. */
export interface SshSession {
  readonly stream: ServerChannel;
  readonly pty: PtyRequest | null;
  onResize(listener: (columns: number, rows: number) => void): void;
  onSignal(listener: (name: string) => void): void;
}

export interface SshSessionHandlers {
  /** The keys that may log in as `user` (asked once per connection and user). */
  authorizedKeys(user: string): Promise<readonly ParsedKey[]>;
  shell(session: SshSession): void;
  exec(session: SshSession, command: string): void;
  /** Serves the `sftp` subsystem on its channel (ssh2 parses the protocol). Omitted: refused. */
  sftp?(channel: SFTPWrapper): void;
  /** How long a client may take to authenticate (OpenSSH's LoginGraceTime). */
  loginGraceMs?: number;
}

export interface SshSessionServer {
  handle(socket: Socket): void;
  close(): void;
}

export function createSshSessionServer(hostKey: HostKey, handlers: SshSessionHandlers): SshSessionServer {
  const connections = new Set<Connection>();
  const server = new ssh2.Server({ hostKeys: [hostKey.privateKey], ident: 'Sandcloud_1.0' }, (connection) => {
    connections.add(connection);
    const grace = setTimeout(() => connection.end(), handlers.loginGraceMs ?? 120_000);
    const keysOf = new Map<string, Promise<readonly ParsedKey[]>>();

    connection.on('authentication', (context) => {
      if (context.method !== 'publickey') {
        context.reject(['publickey']);
        return;
      }
      let keys = keysOf.get(context.username);
      if (!keys) {
        keys = handlers.authorizedKeys(context.username).catch(() => []);
        keysOf.set(context.username, keys);
      }
      const proof = context.signature && context.blob ? { blob: context.blob, signature: context.signature, ...(context.hashAlgo ? { hashAlgo: context.hashAlgo } : {}) } : undefined;
      void keys.then((authorized) => (isAuthorizedKey(authorized, context.key, proof) ? context.accept() : context.reject(['publickey'])));
    });
    connection.on('ready', () => {
      clearTimeout(grace);
      connection.on('session', (acceptSession) => serveSession(acceptSession(), handlers));
    });
    // A client that goes away mid-handshake is not the server's error.
    connection.on('error', () => connection.end());
    connection.on('close', () => {
      clearTimeout(grace);
      connections.delete(connection);
    });
  });

  return {
    handle: (socket) => server.injectSocket(socket),
    close: () => {
      for (const connection of connections) connection.end();
      connections.clear();
    },
  };
}

function serveSession(session: ssh2.Session, handlers: SshSessionHandlers): void {
  let pty: PtyRequest | null = null;
  const resizeListeners: ((columns: number, rows: number) => void)[] = [];
  const signalListeners: ((name: string) => void)[] = [];
  const open = (stream: ServerChannel): SshSession => ({
    stream,
    pty,
    onResize: (listener) => resizeListeners.push(listener),
    onSignal: (listener) => signalListeners.push(listener),
  });

  session.on('pty', (accept, _reject, info) => {
    pty = { term: info.term, columns: info.cols, rows: info.rows };
    accept?.();
  });
  session.on('window-change', (accept, _reject, info) => {
    for (const listener of resizeListeners) listener(info.cols, info.rows);
    accept?.();
  });
  session.on('signal', (accept, _reject, info) => {
    for (const listener of signalListeners) listener(info.name);
    accept?.();
  });
  session.on('shell', (accept) => handlers.shell(open(accept())));
  session.on('exec', (accept, _reject, info) => handlers.exec(open(accept()), info.command));
  session.on('sftp', (accept, reject) => (handlers.sftp ? handlers.sftp(accept()) : reject()));
}
