import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// SANDCLOUD_E2E_PORT lets two runs share a machine: each also gets its own data directory and its
// own floating IP pool, so their loopback endpoints (127.b.c.d) never collide.
const PORT = Number(process.env.SANDCLOUD_E2E_PORT ?? 8180);
const POOL_OCTET = PORT === 8180 ? 0 : PORT % 250;
const FLOATING_POOL = `203.${POOL_OCTET}.113.10-203.${POOL_OCTET}.113.250`;
export const E2E_ADMIN = { username: 'admin', password: 'e2e-admin-password' };

// A fresh data directory per run: tests start from an empty cloud.
const dataDir = process.env.SANDCLOUD_E2E_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'sandcloud-e2e-'));
process.env.SANDCLOUD_E2E_DATA_DIR = dataDir;

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  // No retries, in CI or not: a test that fails once is a bug to fix, not to repeat.
  retries: 0,
  // A `test.only` left in a spec would silently skip every other test: CI refuses it.
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    acceptDownloads: true,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  webServer: {
    // The console and the server (apps/bff/dist/server.js) are built by `npm run e2e` first.
    command: 'node apps/bff/dist/server.js',
    // 200 once the store answers and the data plane has bound the floating IPs' sockets.
    url: `http://127.0.0.1:${PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    env: {
      NODE_ENV: 'production',
      PORT: String(PORT),
      HOST: '127.0.0.1',
      SANDCLOUD_DATA_DIR: dataDir,
      SANDCLOUD_ADMIN_USER: E2E_ADMIN.username,
      SANDCLOUD_ADMIN_PASSWORD: E2E_ADMIN.password,
      // Simulated operations run 10x faster so the suite spends its time on behaviour, not waits.
      SANDCLOUD_SPEED: '10',
      SANDCLOUD_FLOATING_POOL: FLOATING_POOL,
      SANDCLOUD_LOG_REQUESTS: '0',
    },
  },
});
