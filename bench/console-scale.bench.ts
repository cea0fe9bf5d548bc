/**
 * Console at scale (issue 17): a project of 2,000 instances, 500 floating IPs and 300 volumes,
 * seeded through the engine into a fresh data directory, then served by the production server.
 *
 *   1. API: the instance list's first page (`GET /instances?limit=20`, the console's default page),
 *      and the same page sorted by name descending, searched (`q=vm-1999`) and filtered
 *      (`status=SHUTOFF`): p50 / p95 over `--rounds` requests each. Target: first page < 100 ms p95.
 *   2. Browser (Chromium at /usr/bin/chromium or CHROMIUM_PATH): time from navigation to the
 *      instance list interactive — its rows drawn and the first row's checkbox enabled — by URL (a
 *      full page load) and from the left menu (in-app navigation). Target: < 1 s.
 *   3. The load balancer's member picker (the Instances tab of a load balancer on the network of
 *      instance #1,999) finds `vm-1999` by name.
 *   4. That load balancer's pool holds `--pool-members` (600) members: its member list (API and the
 *      Instance tab's table) pages them with the right total.
 *
 * Needs the built console: `npm run build -w @sandcloud/console`, then
 *
 *   npx tsx bench/console-scale.bench.ts                 # 2,000 / 500 / 300, 50 API rounds, 5 page loads
 *   npx tsx bench/console-scale.bench.ts --instances 500 --rounds 20 --loads 3
 */
import { createEngine, ManualClock } from '@sandcloud/engine';
import { addNetwork } from '@sandcloud/engine/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { BENCH_ADMIN as ADMIN } from './support/server.ts';
import { median } from './support/stats.ts';
import { launchBrowser, signedInContext, startServer } from './topology.bench.ts';

const UBUNTU = '6f1c0a00-0000-4000-8000-000000002204';
/** Instances per private network: a /24 has 252 free addresses. */
const PER_NETWORK = 200;
/** A pool of its own (1,000 addresses), so 500 floating IPs fit and no other server's endpoints are met. */
const FLOATING_POOL = { start: '100.72.0.1', end: '100.72.3.250' };
const TARGETS = { firstPageP95Ms: 100, interactiveMs: 1_000 };

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => (args.includes(name) ? args[args.indexOf(name) + 1]! : fallback);
const instanceCount = Number(option('--instances', '2000'));
const floatingCount = Number(option('--floating-ips', '500'));
const volumeCount = Number(option('--volumes', '300'));
const rounds = Number(option('--rounds', '50'));
const loads = Number(option('--loads', '5'));
/** Members of the load balancer's pool: the last instances but one share a /22 with it (the last, #1,999, stays free for the picker). */
const poolMembers = Math.min(Number(option('--pool-members', '600')), instanceCount - 1);
const POOL_CIDR = '10.200.0.0/22';

const instanceName = (index: number) => `vm-${String(index).padStart(4, '0')}`;

interface Seeded {
  projectId: string;
  loadBalancerId: string | null;
  listenerId: string | null;
  seconds: number;
}

/**
 * Instances `vm-0000` … named one by one across networks of 200 (so #1,999 sits on the last
 * network), one in twenty stopped; floating IPs allocated, the first 200 associated; volumes, one in
 * ten attached; a load balancer on the last network with one member.
 */
