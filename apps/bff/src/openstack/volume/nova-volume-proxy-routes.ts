import { MAX_VOLUME_GB, MIN_VOLUME_GB, VOLUME_TYPES, ZONES, type VolumeType } from '@sandcloud/domain';
import { EngineError, type Engine, type Volume, type VolumeSnapshot } from '@sandcloud/engine';
import { Router, type Request } from 'express';
import { z } from 'zod';
import { osContext } from '../auth.ts';
import { osTime, parseBody, queryLimit } from '../common.ts';
import { OsError } from '../errors.ts';
import { VOLUME_TYPE_IDS } from './volume-views.ts';

const size = z.union([z.number().int(), z.string().regex(/^\d+$/, 'is not an integer')]).transform(Number);
const createVolumeSchema = z.strictObject({
  volume: z.strictObject({
    size,
    display_name: z.string().max(255).nullable().optional(),
    display_description: z.string().max(255).nullable().optional(),
    availability_zone: z.string().nullable().optional(),
    volume_type: z.string().nullable().optional(),
    metadata: z.record(z.string(), z.string()).optional(),
    snapshot_id: z.string().nullable().optional(),
  }),
});
const createSnapshotSchema = z.strictObject({
  snapshot: z.strictObject({
    volume_id: z.string().min(1),
    force: z.union([z.boolean(), z.string()]).optional(),
    display_name: z.string().max(255).nullable().optional(),
    display_description: z.string().max(255).nullable().optional(),
  }),
});

/**
 * Nova 2.1's volume proxy, `os-volumes` and `os-snapshots` (deprecated in 2.36, still part of 2.1):
 * the same engine volumes and snapshots as Cinder's API, in Nova's camelCase shapes and errors.
 */
