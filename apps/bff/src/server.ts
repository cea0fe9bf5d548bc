import { startDataPlane } from '@sandcloud/data-plane';
import { createEngine, DatabaseStartupError, type Engine } from '@sandcloud/engine';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
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
// The first administrator's password hash (scrypt, on the thread pool) runs while the server
// already answers: until it is stored, requests that could involve a user wait for it (see `gate`).
const adminUser = config.SANDCLOUD_ADMIN_USER ?? 'admin';
const adminReady = engine.ensureAdminAsync(adminUser, config.SANDCLOUD_ADMIN_PASSWORD);
let adminExists = false;
if (config.SANDCLOUD_SEED) {
  // Once, on an empty data directory (no project yet); a seed that cannot be applied stops start-up.
  try {
    await adminReady;
    const seeded = applySeedFile(engine, config.SANDCLOUD_SEED, adminUser);
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
  // `starting` (503) until the first administrator exists and the data plane serves.
  health: { version, dataPlane: () => ({ state: adminExists ? dataPlaneState : 'starting', listeners: dataPlane?.listenerCount() ?? 0 }) },
});

/**
 * Before the first administrator exists, a request that could sign in (a write: the console's
 * login, a Keystone token) waits for the hash (one scrypt, tens of milliseconds); reads are answered
 * at once: with no user yet there is no session either, so a read's answer is the same either way.
 */
const gate = (req: IncomingMessage, res: ServerResponse): void => {
  if (adminExists || req.method === 'GET' || req.method === 'HEAD') app(req, res);
  else void adminReady.then(() => app(req, res), () => res.destroy());
};
const server = createServer(gate);
server.listen(config.PORT, config.HOST, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const url = `http://${config.HOST}:${port}`;
  console.log(`Sandcloud is running at ${url}  (data: ${databasePath})`);
  setImmediate(() => void startInBackground());
});
adminReady.then(
  (admin) => {
    adminExists = true;
    if (admin.generatedPassword) {
      console.log(`First start: log in as "${adminUser}" with password ${admin.generatedPassword}`);
      console.log('This password is printed only once; set SANDCLOUD_ADMIN_PASSWORD to choose it yourself.');
    }
  },
  (error: unknown) => {
    console.error(`Sandcloud cannot create the first administrator "${adminUser}": ${(error as Error).message}`);
    void shutdown(1);
  },
);
attachConsoleSockets(server, engine);

/** Pending steps resume, guests get their clock, and the floating IPs answer (README: "Reaching instances"). */
async function startInBackground(): Promise<void> {
  engine.start();
  try {
    // startDataPlane loads ssh2 and the forwarders now (a chunk of their own in dist/): they stay off
    // the path to the first answer.
    dataPlane = await startDataPlane(engine, { dataDir: config.SANDCLOUD_DATA_DIR });
    dataPlaneState = shuttingDown ? 'down' : 'ready';
  } catch (error) {
    dataPlaneState = 'down';
    console.error('The data plane did not start; floating IPs do not answer (GET /api/health says so):', error);
  }
}

async function shutdown(code = 0): Promise<void> {
  shuttingDown = true;
  server.close();
  await dataPlane?.close();
  engine.close();
  process.exit(code);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
