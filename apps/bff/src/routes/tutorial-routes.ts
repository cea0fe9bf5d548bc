import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertTutorialsConsistent, type Engine, type TutorialProgressView } from '@sandcloud/engine';
import { startTutorialRequestSchema, tutorialDefinitionSchema, type TutorialDto, type TutorialProgressDto } from '@sandcloud/api-schemas';
import type { TutorialDefinition } from '@sandcloud/domain';
import { Router } from 'express';
import { currentProject, requireProject } from '../http/project-access.ts';
import { currentSession, requireSession } from '../http/session.ts';
import { parseInput } from '../http/validate.ts';

// The guided tutorials: definitions are the files of `tutorials/` (or `SANDCLOUD_TUTORIALS_DIR`),
// read and validated once when the app is made; a file with a mistake stops the start with the
// file's name and the first problem. Progress routes work before the product is activated (the
// first step is activating it).

/** The repository's `tutorials/` folder, from the sources (`apps/bff/src/routes`) or the build (`apps/bff/dist`). */
function defaultTutorialsDir(): string | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'tutorials');
    if (existsSync(join(candidate, 'getting-started.json'))) return candidate;
    dir = dirname(dir);
  }
  return null;
}

/** Reads and validates every `*.json` of the folder; throws with the file and field at fault. */
export function loadTutorials(dir: string | null = process.env.SANDCLOUD_TUTORIALS_DIR ? resolve(process.env.SANDCLOUD_TUTORIALS_DIR) : defaultTutorialsDir()): TutorialDefinition[] {
  if (dir === null) return [];
  const definitions = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      let raw: unknown;
      try {
        raw = JSON.parse(readFileSync(join(dir, name), 'utf8'));
      } catch (error) {
        throw new Error(`Tutorial ${name} is not valid JSON: ${(error as Error).message}`, { cause: error });
      }
      const parsed = tutorialDefinitionSchema.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new Error(`Tutorial ${name}: ${issue.path.join('.') || '(file)'}: ${issue.message}`);
      }
      return parsed.data;
    });
  assertTutorialsConsistent(definitions);
  return definitions;
}

const iso = (ms: number) => new Date(ms).toISOString();

export function toTutorialProgressDto(engine: Engine, view: TutorialProgressView): TutorialProgressDto {
  return {
    id: view.id,
    projectId: view.projectId,
    projectName: engine.projects.get(view.projectId).name,
    tutorialId: view.tutorialId,
    userId: view.userId,
    username: view.username,
    status: view.status,
    startedAt: iso(view.startedAt),
    completedAt: view.completedAt === null ? null : iso(view.completedAt),
    currentStepId: view.currentStepId,
    currentStepTitle: engine.tutorials.definition(view.tutorialId).steps.find((step) => step.id === view.currentStepId)?.title ?? null,
    openSince: iso(view.openSince),
    steps: view.steps.map((step) => ({ ...step, completedAt: step.completedAt === null ? null : iso(step.completedAt) })),
  };
}

export function tutorialRoutes(engine: Engine): Router {
  if (engine.tutorials.list().length === 0) engine.tutorials.register(loadTutorials());
  const router = Router();
  router.use(['/projects/:projectId/tutorials', '/projects/:projectId/tutorial-progress'], requireSession);
  const read = requireProject(engine, 'read');
  const manage = requireProject(engine, 'manage');

  const dtoFor = (projectId: string, userId: string, definition: TutorialDefinition): TutorialDto => {
    const progress = engine.tutorials.progressOf(projectId, userId, definition.id);
    return { definition, progress: progress ? toTutorialProgressDto(engine, engine.tutorials.view(progress)) : null };
  };

  router.get('/projects/:projectId/tutorials', read, (req, res) => {
    const { user } = currentSession(req);
    const projectId = currentProject(req).id;
    res.json({ items: engine.tutorials.list().map((definition) => dtoFor(projectId, user.id, definition)) });
  });

  router.get('/projects/:projectId/tutorials/:tutorialId', read, (req, res) => {
    const { user } = currentSession(req);
    res.json(dtoFor(currentProject(req).id, user.id, engine.tutorials.definition(String(req.params.tutorialId))));
  });

  // Starting again forgets the steps done: the learner walks it from the top.
  router.post('/projects/:projectId/tutorials/:tutorialId/start', read, (req, res) => {
    parseInput(startTutorialRequestSchema, req.body ?? {});
    const { user } = currentSession(req);
    const project = currentProject(req);
    const definition = engine.tutorials.definition(String(req.params.tutorialId));
    engine.tutorials.start(project.id, user, definition.id);
    res.status(201).json(dtoFor(project.id, user.id, definition));
  });

  /** The teacher's view of one project: every member's progress (project admins). */
  router.get('/projects/:projectId/tutorial-progress', manage, (req, res) => {
    res.json({ items: engine.tutorials.progressIn(currentProject(req).id).map((view) => toTutorialProgressDto(engine, view)) });
  });
  return router;
}
