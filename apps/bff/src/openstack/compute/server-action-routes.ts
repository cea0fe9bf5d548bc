import { CONSOLE_LOG_MAX_LINES } from '@sandcloud/domain';
import { EngineError, type Engine, type Instance } from '@sandcloud/engine';
import { Router, type Request } from 'express';
import { z } from 'zod';
import { osContext } from '../auth.ts';
import { baseUrl } from '../catalog.ts';
import { parseBody } from '../common.ts';
import { OsError } from '../errors.ts';
import { serverLookups, serverView } from './server-view.ts';

/**
 * Nova's instance-change actions (`POST /servers/{id}/action`): resize, confirmResize,
 * revertResize, rebuild and os-getConsoleOutput, on the engine's lifecycle (RESIZE → VERIFY_RESIZE
 * → confirm/revert, REBUILD) and the guest's serial console. Mounted before `serverRoutes`: a body
 * naming another action passes on to it.
 */
const ACTION_SCHEMAS = {
  resize: z.strictObject({
    flavorRef: z.union([z.string().min(1), z.number().int()]).transform(String),
    'OS-DCF:diskConfig': z.enum(['AUTO', 'MANUAL']).optional(),
  }),
  // Nova takes `null` or `{}` (the openstack client sends the one, Tempest the other).
  confirmResize: z.union([z.null(), z.strictObject({})]),
  revertResize: z.union([z.null(), z.strictObject({})]),
  rebuild: z.strictObject({
    imageRef: z.string().min(1, 'is too short'),
    name: z.string().trim().min(1, 'is too short').max(255, 'is too long').optional(),
    adminPass: z.string().optional(),
    metadata: z.record(z.string(), z.string()).optional(),
    preserve_ephemeral: z.boolean().optional(),
    'OS-DCF:diskConfig': z.enum(['AUTO', 'MANUAL']).optional(),
    accessIPv4: z.string().optional(),
    accessIPv6: z.string().optional(),
    personality: z.array(z.unknown()).max(0).optional(),
  }),
  // Nova: `length` is the number of last lines (null or -1: all), as an integer or its text.
  'os-getConsoleOutput': z.strictObject({
    length: z
      .union([z.null(), z.number().int().min(-1), z.string().regex(/^-?\d+$/, 'is not a valid integer').transform(Number)])
      .optional(),
  }),
} as const;
type ChangeAction = keyof typeof ACTION_SCHEMAS;

/** What Nova 2.1's rebuild answer holds (its schema forbids the extensions a server GET has). */
const REBUILD_ATTRIBUTES = new Set(['id', 'name', 'status', 'image', 'flavor', 'user_id', 'tenant_id', 'created', 'updated', 'metadata', 'links', 'addresses', 'hostId', 'accessIPv4', 'accessIPv6', 'OS-DCF:diskConfig', 'progress']);

const isChangeAction = (action: string): action is ChangeAction => Object.hasOwn(ACTION_SCHEMAS, action);

/** Nova's 409 wording for a state the action cannot start from. */
function conflictAs<T>(action: string, instance: Instance, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof EngineError && error.code === 'CONFLICT') {
      throw new OsError(409, `Cannot '${action}' instance ${instance.id} while it is in ${instance.taskState ? `task_state ${instance.taskState}` : `vm_state ${instance.status.toLowerCase()}`}: ${error.message}`);
    }
    throw error;
  }
}

export function serverActionRoutes(engine: Engine): Router {
  const router = Router();
  const { instances, guests } = engine.modules;
  const projectOf = (req: Request) => osContext(req).project.id;

  router.post('/servers/:serverId/action', (req, res, next) => {
    const body: unknown = req.body;
    const action = typeof body === 'object' && body !== null && !Array.isArray(body) ? Object.keys(body)[0] : undefined;
    if (action === undefined || Object.keys(body as object).length !== 1 || !isChangeAction(action)) {
      next();
      return;
    }
    const input = parseBody(z.strictObject({ [action]: ACTION_SCHEMAS[action] }), body)[action] as unknown;
    const projectId = projectOf(req);
    let instance: Instance;
    try {
      instance = instances.get(projectId, String(req.params.serverId));
    } catch (error) {
      if (error instanceof EngineError && error.code === 'NOT_FOUND') throw new OsError(404, `Instance ${String(req.params.serverId)} could not be found.`);
      throw error;
    }
    switch (action) {
      case 'resize': {
        const { flavorRef } = input as { flavorRef: string };
        // Nova's own wording for the same flavor; other refusals keep the engine's message.
        if (flavorRef === instance.flavorId) throw new OsError(400, 'When resizing, instances must change flavor!');
        conflictAs(action, instance, () => instances.resize(projectId, instance.id, flavorRef));
        res.status(202).end();
        return;
      }
      case 'confirmResize':
        conflictAs(action, instance, () => instances.confirmResize(projectId, instance.id));
        res.status(204).end();
        return;
      case 'revertResize':
        conflictAs(action, instance, () => instances.revertResize(projectId, instance.id));
        res.status(202).end();
        return;
      case 'rebuild': {
        const rebuild = input as z.infer<(typeof ACTION_SCHEMAS)['rebuild']>;
        let rebuilt = conflictAs(action, instance, () => instances.rebuild(projectId, instance.id, { imageId: rebuild.imageRef }));
        if (rebuild.name !== undefined || rebuild.metadata !== undefined) {
          rebuilt = instances.update(projectId, instance.id, {
            ...(rebuild.name !== undefined ? { name: rebuild.name } : {}),
            ...(rebuild.metadata !== undefined ? { metadata: rebuild.metadata } : {}),
          });
        }
        const view: Record<string, unknown> = serverView(rebuilt, serverLookups(engine, projectId, baseUrl(req)));
        const server = Object.fromEntries(Object.entries(view).filter(([key]) => REBUILD_ATTRIBUTES.has(key)));
        // No adminPass, as for a create: guests are reached with a key pair (Tempest: enable_instance_password = false).
        res.status(202).json({ server });
        return;
      }
      case 'os-getConsoleOutput': {
        const { length } = input as { length?: number | null };
        const lines = length === undefined || length === null || length < 0 ? undefined : Math.min(length, CONSOLE_LOG_MAX_LINES);
        res.json({ output: lines === 0 ? '' : guests.consoleLog(projectId, instance.id, lines) });
        return;
      }
    }
  });

  return router;
}
