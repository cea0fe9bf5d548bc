import { randomUUID } from 'node:crypto';
import type { Engine } from '@sandcloud/engine';
import express, { Router, type Request } from 'express';
import { requireScopedToken } from '../auth.ts';
import { baseUrl } from '../catalog.ts';
import { errorHandler, notFound } from '../errors.ts';
import { COMPUTE_MAX_VERSION, COMPUTE_MIN_VERSION, computeMicroversion } from '../microversion.ts';
import { flavorRoutes } from './flavor-routes.ts';
import { imageProxyRoutes } from './image-proxy-routes.ts';
import { instanceActionRoutes, novaRequestId } from './instance-action-routes.ts';
import { keyPairRoutes } from './key-pair-routes.ts';
import { projectRoutes } from './project-routes.ts';
import { computeSecurityGroupRoutes } from './security-group-routes.ts';
import { serverGroupRoutes } from './server-group-routes.ts';
import { serverRoutes } from './server-routes.ts';
import { serverVolumeRoutes } from '../volume/server-volume-routes.ts';

const version = (req: Request) => ({
  id: 'v2.1',
  status: 'CURRENT',
  version: COMPUTE_MAX_VERSION,
  min_version: COMPUTE_MIN_VERSION,
  updated: '2013-07-23T11:33:21Z',
  links: [{ rel: 'self', href: `${baseUrl(req)}/compute/v2.1/` }],
});

/** Nova at /compute: version documents without a token, the v2.1 API behind one. */
export function computeRoutes(engine: Engine): Router {
  const router = Router();
  router.use(express.json({ limit: '256kb' }), computeMicroversion);
  // Nova names every response's request (`req-<uuid>`); clients (Tempest's create_test_server) read it.
  // It is the request id the activity log records, so `os-instance-actions` finds each action by it.
  router.use((req, res, next) => {
    const id = novaRequestId(typeof req.id === 'string' || typeof req.id === 'number' ? String(req.id) : randomUUID());
    res.setHeader('x-openstack-request-id', id);
    res.setHeader('x-compute-request-id', id);
    next();
  });
  router.get('/', (req, res) => res.json({ versions: [version(req)] }));
  router.get(['/v2.1', '/v2.1/'], (req, res) => {
    res.json({
      version: {
        ...version(req),
        links: [...version(req).links, { rel: 'describedby', type: 'text/html', href: 'https://docs.openstack.org/' }],
        'media-types': [{ base: 'application/json', type: 'application/vnd.openstack.compute+json;version=2.1' }],
      },
    });
  });

  const api = Router();
  api.use(requireScopedToken(engine));
  api.use(serverRoutes(engine), keyPairRoutes(engine), flavorRoutes(), projectRoutes(engine), computeSecurityGroupRoutes(engine));
  api.use(serverVolumeRoutes(engine));
  api.use(imageProxyRoutes(engine), serverGroupRoutes(engine));
  api.use(instanceActionRoutes(engine));
  router.use('/v2.1', api);
  router.use(notFound('compute'));
  router.use(errorHandler('compute'));
  return router;
}
