import type { ActivityRow, Engine } from '@sandcloud/engine';
import { activityQuerySchema, type ActivityDto, type ActivityQuery, type Page } from '@sandcloud/api-schemas';
import { Router } from 'express';
import { currentProject } from '../http/project-access.ts';
import { parseInput } from '../http/validate.ts';
import { iso } from './dto.ts';

/** The most lines one CSV export holds (the newest first). */
const CSV_MAX_ROWS = 50_000;

const toActivityDto = (row: ActivityRow): ActivityDto => ({ ...row, at: iso(row.at)!, finishedAt: iso(row.finishedAt) ?? null });

const filterOf = (projectId: string, query: ActivityQuery) => ({
  projectId,
  userName: query.user,
  resourceKind: query.resourceKind,
  resourceId: query.resourceId,
  action: query.action,
  result: query.result,
  from: query.from === undefined ? undefined : Date.parse(query.from),
  to: query.to === undefined ? undefined : Date.parse(query.to),
});

const CSV_COLUMNS: (keyof ActivityDto)[] = ['at', 'userName', 'action', 'resourceKind', 'resourceId', 'resourceName', 'result', 'reason', 'requestId', 'source', 'finishedAt'];

/** RFC 4180 quoting; a leading = + - @ is prefixed so a spreadsheet does not run it as a formula. */
const csvCell = (value: unknown): string => {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** The project's activity log: filtered pages (newest first) and a CSV export of the same filter. */
export function activityRoutes(engine: Engine): Router {
  const router = Router();
  const { activity } = engine.modules;

  router.get('/activity', (req, res) => {
    const query = parseInput(activityQuerySchema, req.query);
    const { items, total } = activity.page(filterOf(currentProject(req).id, query), query.limit, query.offset);
    res.json({ items: items.map(toActivityDto), total, limit: query.limit, offset: query.offset } satisfies Page<ActivityDto>);
  });

  router.get('/activity.csv', (req, res) => {
    const query = parseInput(activityQuerySchema, { ...req.query, limit: 1, offset: 0 });
    const project = currentProject(req);
    const { items } = activity.page(filterOf(project.id, query), CSV_MAX_ROWS, 0);
    const lines = [CSV_COLUMNS.join(','), ...items.map((row) => CSV_COLUMNS.map((column) => csvCell(toActivityDto(row)[column])).join(','))];
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="activity-${project.name.replace(/[^\w.-]/g, '_')}.csv"`);
    res.send(`${lines.join('\r\n')}\r\n`);
  });

  return router;
}
