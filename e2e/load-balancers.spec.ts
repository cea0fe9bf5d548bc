import { expect, test, type Locator, type Page } from '@playwright/test';
import {
  activeInstances,
  allowTcpFromAnywhere,
  CENTOS_7,
  computeProject,
  createLoadBalancer,
  memberHealth,
  powerAction,
  signInAs,
  SIMULATED_SPEED,
  startWebServer,
  type Api,
} from './support/arrange.ts';
import { unique } from './support/fixtures.ts';
import { cellUnder } from './support/tables.ts';

// The guide's step 10 (a load balancer in front of two instances, reached through a floating IP) and
// its health checks, through the console. The member instances, the guide's step 6 before it (the
// "HTTP" rule and `python -m SimpleHTTPServer 80` in each instance) are arranged through the API:
// health checks really connect to port 80 in the guest, so a member is ONLINE only while its web
// server runs.

/** The wizard's health check defaults (checked in the first test): every 5 s, 3 in a row flip a member. */
const DEFAULT_INTERVAL_S = 5;
const DEFAULT_TIMEOUT_S = 5;
const DEFAULT_RETRIES = 3;
/**
 * How long a member may take to flip ONLINE ⇄ OFFLINE: the power action (3 s simulated), then up to
 * `retries + 1` check intervals, at the server's speed; doubled, plus room for the live update.
 */
const HEALTH_FLIP_TIMEOUT_MS = Math.round((2 * (3 + (DEFAULT_RETRIES + 1) * DEFAULT_INTERVAL_S) * 1000) / SIMULATED_SPEED) + 15_000;

/**
 * Two CentOS 7 instances (NAME-1, NAME-2) serving HTTP on port 80, reachable from the load balancer:
 * the guide's steps 2 and 6. The web servers run in console sessions of a page kept aside.
 */
async function webServers(page: Page, api: Api, base: string, projectId: string, name: string) {
  const instances = await activeInstances(api, base, name, 2, CENTOS_7);
  await allowTcpFromAnywhere(api, base, 80);
  await signInAs(page, api);
  const shells = await page.context().newPage();
  for (const instance of instances) await startWebServer(shells, projectId, instance);
  return { instances, shells };
}

// --- Page helpers --------------------------------------------------------------------------------

const lbTable = (page: Page) => page.getByRole('table', { name: 'Load Balancer' });
const lbRow = (page: Page, name: string) => lbTable(page).getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
const badge = (scope: Locator, status: string) => scope.getByText(status, { exact: true });

/** A row of the detail page's Instance tab (the pool's members). */
const memberRow = (page: Page, name: string) =>
  page.getByRole('table', { name: 'Instance' }).getByRole('row').filter({ has: page.getByRole('cell', { name, exact: true }) });

const wizardDialog = (page: Page) => page.getByRole('dialog', { name: 'Load Balancer 생성' });
const stepHeading = (dialog: Locator, title: string) => dialog.getByRole('heading', { name: title, exact: true });
const STEP_TITLES = {
  definition: 'Load Balancer 정의',
  listener: '리스너: 어떤 포트로 받아 Instance의 어떤 포트로 보낼지 정합니다',
  instances: '트래픽을 받을 Instance를 [+]로 추가하세요',
  health: '헬스 체크: 응답하지 않는 Instance에는 트래픽을 보내지 않습니다',
  connection: '고급 연결 옵션과 요약',
};

