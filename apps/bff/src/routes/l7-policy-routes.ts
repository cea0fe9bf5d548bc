import type { L7PolicyDto } from '@sandcloud/api-schemas';
import type { Engine, L7Policy } from '@sandcloud/engine';
import { Router } from 'express';
import { currentProject } from '../http/project-access.ts';

/** A load balancer's L7 policies for the console's Listeners tab (read-only: they are made through Octavia's API). */
export function l7PolicyRoutes(engine: Engine): Router {
  const router = Router();
  const { loadBalancers, l7 } = engine.modules;

  router.get('/load-balancers/:loadBalancerId/l7-policies', (req, res) => {
    const lb = loadBalancers.get(currentProject(req).id, String(req.params.loadBalancerId));
    const parts = loadBalancers.parts(lb);
    const poolNames = new Map(parts.pools.map(({ pool }) => [pool.id, pool.name]));
    const dto = (policy: L7Policy): L7PolicyDto => ({
      id: policy.id,
      name: policy.name,
      listenerId: policy.listenerId,
      position: policy.position,
      action: policy.action,
      redirectPoolId: policy.redirectPoolId,
      redirectPoolName: policy.redirectPoolId ? (poolNames.get(policy.redirectPoolId) ?? null) : null,
      redirectUrl: policy.redirectUrl,
      redirectPrefix: policy.redirectPrefix,
      redirectHttpCode: policy.redirectHttpCode,
      adminStateUp: policy.adminStateUp,
      provisioningStatus: policy.status,
      rules: l7.rulesOf(policy.id).map((rule) => ({
        id: rule.id,
        type: rule.type,
        compareType: rule.compareType,
        key: rule.key,
        value: rule.value,
        invert: rule.invert,
        adminStateUp: rule.adminStateUp,
      })),
    });
    res.json({ items: parts.listeners.flatMap((listener) => l7.policiesOf(listener.id).map(dto)) });
  });

  return router;
}
