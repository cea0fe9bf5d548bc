import type { Engine } from '@sandcloud/engine';
import type { NetworkDto } from '@sandcloud/api-schemas';
import { Router } from 'express';
import { currentProject } from '../http/project-access.ts';
import { iso } from './dto.ts';
import { listPage, listSpec } from './paginate.ts';

export function networkRoutes(engine: Engine): Router {
  const router = Router();
  const { network } = engine.modules;

  router.get('/networks', (req, res) => {
    const projectId = currentProject(req).id;
    const subnets = network.subnets(projectId);
    const routers = network.routers(projectId);
    // A VPC without a subnet yet has nowhere to launch into: not listed here.
    const items = network.networks(projectId).flatMap((net): NetworkDto[] => {
      const own = subnets.filter((s) => s.networkId === net.id);
      const subnet = own[0];
      if (!subnet) return [];
      const router = routers.find((r) => r.subnetIds.includes(subnet.id));
      return [
        {
          id: net.id,
          name: net.name,
          status: net.status,
          subnetId: subnet.id,
          cidr: subnet.cidr,
          gatewayIp: subnet.gatewayIp,
          routerId: router?.id ?? null,
          routerName: router?.name ?? null,
          externalNetworkName: router?.externalNetworkId ? 'Public Network' : null,
          createdAt: iso(net.createdAt)!,
          subnets: own.map((s) => ({ id: s.id, name: s.name, cidr: s.cidr, gatewayIp: s.gatewayIp })),
        },
      ];
    });
    res.json(
      listPage(items, req.query, listSpec('networks', {
        id: (net) => net.id,
        sort: { name: (net) => net.name, status: (net) => net.status, cidr: (net) => net.cidr, createdAt: (net) => net.createdAt },
        search: (net) => [net.name, net.id, net.cidr, net.gatewayIp],
        filters: { status: (net) => net.status },
      })),
    );
  });

  return router;
}
