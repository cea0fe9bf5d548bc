/**
 * The browser end of the console socket (the protocol is described in apps/bff/src/console-socket.ts):
 * binary frames carry terminal bytes both ways, a text frame carries `{"type":"resize",...}`, and the
 * server's close code says why the session ended.
 */

/** Close codes the server sends. */
export const CLOSE = {
  LOGOUT: 1000,
  SHUTTING_DOWN: 1001,
  /** The browser's code when the handshake was refused or the connection dropped. */
  ABNORMAL: 1006,
  SERVER_ERROR: 1011,
  INSTANCE_DOWN: 4001,
  /** 4000 + the HTTP status of the error that kept the session from opening (4409: not running). */
  OPEN_FAILED_BASE: 4000,
} as const;

export type ConnectionState =
  | { kind: 'connecting' }
  | { kind: 'connected' }
  /** `opened`: whether the socket was ever open (a refused handshake never is). */
  | { kind: 'closed'; code: number; reason: string; opened: boolean };

export interface TerminalSize {
  cols: number;
  rows: number;
}

export function consoleSocketUrl(projectId: string, instanceId: string, size: TerminalSize | undefined, location: Location = window.location): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const query = size ? `?cols=${size.cols}&rows=${size.rows}` : '';
  return `${scheme}//${location.host}/api/projects/${encodeURIComponent(projectId)}/instances/${encodeURIComponent(instanceId)}/console${query}`;
}

/** One login session: connects at once, reports its state, and ends for good once closed. */
export class ConsoleConnection {
  private readonly socket: WebSocket;
  private readonly encoder = new TextEncoder();
  private opened = false;
  private disposed = false;

  constructor(
    url: string,
    private readonly handlers: { output: (bytes: Uint8Array) => void; state: (state: ConnectionState) => void },
  ) {
    this.socket = new WebSocket(url);
    this.socket.binaryType = 'arraybuffer';
    handlers.state({ kind: 'connecting' });
    this.socket.onopen = () => {
      this.opened = true;
      if (!this.disposed) handlers.state({ kind: 'connected' });
    };
    this.socket.onmessage = (event: MessageEvent<ArrayBuffer | string>) => {
      if (!this.disposed && typeof event.data !== 'string') handlers.output(new Uint8Array(event.data));
    };
    this.socket.onclose = (event) => {
      if (!this.disposed) handlers.state({ kind: 'closed', code: event.code, reason: event.reason, opened: this.opened });
    };
  }

  /** Keystrokes and pastes, as the terminal produced them. */
  send(text: string): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(this.encoder.encode(text));
  }

  resize({ cols, rows }: TerminalSize): void {
    // Exactly these fields: the server refuses a control message with any other.
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify({ type: 'resize', cols, rows }));
  }

  /** Hangs up (the server sends SIGHUP to the session's jobs); no more callbacks after this. */
  dispose(): void {
    this.disposed = true;
    if (this.socket.readyState === WebSocket.CONNECTING || this.socket.readyState === WebSocket.OPEN) this.socket.close(1000);
  }
}
