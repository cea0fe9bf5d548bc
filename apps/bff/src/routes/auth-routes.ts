import type { Engine } from '@sandcloud/engine';
import { changePasswordRequestSchema, loginRequestSchema, updateMeRequestSchema, type SessionDto } from '@sandcloud/api-schemas';
import { Router } from 'express';
import { parseInput } from '../http/validate.ts';
import { clearSessionCookie, currentSession, requireSession, setSessionCookie } from '../http/session.ts';
import { toUserDto } from './dto.ts';

export function authRoutes(engine: Engine, options: { secureCookies: boolean }): Router {
  const router = Router();

  /** The password is hashed off the event loop; failures are limited per account and per client address. */
  router.post('/auth/login', async (req, res) => {
    const { username, password } = parseInput(loginRequestSchema, req.body);
    const { token, session } = await engine.identity.login(username, password, req.socket.remoteAddress ?? 'unknown');
    setSessionCookie(res, token, options.secureCookies);
    res.json({ user: toUserDto(session.user), csrfToken: session.csrfToken } satisfies SessionDto);
  });

  router.get('/auth/session', requireSession, (req, res) => {
    const session = currentSession(req);
    res.json({ user: toUserDto(session.user), csrfToken: session.csrfToken } satisfies SessionDto);
  });

  router.post('/auth/logout', requireSession, (req, res) => {
    engine.identity.logout(req.sessionToken!);
    clearSessionCookie(res);
    res.status(204).end();
  });

  router.patch('/me', requireSession, (req, res) => {
    const { language } = parseInput(updateMeRequestSchema, req.body);
    res.json(toUserDto(engine.identity.setLanguage(currentSession(req).user.id, language)));
  });

  /** "Change my password": this session stays, every other session of the user ends. */
  router.put('/me/password', requireSession, async (req, res) => {
    const input = parseInput(changePasswordRequestSchema, req.body);
    await engine.identity.changePassword(currentSession(req).user.id, req.sessionToken!, input, req.socket.remoteAddress ?? 'unknown');
    res.status(204).end();
  });

  return router;
}
