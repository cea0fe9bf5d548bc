import type { Engine } from '@sandcloud/engine';
import { createProjectRequestSchema, MAX_PAGE_SIZE, pageQuerySchema, setMemberRequestSchema } from '@sandcloud/api-schemas';
import { Router } from 'express';
import { HttpError } from '../http/errors.ts';
import { currentProject, requireProject } from '../http/project-access.ts';
import { currentSession, requireSession } from '../http/session.ts';
import { parseInput } from '../http/validate.ts';
import { listPage, listSpec, paginate } from './paginate.ts';
import { toProjectDto } from './dto.ts';

export function projectRoutes(engine: Engine): Router {
  const router = Router();
  router.use('/projects', requireSession);

  router.get('/projects', (req, res) => {
    const page = parseInput(pageQuerySchema, req.query);
    const projects = engine.projects.listFor(currentSession(req).user).map((p) => toProjectDto(p, p.role));
    res.json(paginate(projects, page));
  });

  router.post('/projects', (req, res) => {
    const { user } = currentSession(req);
    const project = engine.projects.create(user, parseInput(createProjectRequestSchema, req.body));
    res.status(201).json(toProjectDto(project, 'admin'));
  });

  router.get('/projects/:projectId', requireProject(engine, 'read'), (req, res) => {
    res.json(toProjectDto(currentProject(req), req.projectRole!));
  });

  router.post('/projects/:projectId/compute/activate', requireProject(engine, 'manage'), (req, res) => {
    const project = engine.activateCompute(currentProject(req).id);
    res.json(toProjectDto(project, req.projectRole!));
  });

  router.get('/projects/:projectId/members', requireProject(engine, 'read'), (req, res) => {
    // The console asked for every member at once; without `limit` the page still holds them all.
    const members = engine.projects.members(currentProject(req).id);
    const query = { limit: Math.min(Math.max(members.length, 1), MAX_PAGE_SIZE), ...(req.query as Record<string, unknown>) };
    res.json(
      listPage(members, query, listSpec('project-members', {
        id: (member) => member.userId,
        sort: { username: (member) => member.username, role: (member) => member.role },
        search: (member) => [member.username, member.userId],
        filters: { role: (member) => member.role },
      })),
    );
  });

  router.put('/projects/:projectId/members', requireProject(engine, 'manage'), (req, res) => {
    const { username, role } = parseInput(setMemberRequestSchema, req.body);
    const user = engine.identity.findUser(username);
    if (!user) throw new HttpError(404, 'NOT_FOUND', `No user named ${username}`, 'username', 'user.unknownName', { name: username });
    res.json(engine.projects.setMember(currentProject(req).id, user, role));
  });

  router.delete('/projects/:projectId/members/:userId', requireProject(engine, 'manage'), (req, res) => {
    engine.projects.removeMember(currentProject(req).id, String(req.params.userId));
    res.status(204).end();
  });

  return router;
}
