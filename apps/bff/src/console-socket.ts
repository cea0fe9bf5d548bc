/**
 * The web console's terminal: one WebSocket per login session on an instance's simulated Linux.
 *
 *   GET /api/projects/:projectId/instances/:instanceId/console[?cols=120&rows=32]   (Upgrade: websocket)
 *
 * Handshake. Checked before the upgrade; a refusal is a plain HTTP response with the API's error body
 * (`{"error":{"code","message"}}`) on the raw socket, which is then destroyed:
 *   403 CROSS_ORIGIN      the Origin header is missing or is not this Host. Browsers send the cookie
 *                         with a cross-site WebSocket too and there is no CSRF header here, so a page on
 *                         another site could otherwise drive a root shell (cross-site WebSocket hijacking).
 *   401 UNAUTHENTICATED   no valid session cookie.
 *   404 NOT_FOUND         not a member of the project (ids of other tenants leak nothing), or no such
 *                         instance in the project.
 *   403 FORBIDDEN         a viewer: a shell changes the instance, so it needs the `write` permission.
 *   403 PRODUCT_NOT_ACTIVE Compute & Network is not activated in the project.
 * `cols`/`rows` (optional) size the terminal from the first prompt on.
 *
 * Frames, once open:
 *   binary, both ways   terminal bytes, UTF-8: keystrokes and pastes from the client, output to it.
 *   text, client→server one JSON control message: `{"type":"resize","cols":120,"rows":32}`. Anything else
 *                       is ignored (the terminal keeps working).
 *   The server sends no text frames.
 *
 * Close codes sent by the server (the reason is a short English sentence for people):
 *   1000 "logout"                       the shell ended: `exit`, `logout`, CTRL+D.
 *   4001 "Instance web-1 stopped"       the instance went down (stop, reboot, delete) and closed the session.
 *   4000 + HTTP status                  the session could not be opened, with the engine's message, e.g.
 *                                       4409 "Instance web-1 is SHUTOFF; start it to open a console".
 *   1011                                an unexpected server error.
 *   1001                                Sandcloud is shutting down.
 * Closing the socket hangs up the session (SIGHUP to its jobs), like a dropped SSH connection.
 */
import { OutputBatch } from '@sandcloud/data-plane';
import { EngineError, type Engine, type EngineErrorCode } from '@sandcloud/engine';
import { parse as parseCookies } from 'cookie';
import type { IncomingMessage, Server } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { z } from 'zod';
import { SESSION_COOKIE } from './http/session.ts';

type GuestSession = ReturnType<Engine['modules']['guests']['openSession']>;

export const CONSOLE_PATH = /^\/api\/projects\/([^/]+)\/instances\/([^/]+)\/console\/?$/;

/** Close codes of the protocol above. */
export const CONSOLE_CLOSE = {
  LOGOUT: 1000,
  SHUTTING_DOWN: 1001,
  SERVER_ERROR: 1011,
  INSTANCE_DOWN: 4001,
  /** Plus the HTTP status of the engine error that prevented the session. */
  OPEN_FAILED_BASE: 4000,
} as const;

const resizeSchema = z.strictObject({
  type: z.literal('resize'),
  cols: z.number().int().min(2).max(500),
  rows: z.number().int().min(2).max(200),
});

/** A paste is the largest thing a terminal sends; more than this is not a person typing. */
const MAX_FRAME_BYTES = 64 * 1024;
const HEARTBEAT_MS = 30_000;

const STATUS_BY_CODE: Partial<Record<EngineErrorCode, number>> = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  PRODUCT_NOT_ACTIVE: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
};

export interface ConsoleSockets {
  /** Closes every console socket (1001) and stops the heartbeat; the HTTP server is left alone. */
  close(): void;
}

export interface ConsoleSocketOptions {
  /** Where unexpected errors go (console.error by default). */
  onError?: (error: unknown) => void;
}