/** Definition and listener as the guide fills them: Default network, ROUND_ROBIN, HTTP 80 → 80. */
async function fillDefinitionAndListener(dialog: Locator, name: string) {
  await expect(stepHeading(dialog, STEP_TITLES.definition)).toBeVisible();
  await dialog.getByLabel('이름', { exact: true }).fill(name);
  await dialog.getByLabel('설명', { exact: true }).fill('guide step 10');
  await dialog.getByLabel('Network(Subnet)', { exact: true }).selectOption({ label: '[Default Network]192.168.0.0/24' });
  await dialog.getByRole('button', { name: '다음' }).click();

  await expect(stepHeading(dialog, STEP_TITLES.listener)).toBeVisible();
  await dialog.getByLabel('Load Balancing 방식', { exact: true }).selectOption('ROUND_ROBIN');
  await dialog.getByLabel('프로토콜', { exact: true }).selectOption('HTTP');
  await dialog.getByLabel('Load Balancer Port', { exact: true }).fill('80');
  await dialog.getByLabel('Instance Port', { exact: true }).fill('80');
  await dialog.getByRole('button', { name: '다음' }).click();
}

/** `[+]` beside each instance in "서브넷의 Instance". */
async function addMembers(dialog: Locator, names: string[]) {
  await expect(stepHeading(dialog, STEP_TITLES.instances)).toBeVisible();
  const available = dialog.getByRole('table', { name: '서브넷의 Instance' });
  for (const name of names) {
    const plus = available.getByRole('row').filter({ has: dialog.page().getByRole('cell', { name, exact: true }) }).getByRole('button', { name: '+', exact: true });
    await expect(plus).toHaveAttribute('title', `${name} 추가`);
    await plus.click();
  }
  const chosen = dialog.getByRole('table', { name: `추가된 Instance (${names.length})` });
  for (const name of names) await expect(chosen.getByRole('cell', { name, exact: true })).toBeVisible();
}

// --- Step 10 -------------------------------------------------------------------------------------------

test('step 10: the wizard builds the guide\'s load balancer, [Floating IP 연결] exposes it, and it is ACTIVE with both members ONLINE', async ({ page, baseURL }) => {
  const { api, base, projectId, computeUrl } = await computeProject(baseURL!);
  const { instances } = await webServers(page, api, base, projectId, unique('web'));
  const members = instances.map((instance) => instance.name);
  const name = unique('web-lb');

  await page.goto(computeUrl('load-balancers'));
  await page.getByRole('button', { name: '+ Load Balancer 생성' }).first().click();
  const dialog = wizardDialog(page);
  await fillDefinitionAndListener(dialog, name);
  await addMembers(dialog, members);
  await dialog.getByRole('button', { name: '다음' }).click();

  // Health check: [Health Port] 80 (the instance port), the default timing.
  await expect(stepHeading(dialog, STEP_TITLES.health)).toBeVisible();
  await expect(dialog.getByLabel('Health Port', { exact: true })).toHaveValue('80');
  await expect(dialog.getByLabel('주기(초)', { exact: true })).toHaveValue(String(DEFAULT_INTERVAL_S));
  await expect(dialog.getByLabel('타임아웃(초)', { exact: true })).toHaveValue(String(DEFAULT_TIMEOUT_S));
  await expect(dialog.getByLabel('최대 재시도 횟수', { exact: true })).toHaveValue(String(DEFAULT_RETRIES));
  await dialog.getByRole('button', { name: '다음' }).click();

  // Advanced connection options with the summary, then [추가].
  await expect(stepHeading(dialog, STEP_TITLES.connection)).toBeVisible();
  const summary = dialog.getByRole('region', { name: '요약' });
  await expect(summary).toContainText('ROUND_ROBIN');
  await expect(summary).toContainText('HTTP 80 → 80');
  for (const member of members) await expect(summary).toContainText(`${member} (가중치 1)`);
  await expect(summary).toContainText(`TCP 포트 80 · 주기 ${DEFAULT_INTERVAL_S}초, 타임아웃 ${DEFAULT_TIMEOUT_S}초, 재시도 ${DEFAULT_RETRIES}회`);
  await dialog.getByRole('button', { name: '추가', exact: true }).click();
  await expect(dialog).toHaveCount(0);

  // The list shows it; it becomes ACTIVE and ONLINE with both members.
  const row = lbRow(page, name);
  await expect(badge(row, 'ACTIVE')).toBeVisible();
  await expect(badge(row, 'ONLINE')).toBeVisible();
  await expect(await cellUnder(lbTable(page), row, 'ONLINE 멤버')).toHaveText('2/2');
  await expect(await cellUnder(lbTable(page), row, '리스너')).toHaveText('HTTP 80 → 80');
  const vip = (await (await cellUnder(lbTable(page), row, 'IP 주소')).textContent())!.trim();
  expect(vip).toMatch(/^192\.168\.0\.\d+$/);
  const floatingIpCell = await cellUnder(lbTable(page), row, 'Floating IP');
  await expect(floatingIpCell).toHaveText('—');

  // [Floating IP 연결]: none is free, [+생성] one; [연결될 포트] is the load balancer's IP; [연결].
  await row.getByRole('button', { name: 'Floating IP 연결' }).click();
  const fip = page.getByRole('dialog', { name: 'Floating IP 연결' });
  await expect(fip.getByText('현재 사용 가능한 IP 주소가 없습니다.')).toBeVisible();
  await fip.getByRole('button', { name: '+생성' }).click();
  const ipSelect = fip.getByLabel('IP 주소', { exact: true });
  await expect(ipSelect).toBeVisible();
  const floatingIp = (await ipSelect.locator('option:checked').textContent())!.trim();
  expect(floatingIp).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  expect(floatingIp).not.toMatch(/^192\.168\./);
  await expect(fip.getByLabel('연결될 포트', { exact: true }).locator('option:checked')).toHaveText(`${vip} (${name})`);
  await fip.getByRole('button', { name: '연결', exact: true }).click();
  await expect(fip).toHaveCount(0);

  await expect(floatingIpCell).toHaveText(floatingIp);
  await expect(row.getByRole('button', { name: 'Floating IP 해제' })).toBeVisible();
  await expect(badge(row, 'ACTIVE')).toBeVisible();
  await expect(badge(row, 'ONLINE')).toBeVisible();

  // The detail page's Instance tab: both members ONLINE on port 80.
  await row.getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { name, exact: true })).toBeVisible();
  await expect(page.getByText(`${vip} · ${floatingIp}`, { exact: false })).toBeVisible();
  await page.getByRole('tab', { name: 'Instance', exact: true }).click();
  for (const instance of instances) {
    const member = memberRow(page, instance.name);
    await expect(member.getByRole('cell', { name: instance.privateIp!, exact: true })).toBeVisible();
    await expect(badge(member, 'ONLINE')).toBeVisible();
  }
});

