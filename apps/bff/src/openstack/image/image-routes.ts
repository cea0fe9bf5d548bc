import { EngineError, type Engine, type Image } from '@sandcloud/engine';
import express, { Router, type Request } from 'express';
import { z } from 'zod';
import { osContext, requireScopedToken } from '../auth.ts';
import { baseUrl } from '../catalog.ts';
import { osTime, parseBody, queryLimit, queryString } from '../common.ts';
import { errorHandler, notFound, OsError } from '../errors.ts';

const JSON_PATCH = 'application/openstack-images-v2.1-json-patch';

/** A Glance v2 image. Sandcloud has no bytes to hash, so checksum and hash stay null (as while queued). */
export const imageView = (image: Image) => ({
  id: image.id,
  name: image.name,
  status: image.status,
  visibility: image.visibility,
  protected: image.visibility === 'public',
  os_hidden: false,
  owner: image.projectId,
  size: image.status === 'active' ? Math.round(image.sizeBytes) : null,
  virtual_size: null,
  min_disk: image.minDiskGb,
  min_ram: image.minRamMb,
  disk_format: 'qcow2',
  container_format: 'bare',
  checksum: null,
  os_hash_algo: null,
  os_hash_value: null,
  tags: [] as string[],
  created_at: osTime(image.createdAt),
  updated_at: osTime(image.updatedAt),
  self: `/v2/images/${image.id}`,
  file: `/v2/images/${image.id}/file`,
  schema: '/v2/schemas/image',
  // Glance keeps free-form properties at the top level; these are the ones Sandcloud records.
  description: image.description,
  os_type: image.osType,
  os_distro: image.osDistro,
  os_version: image.osVersion,
  ...(image.sourceInstanceId ? { instance_uuid: image.sourceInstanceId, image_type: 'snapshot' } : {}),
});

const patchSchema = z.array(
  z.strictObject({
    op: z.enum(['add', 'replace', 'remove']),
    path: z.string().regex(/^\/[^/]+$/, 'Paths name one attribute, like /name'),
    value: z.unknown().optional(),
  }),
);

/** Glance's image schema, trimmed to what Sandcloud's images carry. */
const imageSchema = (name: string) => ({
  name,
  properties: Object.fromEntries(
    Object.entries(imageView({ id: '', name: '', status: 'active', visibility: 'private', projectId: null, createdAt: 0, updatedAt: 0, description: '', osType: 'linux', osDistro: '', osVersion: '', minDiskGb: 0, minRamMb: 0, sizeBytes: 0, sourceInstanceId: null, sourceInstanceName: null, rootDiskSnapshot: null } as Image)).map(
      ([key, value]) => [key, { type: value === null ? ['null', 'string'] : Array.isArray(value) ? 'array' : typeof value }],
    ),
  ),
  additionalProperties: { type: 'string' },
  links: [
    { href: '{self}', rel: 'self' },
    { href: '{file}', rel: 'enclosure' },
    { href: '{schema}', rel: 'describedby' },
  ],
});

const VERSIONS = ['2.9', '2.8', '2.7', '2.6', '2.5', '2.4', '2.3', '2.2', '2.1', '2.0'];

/** Glance v2 at /image: version list, images read/update/delete, schemas. */
export function imageRoutes(engine: Engine): Router {
  const router = Router();
  const { images } = engine.modules;
  router.use(express.json({ limit: '256kb', type: ['application/json', JSON_PATCH] }));

  const versions = (req: Request) => ({
    versions: VERSIONS.map((id, index) => ({
      id: `v${id}`,
      status: index === 0 ? 'CURRENT' : 'SUPPORTED',
      links: [{ rel: 'self', href: `${baseUrl(req)}/image/v2/` }],
    })),
  });
  router.get('/', (req, res) => res.status(300).json(versions(req)));
  router.get('/versions', (req, res) => res.json(versions(req)));

  const api = Router();
  api.use(requireScopedToken(engine));
  const projectOf = (req: Request) => osContext(req).project.id;
  const find = (req: Request): Image => {
    try {
      return images.get(projectOf(req), String(req.params.id));
    } catch (error) {
      if (error instanceof EngineError && error.code === 'NOT_FOUND') throw new OsError(404, `No image found with ID ${String(req.params.id)}`);
      throw error;
    }
  };

  api.get('/images', (req, res) => {
    let list = images.list(projectOf(req)).map(imageView);
    for (const key of ['name', 'status', 'visibility', 'owner', 'os_distro', 'disk_format', 'container_format'] as const) {
      const wanted = queryString(req.query[key]);
      if (wanted !== undefined && !(key === 'visibility' && wanted === 'all')) list = list.filter((image) => String(image[key]) === wanted);
    }
    list.sort((a, b) => (a.created_at < b.created_at ? 1 : a.created_at > b.created_at ? -1 : a.id < b.id ? 1 : -1));
    const marker = queryString(req.query.marker);
    if (marker !== undefined) {
      const at = list.findIndex((image) => image.id === marker);
      if (at < 0) throw new OsError(400, `marker [${marker}] not found`);
      list = list.slice(at + 1);
    }
    const limit = queryLimit(req.query.limit, (message) => new OsError(400, message)) ?? 25;
    const page = list.slice(0, limit);
    const last = page[page.length - 1];
    res.json({
      images: page,
      schema: '/v2/schemas/images',
      first: '/v2/images',
      ...(list.length > limit && last ? { next: `/v2/images?marker=${last.id}&limit=${limit}` } : {}),
    });
  });

  api.get('/images/:id', (req, res) => res.json(imageView(find(req))));

  api.patch('/images/:id', (req, res) => {
    if (!req.is(JSON_PATCH)) throw new OsError(415, `Unsupported Content-Type; use ${JSON_PATCH}`);
    const operations = parseBody(patchSchema, req.body);
    const image = find(req);
    if (image.visibility === 'public') throw new OsError(403, 'You are not permitted to modify this image: public images are read-only in Sandcloud.');
    const changes: { name?: string; description?: string } = {};
    for (const { op, path, value } of operations) {
      const attribute = path.slice(1);
      if ((attribute === 'name' || attribute === 'description') && op !== 'remove') {
        if (typeof value !== 'string') throw new OsError(400, `Invalid value for ${attribute}: a string is required`);
        changes[attribute] = value;
      } else if (attribute in imageView(image)) {
        throw new OsError(403, `Attribute '${attribute}' is read-only.`);
      } else {
        throw new OsError(400, `Sandcloud stores only name and description of an image; it cannot ${op} '${attribute}'.`);
      }
    }
    res.json(imageView(images.update(projectOf(req), image.id, changes)));
  });

  api.delete('/images/:id', (req, res) => {
    const image = find(req);
    if (image.visibility === 'public') throw new OsError(403, `Image ${image.id} is protected and cannot be deleted.`);
    images.delete(projectOf(req), image.id);
    res.status(204).end();
  });

  api.get('/schemas/image', (_req, res) => res.json(imageSchema('image')));
  api.get('/schemas/images', (_req, res) => {
    res.json({
      name: 'images',
      properties: { images: { type: 'array', items: imageSchema('image') }, schema: { type: 'string' }, first: { type: 'string' }, next: { type: 'string' } },
      links: [
        { href: '{first}', rel: 'first' },
        { href: '{next}', rel: 'next' },
        { href: '{schema}', rel: 'describedby' },
      ],
    });
  });

  router.use('/v2', api);
  router.use(notFound('image'));
  router.use(errorHandler('image'));
  return router;
}
