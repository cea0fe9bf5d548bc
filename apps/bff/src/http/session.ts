import type { Engine, Session } from '@sandcloud/engine';
import { parse as parseCookies } from 'cookie';
import type { Request, RequestHandler, Response } from 'express';
import { HttpError } from './errors.ts';

export const SESSION_COOKIE = 'sandcloud_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'express-serve-static-core' {
  interface Request {
    session?: Session;
    sessionToken?: string;
  }
}

export function setSessionCookie(res: Response, token: string, secure: boolean): void {
  res.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
}

export function clearSessionCookie(res: Response): void {
  res.clearCookie(SESSION_COOKIE, { path: '/' });
}

/** Resolves the session cookie, if any, for every request. */
export function loadSession(engine: Engine): RequestHandler {
  return (req, _res, next) => {
    const token = parseCookies(req.headers.cookie ?? '')[SESSION_COOKIE];
    if (token) {
      const session = engine.identity.resolveSession(token);
      if (session) {
        req.session = session;
        req.sessionToken = token;
      }
    }
    next();
  };
}

export const requireSession: RequestHandler = (req, _res, next) => {
  if (!req.session) throw new HttpError(401, 'UNAUTHENTICATED', 'Log in to continue', undefined, 'auth.loginRequired');
  next();
};

/** System administrators only: anyone else is refused with "Only administrators can <what>". */
export const requireAdministrator =
  (what: string): RequestHandler =>
  (req, _res, next) => {
    if (!currentSession(req).user.isAdmin) throw new HttpError(403, 'FORBIDDEN', `Only administrators can ${what}`, undefined, 'permission.administratorsOnly');
    next();
  };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF: a state-changing request must echo the session's token in a header. A page on another
 * origin can make the browser send the cookie, but it cannot read the token to send it back.
 */
export const requireCsrfToken: RequestHandler = (req, _res, next) => {
  if (SAFE_METHODS.has(req.method) || !req.session) return next();
  if (req.get(CSRF_HEADER) !== req.session.csrfToken) {
    throw new HttpError(403, 'CSRF_TOKEN_INVALID', 'The request is missing its CSRF token; reload the page and try again', undefined, 'auth.csrfInvalid');
  }
  next();
};

export function currentSession(req: Request): Session {
  if (!req.session) throw new HttpError(401, 'UNAUTHENTICATED', 'Log in to continue', undefined, 'auth.loginRequired');
  return req.session;
}
