import type { Engine } from '@sandcloud/engine';
import { Router } from 'express';
import { computeAccess } from '../http/project-access.ts';
import { requireSession } from '../http/session.ts';
import { authRoutes } from './auth-routes.ts';
import { eventRoutes } from './event-routes.ts';
import { catalogRoutes } from './catalog-routes.ts';
import { dataPlaneRoutes } from './data-plane-routes.ts';
import { floatingIpRoutes } from './floating-ip-routes.ts';
import { imageRoutes } from './image-routes.ts';
import { instanceRoutes } from './instance-routes.ts';
import { keyPairRoutes } from './key-pair-routes.ts';
import { loadBalancerRoutes } from './load-balancer-routes.ts';
import { networkRoutes } from './network-routes.ts';
import { securityGroupRoutes } from './security-group-routes.ts';
import { topologyRoutes } from './topology-routes.ts';
import { projectRoutes } from './project-routes.ts';
import { sandboxRoutes } from './sandbox-routes.ts';
import { settingsRoutes } from './settings-routes.ts';
import { userRoutes } from './user-routes.ts';
import { volumeRoutes } from './volume-routes.ts';
import { quotaDefaultsRoutes, quotaRoutes } from './quota-routes.ts';
import { activityRoutes } from './activity-routes.ts';
import { tutorialRoutes } from './tutorial-routes.ts';
import { vpcRoutes } from './vpc-routes.ts';
import { metricsRoutes } from './metrics-routes.ts';
import { classroomRoutes } from './classroom-routes.ts';
import { l7PolicyRoutes } from './l7-policy-routes.ts';

/** Routers of the Compute & Network product, each mounted under /api/projects/:projectId. */
const computeFeatures: ((engine: Engine) => Router)[] = [
  catalogRoutes,
  networkRoutes,
  keyPairRoutes,
  securityGroupRoutes,
  instanceRoutes,
  floatingIpRoutes,
  topologyRoutes,
  imageRoutes,
  volumeRoutes,
  loadBalancerRoutes,
  dataPlaneRoutes,
  quotaRoutes,
  activityRoutes,
  vpcRoutes,
  metricsRoutes,
  l7PolicyRoutes,
];

export function apiRouter(engine: Engine, options: { secureCookies: boolean }): Router {
  const api = Router();
  api.use(authRoutes(engine, options));
  api.use(userRoutes(engine));
  api.use(projectRoutes(engine));
  api.use(eventRoutes(engine));
  api.use(settingsRoutes(engine));
  api.use(sandboxRoutes(engine));
  api.use(quotaDefaultsRoutes(engine));
  api.use(tutorialRoutes(engine));
  api.use(classroomRoutes(engine));

  const compute = Router({ mergeParams: true });
  compute.use(requireSession, computeAccess(engine));
  for (const feature of computeFeatures) compute.use(feature(engine));
  api.use('/projects/:projectId', compute);
  return api;
}
