import type { Engine, User } from '@sandcloud/engine';
import { createUserRequestSchema, pageQuerySchema, type UserSummaryDto } from '@sandcloud/api-schemas';
import { Router, type RequestHandler } from 'express';
import { HttpError } from '../http/errors.ts';
import { currentSession, requireSession } from '../http/session.ts';
import { parseInput } from '../http/validate.ts';
import { iso, toUserDto } from './dto.ts';
import { paginate } from './paginate.ts';

const requireAdmin: RequestHandler = (req, _res, next) => {
  if (!currentSession(req).user.isAdmin) throw new HttpError(403, 'FORBIDDEN', 'Only administrators can manage users');
  next();
};

const toUserSummaryDto = (user: User): UserSummaryDto => ({ ...toUserDto(user), createdAt: iso(user.createdAt)! });

/** User administration: system administrators list and add the users who can sign in. */
export function userRoutes(engine: Engine): Router {
  const router = Router();
  router.use('/users', requireSession, requireAdmin);

  router.get('/users', (req, res) => {
    const page = parseInput(pageQuerySchema, req.query);
    res.json(paginate(engine.identity.listUsers().map(toUserSummaryDto), page));
  });

  router.post('/users', (req, res) => {
    const input = parseInput(createUserRequestSchema, req.body);
    res.status(201).json(toUserSummaryDto(engine.identity.createUser(input)));
  });

  return router;
}
