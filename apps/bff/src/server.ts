import { createEngine, DatabaseStartupError, type Engine } from '@sandcloud/engine';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.ts';
import { attachConsoleSockets } from './console-socket.ts';
import { readConfig } from './config.ts';
import type { DataPlaneState } from './health.ts';
import { applySeedFile, describeSeed } from './seed.ts';

// Start order: open the store and answer HTTP at once; the scheduler, the guests' clock and the
// data plane (ssh2 and the floating IPs' sockets) start right after, in the background, and
// `GET /api/health` answers 503 "starting" until they are up. Built to apps/bff/dist/server.js by
// scripts/build-server.mjs (`npm run build`); `npm run dev` runs this file through tsx.
const config = (() => {
  try {
    return readConfig();
  } catch (error) {
    // A setting that cannot be used (SANDCLOUD_DEFAULT_QUOTAS, SANDCLOUD_FLOATING_POOL…): one line, no stack.
    console.error(`Sandcloud cannot start: ${(error as Error).message}`);
    process.exit(1);
  }
})();
const here = dirname(fileURLToPath(import.meta.url));
// Both apps/bff/src/server.ts and apps/bff/dist/server.js are two levels below apps/.
const consoleDir = resolve(here, '../../console/dist');
const { version } = JSON.parse(readFileSync(resolve(here, '../package.json'), 'utf8')) as { version: string };
const databasePath = join(config.SANDCLOUD_DATA_DIR, 'sandcloud.db');

let engine: Engine;
try {
  engine = createEngine({ databasePath, speed: config.SANDCLOUD_SPEED, floatingPool: config.SANDCLOUD_FLOATING_POOL, quotas: config.SANDCLOUD_DEFAULT_QUOTAS });
} catch (error) {
  // A database that cannot be used (damaged, locked, newer, in use by another Sandcloud): one line, no stack.
  if (!(error instanceof DatabaseStartupError)) throw error;
  console.error(`Sandcloud cannot start: ${error.message}`);
  process.exit(1);
}
const admin = engine.ensureAdmin(config.SANDCLOUD_ADMIN_USER ?? 'admin', config.SANDCLOUD_ADMIN_PASSWORD);
if (config.SANDCLOUD_SEED) {
  // Once, on an empty data directory (no project yet); a seed that cannot be applied stops start-up.
  try {
    const seeded = applySeedFile(engine, config.SANDCLOUD_SEED, config.SANDCLOUD_ADMIN_USER ?? 'admin');
    console.log(seeded ? describeSeed(seeded) : `SANDCLOUD_SEED ignored: ${databasePath} already has projects`);
  } catch (error) {
    console.error(`Sandcloud cannot apply SANDCLOUD_SEED ${config.SANDCLOUD_SEED}: ${(error as Error).message}`);
    engine.close();
    process.exit(1);
  }
}

let dataPlane: { listenerCount(): number; close(): Promise<void> } | undefined;
let dataPlaneState: DataPlaneState['state'] = 'starting';
let shuttingDown = false;

const app = createApp(engine, {
  consoleDir: config.NODE_ENV === 'production' ? consoleDir : undefined,
  logRequests: config.SANDCLOUD_LOG_REQUESTS,
  health: { version, dataPlane: () => ({ state: dataPlaneState, listeners: dataPlane?.listenerCount() ?? 0 }) },
});

const server = app.listen(config.PORT, config.HOST, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const url = `http://${config.HOST}:${port}`;
  console.log(`Sandcloud is running at ${url}  (data: ${databasePath})`);
  if (admin.generatedPassword) {
    console.log(`First start: log in as "${config.SANDCLOUD_ADMIN_USER ?? 'admin'}" with password ${admin.generatedPassword}`);
    console.log('This password is printed only once; set SANDCLOUD_ADMIN_PASSWORD to choose it yourself.');
  }
  setImmediate(() => void startInBackground());
});
attachConsoleSockets(server, engine);

/** Pending steps resume, guests get their clock, and the floating IPs answer (README: "Reaching instances"). */
async function startInBackground(): Promise<void> {
  engine.start();
  try {
    // Loaded here, not at the top: ssh2 and the data plane's modules stay off the path to the first answer.
    const { startDataPlane } = await import('@sandcloud/data-plane');
    dataPlane = await startDataPlane(engine, { dataDir: config.SANDCLOUD_DATA_DIR });
    dataPlaneState = shuttingDown ? 'down' : 'ready';
  } catch (error) {
    dataPlaneState = 'down';
    console.error('The data plane did not start; floating IPs do not answer (GET /api/health says so):', error);
  }
}

async function shutdown(): Promise<void> {
  shuttingDown = true;
  server.close();
  await dataPlane?.close();
  engine.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