function seed(dataDir: string): Seeded {
  const started = performance.now();
  const clock = new ManualClock(Date.now());
  const engine = createEngine({
    databasePath: join(dataDir, 'sandcloud.db'),
    clock,
    floatingPool: FLOATING_POOL,
    quotas: { instances: instanceCount, vcpus: instanceCount, ramMb: instanceCount * 1024, floatingIps: floatingCount, volumes: volumeCount, volumeGb: volumeCount * 10 },
  });
  try {
    engine.ensureAdmin(ADMIN.username, ADMIN.password);
    const admin = engine.identity.findUser(ADMIN.username)!;
    const project = engine.projects.create(admin, { name: 'console-scale' });
    engine.activateCompute(project.id);
    const projectId = project.id;
    const { network, keyPairs, securityGroups, instances, floatingIps, volumes, loadBalancers } = engine.modules;
    keyPairs.import(projectId, 'bench', 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJ9aWnM0SMGRdlzrQCeSk0fSKl9xOqaz0Yi7wmiH5oHx bench@sandcloud');
    const group = securityGroups.list(projectId).find((g) => g.name === 'default')!;
    const networkIds = [network.networks(projectId)[0]!.id];
    // The last poolMembers + 1 instances share one /22 with the load balancer; the others go 200 to a /24.
    const onPoolNetwork = poolMembers + 1;
    const spread = instanceCount - onPoolNetwork;
    for (let k = 1; k < Math.ceil(spread / PER_NETWORK); k++) {
      networkIds.push(addNetwork(engine, projectId, { name: `bench-net-${k}`, cidr: `10.${k}.0.0/24` }).network.id);
    }
    const poolNetworkId = addNetwork(engine, projectId, { name: 'bench-pool', cidr: POOL_CIDR }).network.id;
    const networkOf = (index: number) => (index >= spread ? poolNetworkId : networkIds[Math.floor(index / PER_NETWORK)]!);
    const created: { id: string; portId: string | null }[] = [];
    for (let index = 0; index < instanceCount; index++) {
      const [instance] = instances.create(projectId, {
        name: instanceName(index),
        imageId: UBUNTU,
        flavorId: 't2.c1m1',
        zone: index % 2 === 0 ? 'kr-pub-a' : 'kr-pub-b',
        rootDiskGb: 20,
        count: 1,
        keyName: 'bench',
        securityGroupIds: [group.id],
        networkId: networkOf(index),
      });
      created.push(instance!);
    }
    engine.advance(5_000);
    for (let i = 3; i < created.length; i += 20) instances.stop(projectId, created[i]!.id);
    for (let i = 0; i < floatingCount; i++) {
      const ip = floatingIps.allocate(projectId);
      if (i < 200) floatingIps.associate(projectId, ip.id, created[i * 5]!.portId!);
    }
    const made = Array.from({ length: volumeCount }, (_, n) => volumes.create(projectId, { name: `data-${String(n).padStart(3, '0')}`, sizeGb: 10 }));
    engine.advance(3_000);
    made.forEach((volume, n) => {
      if (n % 10 === 0) volumes.attach(projectId, volume.id, created[n]!.id);
    });
    engine.advance(3_000);

    let loadBalancerId: string | null = null;
    let listenerId: string | null = null;
    try {
      const poolNetwork = network.networks(projectId).find((n) => n.id === poolNetworkId)!;
      // A create takes at most 50 members; the rest join one by one, as `[+]` adds them (each change
      // waits for the load balancer to be ACTIVE again). Checks every hour, so 600 members' probes
      // do not weigh on the timings.
      const members = created.slice(spread, spread + poolMembers);
      const lb = loadBalancers.create(projectId, {
        name: 'scale-lb',
        subnetId: poolNetwork.subnetIds[0]!,
        listener: { protocol: 'HTTP', protocolPort: 80 },
        pool: {
          lbAlgorithm: 'ROUND_ROBIN',
          memberPort: 80,
          members: members.slice(0, 1).map((instance) => ({ instanceId: instance.id })),
          healthMonitor: { type: 'TCP', monitorPort: 80, delaySeconds: 3600, timeoutSeconds: 5 },
        },
      });
      engine.advance(5_000);
      loadBalancerId = lb.id;
      listenerId = loadBalancers.view(loadBalancers.get(projectId, lb.id)).listeners[0]!.listener.id;
      for (const instance of members.slice(1)) {
        loadBalancers.addMember(projectId, lb.id, listenerId, { instanceId: instance.id });
        engine.advance(5_000);
      }
    } catch (error) {
      console.warn(`  (no load balancer seeded: ${(error as Error).message})`);
    }
    return { projectId, loadBalancerId, listenerId, seconds: (performance.now() - started) / 1000 };
  } finally {
    engine.close();
  }
}

interface Timing {
  p50: number;
  p95: number;
  total: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function timedGet(url: string, cookie: string): Promise<{ ms: number; total: number }> {
  const started = performance.now();
  const response = await fetch(url, { headers: { cookie } });
  const body = (await response.json()) as { total: number };
  if (!response.ok) throw new Error(`GET ${url} → ${response.status} ${JSON.stringify(body)}`);
  return { ms: performance.now() - started, total: body.total };
}

/**
 * Times each URL `rounds` times, the URLs taking turns round by round (so a burst of load on the
 * machine weighs on all of them alike), after five warm-up rounds (the JIT compiles each path on
 * its first requests).
 */
async function timeInTurns(urls: readonly string[], cookie: string): Promise<Timing[]> {
  const samples = urls.map(() => [] as number[]);
  const totals = urls.map(() => 0);
  for (let round = 0; round < rounds + 5; round++) {
    for (const [index, url] of urls.entries()) {
      const { ms, total } = await timedGet(url, cookie);
      if (round >= 5) samples[index]!.push(ms);
      totals[index] = total;
    }
  }
  return samples.map((values, index) => {
    values.sort((a, b) => a - b);
    return { p50: percentile(values, 50), p95: percentile(values, 95), total: totals[index]! };
  });
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'sandcloud-console-scale-'));
  console.log(`Seeding ${instanceCount} instances, ${floatingCount} floating IPs, ${volumeCount} volumes… (load average ${loadavg()[0]!.toFixed(1)})`);
  const seeded = seed(dataDir);
  console.log(`  seeded in ${seeded.seconds.toFixed(1)} s`);
  process.env.SANDCLOUD_FLOATING_POOL = `${FLOATING_POOL.start}-${FLOATING_POOL.end}`;
  const server = await startServer(dataDir);
  const browser = await launchBrowser();
  try {
    const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const list = `${server.url}/api/projects/${seeded.projectId}/instances`;

    console.log('\nAPI (ms, p50 / p95, total matched):');
    const views: [string, string][] = [
      ['first page (limit=20)', '?limit=20&offset=0'],
      ['sorted by name desc', '?limit=20&offset=0&sort=name&order=desc'],
      ['sorted by floating IP', '?limit=20&offset=0&sort=floatingIp'],
      ['search q=vm-1999', '?limit=20&offset=0&q=vm-1999'],
      ['filter status=SHUTOFF', '?limit=20&offset=0&status=SHUTOFF'],
      ['page 50 of 100', '?limit=20&offset=980'],
    ];
    views.push(['floating IPs first page', `/../floating-ips?limit=20`], ['volumes first page', `/../volumes?limit=20`]);
    if (seeded.loadBalancerId && seeded.listenerId) {
      views.push(['pool members first page', `/../load-balancers/${seeded.loadBalancerId}/listeners/${seeded.listenerId}/members?limit=20&sort=name`]);
    }
    const timings = await timeInTurns(
      views.map(([, query]) => (query.startsWith('/../') ? `${list.replace(/\/instances$/, '')}/${query.slice(4)}` : `${list}${query}`)),
      cookie,
    );
    views.forEach(([label], index) => {
      const timing = timings[index]!;
      console.log(`  ${label.padEnd(24)} ${timing.p50.toFixed(1).padStart(6)} / ${timing.p95.toFixed(1).padStart(6)}   total ${timing.total}`);
    });
    const firstPage = timings[0]!;
    const memberTotal = seeded.loadBalancerId ? timings.at(-1)!.total : null;

    console.log('\nBrowser (ms from navigation to the instance list interactive):');
    const context = await signedInContext(browser, server.url);
    const page = await context.newPage();
    const table = page.getByRole('table', { name: 'Instance' });
    const interactive = async () => {
      await table.getByRole('row').nth(1).waitFor({ timeout: 30_000 });
      await table.getByRole('checkbox').nth(1).waitFor({ state: 'visible' });
      await page.waitForFunction(() => !document.querySelector('table[aria-label="Instance"] input[type=checkbox]:disabled'));
    };
    const byUrl: number[] = [];
    const byMenu: number[] = [];
    for (let i = 0; i < loads; i++) {
      const started = performance.now();
      await page.goto(`/projects/${seeded.projectId}/compute/instances`);
      await interactive();
      byUrl.push(performance.now() - started);

      await page.goto(`/projects/${seeded.projectId}/compute/key-pairs`);
      await page.getByRole('table', { name: 'Key Pairs' }).waitFor();
      const clicked = performance.now();
      await page.getByRole('navigation', { name: 'Compute & Network' }).getByRole('link', { name: 'Instance', exact: true }).click();
      await interactive();
      byMenu.push(performance.now() - clicked);
    }
    const rows = await table.getByRole('row').count();
    const range = await page.getByText(/ \/ 전체 \d+개$|of \d+$/).first().textContent();
    console.log(`  by URL (full load)   median ${median(byUrl).toFixed(0)}  max ${Math.max(...byUrl).toFixed(0)}   [${byUrl.map((v) => v.toFixed(0)).join(', ')}]`);
    console.log(`  from the menu        median ${median(byMenu).toFixed(0)}  max ${Math.max(...byMenu).toFixed(0)}   [${byMenu.map((v) => v.toFixed(0)).join(', ')}]`);
    console.log(`  rows drawn: ${rows - 1}, pager: "${range?.trim()}"`);

    let pickerFound = false;
    let membersShown = false;
    if (seeded.loadBalancerId) {
      const target = instanceName(instanceCount - 1);
      await page.goto(`/projects/${seeded.projectId}/compute/load-balancers/${seeded.loadBalancerId}?tab=instances`);
      const started = performance.now();
      // The Instance tab's table pages the pool's members with the right total.
      const shownTotal = await page
        .getByText(new RegExp(`^1–20 / 전체 ${poolMembers}개$`))
        .waitFor({ timeout: 15_000 })
        .then(() => true, () => false);
      console.log(`\nPool of ${poolMembers} members: API total ${memberTotal}, Instance tab pager ${shownTotal ? `"1–20 / 전체 ${poolMembers}개"` : 'NOT showing the total'}`);
      membersShown = shownTotal;
      await page.getByRole('searchbox', { name: 'Instance 검색' }).fill(target);
      const select = page.getByLabel('Instance', { exact: true });
      try {
        await page.waitForFunction(
          (name) => [...document.querySelectorAll('select option')].some((option) => option.textContent?.startsWith(`${name} (`)),
          target,
          { timeout: 10_000 },
        );
        pickerFound = true;
      } catch {
        pickerFound = false;
      }
      console.log(`\nMember picker: ${pickerFound ? 'found' : 'did NOT find'} ${target} (${(performance.now() - started).toFixed(0)} ms after typing; ${await select.locator('option').count()} option(s))`);
    } else {
      console.log('\nMember picker: no load balancer was seeded');
    }

    const tti = Math.max(median(byUrl), median(byMenu));
    console.log(
      `\nTargets: first page < ${TARGETS.firstPageP95Ms} ms p95: ${firstPage.p95 < TARGETS.firstPageP95Ms ? 'met' : 'MISSED'} (${firstPage.p95.toFixed(1)}); ` +
        `interactive < ${TARGETS.interactiveMs} ms (median): ${tti < TARGETS.interactiveMs ? 'met' : 'MISSED'} (${tti.toFixed(0)}); member picker finds #${instanceCount - 1}: ${pickerFound ? 'yes' : 'NO'}; ` +
        `${poolMembers} members listed with the right total: ${memberTotal === poolMembers && membersShown ? 'yes' : 'NO'}`,
    );
    const membersRight = memberTotal === poolMembers && membersShown;
    if (firstPage.p95 >= TARGETS.firstPageP95Ms || tti >= TARGETS.interactiveMs || !pickerFound || !membersRight) process.exitCode = 1;
    await context.close();
  } finally {
    await browser.close();
    server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
