import { EngineError, type Engine, type ServerGroup } from '@sandcloud/engine';
import { Router, type Request } from 'express';
import { z } from 'zod';
import { osContext } from '../auth.ts';
import { parseBody } from '../common.ts';
import { OsError } from '../errors.ts';

/** Nova 2.1's create body: one policy, `affinity` or `anti-affinity` (the soft ones are 2.15). */
const createSchema = z.strictObject({
  server_group: z.strictObject({
    name: z.string().min(1, 'is too short').max(255, 'is too long'),
    policies: z.array(z.enum(['affinity', 'anti-affinity'])).length(1, 'has one policy'),
  }),
});

const view = (group: ServerGroup) => ({ id: group.id, name: group.name, policies: [group.policy], members: [...group.memberIds], metadata: {} });

/** Nova's `os-server-groups`: create, list, show, delete over `engine.modules.serverGroups`. */
export function serverGroupRoutes(engine: Engine): Router {
  const router = Router();
  const { serverGroups } = engine.modules;
  const projectOf = (req: Request) => osContext(req).project.id;
  const find = (req: Request): ServerGroup => {
    try {
      return serverGroups.get(projectOf(req), String(req.params.groupId));
    } catch (error) {
      if (error instanceof EngineError && error.code === 'NOT_FOUND') throw new OsError(404, `Instance group ${String(req.params.groupId)} could not be found.`);
      throw error;
    }
  };

  router.get('/os-server-groups', (req, res) => {
    res.json({ server_groups: serverGroups.list(projectOf(req)).map(view) });
  });
  router.post('/os-server-groups', (req, res) => {
    const { server_group: input } = parseBody(createSchema, req.body ?? {});
    res.json({ server_group: view(serverGroups.create(projectOf(req), { name: input.name, policy: input.policies[0]! })) });
  });
  router.get('/os-server-groups/:groupId', (req, res) => {
    res.json({ server_group: view(find(req)) });
  });
  router.delete('/os-server-groups/:groupId', (req, res) => {
    serverGroups.delete(projectOf(req), find(req).id);
    res.status(204).end();
  });
  return router;
}
