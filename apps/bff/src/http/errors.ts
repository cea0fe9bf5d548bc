import { EngineError, type EngineErrorCode } from '@sandcloud/engine';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { ApiError } from '@sandcloud/api-schemas';

const STATUS_BY_CODE: Record<EngineErrorCode, number> = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  PRODUCT_NOT_ACTIVE: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  QUOTA_EXCEEDED: 409,
};

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

const body = (code: string, message: string, field?: string): ApiError => ({
  error: field ? { code, message, field } : { code, message },
});

export const notFoundHandler: RequestHandler = (req, res) => {
  res.status(404).json(body('NOT_FOUND', `No API route ${req.method} ${req.path}`));
};

/** Turns every thrown error into the one error shape; only a real bug becomes a 500. */
export const errorHandler: ErrorRequestHandler = (error: unknown, req, res, _next) => {
  if (error instanceof EngineError) {
    res.status(STATUS_BY_CODE[error.code]).json(body(error.code, error.message, error.field));
    return;
  }
  if (error instanceof HttpError) {
    res.status(error.status).json(body(error.code, error.message, error.field));
    return;
  }
  const parserError = error as { type?: string; status?: number; message?: string };
  if (parserError.type === 'entity.too.large') {
    res.status(413).json(body('PAYLOAD_TOO_LARGE', 'The request body is larger than the API accepts'));
    return;
  }
  if (parserError.type === 'entity.parse.failed') {
    res.status(400).json(body('INVALID_JSON', 'The request body is not valid JSON'));
    return;
  }
  req.log?.error({ err: error }, 'unhandled error');
  res.status(500).json(body('INTERNAL', 'Something went wrong on the server; the request id is in the X-Request-Id header'));
};
