import { FLAVORS, type Engine, type Image } from '@sandcloud/engine';
import { pageQuerySchema, type FlavorDto, type ImageDto, type QuotasDto } from '@sandcloud/api-schemas';
import { Router } from 'express';
import { z } from 'zod';
import { currentProject } from '../http/project-access.ts';
import { parseInput } from '../http/validate.ts';
import { iso } from './dto.ts';
import { paginate } from './paginate.ts';

export const toImageDto = (image: Image): ImageDto => ({
  id: image.id,
  name: image.name,
  description: image.description,
  status: image.status,
  visibility: image.visibility,
  osType: image.osType,
  osDistro: image.osDistro,
  osVersion: image.osVersion,
  minDiskGb: image.minDiskGb,
  minRamMb: image.minRamMb,
  sizeBytes: image.sizeBytes,
  sourceInstanceId: image.sourceInstanceId,
  sourceInstanceName: image.sourceInstanceName,
  createdAt: iso(image.createdAt)!,
});

const imageQuerySchema = pageQuerySchema.extend({ visibility: z.enum(['public', 'private']).optional() });

export function catalogRoutes(engine: Engine): Router {
  const router = Router();
  const { images, quotas } = engine.modules;

  router.get('/images', (req, res) => {
    const query = parseInput(imageQuerySchema, req.query);
    res.json(paginate(images.list(currentProject(req).id, query.visibility).map(toImageDto), query));
  });

  router.get('/flavors', (req, res) => {
    res.json(paginate(FLAVORS.map((flavor): FlavorDto => ({ ...flavor })), parseInput(pageQuerySchema, req.query)));
  });

  router.get('/quotas', (req, res) => {
    res.json(quotas.usage(currentProject(req).id) satisfies QuotasDto);
  });

  return router;
}
