/** The admin every benchmark's server is started with and signs in as. */
export const BENCH_ADMIN = { username: 'admin', password: 'bench-admin-password' };

/**
 * The environment (on top of `process.env`) a benchmark starts the production server with: port,
 * data directory, the bench admin, no request log, and optionally a floating-IP pool of its own so
 * its endpoints never meet another server's.
 */
export function serverEnv(port: number, dataDir: string, floatingPool?: string): Record<string, string> {
  return {
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    SANDCLOUD_DATA_DIR: dataDir,
    SANDCLOUD_ADMIN_USER: BENCH_ADMIN.username,
    SANDCLOUD_ADMIN_PASSWORD: BENCH_ADMIN.password,
    SANDCLOUD_LOG_REQUESTS: '0',
    ...(floatingPool === undefined ? {} : { SANDCLOUD_FLOATING_POOL: floatingPool }),
  };
}
