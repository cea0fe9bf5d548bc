import type { Engine } from '@sandcloud/engine';
import { updateSettingsRequestSchema, type SettingsDto } from '@sandcloud/api-schemas';
import { Router } from 'express';
import { HttpError } from '../http/errors.ts';
import { currentSession, requireSession } from '../http/session.ts';
import { parseInput } from '../http/validate.ts';

export function settingsRoutes(engine: Engine): Router {
  const router = Router();

  router.get('/settings', requireSession, (_req, res) => {
    res.json({ clientPublicIp: engine.settings.clientPublicIp() } satisfies SettingsDto);
  });

  router.put('/settings', requireSession, (req, res) => {
    if (!currentSession(req).user.isAdmin) throw new HttpError(403, 'FORBIDDEN', 'Only administrators can change cloud settings', undefined, 'permission.administratorsOnly');
    const { clientPublicIp } = parseInput(updateSettingsRequestSchema, req.body);
    res.json({ clientPublicIp: engine.settings.setClientPublicIp(clientPublicIp) } satisfies SettingsDto);
  });

  return router;
}