/** Serves console WebSockets on the server's `upgrade` event (call once, after creating the server). */
export function attachConsoleSockets(server: Server, engine: Engine, options: ConsoleSocketOptions = {}): ConsoleSockets {
  const onError = options.onError ?? ((error: unknown) => console.error('console socket:', error));
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  const alive = new WeakSet<WebSocket>();

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const match = CONSOLE_PATH.exec(url.pathname);
    if (!match) {
      // Another upgrade listener may own this path; with none, nobody would ever answer it.
      if (server.listenerCount('upgrade') === 1) refuse(socket, 404, 'NOT_FOUND', `No WebSocket endpoint at ${url.pathname}`);
      return;
    }
    let target: { projectId: string; instanceId: string };
    try {
      target = admit(engine, req, decodeSegment(match[1]!), decodeSegment(match[2]!));
    } catch (error) {
      if (error instanceof Refusal) return refuse(socket, error.status, error.code, error.message);
      if (error instanceof EngineError) return refuse(socket, STATUS_BY_CODE[error.code] ?? 409, error.code, error.message);
      onError(error);
      return refuse(socket, 500, 'INTERNAL', 'Something went wrong on the server');
    }
    const size = { columns: dimension(url.searchParams.get('cols'), 500), rows: dimension(url.searchParams.get('rows'), 200) };
    wss.handleUpgrade(req, socket, head, (ws) => {
      alive.add(ws);
      ws.on('pong', () => alive.add(ws));
      connect(ws, target, { remoteIp: clientAddress(req), ...size });
    });
  };

  const connect = (ws: WebSocket, { projectId, instanceId }: { projectId: string; instanceId: string }, sessionOptions: Parameters<Engine['modules']['guests']['openSession']>[2]) => {
    let session: GuestSession;
    try {
      session = engine.modules.guests.openSession(projectId, instanceId, sessionOptions);
    } catch (error) {
      if (error instanceof EngineError) {
        ws.close(CONSOLE_CLOSE.OPEN_FAILED_BASE + (STATUS_BY_CODE[error.code] ?? 409), closeReason(error.message));
      } else {
        onError(error);
        ws.close(CONSOLE_CLOSE.SERVER_ERROR, 'Could not open a session');
      }
      return;
    }

    const decoder = new TextDecoder();
    // One frame per turn of the event loop, however many pieces the guest wrote.
    const output = new OutputBatch((text) => {
      if (ws.readyState === WebSocket.OPEN) ws.send(Buffer.from(text, 'utf8'));
    });
    const stopData = session.onData((text) => output.write(text));
    const stopClose = session.onClose(() => {
      stopData();
      output.flush();
      const { code, reason } = whyClosed(engine, projectId, instanceId);
      ws.close(code, closeReason(reason));
    });

    ws.on('message', (data, isBinary) => {
      try {
        if (isBinary) {
          session.write(decoder.decode(toBuffer(data), { stream: true }));
          return;
        }
        const control = resizeSchema.safeParse(parseJson(toBuffer(data).toString('utf8')));
        if (control.success) session.resize(control.data.cols, control.data.rows);
      } catch (error) {
        onError(error);
      }
    });
    ws.on('close', () => {
      stopData();
      output.discard();
      stopClose();
      session.close();
    });
    ws.on('error', () => ws.terminate());
  };

  // A browser tab that vanished without a close frame (sleep, network change) still holds a shell:
  // ping every 30 s and drop the sockets that did not answer the previous ping.
  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.has(ws)) {
        ws.terminate();
        continue;
      }
      alive.delete(ws);
      ws.ping();
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();

  const close = () => {
    clearInterval(heartbeat);
    server.off('upgrade', onUpgrade);
    for (const ws of wss.clients) ws.close(CONSOLE_CLOSE.SHUTTING_DOWN, 'Sandcloud is shutting down');
    wss.close();
  };
  server.on('upgrade', onUpgrade);
  server.once('close', close);
  return { close };
}

class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The gate: same origin, a session, write permission in the project, the product active, the instance there. */
function admit(engine: Engine, req: IncomingMessage, projectId: string, instanceId: string) {
  if (!isSameOrigin(req)) throw new Refusal(403, 'CROSS_ORIGIN', 'A console can only be opened from the Sandcloud console itself');
  const token = parseCookies(req.headers.cookie ?? '')[SESSION_COOKIE];
  const session = token ? engine.identity.resolveSession(token) : undefined;
  if (!session) throw new Refusal(401, 'UNAUTHENTICATED', 'Log in to continue');
  const { project } = engine.projects.authorize(session.user, projectId, 'write');
  engine.projects.requireComputeActive(project.id);
  const instance = engine.modules.instances.get(project.id, instanceId);
  return { projectId: project.id, instanceId: instance.id };
}

/** The Origin of the page that opens the socket must be this very host (with its port). */
function isSameOrigin(req: IncomingMessage): boolean {
  const { origin, host } = req.headers;
  if (!origin || !host) return false;
  try {
    const originUrl = new URL(origin);
    return originUrl.host === new URL(`${originUrl.protocol}//${host}`).host;
  } catch {
    return false;
  }
}

/** Why the guest ended the session: the shell logged out, or the instance went down under it. */
function whyClosed(engine: Engine, projectId: string, instanceId: string): { code: number; reason: string } {
  let instance;
  try {
    instance = engine.modules.instances.get(projectId, instanceId);
  } catch {
    return { code: CONSOLE_CLOSE.INSTANCE_DOWN, reason: 'The instance was deleted' };
  }
  if (instance.status === 'ACTIVE' && !instance.taskState) return { code: CONSOLE_CLOSE.LOGOUT, reason: 'logout' };
  const state = instance.taskState ?? instance.status;
  const what = state === 'powering-off' || state === 'SHUTOFF' ? 'stopped' : state === 'REBOOT' || state === 'HARD_REBOOT' ? 'is rebooting' : state === 'deleting' ? 'was deleted' : `is ${state}`;
  return { code: CONSOLE_CLOSE.INSTANCE_DOWN, reason: `Instance ${instance.name} ${what}` };
}

function refuse(socket: Duplex, status: number, code: string, message: string): void {
  const body = JSON.stringify({ error: { code, message } });
  socket.once('finish', () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n` +
      'Connection: close\r\n' +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

/** A close reason is at most 123 bytes of UTF-8. */
function closeReason(text: string): string {
  if (Buffer.byteLength(text) <= 123) return text;
  const chars = [...text];
  while (Buffer.byteLength(chars.join('')) > 120) chars.pop();
  return `${chars.join('')}…`;
}

function dimension(value: string | null, max: number): number | undefined {
  const n = Number(value);
  return value !== null && Number.isInteger(n) && n >= 2 ? Math.min(n, max) : undefined;
}

/** A malformed escape is just an id that matches nothing (404), not a server error. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function clientAddress(req: IncomingMessage): string | undefined {
  return req.socket.remoteAddress?.replace(/^::ffff:/, '');
}

function toBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
