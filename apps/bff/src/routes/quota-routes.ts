import type { Engine } from '@sandcloud/engine';
import { updateQuotasRequestSchema, type QuotaDefaultsDto, type QuotasDto } from '@sandcloud/api-schemas';
import { Router, type Request } from 'express';
import { HttpError } from '../http/errors.ts';
import { currentProject } from '../http/project-access.ts';
import { currentSession, requireSession } from '../http/session.ts';
import { parseInput } from '../http/validate.ts';

const requireAdmin = (req: Request, what: string): void => {
  if (!currentSession(req).user.isAdmin) throw new HttpError(403, 'FORBIDDEN', `Only administrators can change ${what}`, undefined, 'permission.administratorsOnly');
};

/** A project's quotas (read: `GET /quotas` in catalog-routes; change: administrators here). */
export function quotaRoutes(engine: Engine): Router {
  const router = Router();
  router.put('/quotas', (req, res) => {
    requireAdmin(req, "a project's quotas");
    const changes = parseInput(updateQuotasRequestSchema, req.body);
    res.json(engine.modules.quotas.setLimits(currentProject(req).id, changes) satisfies QuotasDto);
  });
  return router;
}

/** The cloud-wide quota defaults (admin settings), under /api/settings/quotas. */
export function quotaDefaultsRoutes(engine: Engine): Router {
  const router = Router();
  router.get('/settings/quotas', requireSession, (_req, res) => {
    res.json(engine.modules.quotas.defaults() satisfies QuotaDefaultsDto);
  });
  router.put('/settings/quotas', requireSession, (req, res) => {
    requireAdmin(req, 'the default quotas');
    res.json(engine.modules.quotas.setDefaults(parseInput(updateQuotasRequestSchema, req.body)) satisfies QuotaDefaultsDto);
  });
  return router;
}