export function novaVolumeProxyRoutes(engine: Engine): Router {
  const router = Router();
  const { volumes, volumeSnapshots, volumeMetadata } = engine.modules;
  const projectOf = (req: Request) => osContext(req).project.id;
  const lookup = <T>(kind: string, id: string, get: () => T): T => {
    try {
      return get();
    } catch (error) {
      if (error instanceof EngineError && error.code === 'NOT_FOUND') throw new OsError(404, `${kind} ${id} could not be found.`);
      throw error;
    }
  };
  const asBadRequest = <T>(run: () => T): T => {
    try {
      return run();
    } catch (error) {
      if (error instanceof EngineError && (error.code === 'INVALID_INPUT' || error.code === 'CONFLICT')) throw new OsError(400, `Invalid volume: ${error.message}`);
      throw error;
    }
  };

  const volumeView = (req: Request, volume: Volume) => ({
    id: volume.id,
    status: volume.status,
    displayName: volume.name,
    displayDescription: volume.description,
    availabilityZone: volume.zone,
    createdAt: osTime(volume.createdAt),
    volumeType: volume.volumeType,
    snapshotId: volume.sourceSnapshotId,
    metadata: volumeMetadata.get(projectOf(req), volume.id),
    size: volume.sizeGb,
    // Nova writes an empty attachment as `[{}]`.
    attachments: volume.attachment ? [{ id: volume.id, volumeId: volume.id, serverId: volume.attachment.instanceId, device: volume.attachment.device }] : [{}],
  });
  const snapshotView = (snapshot: VolumeSnapshot) => ({
    id: snapshot.id,
    volumeId: snapshot.volumeId,
    status: snapshot.status,
    size: snapshot.sizeGb,
    createdAt: osTime(snapshot.createdAt),
    displayName: snapshot.name,
    displayDescription: snapshot.description,
  });
  const findVolume = (req: Request, id = String(req.params.volumeId)) => lookup('Volume', id, () => volumes.get(projectOf(req), id));
  const findSnapshot = (req: Request, id = String(req.params.snapshotId)) => lookup('Snapshot', id, () => volumeSnapshots.get(projectOf(req), id));

  /** Nova's proxy pages with `offset` and `limit`, oldest first. */
  const page = <T extends { createdAt: number; id: string }>(req: Request, list: T[]): T[] => {
    const fail = (message: string) => new OsError(400, message);
    const offset = queryLimit(req.query.offset, fail) ?? 0;
    const limit = queryLimit(req.query.limit, fail);
    const sorted = [...list].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1)).slice(offset);
    return limit === undefined ? sorted : sorted.slice(0, limit);
  };
  // Strict paths, as Nova's router: `/os-volumes/` (no id) is not the list.
  router.use(['/os-volumes/', '/os-snapshots/'], (req, _res, next) => {
    if (req.path === '/' && req.originalUrl.split('?')[0]!.endsWith('/')) throw new OsError(404, `The resource could not be found: ${req.method} ${req.originalUrl.split('?')[0]}`);
    next();
  });
  router.get(['/os-volumes', '/os-volumes/detail'], (req, res) => {
    res.json({ volumes: page(req, volumes.list(projectOf(req))).map((volume) => volumeView(req, volume)) });
  });
  router.get('/os-volumes/:volumeId', (req, res) => res.json({ volume: volumeView(req, findVolume(req)) }));
  router.post('/os-volumes', (req, res) => {
    const { volume: input } = parseBody(createVolumeSchema, req.body ?? {});
    if (input.size < MIN_VOLUME_GB || input.size > MAX_VOLUME_GB) throw new OsError(400, `Invalid input received: Sandcloud volumes are ${MIN_VOLUME_GB} to ${MAX_VOLUME_GB} GB (size ${input.size})`);
    const zone = input.availability_zone ?? undefined;
    if (zone !== undefined && !(ZONES as readonly string[]).includes(zone)) throw new OsError(400, `Invalid input received: Availability zone '${zone}' is invalid.`);
    let volumeType: VolumeType | undefined;
    if (input.volume_type) {
      volumeType = VOLUME_TYPES.find((name) => name === input.volume_type || VOLUME_TYPE_IDS[name] === input.volume_type);
      if (!volumeType) throw new OsError(404, `Volume type ${input.volume_type} could not be found.`);
    }
    const snapshot = input.snapshot_id ? findSnapshot(req, input.snapshot_id) : undefined;
    const created = asBadRequest(() =>
      volumes.create(projectOf(req), {
        name: input.display_name || 'volume',
        description: input.display_description ?? '',
        sizeGb: input.size,
        ...(volumeType ? { volumeType } : {}),
        ...(zone !== undefined ? { zone } : {}),
        ...(snapshot ? { snapshotId: snapshot.id } : {}),
      }),
    );
    if (input.metadata && Object.keys(input.metadata).length > 0) volumeMetadata.set(projectOf(req), created.id, input.metadata, true);
    res.json({ volume: volumeView(req, created) });
  });
  router.delete('/os-volumes/:volumeId', (req, res) => {
    const volume = findVolume(req);
    asBadRequest(() => volumes.delete(projectOf(req), volume.id));
    res.status(202).end();
  });

  router.get(['/os-snapshots', '/os-snapshots/detail'], (req, res) => res.json({ snapshots: page(req, volumeSnapshots.list(projectOf(req))).map(snapshotView) }));
  router.get('/os-snapshots/:snapshotId', (req, res) => res.json({ snapshot: snapshotView(findSnapshot(req)) }));
  router.post('/os-snapshots', (req, res) => {
    const { snapshot: input } = parseBody(createSnapshotSchema, req.body ?? {});
    const volume = findVolume(req, input.volume_id);
    const force = input.force === true || String(input.force).toLowerCase() === 'true';
    if (volume.status === 'in-use' && !force) throw new OsError(400, `Invalid volume: Volume ${volume.id} is in-use; pass force to snapshot it.`);
    const created = asBadRequest(() => volumeSnapshots.create(projectOf(req), { volumeId: volume.id, name: input.display_name || `snapshot-${volume.name}`, description: input.display_description ?? '' }));
    res.json({ snapshot: snapshotView(created) });
  });
  router.delete('/os-snapshots/:snapshotId', (req, res) => {
    const snapshot = findSnapshot(req);
    asBadRequest(() => volumeSnapshots.delete(projectOf(req), snapshot.id));
    res.status(202).end();
  });
  return router;
}
