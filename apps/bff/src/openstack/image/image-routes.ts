import { CONTAINER_FORMATS, DISK_FORMATS, EngineError, isUploaded, MAX_UPLOAD_BYTES, type Engine, type Image, type ImageMember } from '@sandcloud/engine';
import express, { Router, type Request } from 'express';
import { z } from 'zod';
import { osContext, requireScopedToken } from '../auth.ts';
import { baseUrl } from '../catalog.ts';
import { afterMarker, osTime, parseBody, queryLimit, queryString } from '../common.ts';
import { errorHandler, notFound, OsError } from '../errors.ts';

const JSON_PATCH = 'application/openstack-images-v2.1-json-patch';
/** Glance's older patch media type (`[{"replace": "/name", "value": …}]`), the one Tempest sends. */
const JSON_PATCH_V20 = 'application/openstack-images-v2.0-json-patch';

/**
 * A Glance v2 image. Public and captured images have no bytes to hash, so their checksum and hash stay
 * null (as while queued); images uploaded through the API carry their formats, tags, properties and hashes.
 */
export const imageView = (image: Image) => {
  const upload = isUploaded(image) ? image.upload : undefined;
  const properties: Record<string, string> = { ...(image.properties ?? {}), ...(upload?.properties ?? {}) };
  return {
  ...properties,
  id: image.id,
  name: image.name,
  status: upload?.deactivated ? 'deactivated' : image.status,
  visibility: upload?.shared ? 'shared' : image.visibility,
  protected: upload ? upload.protected : image.visibility === 'public',
  os_hidden: false,
  owner: image.projectId,
  size: image.status === 'active' ? Math.round(image.sizeBytes) : null,
  virtual_size: null,
  min_disk: image.minDiskGb,
  min_ram: image.minRamMb,
  disk_format: upload ? upload.diskFormat : (image.diskFormat ?? 'qcow2'),
  container_format: upload ? upload.containerFormat : 'bare',
  checksum: upload?.checksum ?? null,
  os_hash_algo: upload?.sha512 ? 'sha512' : null,
  os_hash_value: upload?.sha512 ?? null,
  tags: upload ? [...upload.tags] : ([] as string[]),
  created_at: osTime(image.createdAt),
  updated_at: osTime(image.updatedAt),
  self: `/v2/images/${image.id}`,
  file: `/v2/images/${image.id}/file`,
  schema: '/v2/schemas/image',
  // Glance keeps free-form properties at the top level; these are the ones Sandcloud records.
  description: properties.description ?? image.description,
  os_type: properties.os_type ?? image.osType,
  os_distro: properties.os_distro ?? image.osDistro,
  os_version: properties.os_version ?? image.osVersion,
  ...(image.sourceInstanceId ? { instance_uuid: image.sourceInstanceId, image_type: properties.image_type ?? 'snapshot' } : {}),
  };
};

/**
 * Deletes a project's image whatever made it: an uploaded one with its bytes, a captured one through
 * the image service (Glance's and Nova's DELETE both). A public or protected image is refused with
 * 403; `publicRefusal` words the first as each API does.
 */
