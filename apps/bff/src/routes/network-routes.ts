import type { Engine } from '@sandcloud/engine';
import { pageQuerySchema, type NetworkDto } from '@sandcloud/api-schemas';
import { Router } from 'express';
import { currentProject } from '../http/project-access.ts';
import { parseInput } from '../http/validate.ts';
import { iso } from './dto.ts';
import { paginate } from './paginate.ts';

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
    res.json(paginate(items, parseInput(pageQuerySchema, req.query)));
  });

  return router;
}
