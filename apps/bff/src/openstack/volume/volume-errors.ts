import { EngineError } from '@sandcloud/engine';
import type { ErrorRequestHandler } from 'express';
import { errorBody, errorHandler, OsError } from '../errors.ts';

/**
 * Cinder answers errors in Nova's shape (`{"itemNotFound": {"code", "message"}}`), with two
 * differences the engine's codes map to: an exceeded quota is 413 `overLimit` (Nova says 403), and
 * a volume in the wrong state for an action is 400 `badRequest` (Cinder's `InvalidVolume`), not 409.
 */
export const volumeErrorHandler: ErrorRequestHandler = (error: unknown, req, res, next) => {
  if (error instanceof EngineError && error.code === 'QUOTA_EXCEEDED') {
    res.status(413).json(errorBody('compute', 413, `VolumeLimitExceeded: ${error.message}`));
    return;
  }
  if (error instanceof EngineError && (error.code === 'CONFLICT' || error.code === 'INVALID_INPUT')) {
    res.status(400).json(errorBody('compute', 400, `Invalid input received: ${error.message}`));
    return;
  }
  if (error instanceof OsError && error.status === 413) {
    res.status(413).json(errorBody('compute', 413, error.message));
    return;
  }
  errorHandler('compute')(error, req, res, next);
};
