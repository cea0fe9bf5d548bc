import { CONSOLE_LOG_MAX_LINES } from '@sandcloud/domain';
import { EngineError, type Engine, type Instance } from '@sandcloud/engine';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { baseUrl } from '../catalog.ts';
import { OsError } from '../errors.ts';
import { coreServerView, serverLookups } from './server-view.ts';

/**
 * Nova's instance-change actions (`POST /servers/{id}/action`): resize, confirmResize,
 * revertResize, rebuild and os-getConsoleOutput, on the engine's lifecycle (RESIZE → VERIFY_RESIZE
 * → confirm/revert, REBUILD) and the guest's serial console. `serverRoutes`' one action dispatch
 * parses their bodies with these schemas and hands them to `runChangeAction`.
 */
export const CHANGE_ACTION_SCHEMAS = {
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
export type ChangeAction = keyof typeof CHANGE_ACTION_SCHEMAS;

export const isChangeAction = (action: string): action is ChangeAction => Object.hasOwn(CHANGE_ACTION_SCHEMAS, action);

/** Nova reports a task or status conflict as "Cannot 'os-stop' instance … while it is in …". */
export function conflictAs<T>(action: string, instance: Instance, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof EngineError && error.messageCode === 'instance.locked') {
      throw new OsError(error.code === 'FORBIDDEN' ? 403 : 409, error.code === 'FORBIDDEN' ? error.message : `Instance ${instance.id} is locked`);
    }
    if (error instanceof EngineError && error.code === 'CONFLICT') {
      throw new OsError(409, `Cannot '${action}' instance ${instance.id} while it is in ${instance.taskState ? `task_state ${instance.taskState}` : `vm_state ${instance.status.toLowerCase()}`}: ${error.message}`);
    }
    throw error;
  }
}

/** Runs a change action on the project's server, its body already parsed by its schema, and answers. */
export function runChangeAction(engine: Engine, req: Request, res: Response, projectId: string, instance: Instance, action: ChangeAction, input: unknown): void {
  const { instances, guests } = engine.modules;
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
      const rebuild = input as z.infer<(typeof CHANGE_ACTION_SCHEMAS)['rebuild']>;
      let rebuilt = conflictAs(action, instance, () => instances.rebuild(projectId, instance.id, { imageId: rebuild.imageRef }));
      if (rebuild.name !== undefined || rebuild.metadata !== undefined) {
        rebuilt = instances.update(projectId, instance.id, {
          ...(rebuild.name !== undefined ? { name: rebuild.name } : {}),
          ...(rebuild.metadata !== undefined ? { metadata: rebuild.metadata } : {}),
        });
      }
      // No adminPass, as for a create: guests are reached with a key pair (Tempest: enable_instance_password = false).
      res.status(202).json({ server: coreServerView(rebuilt, serverLookups(engine, projectId, baseUrl(req))) });
      return;
    }
    case 'os-getConsoleOutput': {
      const { length } = input as { length?: number | null };
      const lines = length === undefined || length === null || length < 0 ? undefined : Math.min(length, CONSOLE_LOG_MAX_LINES);
      res.json({ output: lines === 0 ? '' : guests.consoleLog(projectId, instance.id, lines) });
      return;
    }
  }
}
