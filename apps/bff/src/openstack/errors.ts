import { EngineError, type EngineErrorCode } from '@sandcloud/engine';
import type { ErrorRequestHandler, RequestHandler } from 'express';

/**
 * Errors of the OpenStack adapter. Routes throw `OsError` (or let an `EngineError` through); each
 * service's error handler writes it in that service's own format, as its real clients parse it.
 */
export class OsError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Neutron's exception type (`NetworkNotFound`, `InvalidInput`…); other services ignore it. */
    readonly type?: string,
  ) {
    super(message);
  }
}

export type OsService = 'identity' | 'compute' | 'network' | 'image';

const NOVA_FAULTS: Record<number, string> = {
  400: 'badRequest',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'itemNotFound',
  405: 'badMethod',
  409: 'conflictingRequest',
  413: 'overLimit',
  415: 'badMediaType',
  501: 'notImplemented',
};

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Request Entity Too Large',
  415: 'Unsupported Media Type',
  500: 'Internal Server Error',
  501: 'Not Implemented',
};

const NEUTRON_TYPES: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'PolicyNotAuthorized',
  404: 'HTTPNotFound',
  409: 'Conflict',
  413: 'RequestEntityTooLarge',
  500: 'HTTPInternalServerError',
};

/** Engine codes as each API answers them: Nova refuses a quota with 403, Neutron with 409. */
function statusOf(code: EngineErrorCode, service: OsService): number {
  switch (code) {
    case 'INVALID_INPUT':
      return 400;
    case 'UNAUTHENTICATED':
      return 401;
    case 'FORBIDDEN':
    case 'PRODUCT_NOT_ACTIVE':
      return 403;
    case 'NOT_FOUND':
      return 404;
    case 'CONFLICT':
      return 409;
    case 'QUOTA_EXCEEDED':
      return service === 'compute' ? 403 : 409;
    case 'RATE_LIMITED':
      return 429;
    case 'BUSY':
      return 503;
    case 'ACCOUNT_DISABLED':
      // Keystone answers a disabled user's authentication with 401, as any failed one.
      return 401;
  }
}

/** "No instance with id x" → Neutron's `InstanceNotFound`-style type from the engine's kind. */
const neutronTypeOf = (error: EngineError, status: number): string => {
  if (error.code === 'QUOTA_EXCEEDED') return 'OverQuota';
  if (error.code === 'INVALID_INPUT') return 'InvalidInput';
  return NEUTRON_TYPES[status] ?? 'NeutronError';
};

export function errorBody(service: OsService, status: number, message: string, type?: string): object {
  switch (service) {
    case 'compute':
      return { [NOVA_FAULTS[status] ?? 'computeFault']: { code: status, message } };
    case 'network':
      return { NeutronError: { type: type ?? NEUTRON_TYPES[status] ?? 'NeutronError', message, detail: '' } };
    case 'image':
      return { code: `${status} ${TITLES[status] ?? 'Error'}`, title: TITLES[status] ?? 'Error', message };
    case 'identity':
      return { error: { code: status, title: TITLES[status] ?? 'Error', message } };
  }
}

/** Unknown paths under a service's prefix: a JSON 404 in its format, never the console's HTML. */
export const notFound =
  (service: OsService): RequestHandler =>
  (req, res) => {
    res.status(404).json(errorBody(service, 404, `The resource could not be found: ${req.method} ${req.originalUrl.split('?')[0]}`));
  };

export const UNAUTHENTICATED_MESSAGE = 'The request you have made requires authentication.';

/** The service's error handler; only a real bug becomes a 500, and it still answers JSON. */
export const errorHandler =
  (service: OsService): ErrorRequestHandler =>
  (error: unknown, req, res, _next) => {
    if (error instanceof OsError) {
      if (error.status === 401) unauthorized(res, req.protocol, req.get('host'));
      // keystonemiddleware answers 401 before the service sees the request: always Keystone's format.
      const format = error.status === 401 ? 'identity' : service;
      res.status(error.status).json(errorBody(format, error.status, error.message, error.type));
      return;
    }
    if (error instanceof EngineError) {
      const status = statusOf(error.code, service);
      if (status === 401) unauthorized(res, req.protocol, req.get('host'));
      res.status(status).json(errorBody(status === 401 ? 'identity' : service, status, error.message, neutronTypeOf(error, status)));
      return;
    }
    const parserError = error as { type?: string };
    if (parserError.type === 'entity.too.large') {
      res.status(413).json(errorBody(service, 413, 'Request is too large.'));
      return;
    }
    if (parserError.type === 'entity.parse.failed') {
      res.status(400).json(errorBody(service, 400, 'Malformed request body'));
      return;
    }
    req.log?.error({ err: error }, 'unhandled error in the OpenStack API');
    res.status(500).json(errorBody(service, 500, 'Unexpected error; the request id is in the X-Openstack-Request-Id header'));
  };

function unauthorized(res: Parameters<RequestHandler>[1], protocol: string, host: string | undefined): void {
  res.setHeader('WWW-Authenticate', `Keystone uri="${protocol}://${host ?? 'localhost'}/identity"`);
}
