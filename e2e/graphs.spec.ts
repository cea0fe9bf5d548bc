import { expect, test, type Page } from '@playwright/test';
import { activeInstances, allowTcpFromAnywhere, associatedFloatingIp, CENTOS_7, computeProject, createLoadBalancer, runInGuest, signInAs, startWebServer } from './support/arrange.ts';
import { unique } from './support/fixtures.ts';
import { httpGet } from './support/real-tools.ts';

// Issue 18.6 in the browser: an instance's Monitoring tab draws what really happens — its network
// graph moves while HTTP requests hit its floating IP on this machine (counted by the data plane),
// and its CPU graph rises while a busy process runs in the guest.

test.use({ viewport: { width: 1600, height: 900 }, actionTimeout: 15_000 });
test.describe.configure({ timeout: 120_000 });

/** The latest value a chart shows for one of its lines (`data-latest`, empty before the first sample). */
async function latest(page: Page, chart: string, line: string): Promise<number> {
  const figure = page.locator('figure').filter({ hasText: chart });
  const text = await figure.locator('dl > div').filter({ has: page.locator('dt', { hasText: line }) }).locator('dd').getAttribute('data-latest');
  return text ? Number(text) : 0;
}

test("an instance's network graph moves while requests hit its floating IP, and its CPU graph follows a busy process", async ({ page, baseURL }) => {
  const { api, base, projectId, computeUrl } = await computeProject(baseURL!);
  const [instance] = await activeInstances(api, base, unique('web'), 1, CENTOS_7);
  const floatingIp = await associatedFloatingIp(api, base, instance!.portId!);
  await allowTcpFromAnywhere(api, base, 80);
  const endpoint = await api.get<{ httpUrl: string }>(`${base}/floating-ips/${floatingIp.id}/endpoint`);
  await signInAs(page, api);
  const shells = await page.context().newPage();
  await startWebServer(shells, projectId, instance!);

  await page.goto(`${computeUrl('instances')}/${instance!.id}?tab=monitoring`);
  await expect(page.getByRole('tab', { name: '모니터링' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('figure').filter({ hasText: '네트워크 (바이트)' }).locator('canvas').first()).toBeVisible();
  // Nothing has reached the instance yet: the samples so far are flat.
  expect(await latest(page, '네트워크 (바이트)', '수신')).toBe(0);

  // curl, over and over, until a sample with the traffic reaches the open chart.
  await expect
    .poll(
      async () => {
        for (let i = 0; i < 5; i++) expect((await httpGet(endpoint.httpUrl)).status).toBe(200);
        return (await latest(page, '네트워크 (바이트)', '수신')) > 0 && (await latest(page, '네트워크 (바이트)', '송신')) > 0;
      },
      { timeout: 40_000, intervals: [500] },
    )
    .toBe(true);
  expect(await latest(page, '네트워크 (패킷)', '송신')).toBeGreaterThan(0);

  // A busy loop in the guest: one vCPU (m2.c1m2) at 100 %.
  await runInGuest(shells, projectId, instance!, 'yes > /dev/null &', '[1] ');
  await expect.poll(() => latest(page, 'CPU 사용률', 'CPU'), { timeout: 30_000, intervals: [1_000] }).toBe(100);
});

test("a load balancer's graphs show each member's requests per second and its health while requests hit its floating IP", async ({ page, baseURL }) => {
  const { api, base, projectId, computeUrl } = await computeProject(baseURL!);
  const members = await activeInstances(api, base, unique('web'), 2, CENTOS_7);
  await allowTcpFromAnywhere(api, base, 80);
  await signInAs(page, api);
  const shells = await page.context().newPage();
  for (const member of members) await startWebServer(shells, projectId, member);
  const lb = await createLoadBalancer(api, base, unique('web-lb'), members);
  const vipPortId = (await api.get<{ vipPortId: string }>(`${base}/load-balancers/${lb.id}`)).vipPortId;
  const floatingIp = await associatedFloatingIp(api, base, vipPortId);
  const endpoint = await api.get<{ httpUrl: string }>(`${base}/floating-ips/${floatingIp.id}/endpoint`);

  await page.goto(`${computeUrl('load-balancers')}/${lb.id}?tab=monitoring`);
  const lines = members.map((member) => `${member.privateIp}:80`);
  // Round robin: every member's line rises while requests come through the floating IP.
  await expect
    .poll(
      async () => {
        for (let i = 0; i < 6; i++) expect((await httpGet(endpoint.httpUrl)).status).toBe(200);
        const rates = await Promise.all(lines.map((line) => latest(page, '멤버별 초당 요청 수', line)));
        return rates.every((rate) => rate > 0);
      },
      { timeout: 40_000, intervals: [500] },
    )
    .toBe(true);
  for (const line of lines) expect(await latest(page, '멤버 상태', line)).toBe(1);
});
