import { EngineError, type Engine, type User } from '@sandcloud/engine';
import express, { Router, type Request } from 'express';
import { z } from 'zod';
import { callerToken, encodeToken, KEYSTONE_ROLES, resolveToken, ROLE_IDS, type OsToken } from '../auth.ts';
import { baseUrl, catalog } from '../catalog.ts';
import { assignmentRoutes } from './assignment-routes.ts';
import { parseBody } from '../common.ts';
import { errorHandler, notFound, OsError, UNAUTHENTICATED_MESSAGE } from '../errors.ts';

/** Sandcloud has one domain; Keystone clients name it `Default` (id `default`). */
export const DEFAULT_DOMAIN = { id: 'default', name: 'Default' } as const;

const domainSchema = z.strictObject({ id: z.string().optional(), name: z.string().optional() });
const passwordUserSchema = z.strictObject({
  id: z.string().optional(),
  name: z.string().optional(),
  password: z.string(),
  domain: domainSchema.optional(),
});
const authRequestSchema = z.strictObject({
  auth: z.strictObject({
    identity: z.strictObject({
      methods: z.array(z.enum(['password', 'token'])).min(1),
      password: z.strictObject({ user: passwordUserSchema }).optional(),
      token: z.strictObject({ id: z.string() }).optional(),
    }),
    scope: z
      .union([
        z.strictObject({ project: z.strictObject({ id: z.string().optional(), name: z.string().optional(), domain: domainSchema.optional() }) }),
        z.literal('unscoped'),
      ])
      .optional(),
  }),
});

const isDefaultDomain = (domain: z.infer<typeof domainSchema> | undefined) =>
  domain === undefined || domain.id === DEFAULT_DOMAIN.id || domain.name === DEFAULT_DOMAIN.name;

/** Keystone's answer for a wrong name, password or scope: one message, nothing learnt. */
const unauthorized = () => new OsError(401, UNAUTHENTICATED_MESSAGE);

const keystoneTime = (ms: number) => new Date(ms).toISOString().replace(/Z$/, '000Z');

const versionDocument = (req: Request) => ({
  id: 'v3.14',
  status: 'stable',
  updated: '2020-04-07T00:00:00Z',
  links: [{ rel: 'self', href: `${baseUrl(req)}/identity/v3/` }],
  'media-types': [{ base: 'application/json', type: 'application/vnd.openstack.identity-v3+json' }],
});

export function identityRoutes(engine: Engine): Router {
  const router = Router();
  router.use(express.json({ limit: '64kb' }));

  const userView = (user: User) => ({ id: user.id, name: user.username, domain: DEFAULT_DOMAIN, password_expires_at: null });

  function tokenBody(req: Request, token: OsToken, methods: string[]) {
    const user = token.session.user;
    const body: Record<string, unknown> = {
      methods,
      user: userView(user),
      audit_ids: [token.sessionToken.slice(0, 22)],
      expires_at: keystoneTime(token.session.expiresAt),
      issued_at: keystoneTime(engine.clock.now()),
    };
    if (token.projectId) {
      const role = engine.projects.roleOf(user.id, token.projectId);
      const project = role ? engine.projects.get(token.projectId) : undefined;
      if (!role || !project) throw new OsError(404, `Could not find token.`);
      body.project = { id: project.id, name: project.name, domain: DEFAULT_DOMAIN };
      body.is_domain = false;
      body.roles = KEYSTONE_ROLES[role].map((name) => ({ id: ROLE_IDS[name], name }));
      body.catalog = catalog(req);
    }
    return { token: body };
  }

  /** The project the request scopes to, checked against the user's memberships. */
  function scopeOf(user: User, scope: z.infer<typeof authRequestSchema>['auth']['scope']): string | null {
    if (scope === undefined || scope === 'unscoped') return null;
    const { id, name, domain } = scope.project;
    const projects = engine.projects.listFor(user);
    if (id) {
      const project = projects.find((p) => p.id === id);
      if (!project) throw unauthorized();
      return project.id;
    }
    if (!name || !isDefaultDomain(domain)) throw unauthorized();
    const project = projects.find((p) => p.name === name);
    if (!project) throw unauthorized();
    return project.id;
  }

  router.get('/', (req, res) => {
    res.status(300).json({ versions: { values: [versionDocument(req)] } });
  });
  router.get(['/v3', '/v3/'], (req, res) => {
    res.json({ version: versionDocument(req) });
  });

  router.post('/v3/auth/tokens', async (req, res) => {
    const { identity, scope } = parseBody(authRequestSchema, req.body ?? {}).auth;
    let token: OsToken;
    if (identity.methods.includes('password')) {
      const user = identity.password?.user;
      if (!user || !isDefaultDomain(user.domain)) throw unauthorized();
      const username = user.name ?? (user.id ? findUsername(engine, user.id) : undefined);
      if (!username) throw unauthorized();
      let login: Awaited<ReturnType<Engine['identity']['login']>>;
      try {
        login = await engine.identity.login(username, user.password, req.socket.remoteAddress ?? 'unknown');
      } catch (error) {
        if (error instanceof EngineError && error.code === 'UNAUTHENTICATED') throw unauthorized();
        throw error;
      }
      token = { session: login.session, sessionToken: login.token, projectId: null };
    } else {
      // Re-scoping: the same session, another scope.
      const existing = resolveToken(engine, identity.token?.id);
      if (!existing) throw unauthorized();
      token = { ...existing, projectId: null };
    }
    token.projectId = scopeOf(token.session.user, scope);
    res.setHeader('X-Subject-Token', encodeToken(token.sessionToken, token.projectId));
    res.status(201).json(tokenBody(req, token, identity.methods));
  });

  function subjectToken(req: Request): OsToken {
    callerToken(engine, req);
    const subject = resolveToken(engine, req.get('x-subject-token'));
    if (!subject) throw new OsError(404, 'Could not find token.');
    return subject;
  }

  router.get('/v3/auth/tokens', (req, res) => {
    const subject = subjectToken(req);
    res.setHeader('X-Subject-Token', req.get('x-subject-token')!);
    res.json(tokenBody(req, subject, ['password']));
  });
  router.head('/v3/auth/tokens', (req, res) => {
    subjectToken(req);
    res.status(200).end();
  });
  router.delete('/v3/auth/tokens', (req, res) => {
    engine.identity.logout(subjectToken(req).sessionToken);
    res.status(204).end();
  });

  router.get('/v3/auth/catalog', (req, res) => {
    const token = callerToken(engine, req);
    res.json({ catalog: token.projectId ? catalog(req) : [], links: { self: `${baseUrl(req)}/identity/v3/auth/catalog` } });
  });

  router.use(assignmentRoutes(engine));

  router.use(notFound('identity'));
  router.use(errorHandler('identity'));
  return router;
}

function findUsername(engine: Engine, userId: string): string | undefined {
  try {
    return engine.identity.getUser(userId).username;
  } catch {
    return undefined;
  }
}

