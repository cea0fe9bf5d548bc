import type { Classroom, Engine, LearnerInput } from '@sandcloud/engine';
import { enrollClassroomRequestSchema, type ClassroomDto, type EnrollClassroomResultDto, type LearnerProgressDto } from '@sandcloud/api-schemas';
import { Router, type RequestHandler } from 'express';
import { HttpError } from '../http/errors.ts';
import { currentSession, requireSession } from '../http/session.ts';
import { parseInput } from '../http/validate.ts';
import { toTutorialProgressDto } from './tutorial-routes.ts';

// Classrooms (system administrators): enrol a CSV of learners, list classrooms, and the teacher's
// view of each learner's tutorial progress.

const requireAdmin: RequestHandler = (req, _res, next) => {
  if (!currentSession(req).user.isAdmin) throw new HttpError(403, 'FORBIDDEN', 'Only administrators can manage classrooms', undefined, 'permission.administratorsOnly');
  next();
};

/** RFC 4180 fields: commas, quotes ("" inside quotes), CRLF or LF; a leading BOM is dropped. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const input = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < input.length; i++) {
    const c = input[i]!;
    if (quoted) {
      if (c === '"' && input[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',' || c === ';') {
      row.push(field);
      field = '';
    }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && input[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (quoted) throw new HttpError(400, 'INVALID_INPUT', 'The CSV has a quote that is never closed', 'csv', 'classroom.csvQuoteUnclosed');
  row.push(field);
  rows.push(row);
  return rows.map((cells) => cells.map((cell) => cell.trim())).filter((cells) => cells.some((cell) => cell !== ''));
}

const HEADERS: Record<string, keyof LearnerInput> = { name: 'name', 이름: 'name', email: 'email', 'e-mail': 'email', 이메일: 'email', login: 'login', username: 'login', 로그인: 'login', 아이디: 'login' };

/** Learners from CSV rows: by the header's names when the first row is a header, else name, then e-mail or login. */
export function learnersFromCsv(text: string): LearnerInput[] {
  const rows = parseCsv(text);
  const header = rows[0]?.map((cell) => HEADERS[cell.toLowerCase()]);
  const columns = header?.some((column) => column !== undefined) ? header : undefined;
  const body = columns ? rows.slice(1) : rows;
  if (body.length === 0) throw new HttpError(400, 'INVALID_INPUT', 'The CSV has no learners', 'csv', 'classroom.csvEmpty');
  return body.map((cells) => {
    if (columns) {
      const learner: LearnerInput = { name: '' };
      columns.forEach((column, index) => {
        if (column && cells[index]) learner[column] = cells[index];
      });
      return learner;
    }
    const [name = '', second = ''] = cells;
    return second.includes('@') ? { name, email: second } : second ? { name, login: second } : { name };
  });
}

const toClassroomDto = (classroom: Classroom): ClassroomDto => ({
  id: classroom.id,
  name: classroom.name,
  createdAt: new Date(classroom.createdAt).toISOString(),
  learners: classroom.learners,
});

export function classroomRoutes(engine: Engine): Router {
  const router = Router();
  router.use('/classrooms', requireSession, requireAdmin);

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
