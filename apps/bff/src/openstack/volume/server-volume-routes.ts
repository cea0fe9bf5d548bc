import { EngineError, type Engine, type Volume } from '@sandcloud/engine';
import { Router, type Request } from 'express';
import { z } from 'zod';
import { osContext } from '../auth.ts';
import { parseBody } from '../common.ts';
import { OsError } from '../errors.ts';
import { novaVolumeProxyRoutes } from './nova-volume-proxy-routes.ts';
import { novaAttachmentView } from './volume-views.ts';

const attachSchema = z.strictObject({
  volumeAttachment: z.strictObject({
    volumeId: z.string().min(1),
    device: z.string().nullable().optional(),
  }),
});

/**
 * Nova 2.1's `servers/{id}/os-volume_attachments`, so `openstack server add volume` / `remove volume`
 * work: the engine's attach (attaching → in-use, the guest sees the next `/dev/vdX`) and detach
 * (detaching → available, the guest loses the disk). Mounted inside Compute, behind its token check,
 * with Nova's volume proxy (`os-volumes`, `os-snapshots`).
 */
export function serverVolumeRoutes(engine: Engine): Router {
  const router = Router();
  const { instances, volumes } = engine.modules;
  const projectOf = (req: Request) => osContext(req).project.id;
  const findServer = (req: Request) => {
    try {
      return instances.get(projectOf(req), String(req.params.serverId));
    } catch (error) {
      if (error instanceof EngineError && error.code === 'NOT_FOUND') throw new OsError(404, `Instance ${String(req.params.serverId)} could not be found.`);
      throw error;
    }
  };
  const findVolume = (req: Request, id: string): Volume => {
    try {
      return volumes.get(projectOf(req), id);
    } catch (error) {
      if (error instanceof EngineError && error.code === 'NOT_FOUND') throw new OsError(404, `Volume ${id} could not be found.`);
      throw error;
    }
  };
  /** The volume's own state is checked first (400, Nova's InvalidVolume); what is left is the server's state: 409. */
  const asNova = <T>(run: () => T): T => {
    try {
      return run();
    } catch (error) {
      if (error instanceof EngineError && (error.code === 'CONFLICT' || error.code === 'INVALID_INPUT')) {
        throw new OsError(409, `Cannot attach or detach a volume now: ${error.message}`);
      }
      throw error;
    }
  };
  const attachedHere = (serverId: string) => volumes.attachedTo(serverId);

  router.get('/servers/:serverId/os-volume_attachments', (req, res) => {
    const server = findServer(req);
    res.json({ volumeAttachments: attachedHere(server.id).map(novaAttachmentView) });
  });

  router.get('/servers/:serverId/os-volume_attachments/:volumeId', (req, res) => {
    const server = findServer(req);
    const volume = attachedHere(server.id).find((v) => v.id === req.params.volumeId);
    if (!volume) throw new OsError(404, `Volume ${String(req.params.volumeId)} is not attached to instance ${server.id}.`);
    res.json({ volumeAttachment: novaAttachmentView(volume) });
  });

  router.post('/servers/:serverId/os-volume_attachments', (req, res) => {
    const { volumeAttachment: input } = parseBody(attachSchema, req.body ?? {});
    const server = findServer(req);
    const volume = findVolume(req, input.volumeId);
    if (volume.attachment || volume.status !== 'available') {
      throw new OsError(400, `Invalid volume: volume ${volume.id} status must be 'available', not '${volume.status}'.`);
    }
    if (volume.zone !== server.zone) {
      throw new OsError(400, `Invalid volume: volume ${volume.id} is in availability zone ${volume.zone}, server ${server.id} in ${server.zone}.`);
    }
    // The engine chooses the device (the next free /dev/vdX), as Nova does with libvirt whatever was asked.
    const attached = asNova(() => volumes.attach(projectOf(req), volume.id, server.id));
    res.json({ volumeAttachment: novaAttachmentView(attached) });
  });

  router.delete('/servers/:serverId/os-volume_attachments/:volumeId', (req, res) => {
    const server = findServer(req);
    const volume = attachedHere(server.id).find((v) => v.id === req.params.volumeId);
    if (!volume) throw new OsError(404, `Volume ${String(req.params.volumeId)} is not attached to instance ${server.id}.`);
    if (volume.status !== 'in-use') throw new OsError(400, `Invalid volume: volume ${volume.id} is ${volume.status}; it can be detached once in-use.`);
    asNova(() => volumes.detach(projectOf(req), volume.id, server.id));
    res.status(202).end();
  });

  router.use(novaVolumeProxyRoutes(engine));
  return router;
}
