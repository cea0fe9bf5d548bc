import type { ProjectRole } from '@sandcloud/domain';
import { EngineError, type Engine, type Project, type Session, type User } from '@sandcloud/engine';
import type { Request, RequestHandler } from 'express';
import { OsError, UNAUTHENTICATED_MESSAGE } from './errors.ts';

/**
 * Keystone tokens are the engine's sessions: issuing one is a login (a password check that opens a
 * session), validating one resolves the session, revoking one logs it out. So a token expires with
 * its session and dies with the user's password change or deletion, exactly as a console session.
 * The project scope rides in the token itself (`<project id>.<session token>`): the session token
 * is the secret, and membership and role are checked again on every call, so a token edited to
 * name another project reaches only projects its user already belongs to.
 */
export interface OsToken {
  session: Session;
  sessionToken: string;
  projectId: string | null;
}

const UNSCOPED = 'unscoped';

export const encodeToken = (sessionToken: string, projectId: string | null): string => `${projectId ?? UNSCOPED}.${sessionToken}`;

export function resolveToken(engine: Engine, token: string | undefined): OsToken | undefined {
  if (!token) return undefined;
  const dot = token.indexOf('.');
  if (dot <= 0) return undefined;
  const scope = token.slice(0, dot);
  const sessionToken = token.slice(dot + 1);
  const session = engine.identity.resolveSession(sessionToken);
  return session ? { session, sessionToken, projectId: scope === UNSCOPED ? null : scope } : undefined;
}

/** Sandcloud's project roles as Keystone roles, with the roles each implies (admin ⊃ member ⊃ reader). */
export const KEYSTONE_ROLES: Record<ProjectRole, readonly string[]> = {
  admin: ['admin', 'member', 'reader'],
  member: ['member', 'reader'],
  viewer: ['reader'],
};

/** Fixed ids, so a role id seen once stays valid across restarts. */
export const ROLE_IDS: Record<string, string> = {
  admin: 'a0000000000000000000000000000001',
  member: 'a0000000000000000000000000000002',
  reader: 'a0000000000000000000000000000003',
};

export interface OsContext {
  user: User;
  project: Project;
  role: ProjectRole;
  token: OsToken;
}

declare module 'express-serve-static-core' {
  interface Request {
    osContext?: OsContext;
  }
}

export function osContext(req: Request): OsContext {
  if (!req.osContext) throw new Error('requireScopedToken() must run before this handler');
  return req.osContext;
}

/** The calling token, or 401 (with `WWW-Authenticate`, added by the error handler). */
export function callerToken(engine: Engine, req: Request): OsToken {
  const token = resolveToken(engine, req.get('x-auth-token'));
  if (!token) throw new OsError(401, UNAUTHENTICATED_MESSAGE);
  return token;
}

/**
 * The gate of Compute, Network and Image: a valid token scoped to a project its user still belongs
 * to; reading needs any role, changing needs member or admin (the console's rule, from the engine);
 * and Compute & Network must be activated in the project.
 */
export function requireScopedToken(engine: Engine): RequestHandler {
  return (req, _res, next) => {
    const token = callerToken(engine, req);
    if (!token.projectId) throw new OsError(403, 'This API needs a token scoped to a project; authenticate with a project id or name');
    const permission = req.method === 'GET' || req.method === 'HEAD' ? 'read' : 'write';
    let authorized: { project: Project; role: ProjectRole };
    try {
      authorized = engine.projects.authorize(token.session.user, token.projectId, permission);
    } catch (error) {
      // The user left the project since the token was issued: the token no longer holds.
      if (error instanceof EngineError && error.code === 'NOT_FOUND') throw new OsError(401, UNAUTHENTICATED_MESSAGE);
      throw error;
    }
    engine.projects.requireComputeActive(authorized.project.id);
    req.osContext = { user: token.session.user, project: authorized.project, role: authorized.role, token };
    next();
  };
}
