import type { ProjectRole } from '@sandcloud/domain';
import type { Engine, Permission, Project } from '@sandcloud/engine';
import type { Request, RequestHandler } from 'express';
import { currentSession } from './session.ts';

declare module 'express-serve-static-core' {
  interface Request {
    project?: Project;
    projectRole?: ProjectRole;
  }
}

/** Gate for routes under /api/projects/:projectId — membership and role, checked by the engine. */
export function requireProject(engine: Engine, permission: Permission, options: { computeActive?: boolean } = {}): RequestHandler {
  return (req, _res, next) => {
    const { user } = currentSession(req);
    const { project, role } = engine.projects.authorize(user, String(req.params.projectId), permission);
    if (options.computeActive) engine.projects.requireComputeActive(project.id);
    req.project = project;
    req.projectRole = role;
    next();
  };
}

export function currentProject(req: Request): Project {
  if (!req.project) throw new Error('requireProject() must run before this handler');
  return req.project;
}

/**
 * Gate for the Compute & Network API: reading needs any role, changing needs member or admin, and
 * the product must be activated in the project.
 */
export function computeAccess(engine: Engine): RequestHandler {
  const read = requireProject(engine, 'read', { computeActive: true });
  const write = requireProject(engine, 'write', { computeActive: true });
  return (req, res, next) => (req.method === 'GET' || req.method === 'HEAD' ? read : write)(req, res, next);
}
