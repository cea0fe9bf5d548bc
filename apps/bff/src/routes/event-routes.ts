import type { Engine, ResourceEvent, User } from '@sandcloud/engine';
import type { Response } from 'express';
import { Router } from 'express';
import type { Socket } from 'node:net';
import { currentSession, requireSession } from '../http/session.ts';
import { toEventDto } from './dto.ts';

const HEARTBEAT_MS = 20_000;

/** One open event stream: the user it was opened by, as of its opening. */
interface EventStream {
  res: Response;
  user: User;
  /**
   * The connection to write frames to directly, once the answer's head is on it; null while the
   * answer still goes through Node's response (an HTTP/1.0 client, a head not yet flushed).
   */
  socket: Socket | null;
  /** Whether the answer is chunked (HTTP/1.1): each frame then goes out as one chunk. */
  chunked: boolean;
}

/** A frame ready for the wire, encoded once per event for every stream. */
interface Wire {
  /** The frame as one HTTP/1.1 chunk: `<length in hex>\r\n<frame>\r\n`, as Node frames `res.write`. */
  chunk: Buffer;
  /** The frame alone, for an answer that is not chunked. */
  raw: Buffer;
}

function wire(text: string): Wire {
  const raw = Buffer.from(text, 'utf8');
  return { raw, chunk: Buffer.concat([Buffer.from(`${raw.length.toString(16)}\r\n`, 'latin1'), raw, Buffer.from('\r\n', 'latin1')]) };
}

const HEARTBEAT = wire(': keep-alive\n\n');

/**
 * The live stream: Server-Sent Events of every change in the projects the user belongs to.
 * Membership is checked per event, so a user removed from a project stops hearing of it at once
 * (after the event of the removal itself); user accounts are news for system admins only.
 *
 * One engine subscription serves every open stream. Per event, the work that does not depend on
 * the stream is done once: the frame is serialised and encoded once (as bytes, already framed as
 * an HTTP chunk), and the project's members are read once (one query, whatever the number of
 * streams and users) — still when the event happens, never carried over to the next one. Then
 * each stream that may see the event gets the same buffer written to its connection: a change
 * reaches a thousand consoles at the cost of the writes. One timer sends every stream's heartbeat.
 */
export function eventRoutes(engine: Engine): Router {
  const router = Router();
  const streams = new Set<EventStream>();
  let unsubscribe: (() => void) | null = null;
  let heartbeat: NodeJS.Timeout | null = null;

  const send = (stream: EventStream, frame: Wire): void => {
    const { socket } = stream;
    if (!socket) {
      stream.res.write(frame.raw);
      return;
    }
    if (socket.destroyed || !socket.writable) return; // closing: its 'close' removes it
    socket.write(stream.chunked ? frame.chunk : frame.raw);
  };

  const fanOut = (event: ResourceEvent): void => {
    let frame: Wire | null = null;
    // The users who may see a project's event: its members, read once for this event.
    let members: Set<string> | null = null;
    const visible = (user: User): boolean => {
      if (event.kind === 'user') return user.isAdmin;
      if (event.projectId === null) return true;
      // A member removed from a project hears of their own removal, so their console lets go of it.
      if (event.kind === 'project-member' && event.id === user.id) return true;
      members ??= new Set(engine.projects.members(event.projectId).map((member) => member.userId));
      return members.has(user.id);
    };
    for (const stream of streams) {
      if (!visible(stream.user)) continue;
      frame ??= wire(`data: ${JSON.stringify(toEventDto(event))}\n\n`);
      try {
        send(stream, frame);
      } catch {
        // A stream that is closing must not keep the others from hearing.
      }
    }
  };

  const beat = (): void => {
    for (const stream of streams) {
      try {
        send(stream, HEARTBEAT);
      } catch {
        // as above
      }
    }
  };

  router.get('/events', requireSession, (req, res) => {
    const { user } = currentSession(req);
    res.writeHead(200, {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    // Sends the head with the first bytes; from then on the stream's frames can go to the socket.
    res.write('retry: 2000\n\n');

    const stream: EventStream = { res, user, socket: null, chunked: res.chunkedEncoding };
    // Node's response queues its output while the socket is not yet its own (a pipelined request
    // still answering): then, or if anything encoded the answer, frames go through `res.write`.
    if (res.socket && (res as unknown as { outputData?: unknown[] }).outputData?.length === 0 && !res.getHeader('Content-Encoding')) stream.socket = res.socket as Socket;
    streams.add(stream);
    unsubscribe ??= engine.events.subscribe(fanOut);
    heartbeat ??= setInterval(beat, HEARTBEAT_MS);
    req.on('close', () => {
      streams.delete(stream);
      if (streams.size === 0) {
        unsubscribe?.();
        unsubscribe = null;
        if (heartbeat) clearInterval(heartbeat);
        heartbeat = null;
      }
    });
  });

  return router;
}
