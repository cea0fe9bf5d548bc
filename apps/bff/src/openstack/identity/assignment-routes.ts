import type { ProjectRole } from '@sandcloud/domain';
import { EngineError, type Engine, type Project, type User } from '@sandcloud/engine';
import { Router, type Request } from 'express';
import { z } from 'zod';
import { callerToken, KEYSTONE_ROLES, ROLE_IDS } from '../auth.ts';
import { baseUrl } from '../catalog.ts';
import { parseBody, queryString } from '../common.ts';
import { OsError } from '../errors.ts';

const DOMAIN_ID = 'default';

/** Keystone role → the console's project role it grants (reader is the console's viewer). */
const PROJECT_ROLE: Record<string, ProjectRole> = { admin: 'admin', member: 'member', reader: 'viewer' };
const roleName = (idOrName: string) => Object.entries(ROLE_IDS).find(([name, id]) => id === idOrName || name === idOrName)?.[0];

const createUserSchema = z.object({
  user: z.object({
    name: z.string().min(1).max(255),
    password: z.string().min(1, 'A password is required'),
    domain_id: z.literal(DOMAIN_ID, { error: 'Sandcloud has one domain: default' }).optional(),
    enabled: z.literal(true, { error: 'Sandcloud users are always enabled' }).optional(),
  }),
});
const createProjectSchema = z.object({
  project: z.object({
    name: z.string().min(1).max(64),
    description: z.string().max(255).optional(),
    domain_id: z.literal(DOMAIN_ID, { error: 'Sandcloud has one domain: default' }).optional(),
    enabled: z.literal(true, { error: 'Sandcloud projects are always enabled' }).optional(),
    is_domain: z.literal(false).optional(),
    parent_id: z.literal(DOMAIN_ID).optional(),
  }),
});

/**
 * Keystone's projects, users, domains, roles and role assignments over the console's identity and
 * membership rules: any user creates projects (and is their admin), system admins create users,
 * project admins assign roles — exactly who may do it in the console.
 */
