import { EngineError, type Engine, type Instance, type InstanceView } from '@sandcloud/engine';
import {
  bulkInstanceActionRequestSchema,
  connectivityTestRequestSchema,
  consoleLogQuerySchema,
  createInstanceRequestSchema,
  instanceActionRequestSchema,
  rebuildInstanceRequestSchema,
  resizeInstanceRequestSchema,
  updateInstanceRequestSchema,
  updateInstanceSecurityGroupsSchema,
  type ConsoleLogDto,
  type InstanceDto,
  type ResourceHistoryEntryDto,
  type SortField,
} from '@sandcloud/api-schemas';
import { Router } from 'express';
import { currentProject } from '../http/project-access.ts';
import { parseInput } from '../http/validate.ts';
import { iso } from './dto.ts';
import { listPage, listSpec, resourceListSpec, type ListSpec } from './paginate.ts';

function toInstanceDto(engine: Engine, { instance, privateIp, floatingIp, networkName, securityGroups }: InstanceView): InstanceDto {
  return {
    id: instance.id,
    name: instance.name,
    status: instance.status,
    powerState: instance.powerState,
    imageId: instance.imageId,
    imageName: instance.imageName,
    flavorId: instance.flavorId,
    vcpus: instance.vcpus,
    ramMb: instance.ramMb,
    zone: instance.zone,
    rootDiskGb: instance.rootDiskGb,
    keyName: instance.keyName,
    networkId: instance.networkId,
    networkName,
    portId: instance.portId,
    privateIp,
    floatingIp: floatingIp?.address ?? null,
    floatingIpId: floatingIp?.id ?? null,
    securityGroups,
    description: instance.description ?? '',
    metadata: { ...instance.metadata },
    resizeFromFlavorId: instance.resizeFrom?.flavorId ?? null,
    allowedActions: engine.modules.instances.allowedActions(instance),
    taskState: instance.taskState,
    locked: Boolean(instance.locked),
    createdAt: iso(instance.createdAt)!,
    updatedAt: iso(instance.updatedAt)!,
  };
}

