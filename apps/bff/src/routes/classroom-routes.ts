import { learnersFromCsv, type Classroom, type Engine } from '@sandcloud/engine';
import { enrollClassroomRequestSchema, type ClassroomDto, type EnrollClassroomResultDto, type LearnerProgressDto } from '@sandcloud/api-schemas';
import { Router } from 'express';
import { currentSession, requireAdministrator, requireSession } from '../http/session.ts';
import { parseInput } from '../http/validate.ts';
import { toTutorialProgressDto } from './tutorial-routes.ts';

// Classrooms (system administrators): enrol a CSV of learners, list classrooms, and the teacher's
// view of each learner's tutorial progress.

const toClassroomDto = (classroom: Classroom): ClassroomDto => ({
  id: classroom.id,
  name: classroom.name,
  createdAt: new Date(classroom.createdAt).toISOString(),
  learners: classroom.learners,
});

export function classroomRoutes(engine: Engine): Router {
  const router = Router();
  router.use('/classrooms', requireSession, requireAdministrator('manage classrooms'));

  router.get('/classrooms', (_req, res) => {
    res.json({ items: engine.classroom.list().map(toClassroomDto) });
  });

  router.post('/classrooms', async (req, res) => {
    const input = parseInput(enrollClassroomRequestSchema, req.body);
    const { user } = currentSession(req);
    // A template project must be one the teacher may manage; its state is exported once.
    const state = input.templateProjectId ? (engine.projects.authorize(user, input.templateProjectId, 'manage'), engine.state.export(input.templateProjectId)) : input.state;
    const result = await engine.classroom.enroll(user, {
      name: input.name,
      learners: learnersFromCsv(input.csv),
      ...(state ? { state } : {}),
      ...(input.quotas ? { quotas: input.quotas } : {}),
    });
    const body: EnrollClassroomResultDto = { classroom: toClassroomDto(result.classroom), passwords: result.passwords };
    res.status(201).setHeader('Cache-Control', 'no-store').json(body);
  });

  router.get('/classrooms/:classroomId', (req, res) => {
    res.json(toClassroomDto(engine.classroom.get(String(req.params.classroomId))));
  });

  router.get('/classrooms/:classroomId/progress', (req, res) => {
    const items: LearnerProgressDto[] = engine.classroom.progress(String(req.params.classroomId)).map(({ learner, tutorials }) => ({
      learner,
      tutorials: tutorials.map((view) => toTutorialProgressDto(engine, view)),
    }));
    res.json({ items });
  });
  return router;
}
