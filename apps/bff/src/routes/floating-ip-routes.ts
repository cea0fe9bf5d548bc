import type { Engine, FloatingIp, Port } from '@sandcloud/engine';
import {
  allocateFloatingIpRequestSchema,
  associateFloatingIpRequestSchema,
  connectivityTestRequestSchema,
  type AttachablePortDto,
  type FloatingIpDto,
} from '@sandcloud/api-schemas';
import { Router } from 'express';
import { HttpError } from '../http/errors.ts';
import { currentProject } from '../http/project-access.ts';
import { parseInput } from '../http/validate.ts';
import { iso } from './dto.ts';
import { listPage, listSpec, resourceListSpec } from './paginate.ts';

export function floatingIpRoutes(engine: Engine): Router {
  const router = Router();
  const { floatingIps, network, instances, connectivity } = engine.modules;

  /** What a port belongs to, for "connected to" columns and the port picker. */
  const deviceOf = (portId: string): FloatingIpDto['target'] => {
    const port = network.getPort(portId);
    if (!port) return null;
    const target = engine.queries.portTarget(port);
    return target?.type === 'instance'
      ? { type: 'instance', id: target.instance.id, name: target.instance.name }
      : { type: 'load-balancer', id: port.deviceId, name: port.name };
  };

  const dto = (floatingIp: FloatingIp): FloatingIpDto => ({
    id: floatingIp.id,
    address: floatingIp.address,
    status: floatingIp.status,
    portId: floatingIp.portId,
    fixedIp: floatingIp.fixedIp,
    target: floatingIp.portId ? deviceOf(floatingIp.portId) : null,
    createdAt: iso(floatingIp.createdAt)!,
  });

  router.get('/floating-ips', (req, res) => {
    const spec = resourceListSpec<FloatingIp, 'floating-ips'>('floating-ips', {
      sort: { address: (ip) => ip.address, status: (ip) => ip.status, fixedIp: (ip) => ip.fixedIp },
      search: (ip) => [ip.address, ip.fixedIp],
      filters: { status: (ip) => ip.status, attached: (ip) => String(ip.portId !== null) },
    });
    res.json(listPage(floatingIps.list(currentProject(req).id), req.query, spec, dto));
  });

  router.post('/floating-ips', (req, res) => {
    parseInput(allocateFloatingIpRequestSchema, req.body);
    res.status(201).json(dto(floatingIps.allocate(currentProject(req).id)));
  });

  router.post('/floating-ips/:floatingIpId/associate', (req, res) => {
    const { portId } = parseInput(associateFloatingIpRequestSchema, req.body);
    res.json(dto(floatingIps.associate(currentProject(req).id, String(req.params.floatingIpId), portId)));
  });

  router.post('/floating-ips/:floatingIpId/disassociate', (req, res) => {
    res.json(dto(floatingIps.disassociate(currentProject(req).id, String(req.params.floatingIpId))));
  });

  router.delete('/floating-ips/:floatingIpId', (req, res) => {
    floatingIps.release(currentProject(req).id, String(req.params.floatingIpId));
    res.status(204).end();
  });

  router.post('/floating-ips/:floatingIpId/connectivity-test', (req, res) => {
    const { test, sourceIp } = parseInput(connectivityTestRequestSchema, req.body);
    const projectId = currentProject(req).id;
    const floatingIp = floatingIps.get(projectId, String(req.params.floatingIpId));
    const target = floatingIp.portId ? deviceOf(floatingIp.portId) : null;
    if (!target || target.type !== 'instance') {
      throw new HttpError(409, 'CONFLICT', `Floating IP ${floatingIp.address} is not connected to an instance`, undefined, 'floatingIp.notConnected', { address: floatingIp.address });
    }
    res.json(connectivity.testInstance(instances.get(projectId, target.id), test, sourceIp));
  });

  router.get('/ports/attachable', (req, res) => {
    // Every port of the project belongs to an instance or a load balancer: page first, then describe.
    const attachable = (port: Port): AttachablePortDto => {
      const device = deviceOf(port.id)!;
      return { id: port.id, fixedIp: port.fixedIp, deviceType: device.type, deviceId: device.id, deviceName: device.name, hasFloatingIp: Boolean(floatingIps.forPort(port.id)) };
    };
    const spec = listSpec<Port, 'attachable-ports'>('attachable-ports', {
      id: (port) => port.id,
      sort: { fixedIp: (port) => port.fixedIp, deviceName: (port) => deviceOf(port.id)?.name },
      search: (port) => [port.fixedIp, port.id, deviceOf(port.id)?.name],
      filters: { deviceType: (port) => deviceOf(port.id)?.type, hasFloatingIp: (port) => String(Boolean(floatingIps.forPort(port.id))) },
    });
    res.json(listPage(network.ports(currentProject(req).id), req.query, spec, attachable));
  });

  return router;
}
