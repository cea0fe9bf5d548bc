import { INSTANCE_METADATA_VALUE_MAX_LENGTH, instanceMetadataKeyProblem } from '@sandcloud/domain';
import { EngineError, type Engine, type Instance } from '@sandcloud/engine';
import { Router, type Request } from 'express';
import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { z } from 'zod';
import { osContext } from '../auth.ts';
import { baseUrl } from '../catalog.ts';
import { afterMarker, parseBody, queryLimit, queryString } from '../common.ts';
import { OsError } from '../errors.ts';
import { CHANGE_ACTION_SCHEMAS, conflictAs, isChangeAction, runChangeAction, type ChangeAction } from './server-action-routes.ts';
import { addressesOf, coreServerView, macOf, serverLinks, serverLookups, serverView } from './server-view.ts';

/** Nova's metadata body: keys of 1–255 of `[a-zA-Z0-9-_:. ]`, text values up to 255 (limits from `@sandcloud/domain`). */
export const metadataSchema = z.record(
  z.string().superRefine((key, ctx) => {
    const problem = instanceMetadataKeyProblem(key);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
  z.string().max(INSTANCE_METADATA_VALUE_MAX_LENGTH, 'is too long'),
);

/** Nova checks accessIPv4/accessIPv6 are addresses of their version. */
const accessIpv4 = z.string().refine((value) => isIP(value) === 4, 'is not a valid IPv4 address');
const accessIpv6 = z.string().refine((value) => isIP(value) === 6, 'is not a valid IPv6 address');

const count = z.union([z.number().int().min(1), z.string().regex(/^[1-9]\d*$/, 'is not a positive integer')]).transform(Number);
const empty = z.array(z.unknown()).max(0, 'Sandcloud boots servers from images; block device mappings are not supported').optional();

/** One entry of Nova's `block_device_mapping_v2`. */
const blockDeviceMapping = z.strictObject({
  uuid: z.string().optional(),
  source_type: z.enum(['volume', 'image', 'snapshot', 'blank']),
  destination_type: z.enum(['volume', 'local']).optional(),
  boot_index: z.union([z.number().int(), z.string().regex(/^-?\d+$/).transform(Number), z.null()]).optional(),
  delete_on_termination: z.union([z.boolean(), z.enum(['true', 'false', 'True', 'False'])]).optional(),
  volume_size: z.union([z.number().int().min(1), z.string().regex(/^\d+$/).transform(Number)]).optional(),
  device_name: z.string().optional(),
  disk_bus: z.string().optional(),
  device_type: z.string().optional(),
  guest_format: z.string().optional(),
  volume_type: z.string().nullable().optional(),
  tag: z.string().optional(),
});

/** Nova 2.1's server create body: unknown fields are refused, as Nova's schema does. */
const createServerSchema = z.strictObject({
  server: z.strictObject({
    name: z.string().trim().min(1, 'is too short').max(255, 'is too long'),
    // Empty or absent when the server boots from a volume (`block_device_mapping_v2`).
    imageRef: z.string().optional(),
    flavorRef: z.union([z.string().min(1), z.number().int()]).transform(String),
    adminPass: z.string().optional(),
    metadata: metadataSchema.optional(),
    networks: z
      .union([
        z.array(z.strictObject({ uuid: z.string().optional(), port: z.string().optional(), fixed_ip: z.string().optional() })),
        z.enum(['auto', 'none']),
      ])
      .optional(),
    'OS-DCF:diskConfig': z.enum(['AUTO', 'MANUAL']).optional(),
    accessIPv4: accessIpv4.optional(),
    accessIPv6: accessIpv6.optional(),
    personality: empty,
    key_name: z.string().min(1).max(255).optional(),
    availability_zone: z.string().min(1).max(255).optional(),
    block_device_mapping: empty,
    block_device_mapping_v2: z.array(blockDeviceMapping).optional(),
    config_drive: z.union([z.boolean(), z.string()]).optional(),
    min_count: count.optional(),
    max_count: count.optional(),
    return_reservation_id: z.union([z.boolean(), z.string()]).optional(),
    security_groups: z.array(z.strictObject({ name: z.string().min(1) })).optional(),
    // Nova: base64 text of at most 65535 characters; decoded, it is a cloud-init script.
    user_data: z
      .string()
      .max(65535, 'is too long')
      .refine((value) => /^[A-Za-z0-9+/\s]*={0,2}\s*$/.test(value) && value.replace(/\s/g, '').length % 4 === 0, 'User data needs to be valid base 64.')
      .transform((value) => Buffer.from(value, 'base64').toString('utf8'))
      .optional(),
  }),
  'os:scheduler_hints': z.record(z.string(), z.unknown()).optional(),
  'OS-SCH-HNT:scheduler_hints': z.record(z.string(), z.unknown()).optional(),
});

const updateServerSchema = z.strictObject({
  server: z.strictObject({
    name: z.string().trim().min(1, 'is too short').max(255, 'is too long').optional(),
    accessIPv4: accessIpv4.optional(),
    accessIPv6: accessIpv6.optional(),
    'OS-DCF:diskConfig': z.enum(['AUTO', 'MANUAL']).optional(),
  }),
});

/** Nova's `{"metadata": {…}}` body (servers' and images' metadata alike). */
export const metadataBodySchema = z.strictObject({ metadata: metadataSchema });
const metaItemBodySchema = z.strictObject({ meta: metadataSchema });

/** Nova's `PUT …/metadata/{key}` body, `{"meta": {key: value}}` naming the URI's key alone: its value. */
export function metaItemValue(body: unknown, key: string): string {
  const { meta } = parseBody(metaItemBodySchema, body ?? {});
  const entries = Object.entries(meta);
  if (entries.length > 1) throw new OsError(400, 'Request body contains too many items');
  if (entries.length === 0 || entries[0]![0] !== key) throw new OsError(400, 'Request body and URI mismatch');
  return entries[0]![1];
}

const ACTION_SCHEMAS = {
  // Nova takes `null` or `{}` (the openstack client sends the one, Tempest the other).
  'os-start': z.union([z.null(), z.strictObject({})]),
  'os-stop': z.union([z.null(), z.strictObject({})]),
  reboot: z.strictObject({ type: z.enum(['SOFT', 'HARD', 'soft', 'hard']) }),
  createImage: z.strictObject({ name: z.string().trim().min(1, 'is too short').max(255, 'is too long'), metadata: metadataSchema.optional() }),
  addSecurityGroup: z.strictObject({ name: z.string().min(1) }),
  removeSecurityGroup: z.strictObject({ name: z.string().min(1) }),
  // Sandcloud deletes at once (no SOFT_DELETED state, as Nova with reclaim_instance_interval = 0),
  // so restoring or force-deleting a soft-deleted server always finds the server in another state.
  forceDelete: z.union([z.null(), z.strictObject({})]),
  restore: z.union([z.null(), z.strictObject({})]),
  // Nova's lock (the reason is 2.73's, taken here too) and unlock.
  lock: z.union([z.null(), z.strictObject({ locked_reason: z.string().max(255, 'is too long').optional() })]),
  unlock: z.union([z.null(), z.strictObject({})]),
  createBackup: z.strictObject({
    name: z.string().trim().min(1, 'is too short').max(255, 'is too long'),
    backup_type: z.string().min(1, 'is too short').max(255, 'is too long'),
    rotation: z.union([z.number().int().min(0), z.string().regex(/^\d+$/, 'is not a valid integer').transform(Number)]),
    metadata: metadataSchema.optional(),
  }),
  // resize, confirmResize, revertResize, rebuild, os-getConsoleOutput: `runChangeAction`.
  ...CHANGE_ACTION_SCHEMAS,
} as const;
type ServerAction = keyof typeof ACTION_SCHEMAS;

export function serverRoutes(engine: Engine): Router {
  const router = Router();
  const { instances, images, network, securityGroups, keyPairs, serverGroups } = engine.modules;

  const projectOf = (req: Request) => osContext(req).project.id;
  const findServer = (req: Request): Instance => {
    try {
      return instances.get(projectOf(req), String(req.params.serverId));
    } catch (error) {
      if (error instanceof EngineError && error.code === 'NOT_FOUND') throw new OsError(404, `Instance ${String(req.params.serverId)} could not be found.`);
      throw error;
    }
  };

  /** Filters and pages a project's servers as Nova does: newest first, `marker` then `limit`. */
  function listed(req: Request): Instance[] {
    let list = instances.list(projectOf(req)).sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
    const name = queryString(req.query.name);
    if (name !== undefined) {
      let pattern: RegExp;
      try {
        pattern = new RegExp(name.slice(0, 255));
      } catch {
        throw new OsError(400, `Invalid regular expression in the name filter: ${name}`);
      }
      list = list.filter((instance) => pattern.test(instance.name));
    }
    const status = queryString(req.query.status);
    if (status !== undefined) list = list.filter((instance) => instance.status === status.toUpperCase());
    const reservation = queryString(req.query.reservation_id);
    if (reservation !== undefined) list = list.filter((instance) => instance.reservationId === reservation);
    for (const [param, field] of [['image', 'imageId'], ['flavor', 'flavorId'], ['availability_zone', 'zone'], ['key_name', 'keyName']] as const) {
      const value = queryString(req.query[param]);
      if (value !== undefined) list = list.filter((instance) => instance[field] === value.split('/').pop());
    }
    const ip = queryString(req.query.ip);
    if (ip !== undefined) {
      // Nova matches `ip` as a regular expression against a server's fixed address.
      let pattern: RegExp;
      try {
        pattern = new RegExp(ip.slice(0, 255));
      } catch {
        throw new OsError(400, `Invalid regular expression in the ip filter: ${ip}`);
      }
      list = list.filter((instance) => {
        const port = instance.portId ? network.getPort(instance.portId) : undefined;
        return port !== undefined && pattern.test(port.fixedIp);
      });
    }
    const changesSince = queryString(req.query['changes-since']);
    if (changesSince !== undefined) {
      // ISO 8601 only, as Nova (`2011/01/01` is refused though JavaScript would read it).
      const since = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(changesSince) ? Date.parse(changesSince) : NaN;
      if (Number.isNaN(since)) throw new OsError(400, `Invalid input for query parameters changes-since. Value: ${changesSince}. It is not a valid date-time`);
      list = list.filter((instance) => instance.updatedAt >= since);
    }
    list = afterMarker(list, req.query.marker);
    const limit = queryLimit(req.query.limit, (message) => new OsError(400, message));
    return limit === undefined ? list : list.slice(0, Math.min(limit, 1000));
  }

  const pageLinks = (req: Request, page: Instance[], path: string) => {
    const limit = queryLimit(req.query.limit, (message) => new OsError(400, message));
    const last = page[page.length - 1];
    if (limit === undefined || page.length < limit || !last) return {};
    return { servers_links: [{ rel: 'next', href: `${baseUrl(req)}/compute/v2.1/${path}?limit=${limit}&marker=${last.id}` }] };
  };

  router.get('/servers', (req, res) => {
    const base = baseUrl(req);
    const page = listed(req);
    res.json({
      servers: page.map((instance) => ({ id: instance.id, name: instance.name, links: serverLinks(base, projectOf(req), instance.id) })),
      ...pageLinks(req, page, 'servers'),
    });
  });

  router.get('/servers/detail', (req, res) => {
    const page = listed(req);
    const lookups = serverLookups(engine, projectOf(req), baseUrl(req));
    res.json({ servers: page.map((instance) => serverView(instance, lookups)), ...pageLinks(req, page, 'servers/detail') });
  });

  router.post('/servers', (req, res) => {
    const projectId = projectOf(req);
    const parsed = parseBody(createServerSchema, req.body ?? {});
    const { server } = parsed;
    const minCount = server.min_count ?? 1;
    const maxCount = server.max_count ?? minCount;
    if (minCount > maxCount) throw new OsError(400, 'min_count must be <= max_count');
    if (server.key_name !== undefined && !keyPairs.findByName(projectId, server.key_name)) throw new OsError(400, `Invalid key_name provided.`);

    const boot = bootSource(server);
    let image;
    if (boot.imageRef !== undefined) {
      try {
        image = images.get(projectId, boot.imageRef.split('/').pop()!);
      } catch (error) {
        if (error instanceof EngineError && error.code === 'NOT_FOUND') throw new OsError(400, `Image ${boot.imageRef} could not be found.`);
        throw error;
      }
    }
    const [primary, ...extraNetworks] = chooseNetworks(projectId, server.networks);
    // `scheduler_hints.group`: the servers join that server group (its policy is recorded, not enforced).
    const hints = parsed['os:scheduler_hints'] ?? parsed['OS-SCH-HNT:scheduler_hints'] ?? {};
    const groupId = hints.group;
    if (groupId !== undefined && (typeof groupId !== 'string' || !serverGroups.list(projectId).some((g) => g.id === groupId))) {
      throw new OsError(400, `Invalid input for field/attribute group. Server group ${String(groupId)} could not be found.`);
    }
    const groupIds = (server.security_groups ?? [{ name: 'default' }]).map(({ name }) => {
      const group = securityGroups.list(projectId).find((g) => g.id === name || g.name === name);
      if (!group) throw new OsError(400, `Security group ${name} not found for project ${projectId}.`);
      return group.id;
    });
    if (boot.volumeId !== undefined && maxCount > 1) throw new OsError(400, 'Multiple servers cannot boot from one volume.');
    // Nova's reservation id names the request's servers (the `reservation_id` list filter finds them).
    const reservationId = `r-${randomBytes(4).toString('hex')}`;
    const created = instances.create(projectId, {
      name: server.name,
      imageId: image?.id ?? '',
      flavorId: server.flavorRef.split('/').pop()!,
      zone: server.availability_zone ?? 'kr-pub-a',
      rootDiskGb: image?.minDiskGb ?? 0,
      reservationId,
      ...(boot.volumeId !== undefined ? { bootVolume: { volumeId: boot.volumeId, deleteOnTermination: boot.deleteOnTermination } } : {}),
      count: maxCount,
      keyName: server.key_name ?? '',
      securityGroupIds: [...new Set(groupIds)],
      networkId: primary!.networkId,
      ...(primary!.fixedIp ? { fixedIp: primary!.fixedIp } : {}),
      ...(extraNetworks.length > 0 ? { extraNetworks } : {}),
      ...(server.metadata ? { metadata: server.metadata } : {}),
      ...(server.user_data ? { userData: server.user_data } : {}),
    });
    if (typeof groupId === 'string') serverGroups.addMembers(projectId, groupId, created.map((instance) => instance.id));
    const accessIps = { ...(server.accessIPv4 !== undefined ? { v4: server.accessIPv4 } : {}), ...(server.accessIPv6 !== undefined ? { v6: server.accessIPv6 } : {}) };
    if (Object.keys(accessIps).length > 0) for (const instance of created) engine.modules.accessIps.set(projectId, instance.id, accessIps);
    const first = created[0]!;
    const base = baseUrl(req);
    const returnReservation = server.return_reservation_id === true || (typeof server.return_reservation_id === 'string' && ['true', '1', 'yes'].includes(server.return_reservation_id.toLowerCase()));
    if (returnReservation) {
      res.status(202).json({ reservation_id: reservationId });
      return;
    }
    res.setHeader('Location', `${base}/compute/v2.1/servers/${first.id}`);
    res.status(202).json({
      server: {
        id: first.id,
        links: serverLinks(base, projectId, first.id),
        'OS-DCF:diskConfig': 'MANUAL',
        security_groups: (server.security_groups ?? [{ name: 'default' }]).map(({ name }) => ({ name })),
      },
    });
  });

  /**
   * What the server boots from: `imageRef`, or the boot entry (`boot_index` 0) of
   * `block_device_mapping_v2`: an existing volume (`source_type` volume), or the image itself on a
   * local disk (`source_type` image, `destination_type` local). A volume made from an image, a
   * snapshot or blank, and more than the boot entry, are refused as not simulated.
   */
  function bootSource(server: z.infer<typeof createServerSchema>['server']): { imageRef?: string; volumeId?: string; deleteOnTermination: boolean } {
    const mappings = server.block_device_mapping_v2 ?? [];
    const imageRef = server.imageRef === '' ? undefined : server.imageRef;
    if (mappings.length === 0) {
      if (imageRef === undefined) throw new OsError(400, 'Block Device Mapping is Invalid: You specified more local devices than the limit allows');
      return { imageRef, deleteOnTermination: true };
    }
    const boot = mappings.filter((m) => m.boot_index === 0);
    if (boot.length !== 1) throw new OsError(400, 'Block Device Mapping is Invalid: Boot sequence for the instance and image/block device mapping combination is not valid.');
    if (mappings.length > 1) throw new OsError(400, 'Block Device Mapping is Invalid: Sandcloud boots a server from one device; attach more volumes after it is ACTIVE.');
    const [entry] = boot as [z.infer<typeof blockDeviceMapping>];
    const deleteOnTermination = entry.delete_on_termination === true || entry.delete_on_termination === 'true' || entry.delete_on_termination === 'True';
    if (!entry.uuid) throw new OsError(400, 'Block Device Mapping is Invalid: uuid is required for this source type.');
    if (entry.source_type === 'volume' && (entry.destination_type ?? 'volume') === 'volume') return { volumeId: entry.uuid, deleteOnTermination };
    if (entry.source_type === 'image' && entry.destination_type === 'local') return { imageRef: entry.uuid, deleteOnTermination: true };
    throw new OsError(400, `Block Device Mapping is Invalid: Sandcloud boots from an image on a local disk or from an existing volume, not from source_type ${entry.source_type} to ${entry.destination_type ?? 'volume'}.`);
  }

  /**
   * The server's interfaces, one per entry of `networks` in order (a network may come twice, as in
   * Nova), each with an optional fixed IP; without `networks`, one on the project's only network.
   */
  function chooseNetworks(projectId: string, networks: z.infer<typeof createServerSchema>['server']['networks']): { networkId: string; fixedIp?: string }[] {
    if (networks === 'none') throw new OsError(400, 'Sandcloud servers always have a network; choose one instead of "none"');
    if (Array.isArray(networks) && networks.length > 0) {
      return networks.map((requested) => {
        if (requested.port) throw new OsError(400, 'Sandcloud creates the server ports itself; pass a network uuid, not a port');
        if (!requested.uuid) throw new OsError(400, "Invalid input for field/attribute networks. 'uuid' is a required property");
        if (!network.networks(projectId).some((n) => n.id === requested.uuid)) throw new OsError(400, `Network ${requested.uuid} could not be found.`);
        return { networkId: requested.uuid, ...(requested.fixed_ip ? { fixedIp: requested.fixed_ip } : {}) };
      });
    }
    const own = network.networks(projectId).filter((n) => !n.external);
    if (own.length === 0) throw new OsError(400, 'No network found for the server');
    if (own.length > 1) throw new OsError(409, 'Multiple possible networks found, use a Network ID to be more specific.');
    return [{ networkId: own[0]!.id }];
  }

  router.get('/servers/:serverId', (req, res) => {
    const instance = findServer(req);
    res.json({ server: serverView(instance, serverLookups(engine, projectOf(req), baseUrl(req))) });
  });

  router.put('/servers/:serverId', (req, res) => {
    const { server } = parseBody(updateServerSchema, req.body ?? {});
    let instance = findServer(req);
    // The name follows the console's rules (a host-name-like name); the guest keeps its hostname, as in Nova.
    if (server.name !== undefined) {
      const name = server.name;
      conflictAs('update', instance, () => {
        instance = instances.update(projectOf(req), instance.id, { name });
      });
    }
    if (server.accessIPv4 !== undefined || server.accessIPv6 !== undefined) {
      engine.modules.accessIps.set(projectOf(req), instance.id, { ...(server.accessIPv4 !== undefined ? { v4: server.accessIPv4 } : {}), ...(server.accessIPv6 !== undefined ? { v6: server.accessIPv6 } : {}) });
    }
    // The update answer carries the core attributes only: Nova adds its extensions' to show and detail.
    res.json({ server: coreServerView(instance, serverLookups(engine, projectOf(req), baseUrl(req))) });
  });

  // --- server metadata: Nova's `/servers/{id}/metadata` and `/metadata/{key}` ----------------

  /** Runs a metadata change as Nova reports it: 409 while a task is in flight, 403 over the item quota. */
  const changeMetadata = (instance: Instance, change: () => Instance): Record<string, string> => {
    let updated = instance;
    conflictAs('update metadata', instance, () => {
      updated = change();
    });
    return { ...updated.metadata };
  };

  router.get('/servers/:serverId/metadata', (req, res) => {
    res.json({ metadata: { ...findServer(req).metadata } });
  });

  /** PUT replaces every item. */
  router.put('/servers/:serverId/metadata', (req, res) => {
    const { metadata } = parseBody(metadataBodySchema, req.body ?? {});
    const instance = findServer(req);
    res.json({ metadata: changeMetadata(instance, () => instances.setMetadata(projectOf(req), instance.id, metadata, true)) });
  });

  /** POST merges the items in and answers the whole map. */
  router.post('/servers/:serverId/metadata', (req, res) => {
    const { metadata } = parseBody(metadataBodySchema, req.body ?? {});
    const instance = findServer(req);
    res.json({ metadata: changeMetadata(instance, () => instances.setMetadata(projectOf(req), instance.id, metadata, false)) });
  });

  router.get('/servers/:serverId/metadata/:key', (req, res) => {
    const key = String(req.params.key);
    const value = findServer(req).metadata?.[key];
    if (value === undefined) throw new OsError(404, 'Metadata item was not found');
    res.json({ meta: { [key]: value } });
  });

  router.put('/servers/:serverId/metadata/:key', (req, res) => {
    const key = String(req.params.key);
    const value = metaItemValue(req.body, key);
    const instance = findServer(req);
    changeMetadata(instance, () => instances.setMetadata(projectOf(req), instance.id, { [key]: value }, false));
    res.json({ meta: { [key]: value } });
  });

  router.delete('/servers/:serverId/metadata/:key', (req, res) => {
    const key = String(req.params.key);
    const instance = findServer(req);
    if (instance.metadata?.[key] === undefined) throw new OsError(404, 'Metadata item was not found');
    changeMetadata(instance, () => instances.deleteMetadataItem(projectOf(req), instance.id, key));
    res.status(204).end();
  });

  // Sandcloud sets no password (guests are reached with a key pair): Nova's answer for a server without one.
  router.get('/servers/:serverId/os-server-password', (req, res) => {
    findServer(req);
    res.json({ password: '' });
  });
  router.delete('/servers/:serverId/os-server-password', (req, res) => {
    findServer(req);
    res.status(204).end();
  });
  // As Nova with Neutron: virtual interfaces are Neutron's ports.
  router.get('/servers/:serverId/os-virtual-interfaces', (req, _res) => {
    findServer(req);
    throw new OsError(400, 'Listing virtual interfaces is not supported by this cloud.');
  });

  router.delete('/servers/:serverId', (req, res) => {
    const instance = findServer(req);
    // Nova accepts a delete of a server already being deleted (the first one goes on).
    if (instance.taskState !== 'deleting') conflictAs('delete', instance, () => instances.delete(projectOf(req), instance.id));
    res.status(204).end();
  });

  router.post('/servers/:serverId/action', (req, res) => {
    const body: unknown = req.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new OsError(400, 'Malformed request body');
    const keys = Object.keys(body);
    if (keys.length !== 1) throw new OsError(400, 'Malformed request body: one action per request');
    const action = keys[0]!;
    if (!Object.hasOwn(ACTION_SCHEMAS, action)) throw new OsError(400, `There is no such action: ${action}`);
    const input = parseBody(z.strictObject({ [action]: ACTION_SCHEMAS[action as ServerAction] }), body)[action];
    const instance = findServer(req);
    const projectId = projectOf(req);
    if (isChangeAction(action)) {
      runChangeAction(engine, req, res, projectId, instance, action, input);
      return;
    }
    switch (action as Exclude<ServerAction, ChangeAction>) {
      case 'os-start':
        conflictAs(action, instance, () => instances.start(projectId, instance.id));
        break;
      case 'os-stop':
        conflictAs(action, instance, () => instances.stop(projectId, instance.id));
        break;
      case 'reboot': {
        const hard = (input as { type: string }).type.toUpperCase() === 'HARD';
        conflictAs(action, instance, () => (hard ? instances.hardReboot(projectId, instance.id) : instances.reboot(projectId, instance.id)));
        break;
      }
      case 'createImage': {
        let imageId = '';
        conflictAs(action, instance, () => {
          const { name, metadata } = input as { name: string; metadata?: Record<string, string> };
          // Nova snapshots a running server too (the console, following the guide, asks for SHUTOFF).
          imageId = images.capture(projectId, { instanceId: instance.id, name, allowRunning: true, ...(metadata ? { properties: metadata } : {}) }).id;
        });
        // 2.1's answer: the image's URL in Location, no body (the `image_id` body is 2.45).
        res.setHeader('Location', `${baseUrl(req)}/image/v2/images/${imageId}`);
        break;
      }
      case 'lock':
      case 'unlock': {
        const user = osContext(req).user;
        const by = { userId: user.id, admin: user.isAdmin || osContext(req).role === 'admin' };
        const reason = (input as { locked_reason?: string } | null)?.locked_reason;
        if (action === 'lock') instances.lock(projectId, instance.id, by, reason);
        else instances.unlock(projectId, instance.id, by);
        break;
      }
      case 'createBackup': {
        const { name, backup_type: type, rotation, metadata } = input as { name: string; backup_type: string; rotation: number; metadata?: Record<string, string> };
        let imageId = '';
        conflictAs(action, instance, () => {
          imageId = images.capture(projectId, { instanceId: instance.id, name, allowRunning: true, backup: { type, rotation }, ...(metadata ? { properties: metadata } : {}) }).id;
        });
        res.setHeader('Location', `${baseUrl(req)}/image/v2/images/${imageId}`);
        break;
      }
      case 'forceDelete':
      case 'restore':
        throw new OsError(409, `Cannot '${action}' instance ${instance.id} while it is in vm_state ${instance.status === 'SHUTOFF' ? 'stopped' : instance.status.toLowerCase()}: only a soft-deleted server is restored or force-deleted, and Sandcloud deletes servers at once`);
      case 'addSecurityGroup':
      case 'removeSecurityGroup': {
        const name = (input as { name: string }).name;
        const group = securityGroups.list(projectId).find((g) => g.id === name || g.name === name);
        if (!group) throw new OsError(404, `Security group ${name} not found for project ${projectId}.`);
        const current = instance.securityGroupIds;
        if (action === 'removeSecurityGroup' && !current.includes(group.id)) {
          throw new OsError(400, `Security group ${name} not associated with the instance ${instance.id}`);
        }
        const next = action === 'addSecurityGroup' ? [...new Set([...current, group.id])] : current.filter((id) => id !== group.id);
        conflictAs(action, instance, () => instances.changeSecurityGroups(projectId, instance.id, next));
        break;
      }
    }
    res.status(202).end();
  });

  router.get('/servers/:serverId/ips', (req, res) => {
    const instance = findServer(req);
    res.json({ addresses: plainAddresses(instance, req) });
  });
  router.get('/servers/:serverId/ips/:networkLabel', (req, res) => {
    const addresses = plainAddresses(findServer(req), req);
    const label = String(req.params.networkLabel);
    if (!(label in addresses)) throw new OsError(404, 'Network could not be found.');
    res.json({ [label]: addresses[label] });
  });

  /** `ips` lists only version and address (Tempest's list_addresses schema forbids the extensions). */
  function plainAddresses(instance: Instance, req: Request): Record<string, { version: number; addr: string }[]> {
    const addresses = addressesOf(instance, serverLookups(engine, projectOf(req), baseUrl(req)));
    return Object.fromEntries(
      Object.entries(addresses).map(([label, entries]) => [label, (entries as { version: number; addr: string }[]).map(({ version, addr }) => ({ version, addr }))]),
    );
  }

  const interfaceOf = (instance: Instance) =>
    network
      .interfacesOf(instance)
      .filter((port) => port.fixedIp)
      // The first interface, then the others as made (a launch makes them in one instant: by name, -port-2, -port-3…).
      .sort((a, b) => (a.id === instance.portId ? -1 : b.id === instance.portId ? 1 : a.createdAt - b.createdAt || a.name.localeCompare(b.name, 'en', { numeric: true })))
      .map((port) => ({ port_state: port.status, fixed_ips: [{ subnet_id: port.subnetId, ip_address: port.fixedIp }], port_id: port.id, net_id: port.networkId, mac_addr: macOf(port.id) }));
  router.get('/servers/:serverId/os-interface', (req, res) => {
    res.json({ interfaceAttachments: interfaceOf(findServer(req)) });
  });
  router.get('/servers/:serverId/os-interface/:portId', (req, res) => {
    const attachment = interfaceOf(findServer(req)).find((a) => a.port_id === req.params.portId);
    if (!attachment) throw new OsError(404, `Port ${String(req.params.portId)} is not attached`);
    res.json({ interfaceAttachment: attachment });
  });

  return router;
}