test('a member whose instance shuts down goes OFFLINE and the load balancer DEGRADED; restarted with its web server, it is ONLINE again', async ({ page, baseURL }) => {
  // The cloud has other tenants: every project's Default Network is 192.168.0.0/24, so another
  // project's instances hold the same private addresses as this one's. They must not matter.
  const neighbour = await computeProject(baseURL!);
  await activeInstances(neighbour.api, neighbour.base, unique('neighbour'), 2);

  const { api, base, projectId, computeUrl } = await computeProject(baseURL!);
  const [first, second] = await activeInstances(api, base, unique('web'), 2, CENTOS_7);
  await allowTcpFromAnywhere(api, base, 80);
  const lb = await createLoadBalancer(api, base, unique('web-lb'), [first!, second!]);
  // Nothing listens on port 80 yet: the checks fail and the members go OFFLINE. Once the guide's
  // web servers run, the checks pass and they come back: the health is the probes', not the start value.
  const health = (status: string) => [first!, second!].map((instance) => `${instance.name}: ${status}`).sort();
  await expect.poll(() => memberHealth(api, base, lb.id), { timeout: HEALTH_FLIP_TIMEOUT_MS }).toEqual(health('OFFLINE'));
  await signInAs(page, api);
  const shells = await page.context().newPage();
  for (const instance of [first!, second!]) await startWebServer(shells, projectId, instance);
  await expect
    .poll(() => memberHealth(api, base, lb.id), { message: 'members pass their health checks once their web servers run', timeout: HEALTH_FLIP_TIMEOUT_MS })
    .toEqual(health('ONLINE'));

  await page.goto(computeUrl(`load-balancers/${lb.id}?tab=instances`));
  await expect(page.getByRole('heading', { name: lb.name, exact: true })).toBeVisible();
  await expect(page.getByText(`헬스 체크가 ${DEFAULT_INTERVAL_S}초마다 실행됩니다. ${DEFAULT_RETRIES}번 연속 실패하면 OFFLINE`, { exact: false })).toBeVisible();
  const down = memberRow(page, first!.name);
  const up = memberRow(page, second!.name);
  await expect(badge(down, 'ONLINE')).toBeVisible();
  await expect(badge(up, 'ONLINE')).toBeVisible();
  await expect(badge(page.locator('main'), 'DEGRADED')).toHaveCount(0);

  // The first member's instance shuts down (through the API): its checks fail until it is OFFLINE.
  await powerAction(api, base, first!.id, 'stop', 'SHUTOFF');
  await expect(badge(down, 'SHUTOFF')).toBeVisible();
  await expect(badge(down, 'OFFLINE')).toBeVisible({ timeout: HEALTH_FLIP_TIMEOUT_MS });
  await expect(badge(up, 'ONLINE')).toBeVisible();
  await expect(badge(page.locator('main'), 'DEGRADED')).toBeVisible();

  // Started again, with its web server (a shutdown ended it): it passes its checks and the load balancer is whole.
  await powerAction(api, base, first!.id, 'start', 'ACTIVE');
  await expect(badge(down, 'ACTIVE')).toBeVisible();
  await startWebServer(shells, projectId, first!);
  await expect(badge(down, 'ONLINE')).toBeVisible({ timeout: HEALTH_FLIP_TIMEOUT_MS });
  await expect(badge(up, 'ONLINE')).toBeVisible();
  await expect(badge(page.locator('main'), 'DEGRADED')).toHaveCount(0);
  await expect(badge(page.locator('main'), 'ONLINE')).toHaveCount(3);
});

