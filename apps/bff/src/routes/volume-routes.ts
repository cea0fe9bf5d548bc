import type { Engine, Volume, VolumeSnapshot } from '@sandcloud/engine';
import {
  attachVolumeRequestSchema,
  createVolumeRequestSchema,
  createVolumeSnapshotRequestSchema,
  detachVolumeRequestSchema,
  extendVolumeRequestSchema,
  pageQuerySchema,
  updateVolumeRequestSchema,
  type AttachableInstanceDto,
  type VolumeDto,
  type VolumeSnapshotDto,
} from '@sandcloud/api-schemas';
import { Router } from 'express';
import { currentProject } from '../http/project-access.ts';
import { parseInput } from '../http/validate.ts';
import { iso } from './dto.ts';
import { listPage, listSpec, paginate, resourceListSpec } from './paginate.ts';

/** Cinder volumes, their attachments to instances, and volume snapshots. */
export function volumeRoutes(engine: Engine): Router {
  const router = Router();
  const { volumes, volumeSnapshots, instances, guests } = engine.modules;

  /** Snapshots per volume, counted once per response. */
  const snapshotCounts = (projectId: string) => {
    const counts = new Map<string, number>();
    for (const snapshot of volumeSnapshots.list(projectId)) counts.set(snapshot.volumeId, (counts.get(snapshot.volumeId) ?? 0) + 1);
    return counts;
  };

  const toDto = (volume: Volume, counts: Map<string, number>): VolumeDto => ({
    id: volume.id,
    name: volume.name,
    description: volume.description,
    status: volume.status,
    sizeGb: volume.sizeGb,
    targetSizeGb: volume.targetSizeGb,
    volumeType: volume.volumeType,
    zone: volume.zone,
    sourceSnapshotId: volume.sourceSnapshotId,
    sourceImage: volume.sourceImageId ? { id: volume.sourceImageId, name: volume.sourceImageName ?? '' } : null,
    readOnly: volume.readOnly ?? false,
    bootOf: volume.bootOf?.instanceId ?? null,
    attachment: volume.attachment && {
      ...volume.attachment,
      attachedAt: iso(volume.attachment.attachedAt),
      mountPoint: guests.mountPointOf(volume.attachment.instanceId, volume.attachment.device),
    },
    snapshotCount: counts.get(volume.id) ?? 0,
    allowedActions: volumes.allowedActions(volume),
    createdAt: iso(volume.createdAt)!,
    updatedAt: iso(volume.updatedAt)!,
  });
  const dto = (volume: Volume) => toDto(volume, snapshotCounts(volume.projectId!));

  const snapshotDto = (snapshot: VolumeSnapshot): VolumeSnapshotDto => ({
    id: snapshot.id,
    name: snapshot.name,
    description: snapshot.description,
    status: snapshot.status,
    volumeId: snapshot.volumeId,
    volumeName: snapshot.volumeName,
    sizeGb: snapshot.sizeGb,
    volumeType: snapshot.volumeType,
    zone: snapshot.zone,
    createdAt: iso(snapshot.createdAt)!,
  });

  const volumeId = (req: { params: Record<string, unknown> }) => String(req.params.volumeId);

  router.get('/volumes', (req, res) => {
    const projectId = currentProject(req).id;
    const counts = snapshotCounts(projectId);
    const spec = resourceListSpec<Volume, 'volumes'>('volumes', {
      sort: { status: (volume) => volume.status, sizeGb: (volume) => volume.sizeGb, volumeType: (volume) => volume.volumeType, zone: (volume) => volume.zone },
      search: (volume) => [volume.attachment?.instanceId, volume.description],
      filters: {
        status: (volume) => volume.status,
        zone: (volume) => volume.zone,
        volumeType: (volume) => volume.volumeType,
        attached: (volume) => String(volume.attachment !== null),
        instanceId: (volume) => volume.attachment?.instanceId,
      },
    });
    res.json(listPage(volumes.list(projectId), req.query, spec, (volume) => toDto(volume, counts)));
  });

  router.post('/volumes', (req, res) => {
    res.status(201).json(dto(volumes.create(currentProject(req).id, parseInput(createVolumeRequestSchema, req.body))));
  });

  router.get('/volumes/:volumeId', (req, res) => {
    res.json(dto(volumes.get(currentProject(req).id, volumeId(req))));
  });

  router.patch('/volumes/:volumeId', (req, res) => {
    res.json(dto(volumes.update(currentProject(req).id, volumeId(req), parseInput(updateVolumeRequestSchema, req.body))));
  });

  router.delete('/volumes/:volumeId', (req, res) => {
    res.status(202).json(dto(volumes.delete(currentProject(req).id, volumeId(req))));
  });

  router.post('/volumes/:volumeId/attach', (req, res) => {
    const { instanceId } = parseInput(attachVolumeRequestSchema, req.body);
    res.status(202).json(dto(volumes.attach(currentProject(req).id, volumeId(req), instanceId)));
  });

  router.post('/volumes/:volumeId/detach', (req, res) => {
    const { instanceId } = parseInput(detachVolumeRequestSchema, req.body);
    res.status(202).json(dto(volumes.detach(currentProject(req).id, volumeId(req), instanceId)));
  });

  router.post('/volumes/:volumeId/extend', (req, res) => {
    const { sizeGb } = parseInput(extendVolumeRequestSchema, req.body);
    res.status(202).json(dto(volumes.extend(currentProject(req).id, volumeId(req), sizeGb)));
  });

  /** The `[연결관리]` dialog's instance list: every instance of the project, with why it cannot take the volume now. */
  router.get('/volumes/:volumeId/attachable-instances', (req, res) => {
    const items = volumes.attachableInstances(currentProject(req).id, volumeId(req)).map(
      ({ instance, problem }): AttachableInstanceDto => ({
        id: instance.id,
        name: instance.name,
        zone: instance.zone,
        status: instance.status,
        taskState: instance.taskState,
        problem,
      }),
    );
    // Searched and sorted by the server: a project with thousands of instances still finds each one.
    const spec = listSpec<AttachableInstanceDto, 'attachable-instances'>('attachable-instances', {
      id: (instance) => instance.id,
      sort: { name: (instance) => instance.name, zone: (instance) => instance.zone, status: (instance) => instance.status },
      search: (instance) => [instance.name, instance.id],
      filters: { zone: (instance) => instance.zone, attachable: (instance) => String(instance.problem === null) },
    });
    res.json(listPage(items, req.query, spec));
  });

  /** The instance detail page's volumes, by device. */
  router.get('/instances/:instanceId/volumes', (req, res) => {
    const projectId = currentProject(req).id;
    const instance = instances.get(projectId, String(req.params.instanceId));
    const counts = snapshotCounts(projectId);
    res.json(paginate(volumes.attachedTo(instance.id).map((volume) => toDto(volume, counts)), parseInput(pageQuerySchema, req.query)));
  });

  router.get('/volume-snapshots', (req, res) => {
    const spec = resourceListSpec<VolumeSnapshot, 'volume-snapshots'>('volume-snapshots', {
      sort: { status: (snapshot) => snapshot.status, sizeGb: (snapshot) => snapshot.sizeGb, volumeName: (snapshot) => snapshot.volumeName },
      search: (snapshot) => [snapshot.volumeName, snapshot.volumeId, snapshot.description],
      filters: { status: (snapshot) => snapshot.status, volumeId: (snapshot) => snapshot.volumeId, zone: (snapshot) => snapshot.zone },
    });
    res.json(listPage(volumeSnapshots.list(currentProject(req).id), req.query, spec, snapshotDto));
  });

  router.post('/volume-snapshots', (req, res) => {
    res.status(201).json(snapshotDto(volumeSnapshots.create(currentProject(req).id, parseInput(createVolumeSnapshotRequestSchema, req.body))));
  });

  router.get('/volume-snapshots/:snapshotId', (req, res) => {
    res.json(snapshotDto(volumeSnapshots.get(currentProject(req).id, String(req.params.snapshotId))));
  });

  router.delete('/volume-snapshots/:snapshotId', (req, res) => {
    res.status(202).json(snapshotDto(volumeSnapshots.delete(currentProject(req).id, String(req.params.snapshotId))));
  });

  return router;
}
