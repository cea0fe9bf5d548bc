// Start-up: from spawning the production server to its first answers, on an empty data directory and
// on one holding a project of N instances. The compiled server (`node apps/bff/dist/server.js`, as
// `npm run serve`) is the subject; the same server run through tsx (`node --import tsx
// apps/bff/src/server.ts`, how `npm run serve` started it before) is the reference, alternated with it
// in one run. Run `npm run build` first (or pass --build). See bench/README.md.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { serverEnv } from './support/server.ts';
import { median } from './support/stats.ts';
import { seedProject } from './topology.bench.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TARGETS = { emptyMs: 500, largeMs: 1000 };

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '0,1000' },
    rounds: { type: 'string', default: '5' },
    build: { type: 'boolean', default: false },
  },
});
const sizes = values.sizes.split(',').map(Number);
const rounds = Number(values.rounds);

const VARIANTS = {
  compiled: ['apps/bff/dist/server.js'],
  tsx: ['--import', 'tsx', 'apps/bff/src/server.ts'],
} as const;
type Variant = keyof typeof VARIANTS;

interface Sample {
  /** Spawn → first 200 of GET / (the console's page): the server serves. */
  firstOkMs: number;
  /** Spawn → GET /api/health 200: the data plane has bound the floating IPs' sockets too. */
  healthyMs: number;
  /**
   * CPU time (user + system) the server had used when its first 200 arrived: what the start costs
   * whatever else runs on the machine (on a busy machine the wall time is mostly waiting for a CPU).
   */
  cpuAtFirstOkMs: number;
}

/** CPU time of a process so far (ms), from /proc (NaN elsewhere). */
function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10; // USER_HZ = 100 on Linux
  } catch {
    return Number.NaN;
  }
}

let nextPort = 18_700 + (process.pid % 200);

async function startOnce(variant: Variant, dataDir: string): Promise<Sample> {
  const port = nextPort++;
  const started = performance.now();
  const child = spawn(process.execPath, [...VARIANTS[variant]], {
    cwd: ROOT,
    // A pool of its own, so the floating IPs' endpoints never meet another server's.
    env: { ...process.env, ...serverEnv(port, dataDir, '203.0.117.10-203.0.117.250') },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  try {
    const url = `http://127.0.0.1:${port}`;
    let firstOkMs = NaN;
    let healthyMs = NaN;
    let cpuAtFirstOkMs = NaN;
    while (Number.isNaN(healthyMs)) {
      if (child.exitCode !== null) throw new Error(`${variant} exited with code ${child.exitCode}`);
      if (performance.now() - started > 60_000) throw new Error(`${variant} did not answer within 60 s`);
      try {
        if (Number.isNaN(firstOkMs) && (await fetch(`${url}/`)).status === 200) {
          firstOkMs = performance.now() - started;
          cpuAtFirstOkMs = cpuMs(child.pid!);
        }
        if (!Number.isNaN(firstOkMs) && (await fetch(`${url}/api/health`)).status === 200) healthyMs = performance.now() - started;
      } catch {
        // Not listening yet: ask again at once (a few ms of connection refused).
      }
      await new Promise((done) => setTimeout(done, 5));
    }
    return { firstOkMs, healthyMs, cpuAtFirstOkMs };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

const fmt = (value: number) => `${Math.round(value)} ms`;

async function main() {
  if (values.build || !existsSync(join(ROOT, 'apps/bff/dist/server.js')) || !existsSync(join(ROOT, 'apps/console/dist/index.html'))) {
    console.log('Building (npm run build)…');
    if (spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' }).status !== 0) process.exit(1);
  }
  const work = mkdtempSync(join(tmpdir(), 'sandcloud-start-bench-'));
  let failed = false;
  try {
    console.log(`Start-up, ${rounds} rounds per size, compiled and tsx alternated (load average ${loadavg()[0]!.toFixed(1)})\n`);
    console.log('| instances | server | first 200 (GET /), median | min–max | server CPU at first 200, median | /api/health 200, median | target |');
    console.log('|---|---|---|---|---|---|---|');
    for (const size of sizes) {
      // One seeded directory per size; each start gets a fresh copy, so no start sees another's writes.
      const seeded = join(work, `seed-${size}`);
      if (size > 0) {
        const t = performance.now();
        seedProject(seeded, size);
        console.error(`  (seeded ${size} instances in ${fmt(performance.now() - t)})`);
      }
      const samples: Record<Variant, Sample[]> = { compiled: [], tsx: [] };
      for (let round = 0; round < rounds; round++) {
        const order: Variant[] = round % 2 === 0 ? ['compiled', 'tsx'] : ['tsx', 'compiled'];
        for (const variant of order) {
          const dataDir = join(work, `run-${size}-${round}-${variant}`);
          if (size > 0) cpSync(seeded, dataDir, { recursive: true, preserveTimestamps: true });
          samples[variant].push(await startOnce(variant, dataDir));
          rmSync(dataDir, { recursive: true, force: true });
        }
      }
      for (const variant of ['compiled', 'tsx'] as const) {
        const first = samples[variant].map((s) => s.firstOkMs);
        const target = size === 0 ? TARGETS.emptyMs : TARGETS.largeMs;
        const met = median(first) < target;
        if (variant === 'compiled' && (size === 0 || size >= 10_000) && !met) failed = true;
        console.log(
          `| ${size.toLocaleString('en')} | ${variant === 'compiled' ? 'node dist/server.js' : 'tsx src/server.ts (reference)'} | **${fmt(median(first))}** | ${fmt(Math.min(...first))}–${fmt(Math.max(...first))} | ${fmt(median(samples[variant].map((s) => s.cpuAtFirstOkMs)))} | ${fmt(median(samples[variant].map((s) => s.healthyMs)))} | ${variant === 'compiled' ? `< ${target} ms ${met ? 'met' : 'missed'}` : ''} |`,
        );
      }
    }
    console.log(`\nload average after: ${loadavg()[0]!.toFixed(1)}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  process.exit(failed ? 1 : 0);
}

await main();