test('the wizard refuses a health check timeout longer than the interval: the error shows beside it and [다음] stays', async ({ page, baseURL }) => {
  const { api, base, computeUrl } = await computeProject(baseURL!);
  const [instance] = await activeInstances(api, base, unique('web'));

  await signInAs(page, api);
  await page.goto(computeUrl('load-balancers'));
  await page.getByRole('button', { name: '+ Load Balancer 생성' }).first().click();
  const dialog = wizardDialog(page);
  await fillDefinitionAndListener(dialog, unique('web-lb'));
  await addMembers(dialog, [instance!.name]);
  await dialog.getByRole('button', { name: '다음' }).click();

  await expect(stepHeading(dialog, STEP_TITLES.health)).toBeVisible();
  const interval = dialog.getByLabel('주기(초)', { exact: true });
  const timeout = dialog.getByLabel('타임아웃(초)', { exact: true });
  await interval.fill('5');
  await timeout.fill('10');
  await dialog.getByRole('button', { name: '다음' }).click();

  await expect(timeout).toHaveAttribute('aria-invalid', 'true');
  await expect(timeout).toHaveAccessibleDescription('타임아웃은 주기보다 길 수 없습니다');
  await expect(interval).toHaveAttribute('aria-invalid', 'false');
  await expect(stepHeading(dialog, STEP_TITLES.health)).toBeVisible();
  await expect(stepHeading(dialog, STEP_TITLES.connection)).toHaveCount(0);

  // A timeout within the interval is accepted and the wizard moves on.
  await timeout.fill('4');
  await dialog.getByRole('button', { name: '다음' }).click();
  await expect(stepHeading(dialog, STEP_TITLES.connection)).toBeVisible();
  await expect(dialog.getByRole('region', { name: '요약' })).toContainText(`주기 5초, 타임아웃 4초, 재시도 ${DEFAULT_RETRIES}회`);
});
