import { EngineError, isUploaded, type Engine, type Image } from '@sandcloud/engine';
import { Router, type Request } from 'express';
import { osContext } from '../auth.ts';
import { baseUrl } from '../catalog.ts';
import { afterMarker, osTime, parseBody, queryLimit, queryString } from '../common.ts';
import { OsError } from '../errors.ts';
import { deleteImage } from '../image/image-routes.ts';
import { metadataBodySchema, metaItemValue } from './server-routes.ts';

// Nova's image proxy (`/compute/v2.1/images`, deprecated in Nova 2.36 but part of 2.1): Glance's
// images as Nova shows them, over the same engine services as Glance's own API.

/** Nova's image status for Glance's: queued and saving are SAVING, a failed capture ERROR. */
const NOVA_STATUS: Record<string, string> = { queued: 'SAVING', saving: 'SAVING', active: 'ACTIVE', killed: 'ERROR', deleted: 'DELETED', pending_delete: 'DELETED' };
const PROGRESS: Record<string, number> = { queued: 25, saving: 50, active: 100 };

/** An image's Glance properties, which Nova calls its metadata. */
export function imageMetadata(image: Image): Record<string, string> {
  if (isUploaded(image)) return { ...image.upload.properties };
  const own = { ...(image.properties ?? {}) };
  if (image.sourceInstanceId) return { instance_uuid: image.sourceInstanceId, image_type: 'snapshot', ...own };
  return { os_type: image.osType, os_distro: image.osDistro, os_version: image.osVersion, ...own };
}