export function assignmentRoutes(engine: Engine): Router {
  const router = Router();
  const self = (req: Request) => `${baseUrl(req)}${req.originalUrl.split('?')[0]}`;
  const caller = (req: Request) => callerToken(engine, req).session.user;
  const domain = (req: Request) => ({ id: DOMAIN_ID, name: 'Default', description: 'The only domain of Sandcloud', enabled: true, tags: [], options: {}, links: { self: `${baseUrl(req)}/identity/v3/domains/${DOMAIN_ID}` } });
  const userView = (req: Request, user: User) => ({
    id: user.id,
    name: user.username,
    domain_id: DOMAIN_ID,
    enabled: true,
    password_expires_at: null,
    options: {},
    links: { self: `${baseUrl(req)}/identity/v3/users/${user.id}` },
  });
  const projectView = (req: Request, project: Project) => ({
    id: project.id,
    name: project.name,
    description: project.description,
    domain_id: DOMAIN_ID,
    enabled: true,
    is_domain: false,
    parent_id: DOMAIN_ID,
    tags: [],
    options: {},
    links: { self: `${baseUrl(req)}/identity/v3/projects/${project.id}` },
  });
  const roleView = (name: string) => ({ id: ROLE_IDS[name]!, name, domain_id: null, description: null, options: {}, links: {} });
  const forbidden = (action: string) => new OsError(403, `You are not authorized to perform the requested action: ${action}.`);
  const findUser = (id: string): User => {
    try {
      return engine.identity.getUser(id);
    } catch (error) {
      if (error instanceof EngineError && error.code === 'NOT_FOUND') throw new OsError(404, `Could not find user: ${id}.`);
      throw error;
    }
  };
  const visibleProjects = (req: Request) => engine.projects.listFor(caller(req));
  const findProject = (req: Request, id: string) => {
    const project = visibleProjects(req).find((p) => p.id === id);
    if (!project) throw new OsError(404, `Could not find project: ${id}.`);
    return project;
  };
  const links = (req: Request) => ({ self: self(req), next: null, previous: null });

  router.get('/v3/domains', (req, res) => {
    caller(req);
    const name = queryString(req.query.name);
    res.json({ domains: name === undefined || name === 'Default' ? [domain(req)] : [], links: links(req) });
  });
  router.get('/v3/domains/:id', (req, res) => {
    caller(req);
    if (req.params.id !== DOMAIN_ID) throw new OsError(404, `Could not find domain: ${String(req.params.id)}.`);
    res.json({ domain: domain(req) });
  });

  router.get('/v3/roles', (req, res) => {
    caller(req);
    const name = queryString(req.query.name);
    res.json({ roles: Object.keys(ROLE_IDS).filter((n) => name === undefined || n === name).map(roleView), links: links(req) });
  });
  router.get('/v3/roles/:id', (req, res) => {
    caller(req);
    const name = roleName(String(req.params.id));
    if (!name) throw new OsError(404, `Could not find role: ${String(req.params.id)}.`);
    res.json({ role: roleView(name) });
  });

  router.get('/v3/users', (req, res) => {
    const user = caller(req);
    const name = queryString(req.query.name);
    const users = user.isAdmin ? engine.identity.listUsers() : [user];
    res.json({ users: users.filter((u) => name === undefined || u.username === name).map((u) => userView(req, u)), links: links(req) });
  });
  router.get('/v3/users/:id', (req, res) => {
    const user = caller(req);
    if (user.id !== req.params.id && !user.isAdmin) throw forbidden('identity:get_user');
    res.json({ user: userView(req, findUser(String(req.params.id))) });
  });
  router.post('/v3/users', (req, res) => {
    if (!caller(req).isAdmin) throw forbidden('identity:create_user');
    const { user } = parseBody(createUserSchema, req.body ?? {});
    res.status(201).json({ user: userView(req, engine.identity.createUser({ username: user.name, password: user.password })) });
  });

  router.get(['/v3/projects', '/v3/auth/projects'], (req, res) => {
    const name = queryString(req.query.name);
    res.json({ projects: visibleProjects(req).filter((p) => name === undefined || p.name === name).map((p) => projectView(req, p)), links: links(req) });
  });
  router.get('/v3/users/:id/projects', (req, res) => {
    if (caller(req).id !== req.params.id) throw forbidden('identity:list_user_projects');
    res.json({ projects: visibleProjects(req).map((p) => projectView(req, p)), links: links(req) });
  });
  router.get('/v3/projects/:id', (req, res) => {
    res.json({ project: projectView(req, findProject(req, String(req.params.id))) });
  });
  router.post('/v3/projects', (req, res) => {
    const { project } = parseBody(createProjectSchema, req.body ?? {});
    const created = engine.projects.create(caller(req), { name: project.name, ...(project.description !== undefined ? { description: project.description } : {}) });
    res.status(201).json({ project: projectView(req, created) });
  });

  /** The caller must be an admin of the project, as for the console's Members tab. */
  const assignment = (req: Request) => {
    const project = findProject(req, String(req.params.projectId));
    engine.projects.authorize(caller(req), project.id, 'manage');
    const user = findUser(String(req.params.userId));
    const name = roleName(String(req.params.roleId));
    if (!name) throw new OsError(404, `Could not find role: ${String(req.params.roleId)}.`);
    return { project, user, name, role: PROJECT_ROLE[name]! };
  };
  router.put('/v3/projects/:projectId/users/:userId/roles/:roleId', (req, res) => {
    const { project, user, role } = assignment(req);
    engine.projects.setMember(project.id, user, role);
    res.status(204).end();
  });
  router.head('/v3/projects/:projectId/users/:userId/roles/:roleId', (req, res) => {
    const { project, user, name } = assignment(req);
    const current = engine.projects.roleOf(user.id, project.id);
    res.status(current && KEYSTONE_ROLES[current].includes(name) ? 204 : 404).end();
  });
  router.delete('/v3/projects/:projectId/users/:userId/roles/:roleId', (req, res) => {
    const { project, user, role } = assignment(req);
    if (engine.projects.roleOf(user.id, project.id) !== role) throw new OsError(404, `Could not find role assignment with role: ${String(req.params.roleId)}, user or group: ${user.id}, project, domain, or system: ${project.id}.`);
    engine.projects.removeMember(project.id, user.id);
    res.status(204).end();
  });
  router.get('/v3/projects/:projectId/users/:userId/roles', (req, res) => {
    const project = findProject(req, String(req.params.projectId));
    const role = engine.projects.roleOf(String(req.params.userId), project.id);
    res.json({ roles: role ? KEYSTONE_ROLES[role].map(roleView) : [], links: links(req) });
  });

  router.get('/v3/role_assignments', (req, res) => {
    const projectId = queryString(req.query['scope.project.id']);
    const userId = queryString(req.query['user.id']);
    const roleId = queryString(req.query['role.id']);
    const names = ['true', 'True', '1', ''].includes(queryString(req.query.include_names) ?? 'no');
    const named = <T extends object>(ids: T, extra: object) => (names ? { ...ids, ...extra } : ids);
    const defaultDomain = { id: DOMAIN_ID, name: 'Default' };
    const projects = visibleProjects(req).filter((p) => projectId === undefined || p.id === projectId);
    const assignments = projects.flatMap((project) =>
      engine.projects
        .members(project.id)
        .filter((member) => userId === undefined || member.userId === userId)
        .map((member) => ({ member, role: KEYSTONE_ROLES[member.role][0]! }))
        .filter(({ role }) => roleId === undefined || ROLE_IDS[role] === roleId)
        .map(({ member, role }) => ({
          role: named({ id: ROLE_IDS[role]! }, { name: role }),
          user: named({ id: member.userId }, { name: member.username, domain: defaultDomain }),
          scope: { project: named({ id: project.id }, { name: project.name, domain: defaultDomain }) },
          links: { assignment: `${baseUrl(req)}/identity/v3/projects/${project.id}/users/${member.userId}/roles/${ROLE_IDS[role]!}` },
        })),
    );
    res.json({ role_assignments: assignments, links: links(req) });
  });

  return router;
}
