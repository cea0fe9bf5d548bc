import { EngineError, type ActivityRow, type Engine } from '@sandcloud/engine';
import { Router, type Request } from 'express';
import { osContext } from '../auth.ts';
import { osTime } from '../common.ts';
import { OsError } from '../errors.ts';

/** The engine's lifecycle actions of an instance under Nova's action names; other changes (rename, metadata) are no instance action in Nova. */
const NOVA_ACTIONS: Record<string, string> = {
  create: 'create',
  delete: 'delete',
  stop: 'stop',
  start: 'start',
  reboot: 'reboot',
  'hard-reboot': 'reboot',
  resize: 'resize',
  confirm_resize: 'confirmResize',
  revert_resize: 'revertResize',
  rebuild: 'rebuild',
  lock: 'lock',
  unlock: 'unlock',
};

/** Nova's request id of a request the activity log recorded (Nova's answers name it `req-<id>`). */
export const novaRequestId = (requestId: string): string => `req-${requestId}`;

/**
 * Nova's instance-action log (`os-instance-actions`), read from the engine's activity log: every
 * lifecycle action a request started on the server, with its request id, user and start time. A
 * request refused before it changed anything is no action (Nova records none). Administrators also
 * see each action's event, with its end and result.
 */
export function instanceActionRoutes(engine: Engine): Router {
  const router = Router();
  const { instances, activity } = engine.modules;

  const actionsOf = (req: Request): { rows: ActivityRow[]; serverId: string } => {
    const projectId = osContext(req).project.id;
    const serverId = String(req.params.serverId);
    try {
      instances.get(projectId, serverId);
    } catch (error) {
      // A deleted server's actions stay readable (Nova 2.21 lists them; 2.1 answers 404 as here).
      if (error instanceof EngineError && error.code === 'NOT_FOUND') throw new OsError(404, `Instance ${serverId} could not be found.`);
      throw error;
    }
    const rows = activity
      .page({ projectId, resourceKind: 'instance', resourceId: serverId }, 1000, 0)
      .items.filter((row) => Object.hasOwn(NOVA_ACTIONS, row.action) && row.requestId !== null && !(row.result === 'failed' && row.finishedAt === row.at));
    return { rows, serverId };
  };

  const view = (row: ActivityRow, serverId: string, projectId: string) => ({
    action: NOVA_ACTIONS[row.action]!,
    instance_uuid: serverId,
    request_id: novaRequestId(row.requestId!),
    user_id: row.userId,
    project_id: projectId,
    start_time: osTime(row.at),
    message: row.result === 'failed' ? 'Error' : null,
  });

  router.get('/servers/:serverId/os-instance-actions', (req, res) => {
    const { rows, serverId } = actionsOf(req);
    res.json({ instanceActions: rows.map((row) => view(row, serverId, osContext(req).project.id)) });
  });

  router.get('/servers/:serverId/os-instance-actions/:requestId', (req, res) => {
    const { rows, serverId } = actionsOf(req);
    const requestId = String(req.params.requestId);
    const row = rows.find((r) => novaRequestId(r.requestId!) === requestId);
    if (!row) throw new OsError(404, `Action for request_id ${requestId} on instance ${serverId} not found`);
    const context = osContext(req);
    const admin = context.user.isAdmin || context.role === 'admin';
    const result = row.result === 'done' ? 'Success' : row.result === 'failed' ? 'Error' : null;
    res.json({
      instanceAction: {
        ...view(row, serverId, context.project.id),
        ...(admin
          ? { events: [{ event: `compute_${NOVA_ACTIONS[row.action]!}_instance`, start_time: osTime(row.at), finish_time: row.finishedAt === null ? null : osTime(row.finishedAt), result }] }
          : {}),
      },
    });
  });

  return router;
}
