import { MAX_VOLUME_GB, MIN_VOLUME_GB, VOLUME_TYPES, ZONES, type VolumeType } from '@sandcloud/domain';
import { CONTAINER_FORMATS, DISK_FORMATS, EngineError, type Engine, type Image, type Volume, type VolumeSnapshot } from '@sandcloud/engine';
import express, { Router, type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import { osContext, requireScopedToken } from '../auth.ts';
import { baseUrl } from '../catalog.ts';
import { osTime, parseBody, queryLimit, queryString } from '../common.ts';
import { notFound, OsError } from '../errors.ts';
import { volumeErrorHandler } from './volume-errors.ts';
import { DEFAULT_VOLUME_TYPE, snapshotView, VOLUME_TYPE_IDS, volumeLinks, volumeTypeView, volumeView } from './volume-views.ts';

const VERSION = '3.0';

const sizeField = z.union([z.number().int(), z.string().regex(/^\d+$/, 'must be an integer')]).transform(Number);
const text = z.string().max(255, 'is too long').nullable().optional();
const metadataField = z.record(z.string().min(1).max(255), z.string().max(255));

const createVolumeSchema = z.object({
  volume: z.object({
    size: sizeField.optional(),
    name: text,
    display_name: text,
    description: text,
    display_description: text,
    availability_zone: z.string().nullable().optional(),
    volume_type: z.string().nullable().optional(),
    snapshot_id: z.string().nullable().optional(),
    source_volid: z.string().nullable().optional(),
    imageRef: z.string().nullable().optional(),
    multiattach: z.literal(false, { error: 'Sandcloud volumes attach to one server at a time (multiattach is off)' }).optional(),
    metadata: metadataField.optional(),
    consistencygroup_id: z.null().optional(),
    backup_id: z.null({ error: 'Sandcloud has no volume backups' }).optional(),
  }),
});

const updateVolumeSchema = z.object({
  volume: z.object({ name: text, display_name: text, description: text, display_description: text, metadata: metadataField.optional() }),
});

const createSnapshotSchema = z.object({
  snapshot: z.object({
    volume_id: z.string().nullable().optional(),
    name: text,
    display_name: text,
    description: text,
    display_description: text,
    force: z.union([z.boolean(), z.string()]).optional(),
    metadata: metadataField.optional(),
  }),
});

/** Cinder's snapshot update: its name and description (either spelling). */
const updateSnapshotSchema = z.object({ snapshot: z.object({ name: text, display_name: text, description: text, display_description: text }) });

/** Cinder takes a boolean or its text ("true", "False"…). */
const booleanField = z.union([z.boolean(), z.enum(['true', 'false', 'True', 'False'])]).transform((value) => value === true || value === 'true' || value === 'True');

const metadataBody = z.object({ metadata: metadataField });
const metaItemBody = z.object({ meta: metadataField });

/** Cinder's sort keys, as attributes of the engine's resources. */
const SORT_KEYS: Record<string, string> = { id: 'id', name: 'name', display_name: 'name', status: 'status', size: 'sizeGb', created_at: 'createdAt', updated_at: 'updatedAt', availability_zone: 'zone' };

/**
 * Cinder's list paging: `sort_key`/`sort_dir` (or `sort=key:dir`, newest first by default), then
 * `marker` and `limit`, with a `next` link whenever a page is full, and `Content-Location` naming
 * the page's own URL (Tempest follows the links and compares them).
 */
function paged<T extends { id: string; createdAt: number }>(req: Request, res: Response, list: T[], collection: string): { page: T[]; links: object } {
  const sortParam = queryString(req.query.sort);
  const [sortKey, sortDir] = sortParam ? sortParam.split(',')[0]!.split(':') : [queryString(req.query.sort_key), queryString(req.query.sort_dir)];
  const key = SORT_KEYS[sortKey ?? 'created_at'];
  if (!key) throw new OsError(400, `Invalid input received: Invalid sort key ${sortKey}`);
  if (sortDir !== undefined && sortDir !== 'asc' && sortDir !== 'desc') throw new OsError(400, `Invalid input received: Invalid sort direction ${sortDir}`);
  const direction = (sortDir ?? 'desc') === 'desc' ? -1 : 1;
  const value = (item: T) => (item as unknown as Record<string, string | number>)[key]!;
  let sorted = [...list].sort((a, b) => (value(a) < value(b) ? -1 : value(a) > value(b) ? 1 : a.id < b.id ? -1 : 1) * direction);
  const marker = queryString(req.query.marker);
  if (marker !== undefined) {
    const at = sorted.findIndex((item) => item.id === marker);
    if (at < 0) throw new OsError(404, `Marker ${marker} could not be found.`);
    sorted = sorted.slice(at + 1);
  }
  const offset = queryLimit(req.query.offset, (message) => new OsError(400, `Invalid input received: ${message.replace('limit', 'offset')}`));
  if (offset !== undefined) sorted = sorted.slice(offset);
  res.setHeader('Content-Location', `${baseUrl(req)}${req.originalUrl}`);
  const limit = queryLimit(req.query.limit, (message) => new OsError(400, `Invalid input received: ${message}`));
  if (limit === undefined || limit === 0 || sorted.length < limit) return { page: limit === 0 ? [] : sorted, links: {} };
  const page = sorted.slice(0, limit);
  const query = new URLSearchParams(Object.entries(req.query).flatMap(([name, v]) => (name === 'marker' ? [] : [[name, String(queryString(v) ?? '')] as [string, string]])));
  query.set('marker', page[page.length - 1]!.id);
  const path = req.originalUrl.split('?')[0];
  return { page, links: { [`${collection}_links`]: [{ rel: 'next', href: `${baseUrl(req)}${path}?${query.toString()}` }] } };
}

/** Cinder v3 at /volume: the version documents without a token, the API behind one. */
export function volumeRoutes(engine: Engine): Router {
  const router = Router();
  const { volumes, volumeSnapshots, volumeMetadata, quotas, images } = engine.modules;
  router.use(express.json({ limit: '256kb' }));
  router.use((_req, res, next) => {
    res.setHeader('OpenStack-API-Version', `volume ${VERSION}`);
    res.setHeader('Vary', 'OpenStack-API-Version');
    next();
  });

  const versionDoc = (req: Request) => ({
    id: 'v3.0',
    status: 'CURRENT',
    version: VERSION,
    min_version: VERSION,
    updated: '2016-02-08T12:20:21Z',
    links: [{ rel: 'self', href: `${baseUrl(req)}/volume/v3/` }],
    'media-types': [{ base: 'application/json', type: 'application/vnd.openstack.volume+json;version=3' }],
  });
  router.get('/', (req, res) => res.status(300).json({ versions: [versionDoc(req)] }));
  router.get(['/v3', '/v3/'], (req, res) => res.json({ versions: [versionDoc(req)] }));

  const api = Router();
  api.use(requireScopedToken(engine), (req: Request, _res: Response, next: NextFunction) => {
    const urlProject = (req as Request & { urlProject?: string }).urlProject;
    if (urlProject !== undefined && urlProject.replace(/-/g, '') !== osContext(req).project.id.replace(/-/g, '')) {
      throw new OsError(404, `Project ${urlProject} in the URL is not the token's project.`);
    }
    next();
  });
  // Cinder's routes are strict: `/volumes/` (no id) is not the list.
  api.use((req: Request, _res: Response, next: NextFunction) => {
    if (req.path.length > 1 && req.path.endsWith('/')) throw new OsError(404, `The resource could not be found: ${req.method} ${req.originalUrl.split('?')[0]}`);
    next();
  });
  const projectOf = (req: Request) => osContext(req).project.id;
  const ctxOf = (req: Request, volume: Volume) => ({ base: baseUrl(req), userId: osContext(req).user.id, metadata: volumeMetadata.get(projectOf(req), volume.id) });

  const findVolume = (req: Request, id = String(req.params.volumeId)): Volume => {
    try {
      return volumes.get(projectOf(req), id);
    } catch (error) {
      if (error instanceof EngineError && error.code === 'NOT_FOUND') throw new OsError(404, `Volume ${id} could not be found.`);
      throw error;
    }
  };
  const findSnapshot = (req: Request, id = String(req.params.snapshotId)): VolumeSnapshot => {
    try {
      return volumeSnapshots.get(projectOf(req), id);
    } catch (error) {
      if (error instanceof EngineError && error.code === 'NOT_FOUND') throw new OsError(404, `Snapshot ${id} could not be found.`);
      throw error;
    }
  };
  /** Cinder's `imageRef`: an image the project may use (404 as Cinder's ImageNotFound otherwise). */
  const findImage = (req: Request, id: string): Image => {
    try {
      return images.get(projectOf(req), id);
    } catch (error) {
      if (error instanceof EngineError && error.code === 'NOT_FOUND') throw new OsError(404, `Image ${id} could not be found.`);
      throw error;
    }
  };
  const typeByNameOrId = (value: string): VolumeType => {
    const found = VOLUME_TYPES.find((name) => name === value || VOLUME_TYPE_IDS[name] === value);
    if (!found) throw new OsError(404, `Volume type with name ${value} could not be found.`);
    return found;
  };

  /** Cinder's list filters: name, status, availability_zone, volume_type, metadata, bootable. */
  function filteredVolumes(req: Request): Volume[] {
    let list = volumes.list(projectOf(req));
    const name = queryString(req.query.name) ?? queryString(req.query.display_name);
    if (name !== undefined) list = list.filter((v) => v.name === name);
    const status = queryString(req.query.status);
    if (status !== undefined) list = list.filter((v) => v.status === status.toLowerCase());
    const zone = queryString(req.query.availability_zone);
    if (zone !== undefined) list = list.filter((v) => v.zone === zone);
    const type = queryString(req.query.volume_type);
    if (type !== undefined) list = list.filter((v) => v.volumeType === type || VOLUME_TYPE_IDS[v.volumeType] === type);
    const bootable = queryString(req.query.bootable);
    if (bootable !== undefined) {
      const wanted = ['true', '1', 'yes', 't', 'on'].includes(bootable.toLowerCase());
      list = list.filter((v) => (v.bootable ?? false) === wanted);
    }
    const metadata = queryString(req.query.metadata);
    if (metadata !== undefined) {
      let wanted: Record<string, unknown>;
      try {
        wanted = JSON.parse(metadata.replace(/'/g, '"')) as Record<string, unknown>;
      } catch {
        throw new OsError(400, `Invalid input received: metadata filter ${metadata} is not a JSON object`);
      }
      list = list.filter((v) => {
        const have = volumeMetadata.get(projectOf(req), v.id);
        return Object.entries(wanted).every(([key, value]) => have[key] === String(value));
      });
    }
    return list;
  }

  api.get('/volumes', (req, res) => {
    const { page, links } = paged(req, res, filteredVolumes(req), 'volumes');
    res.json({ volumes: page.map((v) => ({ id: v.id, name: v.name, links: volumeLinks(baseUrl(req), projectOf(req), v.id) })), ...links });
  });
  api.get('/volumes/detail', (req, res) => {
    const { page, links } = paged(req, res, filteredVolumes(req), 'volumes');
    res.json({ volumes: page.map((v) => volumeView(v, ctxOf(req, v))), ...links });
  });
  api.get('/volumes/:volumeId', (req, res) => {
    const volume = findVolume(req);
    res.json({ volume: volumeView(volume, ctxOf(req, volume)) });
  });

  api.post('/volumes', (req, res) => {
    const { volume: input } = parseBody(createVolumeSchema, req.body ?? {});
    const projectId = projectOf(req);
    if (input.source_volid) {
      findVolume(req, input.source_volid);
      throw new OsError(400, 'Invalid input received: Sandcloud creates volumes empty or from a snapshot; cloning a volume (source_volid) is not supported');
    }
    if (input.imageRef && input.snapshot_id) throw new OsError(400, 'Invalid input received: Only one of snapshot_id, source_volid, imageRef may be given.');
    const image = input.imageRef ? findImage(req, input.imageRef) : undefined;
    const snapshot = input.snapshot_id ? findSnapshot(req, input.snapshot_id) : undefined;
    const size = input.size ?? snapshot?.sizeGb ?? (image ? Math.max(image.minDiskGb, MIN_VOLUME_GB) : undefined);
    if (size === undefined) throw new OsError(400, "Invalid input for field/attribute volume. 'size' is a required property");
    if (size < MIN_VOLUME_GB || size > MAX_VOLUME_GB) {
      throw new OsError(400, `Invalid input received: Sandcloud volumes are ${MIN_VOLUME_GB} to ${MAX_VOLUME_GB} GB (size ${size})`);
    }
    const zone = input.availability_zone ?? undefined;
    if (zone !== undefined && !(ZONES as readonly string[]).includes(zone)) throw new OsError(400, `Invalid input received: Availability zone '${zone}' is invalid.`);
    const created = volumes.create(projectId, {
      // Cinder allows a volume without a name; Sandcloud's have one: "volume", as the console's default.
      name: input.name || input.display_name || 'volume',
      description: input.description ?? input.display_description ?? '',
      sizeGb: size,
      ...(input.volume_type ? { volumeType: typeByNameOrId(input.volume_type) } : {}),
      ...(zone !== undefined ? { zone } : {}),
      ...(snapshot ? { snapshotId: snapshot.id } : {}),
      ...(image ? { imageId: image.id } : {}),
    });
    if (input.metadata && Object.keys(input.metadata).length > 0) volumeMetadata.set(projectId, created.id, input.metadata, true);
    res.status(202).json({ volume: volumeView(created, ctxOf(req, created), 'create') });
  });

  api.put('/volumes/:volumeId', (req, res) => {
    const { volume: input } = parseBody(updateVolumeSchema, req.body ?? {});
    const volume = findVolume(req);
    const name = input.name ?? input.display_name;
    const description = input.description ?? input.display_description;
    const updated = volumes.update(projectOf(req), volume.id, {
      ...(name !== undefined && name !== null ? { name } : {}),
      ...(description !== undefined ? { description: description ?? '' } : {}),
    });
    if (input.metadata) volumeMetadata.set(projectOf(req), volume.id, input.metadata, true);
    res.json({ volume: volumeView(updated, ctxOf(req, updated), 'create') });
  });

  api.delete('/volumes/:volumeId', (req, res) => {
    const volume = findVolume(req);
    if (volume.status === 'deleting') throw new OsError(400, `Invalid volume: Volume ${volume.id} is already being deleted.`);
    const cascade = queryString(req.query.cascade);
    if (cascade === 'true' || cascade === 'True') {
      const snapshots = volumeSnapshots.list(projectOf(req)).filter((s) => s.volumeId === volume.id);
      if (snapshots.length > 0) throw new OsError(400, 'Invalid volume: Sandcloud deletes snapshots one by one; delete them first (cascade is not supported).');
    }
    volumes.delete(projectOf(req), volume.id);
    res.status(202).end();
  });

  api.post('/volumes/:volumeId/action', (req, res) => {
    const body: unknown = req.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body) || Object.keys(body).length !== 1) {
      throw new OsError(400, 'Invalid input received: one action per request');
    }
    const [action, args] = Object.entries(body)[0] as [string, unknown];
    const volume = findVolume(req);
    const projectId = projectOf(req);
    switch (action) {
      case 'os-extend': {
        const { new_size } = parseBody(z.object({ new_size: sizeField }), args ?? {});
        if (volume.status !== 'available') throw new OsError(400, `Invalid volume: Volume ${volume.id} status must be available to extend, but current status is: ${volume.status}.`);
        if (new_size <= volume.sizeGb) throw new OsError(400, `Invalid input received: New size for extend must be greater than current size. (current: ${volume.sizeGb}, extended: ${new_size}).`);
        volumes.extend(projectId, volume.id, new_size);
        break;
      }
      case 'os-attach': {
        const { instance_uuid } = parseBody(z.object({ instance_uuid: z.string().min(1), mountpoint: z.string().optional(), mode: z.enum(['rw', 'ro']).optional() }), args ?? {});
        volumes.attach(projectId, volume.id, instance_uuid);
        break;
      }
      case 'os-detach': {
        parseBody(z.object({ attachment_id: z.string().optional() }).nullable(), args ?? {});
        volumes.detach(projectId, volume.id);
        break;
      }
      case 'os-set_bootable': {
        const { bootable } = parseBody(z.object({ bootable: booleanField }), args ?? {});
        volumes.setBootable(projectId, volume.id, bootable);
        res.status(200).end();
        return;
      }
      case 'os-reserve':
        parseBody(z.union([z.null(), z.strictObject({})]), args ?? null);
        if (volume.status !== 'available') throw new OsError(400, `Invalid volume: Volume status must be available to reserve, but the status is ${volume.status}.`);
        volumes.reserve(projectId, volume.id);
        break;
      case 'os-unreserve':
        parseBody(z.union([z.null(), z.strictObject({})]), args ?? null);
        if (volume.status === 'attaching' && !volume.attachment) volumes.unreserve(projectId, volume.id);
        break;
      case 'os-update_readonly_flag': {
        const { readonly } = parseBody(z.object({ readonly: booleanField }), args ?? {});
        volumes.setReadOnly(projectId, volume.id, readonly);
        break;
      }
      case 'os-volume_upload_image': {
        const upload = parseBody(
          z.object({
            image_name: z.string().trim().min(1, 'is too short').max(255, 'is too long'),
            force: booleanField.optional(),
            disk_format: z.enum(DISK_FORMATS).optional(),
            container_format: z.enum(CONTAINER_FORMATS).optional(),
            visibility: z.enum(['private']).optional(),
            protected: z.literal(false).optional(),
          }),
          args ?? {},
        );
        if (volume.status === 'in-use' && !upload.force) throw new OsError(400, `Invalid volume: Volume ${volume.id} status must be available or in-use (with force), but current status is: in-use.`);
        const { volume: uploading, image } = volumes.uploadToImage(projectId, volume.id, { imageName: upload.image_name, diskFormat: upload.disk_format ?? 'raw', force: upload.force ?? false });
        res.status(202).json({
          'os-volume_upload_image': {
            id: uploading.id,
            updated_at: osTime(uploading.updatedAt),
            status: uploading.status,
            display_description: uploading.description,
            size: uploading.sizeGb,
            volume_type: volumeTypeView(uploading.volumeType),
            image_id: image.id,
            container_format: upload.container_format ?? 'bare',
            disk_format: upload.disk_format ?? 'raw',
            image_name: image.name,
          },
        });
        return;
      }
      case 'os-begin_detaching':
      case 'os-roll_detaching':
      case 'os-retype':
      case 'os-migrate_volume':
        throw new OsError(400, `Invalid input received: Sandcloud does not simulate the volume action ${action}.`);
      case 'os-reset_status':
      case 'os-force_delete':
      case 'os-force_detach':
        throw new OsError(403, `Policy doesn't allow volume_extension:${action.replace('os-', 'volume_admin_actions:')} to be performed.`);
      default:
        throw new OsError(400, `Invalid input received: There is no such action: ${action}`);
    }
    res.status(202).end();
  });

  // Volume and snapshot metadata, the same calls under each.
  const metadataRoutes = (base: string, owner: 'volume' | 'snapshot', kind: string) => {
    const idOf = (req: Request) => {
      const id = String(req.params.ownerId);
      return owner === 'volume' ? findVolume(req, id).id : findSnapshot(req, id).id;
    };
    const noKey = (req: Request, key: string) => new OsError(404, `${kind} ${String(req.params.ownerId)} has no metadata with key ${key}.`);
    api.get(`${base}/:ownerId/metadata`, (req, res) => res.json({ metadata: volumeMetadata.get(projectOf(req), idOf(req), owner) }));
    api.post(`${base}/:ownerId/metadata`, (req, res) => {
      const { metadata } = parseBody(metadataBody, req.body ?? {});
      res.json({ metadata: volumeMetadata.set(projectOf(req), idOf(req), metadata, false, owner) });
    });
    api.put(`${base}/:ownerId/metadata`, (req, res) => {
      const { metadata } = parseBody(metadataBody, req.body ?? {});
      res.json({ metadata: volumeMetadata.set(projectOf(req), idOf(req), metadata, true, owner) });
    });
    api.get(`${base}/:ownerId/metadata/:key`, (req, res) => {
      const metadata = volumeMetadata.get(projectOf(req), idOf(req), owner);
      const key = String(req.params.key);
      if (!(key in metadata)) throw noKey(req, key);
      res.json({ meta: { [key]: metadata[key] } });
    });
    api.put(`${base}/:ownerId/metadata/:key`, (req, res) => {
      const { meta } = parseBody(metaItemBody, req.body ?? {});
      const key = String(req.params.key);
      if (Object.keys(meta).length !== 1 || !(key in meta)) throw new OsError(400, 'Invalid input received: Request body and URI mismatch');
      volumeMetadata.set(projectOf(req), idOf(req), meta, false, owner);
      res.json({ meta });
    });
    api.delete(`${base}/:ownerId/metadata/:key`, (req, res) => {
      const key = String(req.params.key);
      if (!volumeMetadata.deleteKey(projectOf(req), idOf(req), key, owner)) throw noKey(req, key);
      res.status(200).end();
    });
  };
  metadataRoutes('/volumes', 'volume', 'Volume');
  metadataRoutes('/snapshots', 'snapshot', 'Snapshot');

  // Snapshots.
  const metadataOf = (req: Request, snapshot: VolumeSnapshot) => volumeMetadata.get(projectOf(req), snapshot.id, 'snapshot');
  const filteredSnapshots = (req: Request) => {
    let list = volumeSnapshots.list(projectOf(req));
    const name = queryString(req.query.name);
    if (name !== undefined) list = list.filter((s) => s.name === name);
    const status = queryString(req.query.status);
    if (status !== undefined) list = list.filter((s) => s.status === status.toLowerCase());
    const volumeId = queryString(req.query.volume_id);
    if (volumeId !== undefined) list = list.filter((s) => s.volumeId === volumeId);
    return list;
  };
  api.get(['/snapshots', '/snapshots/detail'], (req, res) => {
    const { page, links } = paged(req, res, filteredSnapshots(req), 'snapshots');
    // The summary list has no extended attributes (progress, project), the detail list does.
    res.json({ snapshots: page.map((s) => snapshotView(s, metadataOf(req, s), req.path.endsWith('/detail') ? 'show' : 'create')), ...links });
  });
  api.get('/snapshots/:snapshotId', (req, res) => {
    const snapshot = findSnapshot(req);
    res.json({ snapshot: snapshotView(snapshot, metadataOf(req, snapshot)) });
  });
  api.post('/snapshots', (req, res) => {
    const { snapshot: input } = parseBody(createSnapshotSchema, req.body ?? {});
    const volume = findVolume(req, input.volume_id ?? 'None');
    const force = input.force === true || String(input.force).toLowerCase() === 'true';
    if (volume.status === 'in-use' && !force) throw new OsError(400, `Invalid volume: Volume ${volume.id} status must be available, but current status is: in-use.`);
    const name = input.name ?? input.display_name ?? `snapshot-${volume.name}`;
    const created = volumeSnapshots.create(projectOf(req), { volumeId: volume.id, name, description: input.description ?? input.display_description ?? '' });
    if (input.metadata && Object.keys(input.metadata).length > 0) volumeMetadata.set(projectOf(req), created.id, input.metadata, true, 'snapshot');
    res.status(202).json({ snapshot: snapshotView(created, metadataOf(req, created), 'create') });
  });
  api.put('/snapshots/:snapshotId', (req, res) => {
    const { snapshot: input } = parseBody(updateSnapshotSchema, req.body ?? {});
    const snapshot = findSnapshot(req);
    const name = input.name ?? input.display_name;
    const description = input.description ?? input.display_description;
    const updated = volumeSnapshots.update(projectOf(req), snapshot.id, {
      ...(name !== undefined && name !== null ? { name } : {}),
      ...(description !== undefined ? { description: description ?? '' } : {}),
    });
    // Cinder's update answers the snapshot without the extended attributes (as create does).
    res.json({ snapshot: snapshotView(updated, metadataOf(req, updated), 'create') });
  });
  api.delete('/snapshots/:snapshotId', (req, res) => {
    const snapshot = findSnapshot(req);
    volumeSnapshots.delete(projectOf(req), snapshot.id);
    res.status(202).end();
  });

  // Volume types, zones, limits and quotas.
  api.get('/types', (_req, res) => res.json({ volume_types: VOLUME_TYPES.map(volumeTypeView) }));
  api.get('/types/default', (_req, res) => res.json({ volume_type: volumeTypeView(DEFAULT_VOLUME_TYPE) }));
  api.get('/types/:typeId', (req, res) => {
    const name = VOLUME_TYPES.find((n) => VOLUME_TYPE_IDS[n] === req.params.typeId || n === req.params.typeId);
    if (!name) throw new OsError(404, `Volume type ${String(req.params.typeId)} could not be found.`);
    res.json({ volume_type: volumeTypeView(name) });
  });
  api.get('/types/:typeId/extra_specs', (req, res) => {
    if (!VOLUME_TYPES.some((n) => VOLUME_TYPE_IDS[n] === req.params.typeId)) throw new OsError(404, `Volume type ${String(req.params.typeId)} could not be found.`);
    res.json({ extra_specs: {} });
  });
  api.get('/os-availability-zone', (_req, res) => {
    res.json({ availabilityZoneInfo: ZONES.map((zoneName) => ({ zoneName, zoneState: { available: true } })) });
  });
  api.get('/limits', (req, res) => {
    const usage = quotas.usage(projectOf(req));
    res.json({
      limits: {
        rate: [],
        absolute: {
          maxTotalVolumes: usage.volumes.limit,
          maxTotalVolumeGigabytes: usage.volumeGb.limit,
          maxTotalSnapshots: usage.volumeSnapshots.limit,
          maxTotalBackups: 0,
          maxTotalBackupGigabytes: 0,
          totalVolumesUsed: usage.volumes.used,
          totalGigabytesUsed: usage.volumeGb.used,
          totalSnapshotsUsed: usage.volumeSnapshots.used,
          totalBackupsUsed: 0,
          totalBackupGigabytesUsed: 0,
        },
      },
    });
  });
  const quotaSet = (req: Request, res: Response) => {
    const projectId = projectOf(req);
    if (req.params.tenantId !== projectId) throw new OsError(403, "Policy doesn't allow volume_extension:quotas:show to be performed.");
    const usage = quotas.usage(projectId);
    const detail = queryString(req.query.usage) === 'true' || queryString(req.query.usage) === 'True';
    const value = (limit: number, used: number) => (detail ? { limit, in_use: used, reserved: 0, allocated: 0 } : limit);
    res.json({
      quota_set: {
        id: projectId,
        volumes: value(usage.volumes.limit, usage.volumes.used),
        gigabytes: value(usage.volumeGb.limit, usage.volumeGb.used),
        snapshots: value(usage.volumeSnapshots.limit, usage.volumeSnapshots.used),
        backups: value(0, 0),
        backup_gigabytes: value(0, 0),
        per_volume_gigabytes: value(MAX_VOLUME_GB, 0),
        groups: value(0, 0),
      },
    });
  };
  api.get('/os-quota-sets/:tenantId', quotaSet);
  api.get('/os-quota-sets/:tenantId/defaults', quotaSet);
  api.get('/extensions', (_req, res) => {
    const extension = (alias: string, name: string, description: string) => ({ alias, name, description, namespace: '', updated: '2024-01-01T00:00:00+00:00', links: [] });
    res.json({
      extensions: [
        extension('os-availability-zone', 'AvailabilityZones', 'Describe Availability Zones.'),
        extension('os-extended-snapshot-attributes', 'ExtendedSnapshotAttributes', 'Extended attributes of snapshots.'),
        extension('os-vol-tenant-attr', 'VolumeTenantAttribute', 'Expose the internal project_id as an attribute of a volume.'),
        extension('os-types-manage', 'TypesManage', 'Types manage support.'),
        extension('os-quota-sets', 'Quotas', 'Quota management support.'),
      ],
    });
  });

  /**
   * Cinder's URLs name the project (`/v3/{project_id}/volumes`, as in the catalog); newer clients may
   * leave it out (`/v3/volumes`). Both reach the same routes; a project other than the token's is 404.
   */
  router.use('/v3', (req: Request, _res: Response, next: NextFunction) => {
    const match = /^\/([0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(\/|$)/i.exec(req.url);
    if (match) {
      req.url = req.url.slice(match[1]!.length + 1) || '/';
      if (req.url.startsWith('?')) req.url = `/${req.url}`;
      (req as Request & { urlProject?: string }).urlProject = match[1];
    }
    next();
  });
  router.use('/v3', api);
  router.use(notFound('compute'));
  router.use(volumeErrorHandler);
  return router;
}
