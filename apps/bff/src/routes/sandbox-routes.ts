import type { Engine, ResetReport } from '@sandcloud/engine';
import { RESET_PHASE_NAMES, resetProjectRequestSchema, type ResetReportDto } from '@sandcloud/api-schemas';
import { Router } from 'express';
import { HttpError } from '../http/errors.ts';
import { currentProject, requireProject } from '../http/project-access.ts';
import { requireSession } from '../http/session.ts';
import { parseInput } from '../http/validate.ts';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function toResetDto(report: ResetReport | undefined): ResetReportDto {
  if (!report) {
    const removed = Object.fromEntries(RESET_PHASE_NAMES.map((p) => [p, 0])) as ResetReportDto['removed'];
    return { state: 'idle', phase: null, removed, remaining: 0, startedAt: null, finishedAt: null };
  }
  return { state: report.state, phase: report.phase, removed: report.removed, remaining: report.remaining, startedAt: iso(report.startedAt), finishedAt: iso(report.finishedAt) };
}

/** Sandbox lifecycle of one project: reset (project admins). */
export function sandboxRoutes(engine: Engine): Router {
  const router = Router();
  router.use('/projects/:projectId/reset', requireSession);
  const manage = requireProject(engine, 'manage', { computeActive: true });

  router.get('/projects/:projectId/reset', manage, (req, res) => {
    res.json(toResetDto(engine.reset.report(currentProject(req).id)));
  });

  router.post('/projects/:projectId/reset', manage, (req, res) => {
    const project = currentProject(req);
    const { confirmName } = parseInput(resetProjectRequestSchema, req.body);
    if (confirmName !== project.name) throw new HttpError(400, 'INVALID_INPUT', `Type the project name "${project.name}" to confirm the reset`, 'confirmName');
    const report = engine.reset.start(project.id);
    res.status(report.state === 'done' ? 200 : 202).json(toResetDto(report));
  });
  return router;
}