export function imageProxyRoutes(engine: Engine): Router {
  const router = Router();
  const { images, imageUploads } = engine.modules;
  const projectOf = (req: Request) => osContext(req).project.id;
  const find = (req: Request): Image => {
    try {
      return images.get(projectOf(req), String(req.params.imageId));
    } catch (error) {
      if (error instanceof EngineError && error.code === 'NOT_FOUND') throw new OsError(404, 'Image not found.');
      throw error;
    }
  };
  const links = (req: Request, id: string) => {
    const base = baseUrl(req);
    return [
      { rel: 'self', href: `${base}/compute/v2.1/images/${id}` },
      { rel: 'bookmark', href: `${base}/compute/images/${id}` },
      { rel: 'alternate', type: 'application/vnd.openstack.image', href: `${base}/image/images/${id}` },
    ];
  };
  const statusOf = (image: Image) => (isUploaded(image) && image.upload.deactivated ? 'UNKNOWN' : (NOVA_STATUS[image.status] ?? 'UNKNOWN'));
  const detail = (req: Request, image: Image) => ({
    id: image.id,
    name: image.name,
    status: statusOf(image),
    progress: PROGRESS[image.status] ?? 0,
    created: osTime(image.createdAt),
    updated: osTime(image.updatedAt),
    minDisk: image.minDiskGb,
    minRam: image.minRamMb,
    metadata: imageMetadata(image),
    links: links(req, image.id),
    'OS-EXT-IMG-SIZE:size': image.status === 'active' ? Math.round(image.sizeBytes) : null,
    ...(image.sourceInstanceId
      ? {
          server: {
            id: image.sourceInstanceId,
            links: [
              { rel: 'self', href: `${baseUrl(req)}/compute/v2.1/servers/${image.sourceInstanceId}` },
              { rel: 'bookmark', href: `${baseUrl(req)}/compute/servers/${image.sourceInstanceId}` },
            ],
          },
        }
      : {}),
  });

  /** Nova's filters (name, status, server, type, changes-since), newest first, then marker and limit. */
  function listed(req: Request): Image[] {
    let list = images.list(projectOf(req)).sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
    const name = queryString(req.query.name);
    if (name !== undefined) list = list.filter((image) => image.name === name);
    const status = queryString(req.query.status);
    if (status !== undefined) list = list.filter((image) => statusOf(image) === status.toUpperCase());
    const server = queryString(req.query.server);
    if (server !== undefined) {
      const id = server.replace(/\/+$/, '').split('/').pop();
      list = list.filter((image) => image.sourceInstanceId === id);
    }
    const type = queryString(req.query.type);
    if (type !== undefined) list = list.filter((image) => (type === 'snapshot') === (image.sourceInstanceId !== null));
    const changesSince = queryString(req.query['changes-since']);
    if (changesSince !== undefined) {
      const since = Date.parse(changesSince);
      if (Number.isNaN(since)) throw new OsError(400, `Invalid input for query parameters changes-since. Value: ${changesSince}. It is not a valid date-time`);
      list = list.filter((image) => image.updatedAt >= Math.floor(since / 1000) * 1000);
    }
    list = afterMarker(list, req.query.marker);
    const limit = queryLimit(req.query.limit, (message) => new OsError(400, message));
    return limit === undefined ? list : list.slice(0, limit);
  }

  router.get('/images', (req, res) => {
    res.json({ images: listed(req).map((image) => ({ id: image.id, name: image.name, links: links(req, image.id) })) });
  });
  router.get('/images/detail', (req, res) => {
    res.json({ images: listed(req).map((image) => detail(req, image)) });
  });
  router.get('/images/:imageId', (req, res) => {
    res.json({ image: detail(req, find(req)) });
  });

  router.delete('/images/:imageId', (req, res) => {
    const image = find(req);
    deleteImage(engine, projectOf(req), image, `Image ${image.id} is a public image and cannot be deleted.`);
    res.status(204).end();
  });

  // --- image metadata: Glance's free-form properties ------------------------------------------

  /** Replaces an image's properties (a private image of the project; public images are read-only). */
  const setProperties = (req: Request, image: Image, properties: Record<string, string>): Record<string, string> => {
    if (image.visibility === 'public') throw new OsError(403, `Image ${image.id} is a public image; its metadata is read-only.`);
    const updated = isUploaded(image)
      ? imageUploads.update(projectOf(req), image.id, { properties })
      : images.update(projectOf(req), image.id, { properties: Object.fromEntries(Object.entries(properties).filter(([key]) => key !== 'instance_uuid' && key !== 'image_type')) });
    return imageMetadata(updated);
  };

  router.get('/images/:imageId/metadata', (req, res) => {
    res.json({ metadata: imageMetadata(find(req)) });
  });
  /** PUT replaces every item. */
  router.put('/images/:imageId/metadata', (req, res) => {
    const { metadata } = parseBody(metadataBodySchema, req.body ?? {});
    res.json({ metadata: setProperties(req, find(req), metadata) });
  });
  /** POST merges the items in. */
  router.post('/images/:imageId/metadata', (req, res) => {
    const { metadata } = parseBody(metadataBodySchema, req.body ?? {});
    const image = find(req);
    res.json({ metadata: setProperties(req, image, { ...imageMetadata(image), ...metadata }) });
  });
  router.get('/images/:imageId/metadata/:key', (req, res) => {
    const key = String(req.params.key);
    const value = imageMetadata(find(req))[key];
    if (value === undefined) throw new OsError(404, `Image ${String(req.params.imageId)} has no metadata item ${key}.`);
    res.json({ meta: { [key]: value } });
  });
  router.put('/images/:imageId/metadata/:key', (req, res) => {
    const key = String(req.params.key);
    const value = metaItemValue(req.body, key);
    const image = find(req);
    setProperties(req, image, { ...imageMetadata(image), [key]: value });
    res.json({ meta: { [key]: value } });
  });
  router.delete('/images/:imageId/metadata/:key', (req, res) => {
    const key = String(req.params.key);
    const image = find(req);
    const current = imageMetadata(image);
    if (current[key] === undefined) throw new OsError(404, `Image ${image.id} has no metadata item ${key}.`);
    const { [key]: _removed, ...rest } = current;
    setProperties(req, image, rest);
    res.status(204).end();
  });

  return router;
}
