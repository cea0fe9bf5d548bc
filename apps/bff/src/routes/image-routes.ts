import type { Engine, Image } from '@sandcloud/engine';
import { createImageRequestSchema, imageListQuerySchema, updateImageRequestSchema, type ImageDto } from '@sandcloud/api-schemas';
import { Router } from 'express';
import { currentProject } from '../http/project-access.ts';
import { parseInput } from '../http/validate.ts';
import { iso } from './dto.ts';
import { listPage, resourceListSpec } from './paginate.ts';

/** Glance images: the public catalog and the project's private images captured from instances. */
export function imageRoutes(engine: Engine): Router {
  const router = Router();
  const { images } = engine.modules;

  const dto = (image: Image): ImageDto => ({
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
    allowedActions: images.allowedActions(image),
    createdAt: iso(image.createdAt)!,
  });

  router.get('/images', (req, res) => {
    const query = parseInput(imageListQuerySchema, req.query);
    const spec = resourceListSpec<Image, 'images'>('images', {
      sort: { status: (image) => image.status, osDistro: (image) => image.osDistro, sizeBytes: (image) => image.sizeBytes, minDiskGb: (image) => image.minDiskGb },
      search: (image) => [image.osDistro, image.description],
      filters: { status: (image) => image.status, osType: (image) => image.osType },
      extraKeys: ['visibility'],
    });
    res.json(listPage(images.list(currentProject(req).id, query.visibility), req.query, spec, dto));
  });

  /** Capture: answers at once with the queued image; it becomes active over a few seconds. */
  router.post('/images', (req, res) => {
    res.status(202).json(dto(images.capture(currentProject(req).id, parseInput(createImageRequestSchema, req.body))));
  });

  router.get('/images/:imageId', (req, res) => {
    res.json(dto(images.get(currentProject(req).id, String(req.params.imageId))));
  });

  router.patch('/images/:imageId', (req, res) => {
    const changes = parseInput(updateImageRequestSchema, req.body);
    res.json(dto(images.update(currentProject(req).id, String(req.params.imageId), changes)));
  });

  router.delete('/images/:imageId', (req, res) => {
    images.delete(currentProject(req).id, String(req.params.imageId));
    res.status(204).end();
  });

  return router;
}
