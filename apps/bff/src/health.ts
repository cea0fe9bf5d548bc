import type { Engine } from '@sandcloud/engine';
import type { RequestHandler } from 'express';

/** Where the data plane is: binding its first sockets, serving, or failed to start. */
export type DataPlaneState = { state: 'starting' | 'ready' | 'down'; listeners: number };

export interface HealthOptions {
  /** The server's version (apps/bff/package.json). */
  version: string;
  /** The data plane's state; omitted when the app runs without one (API tests), which is then ready. */
  dataPlane?: () => DataPlaneState;
}

export interface HealthReport {
  status: 'ok' | 'starting' | 'down';
  version: string;
  uptimeSeconds: number;
  store: { ok: boolean };
  dataPlane: { ok: boolean; listeners: number };
}

const NO_DATA_PLANE: DataPlaneState = { state: 'ready', listeners: 0 };

/**
 * `GET /api/health`, for scripts, containers, load balancers in front and the e2e setup: 200 when
 * the store answers and the data plane serves, 503 while the data plane is still binding its
 * sockets after a start (`starting`) or when a part is down. No session needed.
 */
export function healthHandler(engine: Engine, options: HealthOptions): RequestHandler {
  return (_req, res) => {
    const report = healthReport(engine, options);
    res.setHeader('Cache-Control', 'no-store');
    res.status(report.status === 'ok' ? 200 : 503).json(report);
  };
}

export function healthReport(engine: Engine, options: HealthOptions): HealthReport {
  const store = { ok: storeAnswers(engine) };
  const dataPlane = options.dataPlane?.() ?? NO_DATA_PLANE;
  const status = !store.ok || dataPlane.state === 'down' ? 'down' : dataPlane.state === 'starting' ? 'starting' : 'ok';
  return {
    status,
    version: options.version,
    uptimeSeconds: Math.floor(process.uptime()),
    store,
    dataPlane: { ok: dataPlane.state === 'ready', listeners: dataPlane.listeners },
  };
}

/** One read through the engine: the database is open and answers. */
function storeAnswers(engine: Engine): boolean {
  try {
    engine.identity.userCount();
    return true;
  } catch {
    return false;
  }
}
