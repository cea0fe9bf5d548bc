import type { Engine } from '@sandcloud/engine';
import { Router } from 'express';
import { cloudsYamlRoutes } from './clouds-yaml.ts';
import { computeRoutes } from './compute/compute-routes.ts';
import { identityRoutes } from './identity/identity-routes.ts';
import { imageRoutes } from './image/image-routes.ts';
import { loadBalancerRoutes } from './load-balancer/load-balancer-routes.ts';
import { networkRoutes } from './network/network-routes.ts';
import { volumeRoutes } from './volume/volume-routes.ts';

/**
 * The OpenStack-compatible APIs, DevStack-style on the console's port: Keystone at /identity,
 * Nova at /compute, Neutron at /network, Glance at /image. A thin adapter over the engine's
 * services: every call is the engine action the console makes, so each side sees the other's work.
 */
export function openstackRouter(engine: Engine): Router {
  const router = Router();
  router.use(['/identity', '/compute', '/network', '/image', '/volume', '/load-balancer'], (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  router.use('/identity', identityRoutes(engine));
  router.use('/compute', computeRoutes(engine));
  router.use('/network', networkRoutes(engine));
  router.use('/image', imageRoutes(engine));
  router.use('/volume', volumeRoutes(engine));
  router.use('/load-balancer', loadBalancerRoutes(engine));
  router.use(cloudsYamlRoutes(engine));
  return router;
}