export function instanceRoutes(engine: Engine): Router {
  const router = Router();
  const { instances, connectivity, guests } = engine.modules;
  const dto = (instance: Instance) => toInstanceDto(engine, engine.queries.instanceView(instance));

  /** Sorting or searching by address looks each instance's port up once per request, only then. */
  const instanceListSpec = (): ListSpec<Instance, SortField<'instances'>> => {
    const views = new Map<string, InstanceView>();
    const view = (instance: Instance) => {
      let found = views.get(instance.id);
      if (!found) views.set(instance.id, (found = engine.queries.instanceView(instance)));
      return found;
    };
    return resourceListSpec<Instance, 'instances'>('instances', {
      sort: {
        status: (instance) => instance.status,
        zone: (instance) => instance.zone,
        flavor: (instance) => instance.flavorId,
        image: (instance) => instance.imageName,
        keyName: (instance) => instance.keyName,
        privateIp: (instance) => view(instance).privateIp,
        floatingIp: (instance) => view(instance).floatingIp?.address,
      },
      search: (instance) => [view(instance).privateIp, view(instance).floatingIp?.address],
      filters: {
        status: (instance) => instance.status,
        zone: (instance) => instance.zone,
        imageId: (instance) => instance.imageId,
        flavorId: (instance) => instance.flavorId,
        keyName: (instance) => instance.keyName,
        networkId: (instance) => instance.networkId,
      },
    });
  };

  router.get('/instances', (req, res) => {
    res.json(listPage(instances.list(currentProject(req).id), req.query, instanceListSpec(), dto));
  });

  router.post('/instances', (req, res) => {
    const created = instances.create(currentProject(req).id, parseInput(createInstanceRequestSchema, req.body));
    res.status(201).json({ items: created.map(dto) });
  });

  router.post('/instances/bulk-actions', (req, res) => {
    const { action, instanceIds } = parseInput(bulkInstanceActionRequestSchema, req.body);
    const projectId = currentProject(req).id;
    // Each instance is its own operation: report per instance rather than failing the batch. A
    // refusal keeps its message code and values, so the console shows it in the user's language.
    const results = instanceIds.map((id) => {
      try {
        return { id, ok: true as const, instance: dto(instances[action](projectId, id)) };
      } catch (error) {
        const coded = error instanceof EngineError && error.messageCode ? { messageCode: error.messageCode, ...(error.params ? { params: error.params } : {}) } : {};
        return { id, ok: false as const, message: (error as Error).message, ...coded };
      }
    });
    res.json({ results });
  });

  router.get('/instances/:instanceId', (req, res) => {
    res.json(dto(instances.get(currentProject(req).id, String(req.params.instanceId))));
  });

  router.patch('/instances/:instanceId', (req, res) => {
    const input = parseInput(updateInstanceRequestSchema, req.body);
    res.json(dto(instances.update(currentProject(req).id, String(req.params.instanceId), input)));
  });

  router.delete('/instances/:instanceId', (req, res) => {
    res.status(202).json(dto(instances.delete(currentProject(req).id, String(req.params.instanceId))));
  });

  router.post('/instances/:instanceId/actions', (req, res) => {
    const { action } = parseInput(instanceActionRequestSchema, req.body);
    res.status(202).json(dto(instances.act(currentProject(req).id, String(req.params.instanceId), action)));
  });

  router.post('/instances/:instanceId/resize', (req, res) => {
    const { flavorId } = parseInput(resizeInstanceRequestSchema, req.body);
    res.status(202).json(dto(instances.resize(currentProject(req).id, String(req.params.instanceId), flavorId)));
  });

  router.post('/instances/:instanceId/confirm-resize', (req, res) => {
    res.status(202).json(dto(instances.confirmResize(currentProject(req).id, String(req.params.instanceId))));
  });

  router.post('/instances/:instanceId/revert-resize', (req, res) => {
    res.status(202).json(dto(instances.revertResize(currentProject(req).id, String(req.params.instanceId))));
  });

  router.post('/instances/:instanceId/rebuild', (req, res) => {
    const input = parseInput(rebuildInstanceRequestSchema, req.body);
    res.status(202).json(dto(instances.rebuild(currentProject(req).id, String(req.params.instanceId), input)));
  });

  router.get('/instances/:instanceId/console-log', (req, res) => {
    const { lines } = parseInput(consoleLogQuerySchema, req.query);
    const body: ConsoleLogDto = guests.consoleView(currentProject(req).id, String(req.params.instanceId), lines);
    res.json(body);
  });

  router.put('/instances/:instanceId/security-groups', (req, res) => {
    const { securityGroupIds } = parseInput(updateInstanceSecurityGroupsSchema, req.body);
    res.json(dto(instances.changeSecurityGroups(currentProject(req).id, String(req.params.instanceId), securityGroupIds)));
  });

  router.get('/instances/:instanceId/history', (req, res) => {
    const entries = instances
      .history(currentProject(req).id, String(req.params.instanceId))
      .map((entry, index): ResourceHistoryEntryDto & { index: number } => ({ ...entry, at: iso(entry.at)!, index }));
    // In recorded order unless sorted; entries of one instant keep that order (the tie-break is the position).
    const spec = listSpec<ResourceHistoryEntryDto & { index: number }, 'instance-history'>('instance-history', {
      id: (entry) => String(entry.index).padStart(9, '0'),
      sort: { at: (entry) => entry.at, status: (entry) => entry.status },
      search: (entry) => [entry.message, entry.status],
      filters: { status: (entry) => entry.status },
    });
    res.json(listPage(entries, req.query, spec, ({ index: _index, ...entry }): ResourceHistoryEntryDto => entry));
  });

  router.post('/instances/:instanceId/connectivity-test', (req, res) => {
    const { test, sourceIp } = parseInput(connectivityTestRequestSchema, req.body);
    const instance = instances.get(currentProject(req).id, String(req.params.instanceId));
    res.json(connectivity.testInstance(instance, test, sourceIp));
  });

  return router;
}