export function deleteImage(engine: Engine, projectId: string, image: Image, publicRefusal: string): void {
  if (image.visibility === 'public') throw new OsError(403, publicRefusal);
  if (isUploaded(image)) {
    if (image.upload.protected) throw new OsError(403, `Image ${image.id} is protected and cannot be deleted.`);
    engine.modules.imageUploads.delete(projectId, image.id);
  } else {
    engine.modules.images.delete(projectId, image.id);
  }
}

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
  const { images, imageUploads, imageMembers } = engine.modules;
  router.use(express.json({ limit: '256kb', type: ['application/json', JSON_PATCH, JSON_PATCH_V20] }));

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
  /** The project's own image, a public one, or one shared with it (in any member status). */
  const find = (req: Request): Image => {
    try {
      return imageMembers.visible(projectOf(req), String(req.params.id));
    } catch (error) {
      if (error instanceof EngineError && error.code === 'NOT_FOUND') throw new OsError(404, `No image found with ID ${String(req.params.id)}`);
      throw error;
    }
  };

  /** Glance's own list parameters; any other names an image property to filter on. */
  const GLANCE_LIST_PARAMETERS = new Set(['name', 'status', 'visibility', 'owner', 'os_distro', 'disk_format', 'container_format', 'size', 'size_min', 'size_max', 'tag', 'limit', 'marker', 'sort', 'sort_key', 'sort_dir', 'member_status', 'created_at', 'updated_at', 'protected', 'os_hidden', 'id', 'checksum', 'min_disk', 'min_ram']);
  api.get('/images', (req, res) => {
    // `GET /v2/images/` asks for the image with an empty id, not the list.
    if (req.path.endsWith('/')) throw new OsError(404, 'No image found with ID ');
    // Images shared with the project join the list once it accepted them (Glance's default
    // `member_status=accepted`; `all` for every status).
    const memberStatus = queryString(req.query.member_status) ?? 'accepted';
    if (!['pending', 'accepted', 'rejected', 'all'].includes(memberStatus)) throw new OsError(400, `Invalid status value: ${memberStatus}`);
    const shared = imageMembers.sharedWith(projectOf(req), memberStatus === 'all' ? undefined : [memberStatus]).map(({ image }) => image);
    let list = [...images.list(projectOf(req)), ...shared].map(imageView);
    for (const key of ['name', 'status', 'visibility', 'owner', 'os_distro', 'disk_format', 'container_format'] as const) {
      const wanted = queryString(req.query[key]);
      if (wanted !== undefined && !(key === 'visibility' && wanted === 'all')) list = list.filter((image) => String(image[key]) === wanted);
    }
    const size = queryString(req.query.size);
    if (size !== undefined) list = list.filter((image) => image.size === Number(size));
    const sizeMin = queryString(req.query.size_min);
    if (sizeMin !== undefined) list = list.filter((image) => image.size !== null && image.size >= Number(sizeMin));
    const sizeMax = queryString(req.query.size_max);
    if (sizeMax !== undefined) list = list.filter((image) => image.size !== null && image.size <= Number(sizeMax));
    const tag = queryString(req.query.tag);
    if (tag !== undefined) list = list.filter((image) => image.tags.includes(tag));
    // Any other parameter filters on an image property, flattened in Glance v2 (`image_type=backup`).
    for (const [key, value] of Object.entries(req.query)) {
      if (GLANCE_LIST_PARAMETERS.has(key)) continue;
      const wanted = queryString(value);
      if (wanted !== undefined) list = list.filter((image) => (image as Record<string, unknown>)[key] === wanted);
    }
    list.sort((a, b) => (a.created_at < b.created_at ? 1 : a.created_at > b.created_at ? -1 : a.id < b.id ? 1 : -1));
    // Glance's sort_key/sort_dir (one key), on top of the default newest-first order.
    const [sortFirst, sortFirstDir] = (queryString(req.query.sort) ?? '').split(',')[0]!.split(':');
    const sortKey = queryString(req.query.sort_key) ?? (sortFirst || undefined);
    if (sortKey !== undefined) {
      if (!['name', 'size', 'status', 'created_at', 'updated_at', 'id', 'min_disk', 'min_ram', 'disk_format', 'container_format'].includes(sortKey)) {
        throw new OsError(400, `Unsupported sort_key ${sortKey}`);
      }
      const sortDir = queryString(req.query.sort_dir) ?? sortFirstDir ?? 'desc';
      if (sortDir !== 'asc' && sortDir !== 'desc') throw new OsError(400, `Unsupported sort_dir ${sortDir}`);
      const sign = sortDir === 'asc' ? 1 : -1;
      const valueOf = (image: (typeof list)[number]) => (image as Record<string, unknown>)[sortKey] as string | number | null;
      list.sort((a, b) => {
        const x = valueOf(a);
        const y = valueOf(b);
        if (x === y) return 0;
        if (x === null) return -sign;
        if (y === null) return sign;
        return (x < y ? -1 : 1) * sign;
      });
    }
    list = afterMarker(list, req.query.marker);
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

  /** Glance's create body: known attributes, and any other string is a free-form property. */
  const KNOWN = new Set(['name', 'container_format', 'disk_format', 'visibility', 'min_disk', 'min_ram', 'protected', 'tags']);
  const READ_ONLY = new Set(['id', 'status', 'owner', 'size', 'virtual_size', 'checksum', 'os_hash_algo', 'os_hash_value', 'created_at', 'updated_at', 'self', 'file', 'schema', 'locations', 'direct_url']);

  api.post('/images', (req, res) => {
    const body: unknown = req.body ?? {};
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new OsError(400, 'The request body must be a JSON object');
    const fields = body as Record<string, unknown>;
    const properties: Record<string, string> = {};
    for (const [key, value] of Object.entries(fields)) {
      if (KNOWN.has(key)) continue;
      if (READ_ONLY.has(key)) throw new OsError(403, `Attribute '${key}' is read-only.`);
      if (typeof value !== 'string') throw new OsError(400, `Property '${key}' must be a string`);
      properties[key] = value;
    }
    const optionalString = (key: string): string | null | undefined => {
      const value = fields[key];
      if (value === undefined || value === null || typeof value === 'string') return value;
      throw new OsError(400, `Invalid value for ${key}: a string is required`);
    };
    const optionalInt = (key: string): number | undefined => {
      const value = fields[key];
      if (value === undefined) return undefined;
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw new OsError(400, `Invalid value for ${key}: a whole number ≥ 0 is required`);
      return value;
    };
    // Glance's default is `shared`: private to the project until it adds members.
    const visibility = optionalString('visibility') ?? 'shared';
    if (visibility === 'public') throw new OsError(403, 'You are not authorized to complete publicize_image action.');
    if (visibility !== 'private' && visibility !== 'shared') throw new OsError(400, `Sandcloud keeps uploaded images private or shared; visibility '${visibility}' is not available`);
    const tags = fields.tags;
    if (tags !== undefined && (!Array.isArray(tags) || !tags.every((tag) => typeof tag === 'string' && tag.length <= 255))) {
      throw new OsError(400, 'Invalid value for tags: a list of strings is required');
    }
    if (fields.protected !== undefined && typeof fields.protected !== 'boolean') throw new OsError(400, 'Invalid value for protected: a boolean is required');
    const diskFormat = optionalString('disk_format');
    const containerFormat = optionalString('container_format');
    if (diskFormat != null && !(DISK_FORMATS as readonly string[]).includes(diskFormat)) throw new OsError(400, `Invalid value '${diskFormat}' for disk_format`);
    if (containerFormat != null && !(CONTAINER_FORMATS as readonly string[]).includes(containerFormat)) {
      throw new OsError(400, `Invalid value '${containerFormat}' for container_format`);
    }
    const minDiskGb = optionalInt('min_disk');
    const minRamMb = optionalInt('min_ram');
    const image = imageUploads.register(projectOf(req), {
      name: optionalString('name') ?? '',
      diskFormat,
      containerFormat,
      ...(minDiskGb !== undefined ? { minDiskGb } : {}),
      ...(minRamMb !== undefined ? { minRamMb } : {}),
      ...(typeof fields.protected === 'boolean' ? { protected: fields.protected } : {}),
      ...(tags !== undefined ? { tags: tags as string[] } : {}),
      properties,
      shared: visibility === 'shared',
    });
    res.setHeader('Location', `${baseUrl(req)}/image/v2/images/${image.id}`);
    res.status(201).json(imageView(image));
  });

  /** Both patch dialects: v2.1 `{op, path, value}` and v2.0 `{"replace": path, value}`. */
  const operationsOf = (req: Request): { op: 'add' | 'replace' | 'remove'; path: string; value?: unknown }[] => {
    if (req.is(JSON_PATCH)) return parseBody(patchSchema, req.body);
    if (!req.is(JSON_PATCH_V20)) throw new OsError(415, `Unsupported Content-Type; use ${JSON_PATCH}`);
    if (!Array.isArray(req.body)) throw new OsError(400, 'A JSON patch is a list of operations');
    return (req.body as unknown[]).map((entry) => {
      const operation = entry as Record<string, unknown>;
      const op = (['add', 'replace', 'remove'] as const).find((name) => typeof operation?.[name] === 'string');
      if (!op) throw new OsError(400, 'Each operation names one of add, replace or remove');
      const path = operation[op] as string;
      if (!/^\/[^/]+$/.test(path)) throw new OsError(400, 'Paths name one attribute, like /name');
      return { op, path, value: operation.value };
    });
  };

  api.patch('/images/:id', (req, res) => {
    const operations = operationsOf(req);
    const image = find(req);
    if (image.visibility === 'public') throw new OsError(403, 'You are not permitted to modify this image: public images are read-only in Sandcloud.');
    if (isUploaded(image)) {
      let changes = { name: image.name, minDiskGb: image.minDiskGb, minRamMb: image.minRamMb, ...image.upload, properties: { ...image.upload.properties } };
      for (const { op, path, value } of operations) {
        const attribute = path.slice(1);
        if (attribute === 'name' && op !== 'remove' && typeof value === 'string') changes = { ...changes, name: value };
        else if ((attribute === 'min_disk' || attribute === 'min_ram') && op !== 'remove' && Number.isInteger(value) && (value as number) >= 0) {
          changes = { ...changes, [attribute === 'min_disk' ? 'minDiskGb' : 'minRamMb']: value as number };
        } else if (attribute === 'protected' && op !== 'remove' && typeof value === 'boolean') changes = { ...changes, protected: value };
        else if (attribute === 'tags' && op !== 'remove' && Array.isArray(value) && value.every((tag) => typeof tag === 'string')) changes = { ...changes, tags: [...new Set(value as string[])] };
        else if (attribute === 'visibility' && op !== 'remove' && (value === 'shared' || value === 'private')) changes = { ...changes, shared: value === 'shared' };
        else if (READ_ONLY.has(attribute) || KNOWN.has(attribute) || attribute === 'os_hidden') throw new OsError(403, `Attribute '${attribute}' is read-only or cannot take that value.`);
        else if (op === 'remove') {
          if (!(attribute in changes.properties)) throw new OsError(409, `Property ${attribute} does not exist.`);
          const { [attribute]: _removed, ...rest } = changes.properties;
          changes = { ...changes, properties: rest };
        } else if (typeof value === 'string') {
          if (op === 'replace' && !(attribute in changes.properties)) throw new OsError(409, `Property ${attribute} does not exist.`);
          changes = { ...changes, properties: { ...changes.properties, [attribute]: value } };
        } else throw new OsError(400, `Invalid value for ${attribute}: a string is required`);
      }
      res.json(imageView(imageUploads.update(projectOf(req), image.id, changes)));
      return;
    }
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
    deleteImage(engine, projectOf(req), image, `Image ${image.id} is protected and cannot be deleted.`);
    res.status(204).end();
  });

  /** An image registered through this API (captured and public images take no data or tags here). */
  const uploaded = (req: Request, verb: string) => {
    const image = find(req);
    if (!isUploaded(image)) throw new OsError(403, `Image ${image.id} was not uploaded through the API; Sandcloud cannot ${verb} it.`);
    return image;
  };

  api.put('/images/:id/file', (req, res, next) => {
    const image = uploaded(req, 'store data for');
    if (image.status !== 'queued') throw new OsError(409, `Image ${image.id} is ${image.status}; only a queued image takes data.`);
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_UPLOAD_BYTES) throw new OsError(413, `Image data is at most ${MAX_UPLOAD_BYTES} bytes in Sandcloud.`);
    // Streamed in, counted as it comes: a body over the limit is cut off with 413, not buffered whole.
    const chunks: Buffer[] = [];
    let received = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      if (refused) return;
      received += chunk.length;
      if (received > MAX_UPLOAD_BYTES) {
        refused = true;
        chunks.length = 0;
        next(new OsError(413, `Image data is at most ${MAX_UPLOAD_BYTES} bytes in Sandcloud.`));
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', (error) => {
      if (!refused) next(error);
      refused = true;
    });
    req.on('end', () => {
      if (refused) return;
      try {
        imageUploads.upload(projectOf(req), image.id, Buffer.concat(chunks));
        res.status(204).end();
      } catch (error) {
        next(error);
      }
    });
  });

  api.get('/images/:id/file', (req, res) => {
    const image = find(req);
    if (!isUploaded(image)) throw new OsError(403, `Image ${image.id} has no data to download: Sandcloud keeps a captured or public image's disk, not its bytes.`);
    if (image.upload.deactivated) throw new OsError(403, `Image ${image.id} is deactivated; its data cannot be downloaded.`);
    const data = imageUploads.data(projectOf(req), image.id);
    if (!data) {
      res.status(204).end();
      return;
    }
    res.setHeader('Content-Type', 'application/octet-stream');
    if (image.upload.checksum) res.setHeader('Content-MD5', image.upload.checksum);
    res.status(200).end(data);
  });

  api.post('/images/:id/actions/:action', (req, res) => {
    const action = String(req.params.action);
    if (action !== 'deactivate' && action !== 'reactivate') throw new OsError(404, `No action ${action}`);
    const image = uploaded(req, `${action}`);
    imageUploads.setDeactivated(projectOf(req), image.id, action === 'deactivate');
    res.status(204).end();
  });

  api.put('/images/:id/tags/:tag', (req, res) => {
    const tag = String(req.params.tag);
    if (tag.length > 255) throw new OsError(400, 'A tag is at most 255 characters');
    imageUploads.addTag(projectOf(req), uploaded(req, 'tag').id, tag);
    res.status(204).end();
  });

  api.delete('/images/:id/tags/:tag', (req, res) => {
    const image = uploaded(req, 'untag');
    if (!image.upload.tags.includes(String(req.params.tag))) throw new OsError(404, `Tag ${String(req.params.tag)} not found`);
    imageUploads.removeTag(projectOf(req), image.id, String(req.params.tag));
    res.status(204).end();
  });

  // --- image members (sharing): the owner offers a shared image to projects, each accepts or rejects --

  const memberView = (member: ImageMember) => ({
    image_id: member.imageId,
    member_id: member.memberId,
    status: member.status,
    created_at: osTime(member.createdAt),
    updated_at: osTime(member.updatedAt),
    schema: '/v2/schemas/member',
  });
  const memberBody = z.strictObject({ member: z.string().min(1, 'is too short').max(255, 'is too long') });
  const statusBody = z.strictObject({ status: z.string() });

  api.get('/images/:id/members', (req, res) => {
    res.json({ members: imageMembers.list(projectOf(req), find(req).id).map(memberView), schema: '/v2/schemas/members' });
  });
  api.post('/images/:id/members', (req, res) => {
    const { member } = parseBody(memberBody, req.body ?? {});
    res.json(memberView(imageMembers.add(projectOf(req), find(req).id, member)));
  });
  api.get('/images/:id/members/:memberId', (req, res) => {
    res.json(memberView(memberOf(req)));
  });
  api.put('/images/:id/members/:memberId', (req, res) => {
    const { status } = parseBody(statusBody, req.body ?? {});
    res.json(memberView(imageMembers.setStatus(projectOf(req), find(req).id, String(req.params.memberId), status)));
  });
  api.delete('/images/:id/members/:memberId', (req, res) => {
    imageMembers.remove(projectOf(req), find(req).id, String(req.params.memberId));
    res.status(204).end();
  });
  const memberOf = (req: Request): ImageMember => {
    try {
      return imageMembers.get(projectOf(req), find(req).id, String(req.params.memberId));
    } catch (error) {
      if (error instanceof EngineError && error.code === 'NOT_FOUND') throw new OsError(404, `Member ${String(req.params.memberId)} not found`);
      throw error;
    }
  };

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

  // Glance's metadata-definition schemas (documents describing the metadefs API's records). Sandcloud
  // serves the documents so clients can read them; the metadefs API itself (namespaces, objects…) is not
  // implemented and answers 404.
  const METADEF_SCHEMAS: Record<string, string> = {
    namespace: 'namespace', namespaces: 'namespaces', resource_type: 'resource_type_association', resource_types: 'resource_type_associations',
    object: 'object', objects: 'objects', property: 'property', properties: 'properties', tag: 'tag', tags: 'tags',
  };
  api.get('/schemas/member', (_req, res) => res.json({ name: 'member', properties: { image_id: { type: 'string' }, member_id: { type: 'string' }, status: { type: 'string', enum: ['pending', 'accepted', 'rejected'] }, created_at: { type: 'string' }, updated_at: { type: 'string' }, schema: { type: 'string' } } }));
  api.get('/schemas/members', (_req, res) => res.json({ name: 'members', properties: { members: { type: 'array' }, schema: { type: 'string' } } }));
  api.get('/schemas/metadefs/:kind', (req, res) => {
    const name = METADEF_SCHEMAS[String(req.params.kind)];
    if (!name) throw new OsError(404, `No schema metadefs/${String(req.params.kind)}`);
    const plural = name.endsWith('s');
    res.json(plural ? { name, properties: { [name]: { type: 'array' }, first: { type: 'string' }, next: { type: 'string' }, schema: { type: 'string' } } } : { name, properties: { name: { type: 'string' }, created_at: { type: 'string' }, updated_at: { type: 'string' } }, additionalProperties: false });
  });

  router.use('/v2', api);
  router.use(notFound('image'));
  router.use(errorHandler('image'));
  return router;
}
