import type { Engine } from '@sandcloud/engine';
import type { InstanceMetricsDto, LoadBalancerMetricsDto } from '@sandcloud/api-schemas';
import { Router, type Request } from 'express';
import { HttpError } from '../http/errors.ts';
import { currentProject } from '../http/project-access.ts';

/** `?since=<ms since the epoch>`: only newer samples (the live chart asks for what it lacks). */
function sinceOf(req: Request): number | undefined {
  const raw = req.query.since;
  if (raw === undefined) return undefined;
  const since = typeof raw === 'string' && /^\d{1,15}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isFinite(since)) throw new HttpError(400, 'INVALID_INPUT', 'since must be a time in milliseconds since 1970', 'since', 'metrics.sinceInvalid');
  return since;
}

/** The monitoring graphs' series (the last hour, sampled in memory by the engine's `metrics/`). */
export function metricsRoutes(engine: Engine): Router {
  const router = Router();
  const { metrics } = engine.modules;

  router.get('/instances/:instanceId/metrics', (req, res) => {
    res.json(metrics.instance(currentProject(req).id, String(req.params.instanceId), sinceOf(req)) satisfies InstanceMetricsDto);
  });

  router.get('/load-balancers/:loadBalancerId/metrics', (req, res) => {
    res.json(metrics.loadBalancer(currentProject(req).id, String(req.params.loadBalancerId), sinceOf(req)) satisfies LoadBalancerMetricsDto);
  });

  return router;
}
