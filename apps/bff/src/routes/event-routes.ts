import type { Engine, ResourceEvent, User } from '@sandcloud/engine';
import type { Response } from 'express';
import { Router } from 'express';
import { currentSession, requireSession } from '../http/session.ts';
import { toEventDto } from './dto.ts';

const HEARTBEAT_MS = 20_000;

/** One open event stream: the user it was opened by, as of its opening. */
interface EventStream {
  res: Response;
  user: User;
  /** Streams of the same user (and role) see the same events. */
  audience: string;
}

/**
 * The live stream: Server-Sent Events of every change in the projects the user belongs to.
 * Membership is checked per event, so a user removed from a project stops hearing of it at once
 * (after the event of the removal itself); user accounts are news for system admins only.
 *
 * One engine subscription serves every open stream: per event, the frame's text and each user's
 * right to see it are worked out once (still when the event happens, never carried over to the
 * next one), then the frame is written to each stream that may see it, so a change reaches a
 * thousand consoles at the cost of the writes.
 */
export function eventRoutes(engine: Engine): Router {
  const router = Router();
  const streams = new Set<EventStream>();
  let unsubscribe: (() => void) | null = null;

  const visible = (event: ResourceEvent, user: User): boolean =>
    event.kind === 'user'
      ? user.isAdmin
      : // A member removed from a project hears of their own removal, so their console lets go of it.
        event.projectId === null || (event.kind === 'project-member' && event.id === user.id) || engine.projects.roleOf(user.id, event.projectId) !== undefined;

  const fanOut = (event: ResourceEvent): void => {
    let frame: string | null = null;
    const audiences = new Map<string, boolean>();
    for (const stream of streams) {
      let sees = audiences.get(stream.audience);
      if (sees === undefined) audiences.set(stream.audience, (sees = visible(event, stream.user)));
      if (!sees) continue;
      frame ??= `data: ${JSON.stringify(toEventDto(event))}\n\n`;
      try {
        stream.res.write(frame);
      } catch {
        // A stream that is closing must not keep the others from hearing.
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
    res.write('retry: 2000\n\n');

    const stream: EventStream = { res, user, audience: `${user.id}:${user.isAdmin}` };
    streams.add(stream);
    unsubscribe ??= engine.events.subscribe(fanOut);
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
    req.on('close', () => {
      clearInterval(heartbeat);
      streams.delete(stream);
      if (streams.size === 0) {
        unsubscribe?.();
        unsubscribe = null;
      }
    });
  });

  return router;
}
