import type { Engine } from '@sandcloud/engine';
import { loginRequestSchema, updateMeRequestSchema, type SessionDto } from '@sandcloud/api-schemas';
import { Router } from 'express';
import { parseInput } from '../http/validate.ts';
import { clearSessionCookie, currentSession, requireSession, setSessionCookie } from '../http/session.ts';
import { toUserDto } from './dto.ts';

export function authRoutes(engine: Engine, options: { secureCookies: boolean }): Router {
  const router = Router();

  router.post('/auth/login', (req, res) => {
    const { username, password } = parseInput(loginRequestSchema, req.body);
    const { token, session } = engine.identity.login(username, password);
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

  return router;
}
