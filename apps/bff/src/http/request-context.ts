import { runInRequest, currentRequest, type Engine } from '@sandcloud/engine';
import type { Request, RequestHandler } from 'express';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Collection names of the console's API and the OpenStack APIs → the engine's resource kinds. */
const KIND_OF: Record<string, string> = {
  instances: 'instance',
  servers: 'instance',
  volumes: 'volume',
  'os-volumes': 'volume',
  snapshots: 'volume-snapshot',
  'os-snapshots': 'volume-snapshot',
  'floating-ips': 'floating-ip',
  floatingips: 'floating-ip',
  'security-groups': 'security-group',
  'security-group-rules': 'security-group',
  'os-security-groups': 'security-group',
  'key-pairs': 'key-pair',
  'os-keypairs': 'key-pair',
  'load-balancers': 'load-balancer',
  loadbalancers: 'load-balancer',
  listeners: 'lb-listener',
  pools: 'lb-pool',
  members: 'lb-member',
  healthmonitors: 'lb-pool',
  l7policies: 'lb-l7policy',
  networks: 'network',
  subnets: 'subnet',
  ports: 'port',
  routers: 'router',
  images: 'image',
  quotas: 'quota',
  users: 'user',
  projects: 'project',
  settings: 'settings',
};

/** What a failed request asked for, read from its path and body (the log names it even when nothing changed). */
export function describeRequest(req: Request): { projectId: string | null; action: string; resourceKind: string; resourceId: string | null } {
  const segments = req.path.split('/').filter(Boolean);
  const console = segments[0] === 'api';
  let projectId: string | null = req.osContext?.project.id ?? null;
  let rest = segments.slice(1);
  if (console && rest[0] === 'projects' && rest[1]) {
    projectId = rest[1];
    rest = rest.length > 2 ? rest.slice(2) : rest;
  }
  // The last known collection in the path names the kind; the segment after it is the resource's id.
  let index = -1;
  for (let i = 0; i < rest.length; i++) if (KIND_OF[rest[i]!]) index = i;
  const collection = index >= 0 ? rest[index]! : (rest[0] ?? 'request');
  const resourceId = index >= 0 ? (rest[index + 1] ?? null) : null;
  const trailing = index >= 0 ? rest.slice(index + 2) : [];
  return { projectId, action: actionOf(req, resourceId, trailing), resourceKind: KIND_OF[collection] ?? collection, resourceId };
}

function actionOf(req: Request, resourceId: string | null, trailing: string[]): string {
  if (req.method === 'DELETE') return 'delete';
  if (req.method === 'PUT' || req.method === 'PATCH') return 'update';
  if (!resourceId) return 'create';
  const body = req.body as Record<string, unknown> | undefined;
  if (body && typeof body === 'object') {
    if (typeof body.action === 'string') return body.action;
    const first = Object.keys(body)[0];
    // Nova's server actions: {"os-stop": null}, {"reboot": {...}}.
    if (trailing[trailing.length - 1] === 'action' && first) return first.replace(/^os-/, '');
  }
  return trailing[trailing.length - 1] ?? 'update';
}

/** The message of any error body Sandcloud writes (its own, Nova's, Neutron's, Octavia's). */
function messageOf(body: unknown, depth = 0): string | undefined {
  if (!body || typeof body !== 'object' || depth > 2) return undefined;
  const record = body as Record<string, unknown>;
  for (const key of ['message', 'faultstring']) if (typeof record[key] === 'string') return record[key];
  for (const value of Object.values(record)) {
    const found = messageOf(value, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/**
 * Opens the engine's request context (request id, API, user) around every state-changing request,
 * the console's and the OpenStack APIs' alike, so the activity log attributes each change without
 * a line in any route. A request that fails having changed nothing is written as failed, with the
 * message it answered.
 */
export function requestContext(engine: Engine): RequestHandler {
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const segments = req.path.split('/', 3);
    const info = {
      requestId: typeof req.id === 'string' || typeof req.id === 'number' ? String(req.id) : null,
      source: segments[1] === 'api' ? 'console' : (segments[1] ?? 'console'),
      actor: () => {
        const user = req.session?.user ?? req.osContext?.user;
        return user ? { id: user.id, name: user.username } : undefined;
      },
      admin: () => Boolean(req.session?.user?.isAdmin || req.osContext?.user.isAdmin || req.osContext?.role === 'admin'),
    };
    runInRequest(info, () => {
      const context = currentRequest()!;
      let reason: string | undefined;
      const json = res.json.bind(res);
      res.json = (body: unknown) => {
        if (res.statusCode >= 400) reason = messageOf(body);
        return json(body);
      };
      res.on('finish', () => {
        if (res.statusCode < 400) return;
        try {
          engine.modules.activity.failed(context, { ...describeRequest(req), reason: reason ?? `HTTP ${res.statusCode}` });
        } catch {
          // The log must never break an answer already sent (a full disk is reported elsewhere).
        }
      });
      next();
    });
  };
}
