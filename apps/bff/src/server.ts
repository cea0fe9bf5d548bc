import { startDataPlane } from '@sandcloud/data-plane';
import { createEngine, DatabaseStartupError, type Engine } from '@sandcloud/engine';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.ts';
import { attachConsoleSockets } from './console-socket.ts';
import { readConfig } from './config.ts';

const config = readConfig();
const here = dirname(fileURLToPath(import.meta.url));
const consoleDir = resolve(here, '../../console/dist');
const databasePath = join(config.SANDCLOUD_DATA_DIR, 'sandcloud.db');

let engine: Engine;
try {
  engine = createEngine({ databasePath, speed: config.SANDCLOUD_SPEED, floatingPool: config.SANDCLOUD_FLOATING_POOL });
} catch (error) {
  // A database that cannot be used (damaged, locked, newer, in use by another Sandcloud): one line, no stack.
  if (!(error instanceof DatabaseStartupError)) throw error;
  console.error(`Sandcloud cannot start: ${error.message}`);
  process.exit(1);
}
const admin = engine.ensureAdmin(config.SANDCLOUD_ADMIN_USER ?? 'admin', config.SANDCLOUD_ADMIN_PASSWORD);
engine.start();
// SSH, HTTP and load balancers on the floating IPs' loopback endpoints (README: "Reaching instances").
const dataPlane = await startDataPlane(engine, { dataDir: config.SANDCLOUD_DATA_DIR });

const app = createApp(engine, {
  consoleDir: config.NODE_ENV === 'production' ? consoleDir : undefined,
  logRequests: config.SANDCLOUD_LOG_REQUESTS,
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
});
attachConsoleSockets(server, engine);

async function shutdown(): Promise<void> {
  server.close();
  await dataPlane.close();
  engine.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
