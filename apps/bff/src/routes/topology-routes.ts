import { CONNECTIVITY_TESTS } from '@sandcloud/domain';
import { DEFAULT_INTERNET_SOURCE, isInstancePort, type Engine } from '@sandcloud/engine';
import {
  topologyQuerySchema,
  type TopologyDto,
  type TopologyFloatingIpDto,
  type TopologyInstanceDto,
  type TopologyLoadBalancerDto,
  type TopologyLoadBalancerMemberDto,
  type TopologyReachabilityDto,
  type TopologyTest,
  type TopologyVerdictDto,
  type TopologyVolumeDto,
} from '@sandcloud/api-schemas';
import { Router } from 'express';
import { currentProject } from '../http/project-access.ts';
import { parseInput } from '../http/validate.ts';

/**
 * `GET /topology`: the project's network graph in one answer (Public Network, routers, networks
 * with their subnets, instances with their addresses, floating IPs, volumes, load balancers), read with a handful
 * of list queries and joined here, so a project of a thousand instances answers in one request.
 * `?reachability=internet` adds the engine's ping / SSH / HTTP verdicts for every instance.
 */
export function topologyRoutes(engine: Engine): Router {
  const router = Router();
  const { network, instances, connectivity, volumes, loadBalancers, traffic } = engine.modules;

  // The overlay's verdicts (one batch in the engine, tens of milliseconds for a thousand instances)
  // change only when the engine's traffic module says its own verdicts do (a rule, an address, a
  // status, a guest starting or stopping to listen): keep them until then, as it does.
  const verdictCache = new Map<string, TopologyReachabilityDto>();
  traffic.onChange((change) => {
    if (change.projectId) verdictCache.delete(change.projectId);
    else verdictCache.clear();
  });

  router.get('/topology', (req, res) => {
    const query = parseInput(topologyQuerySchema, req.query);
    const projectId = currentProject(req).id;
    const publicNetwork = network.ensurePublicNetwork();
    const subnets = network.subnets(projectId);
    // Ports, floating IPs and security groups, read once for the graph and the overlay's verdicts.
    const snapshot = connectivity.snapshot(projectId);
    const ports = new Map(snapshot.ports.map((port) => [port.id, port]));
    const floating = snapshot.floatingIps;
    const floatingByPort = new Map(floating.flatMap((ip) => (ip.portId ? [[ip.portId, ip] as const] : [])));
    const projectInstances = instances.list(projectId);

    const networkOfSubnet = new Map(subnets.map((subnet) => [subnet.id, subnet.networkId]));
    const routers = network.routers(projectId).map((item) => ({
      id: item.id,
      name: item.name,
      status: item.status,
      externalNetworkId: item.externalNetworkId || null,
      networkIds: [...new Set(item.subnetIds.flatMap((id) => networkOfSubnet.get(id) ?? []))],
    }));

    const networks = network.networks(projectId).map((net) => ({
      id: net.id,
      name: net.name,
      status: net.status,
      subnets: subnets
        .filter((subnet) => subnet.networkId === net.id)
        .map((subnet) => ({ id: subnet.id, name: subnet.name, cidr: subnet.cidr, gatewayIp: subnet.gatewayIp })),
    }));

    // Each instance's other interfaces, from the same list of ports.
    const extraPorts = new Map<string, TopologyInstanceDto['extraInterfaces']>();
    for (const port of snapshot.ports) {
      if (!port.deviceId || !isInstancePort(port)) continue;
      const list = extraPorts.get(port.deviceId) ?? [];
      list.push({ portId: port.id, networkId: port.networkId, subnetId: port.subnetId, fixedIp: port.fixedIp });
      extraPorts.set(port.deviceId, list);
    }

    const instanceDtos = projectInstances.map((instance): TopologyInstanceDto => {
      const port = instance.portId ? ports.get(instance.portId) : undefined;
      const ip = port ? floatingByPort.get(port.id) : undefined;
      const extraInterfaces = extraPorts.get(instance.id)?.filter((candidate) => candidate.portId !== instance.portId) ?? [];
      return {
        id: instance.id,
        name: instance.name,
        status: instance.status,
        taskState: instance.taskState,
        powerState: instance.powerState,
        networkId: instance.networkId,
        portId: instance.portId,
        privateIp: port?.fixedIp ?? null,
        floatingIp: ip?.address ?? null,
        floatingIpId: ip?.id ?? null,
        securityGroupIds: port?.securityGroupIds ?? instance.securityGroupIds,
        ...(extraInterfaces.length > 0 ? { extraInterfaces } : {}),
      };
    });

    const floatingIpDtos = floating.map((ip): TopologyFloatingIpDto => {
      const port = ip.portId ? ports.get(ip.portId) : undefined;
      const type = port && isInstancePort(port) ? 'instance' : 'load-balancer';
      return {
        id: ip.id,
        address: ip.address,
        status: ip.status,
        portId: ip.portId,
        fixedIp: ip.fixedIp,
        target: port ? { type, id: port.deviceId } : null,
      };
    });

    const volumeDtos = volumes.list(projectId).map(
      (volume): TopologyVolumeDto => ({
        id: volume.id,
        name: volume.name,
        status: volume.status,
        sizeGb: volume.sizeGb,
        attachments: volume.attachment ? [{ instanceId: volume.attachment.instanceId, device: volume.attachment.device }] : [],
      }),
    );

    const body: TopologyDto = {
      publicNetwork: { id: publicNetwork.id, name: publicNetwork.name },
      routers,
      networks,
      instances: instanceDtos,
      floatingIps: floatingIpDtos,
      securityGroups: snapshot.securityGroups.map((group) => ({ id: group.id, name: group.name })),
      volumes: volumeDtos,
      loadBalancers: loadBalancers.list(projectId).map((lb): TopologyLoadBalancerDto => {
        // One member per instance and port, whatever listener it serves.
        const members = new Map<string, TopologyLoadBalancerMemberDto>();
        for (const { members: pool } of loadBalancers.view(lb).listeners) {
          for (const member of pool) {
            members.set(`${member.instanceId}:${member.protocolPort}`, {
              id: member.id,
              instanceId: member.instanceId,
              address: member.address,
              port: member.protocolPort,
              status: member.operatingStatus,
            });
          }
        }
        return {
          id: lb.id,
          name: lb.name,
          status: lb.status,
          networkId: lb.vipNetworkId,
          vipAddress: lb.vipAddress,
          vipPortId: lb.vipPortId,
          floatingIp: (lb.vipPortId ? floatingByPort.get(lb.vipPortId)?.address : undefined) ?? null,
          members: [...members.values()],
        };
      }),
    };

    if (query.reachability === 'internet') {
      let reachability = verdictCache.get(projectId);
      if (!reachability) {
        // Every instance's verdicts in one pass over the snapshot, without reading the store again.
        const verdicts: TopologyReachabilityDto['instances'] = {};
        for (const [instanceId, tests] of connectivity.testInstances(snapshot, projectInstances, DEFAULT_INTERNET_SOURCE)) {
          const entry = {} as Record<TopologyTest, TopologyVerdictDto>;
          for (const test of CONNECTIVITY_TESTS) {
            const { allowed, reason } = tests[test];
            entry[test] = { allowed, reason };
          }
          verdicts[instanceId] = entry;
        }
        reachability = { source: 'internet', sourceIp: DEFAULT_INTERNET_SOURCE, instances: verdicts };
        verdictCache.set(projectId, reachability);
      }
      body.reachability = reachability;
    }

    res.json(body);
  });

  return router;
}
