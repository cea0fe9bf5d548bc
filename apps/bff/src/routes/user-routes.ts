import type { Engine } from '@sandcloud/engine';
import { createUserRequestSchema } from '@sandcloud/api-schemas';
import { Router, type RequestHandler } from 'express';
import { HttpError } from '../http/errors.ts';
import { currentSession, requireSession } from '../http/session.ts';
import { parseInput } from '../http/validate.ts';
import { toUserDto } from './dto.ts';

const requireAdmin: RequestHandler = (req, _res, next) => {
  if (!currentSession(req).user.isAdmin) throw new HttpError(403, 'FORBIDDEN', 'Only administrators can manage users');
  next();
};

export function userRoutes(engine: Engine): Router {
  const router = Router();
  router.use('/users', requireSession, requireAdmin);

  router.get('/users', (_req, res) => {
    const users = engine.identity.listUsers().map(toUserDto);
    res.json({ items: users, total: users.length, limit: users.length, offset: 0 });
  });

  router.post('/users', (req, res) => {
    const input = parseInput(createUserRequestSchema, req.body);
    res.status(201).json(toUserDto(engine.identity.createUser(input)));
  });

  return router;
}
