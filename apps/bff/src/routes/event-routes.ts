import type { Engine, ResourceEvent } from '@sandcloud/engine';
import { Router } from 'express';
import { currentSession, requireSession } from '../http/session.ts';
import { toEventDto } from './dto.ts';

const HEARTBEAT_MS = 20_000;

/**
 * The live stream: Server-Sent Events of every change in the projects the user belongs to.
 * Membership is checked per event, so a user removed from a project stops hearing of it at once
 * (after the event of the removal itself); user accounts are news for system admins only.
 */
export function eventRoutes(engine: Engine): Router {
  const router = Router();

  router.get('/events', requireSession, (req, res) => {
    const { user } = currentSession(req);
    res.writeHead(200, {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.write('retry: 2000\n\n');

    const unsubscribe = engine.events.subscribe((event) => {
      const visible = once(event, `${user.id}:${user.isAdmin}`, () =>
        event.kind === 'user'
          ? user.isAdmin
          : // A member removed from a project hears of their own removal, so their console lets go of it.
            event.projectId === null || (event.kind === 'project-member' && event.id === user.id) || engine.projects.roleOf(user.id, event.projectId) !== undefined,
      );
      if (visible) res.write(once(event, FRAME, () => `data: ${JSON.stringify(toEventDto(event))}\n\n`));
    });
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
    req.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
    });
  });

  return router;
}

// One event goes to every open stream: what is the same for all of them is worked out once per event
// (the frame's text, and each user's right to see it - still decided when the event happens, never
// carried over to the next one), so a change reaches a thousand consoles at the cost of the writes.
const FRAME = '';
const perEvent = new WeakMap<ResourceEvent, Map<string, unknown>>();
function once<T>(event: ResourceEvent, key: string, compute: () => T): T {
  let memo = perEvent.get(event);
  if (!memo) perEvent.set(event, (memo = new Map()));
  if (!memo.has(key)) memo.set(key, compute());
  return memo.get(key) as T;
}
