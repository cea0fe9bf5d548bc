import type { Engine } from '@sandcloud/engine';
import compression from 'compression';
import express from 'express';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pinoHttp } from 'pino-http';
import { consoleAssets } from './console-assets.ts';
import { healthHandler, type HealthOptions } from './health.ts';
import { errorHandler, notFoundHandler } from './http/errors.ts';
import { loadSession, requireCsrfToken } from './http/session.ts';
import { requestContext } from './http/request-context.ts';
import { openstackRouter } from './openstack/index.ts';
import { apiRouter } from './routes/index.ts';

export interface AppOptions {
  /** The built console (apps/console/dist) to serve from the same origin; omitted in API tests. */
  consoleDir?: string;
  secureCookies?: boolean;
  /** Structured request logs; tests turn them off. */
  logRequests?: boolean;
  /** What `GET /api/health` reports beside the store: the version and the data plane's state. */
  health?: HealthOptions;
}

const BODY_LIMIT = '256kb';
/** API answers smaller than this go out as they are: compressing them costs more than it saves. */
const COMPRESS_THRESHOLD = 1024;

/** Builds the BFF without listening, so tests can drive it in-process. */
export function createApp(engine: Engine, options: AppOptions = {}): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  // API answers are `no-store`, so a browser never revalidates them: hashing every JSON body for an
  // ETag was pure cost on each request. The console's files carry their own ETags (console-assets.ts).
  app.set('etag', false);

  // Every answer carries its request id (the caller's X-Request-Id, or a new one); the activity log
  // and the 500 page name it.
  const requestId = (req: IncomingMessage, res: ServerResponse): string => {
    const id = (req.headers['x-request-id'] as string | undefined) ?? randomUUID();
    res.setHeader('X-Request-Id', id);
    return id;
  };
  app.use(
    options.logRequests
      ? pinoHttp({
          // One short line per request: id, method, path, status, duration — no headers, no cookies.
          serializers: {
            req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
            res: (res: { statusCode: number }) => ({ status: res.statusCode }),
          },
          genReqId: requestId,
        })
      : // With the log off, pino-http would still build two child loggers per request: only the id.
        (req, res, next) => {
          req.id = requestId(req, res);
          next();
        },
  );
  app.use(
    helmet({
      // Sandcloud is served over plain HTTP on loopback: forcing HTTPS would lock the console out.
      strictTransportSecurity: false,
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          'upgrade-insecure-requests': null,
          'default-src': ["'self'"],
          'script-src': ["'self'"],
          // React Flow and the terminal set inline style attributes.
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:'],
          'connect-src': ["'self'"],
        },
      },
    }),
  );

  // Who asks and which request: the activity log attributes every change to it (see the engine's `activity/`).
  app.use(requestContext(engine));
  app.get('/api/health', healthHandler(engine, options.health ?? { version: '0.0.0' }));
  // JSON answers above the threshold are compressed; the event stream is not, as a compressor would
  // hold its events back until a buffer fills.
  app.use('/api', compression({ threshold: COMPRESS_THRESHOLD, filter: (req, res) => !isEventStream(res.getHeader('Content-Type')) && compression.filter(req, res) }));
  app.use('/api', express.json({ limit: BODY_LIMIT }), loadSession(engine), requireCsrfToken, (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.use(openstackRouter(engine));
  app.use('/api', apiRouter(engine, { secureCookies: options.secureCookies ?? false }));
  app.use('/api', notFoundHandler);

  // The built console, precompressed; deep links (/projects/…/instances) get its index.html.
  if (options.consoleDir && existsSync(options.consoleDir)) app.use(consoleAssets(options.consoleDir));

  app.use(errorHandler);
  return app;
}

const isEventStream = (contentType: unknown) => typeof contentType === 'string' && contentType.startsWith('text/event-stream');
