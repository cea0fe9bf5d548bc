import { EngineError, type EngineErrorCode } from '@sandcloud/engine';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { ApiError } from '@sandcloud/api-schemas';
import type { CodedMessage, ErrorMessageCode } from '@sandcloud/domain';

const STATUS_BY_CODE: Record<EngineErrorCode, number> = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  PRODUCT_NOT_ACTIVE: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  QUOTA_EXCEEDED: 409,
  RATE_LIMITED: 429,
  BUSY: 503,
  ACCOUNT_DISABLED: 403,
};

export class HttpError extends Error {
  /** As an engine error's: which message this is, for clients that show it from a catalogue, and its values. */
  readonly messageCode?: ErrorMessageCode;
  readonly params?: Readonly<Record<string, string | number>>;

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    /**
     * The message code and its values, checked against the domain's `ERROR_MESSAGES` by the type
     * checker; required, so a message the BFF words itself reads in the user's language too.
     */
    ...coded: CodedMessage
  ) {
    super(message);
    [this.messageCode, this.params] = coded as [ErrorMessageCode?, Readonly<Record<string, string | number>>?];
  }
}

interface Coded {
  messageCode?: ErrorMessageCode;
  params?: Readonly<Record<string, string | number>>;
}

/**
 * `code` is the kind of failure (CONFLICT, NOT_FOUND…) clients branch on; `messageCode` and
 * `params`, when the error has them, name the message so the console can show it in the user's
 * language; `message` is the same message in English.
 */
const body = (code: string, message: string, field?: string, coded: Coded = {}): ApiError => ({
  error: {
    code,
    message,
    ...(field ? { field } : {}),
    ...(coded.messageCode ? { messageCode: coded.messageCode } : {}),
    ...(coded.messageCode && coded.params ? { params: coded.params } : {}),
  },
});

export const notFoundHandler: RequestHandler = (req, res) => {
  res.status(404).json(body('NOT_FOUND', `No API route ${req.method} ${req.path}`));
};

/**
 * What body-parser and the router reject (each an http-errors error with a 4xx `status` and a
 * `type`), as the one error shape. A type not listed keeps its status with a generic message.
 */
const CLIENT_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  'entity.too.large': { status: 413, code: 'PAYLOAD_TOO_LARGE', message: 'The request body is larger than the API accepts' },
  'entity.parse.failed': { status: 400, code: 'INVALID_JSON', message: 'The request body is not valid JSON' },
  'charset.unsupported': { status: 415, code: 'UNSUPPORTED_CHARSET', message: 'Send the request body as UTF-8 (charset=utf-8)' },
  'encoding.unsupported': {
    status: 415,
    code: 'UNSUPPORTED_ENCODING',
    message: 'The Content-Encoding of the request body is not supported; send it plain, gzip or deflate',
  },
  'request.aborted': { status: 400, code: 'REQUEST_ABORTED', message: 'The request body ended before it was complete' },
  'request.size.invalid': { status: 400, code: 'INVALID_BODY', message: 'The request body does not have the length its Content-Length says' },
  'parameters.too.many': { status: 413, code: 'PAYLOAD_TOO_LARGE', message: 'The request body has too many parameters' },
};

/**
 * SQLite's answers when the data directory cannot take a write (disk full, I/O errors) or another
 * process holds the lock: the request fails, the server stays up, and the next request works again
 * once the disk has room (nothing is cached in a broken state).
 */
function storageError(error: unknown): { status: number; code: string; message: string } | undefined {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return undefined;
  if (code === 'SQLITE_FULL' || code.startsWith('SQLITE_IOERR')) {
    return { status: 507, code: 'STORAGE_FULL', message: 'The data directory is full (or cannot be written); free some space and try again' };
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return { status: 503, code: 'STORAGE_BUSY', message: 'The database is busy; try again in a moment' };
  }
  return undefined;
}

/** Turns every thrown error into the one error shape; only a real bug becomes a 500. */
export const errorHandler: ErrorRequestHandler = (error: unknown, req, res, _next) => {
  if (error instanceof EngineError) {
    if (error.retryAfterSeconds !== undefined) res.set('Retry-After', String(error.retryAfterSeconds));
    else if (error.code === 'BUSY') res.set('Retry-After', '1');
    res.status(STATUS_BY_CODE[error.code]).json(body(error.code, error.message, error.field, error));
    return;
  }
  if (error instanceof HttpError) {
    res.status(error.status).json(body(error.code, error.message, error.field, error));
    return;
  }
  const storage = storageError(error);
  if (storage) {
    req.log?.warn({ err: error }, 'storage refused a write');
    if (storage.status === 503) res.set('Retry-After', '1');
    res.status(storage.status).json(body(storage.code, storage.message));
    return;
  }
  if (error instanceof URIError) {
    res.status(400).json(body('INVALID_PATH', 'The request path has a malformed percent-escape'));
    return;
  }
  const clientError = error as { type?: unknown; status?: unknown };
  const known = typeof clientError.type === 'string' ? CLIENT_ERRORS[clientError.type] : undefined;
  if (known) {
    res.status(known.status).json(body(known.code, known.message, undefined, known.code === 'INVALID_JSON' ? { messageCode: 'input.invalidJson' } : {}));
    return;
  }
  if (typeof clientError.status === 'number' && clientError.status >= 400 && clientError.status < 500) {
    // For instance a gzip body that does not inflate: body-parser's 400 without a type.
    res.status(clientError.status).json(body('BAD_REQUEST', 'The request could not be read; check its body and headers'));
    return;
  }
  req.log?.error({ err: error }, 'unhandled error');
  res.status(500).json(body('INTERNAL', 'Something went wrong on the server; the request id is in the X-Request-Id header'));
};
