import { FLAVORS } from '@sandcloud/domain';
import type { Engine } from '@sandcloud/engine';
import { pageQuerySchema, type FlavorDto, type QuotasDto } from '@sandcloud/api-schemas';
import { Router } from 'express';
import { currentProject } from '../http/project-access.ts';
import { parseInput } from '../http/validate.ts';
import { paginate } from './paginate.ts';

/** Flavors and quotas (images have their own router, `image-routes.ts`). */
export function catalogRoutes(engine: Engine): Router {
  const router = Router();
  const { quotas } = engine.modules;

  router.get('/flavors', (req, res) => {
    res.json(paginate(FLAVORS.map((flavor): FlavorDto => ({ ...flavor })), parseInput(pageQuerySchema, req.query)));
  });

  router.get('/quotas', (req, res) => {
    res.json(quotas.usage(currentProject(req).id) satisfies QuotasDto);
  });

  return router;
}
