import type { Engine, User } from '@sandcloud/engine';
import {
  createUserRequestSchema,
  resetPasswordRequestSchema,
  updateUserRequestSchema,
  type UserSummaryDto,
} from '@sandcloud/api-schemas';
import { Router, type RequestHandler } from 'express';
import { HttpError } from '../http/errors.ts';
import { currentSession, requireSession } from '../http/session.ts';
import { parseInput } from '../http/validate.ts';
import { iso, toUserDto } from './dto.ts';
import { listPage, listSpec } from './paginate.ts';

const requireAdmin: RequestHandler = (req, _res, next) => {
  if (!currentSession(req).user.isAdmin) throw new HttpError(403, 'FORBIDDEN', 'Only administrators can manage users', undefined, 'permission.administratorsOnly');
  next();
};

const toUserSummaryDto = (user: User): UserSummaryDto => ({
  ...toUserDto(user),
  createdAt: iso(user.createdAt)!,
  disabled: user.disabledAt !== null,
});

/** User administration: system administrators list, add, reset, disable and delete the users who can sign in. */
export function userRoutes(engine: Engine): Router {
  const router = Router();
  router.use('/users', requireSession, requireAdmin);

  router.get('/users', (req, res) => {
    res.json(
      listPage(engine.identity.listUsers().map(toUserSummaryDto), req.query, listSpec('users', {
        id: (user) => user.id,
        sort: { username: (user) => user.username, createdAt: (user) => user.createdAt, isAdmin: (user) => user.isAdmin, disabled: (user) => user.disabled },
        search: (user) => [user.username, user.id],
        filters: { isAdmin: (user) => user.isAdmin, disabled: (user) => user.disabled },
      })),
    );
  });

  router.post('/users', async (req, res) => {
    const input = parseInput(createUserRequestSchema, req.body);
    res.status(201).json(toUserSummaryDto(await engine.identity.addUser(input)));
  });

  router.patch('/users/:userId', (req, res) => {
    const { disabled } = parseInput(updateUserRequestSchema, req.body);
    res.json(toUserSummaryDto(engine.identity.setDisabled(currentSession(req).user.id, String(req.params.userId), disabled)));
  });

  /** Every session of the user ends: whoever knew the old password is signed out. */
  router.put('/users/:userId/password', async (req, res) => {
    const { password } = parseInput(resetPasswordRequestSchema, req.body);
    await engine.identity.resetPassword(String(req.params.userId), password);
    res.status(204).end();
  });

  router.delete('/users/:userId', (req, res) => {
    engine.identity.deleteUser(currentSession(req).user.id, String(req.params.userId));
    res.status(204).end();
  });

  return router;
}
