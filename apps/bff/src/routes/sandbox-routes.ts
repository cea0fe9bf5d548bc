import type { Engine, ResetReport, SandboxResetReport } from '@sandcloud/engine';
import { resetProjectRequestSchema, resetSandboxRequestSchema, type ResetReportDto, type SandboxResetReportDto } from '@sandcloud/api-schemas';
import { RESET_PHASES } from '@sandcloud/domain';
import express, { Router } from 'express';
import { HttpError } from '../http/errors.ts';
import { currentProject, requireProject } from '../http/project-access.ts';
import { requireAdministrator, requireSession } from '../http/session.ts';
import { parseInput } from '../http/validate.ts';

/** The largest state file accepted (root disks and volumes of a classroom project). */
const STATE_LIMIT = '64mb';

function stateBody(body: unknown): unknown {
  if (typeof body !== 'string') return body; // a small JSON body the API's parser already read
  try {
    return JSON.parse(body) as unknown;
  } catch {
    throw new HttpError(400, 'INVALID_INPUT', 'The file is not a Sandcloud state: it is not valid JSON (damaged or truncated?)', 'state', 'state.notObject');
  }
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function toResetDto(report: ResetReport | undefined): ResetReportDto {
  if (!report) {
    const removed = Object.fromEntries(RESET_PHASES.map((p) => [p, 0])) as ResetReportDto['removed'];
    return { state: 'idle', phase: null, removed, remaining: 0, startedAt: null, finishedAt: null };
  }
  return { state: report.state, phase: report.phase, removed: report.removed, remaining: report.remaining, startedAt: iso(report.startedAt), finishedAt: iso(report.finishedAt) };
}

function toSandboxResetDto(report: SandboxResetReport | undefined): SandboxResetReportDto {
  if (!report) return { state: 'idle', projects: 0, projectsDone: 0, removed: 0, remaining: 0, tutorialsCleared: 0, startedAt: null, finishedAt: null };
  return { ...report, startedAt: iso(report.startedAt), finishedAt: iso(report.finishedAt) };
}

/** Sandbox lifecycle of one project (project admins): reset, state export and import; of the whole sandbox (administrators): reset. */
export function sandboxRoutes(engine: Engine): Router {
  const router = Router();
  router.use('/projects/:projectId/reset', requireSession);
  router.use('/projects/:projectId/state', requireSession);
  router.use('/sandbox', requireSession, requireAdministrator('reset the whole sandbox'));

  router.get('/sandbox/reset', (_req, res) => {
    res.json(toSandboxResetDto(engine.sandboxReset.report()));
  });

  router.post('/sandbox/reset', (req, res) => {
    parseInput(resetSandboxRequestSchema, req.body);
    const report = engine.sandboxReset.start();
    res.status(report.state === 'done' ? 200 : 202).json(toSandboxResetDto(report));
  });
  const manage = requireProject(engine, 'manage', { computeActive: true });

  router.get('/projects/:projectId/reset', manage, (req, res) => {
    res.json(toResetDto(engine.reset.report(currentProject(req).id)));
  });

  router.post('/projects/:projectId/reset', manage, (req, res) => {
    const project = currentProject(req);
    const { confirmName } = parseInput(resetProjectRequestSchema, req.body);
    if (confirmName !== project.name) throw new HttpError(400, 'INVALID_INPUT', `Type the project name "${project.name}" to confirm the reset`, 'confirmName', 'input.confirmName', { name: project.name });
    const report = engine.reset.start(project.id);
    res.status(report.state === 'done' ? 200 : 202).json(toResetDto(report));
  });

  router.get('/projects/:projectId/state', manage, (req, res) => {
    const project = currentProject(req);
    const doc = engine.state.export(project.id);
    const stamp = doc.exportedAt.slice(0, 19).replace(/[:T]/g, '-');
    res.setHeader('Content-Disposition', `attachment; filename="${project.name.replace(/[^\w.-]+/g, '_')}-state-${stamp}.json"`);
    res.json(doc);
  });

  // A state carries file systems: larger than the API's JSON cap, so it comes as a file body
  // (any type but application/json, which the API's own parser caps), parsed here.
  router.post('/projects/:projectId/state', manage, express.text({ type: () => true, limit: STATE_LIMIT }), (req, res) => {
    const report = engine.state.import(currentProject(req).id, stateBody(req.body));
    res.status(201).json(report);
  });
  return router;
}
