import { expect, test, type Locator, type Page } from '@playwright/test';
import { activeInstances, allowTcpFromAnywhere, computeProject, importKeyPair, instanceStatus, signInAs } from './support/arrange.ts';
import { unique } from './support/fixtures.ts';

// Issue 17 item 1: the shared data table. The view (sort, search, filters, page) is in the URL and
// answered by the server; checked rows feed the bulk actions. Each test gets its own project.

test.use({ viewport: { width: 1600, height: 900 } });

const instanceTable = (page: Page) => page.getByRole('table', { name: 'Instance' });
/** The names in the instance list, top to bottom. */
const listedNames = (page: Page) => instanceTable(page).locator('tbody tr[data-instance]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-instance')));

test('a shared link sorts, searches and filters the instance list on the server, and header clicks write the URL', async ({ page, baseURL }) => {
  const { api, base, computeUrl } = await computeProject(baseURL!);
  const prefix = unique('tbl');
  const instances = await activeInstances(api, base, prefix, 3);
  const [first, second, third] = instances.map((instance) => instance.name) as [string, string, string];
  await api.post(`${base}/instances/${instances[1]!.id}/actions`, { action: 'stop' });
  await expect.poll(() => instanceStatus(api, base, instances[1]!.id)).toBe('SHUTOFF');

  await signInAs(page, api);
  await page.goto(`${computeUrl()}?sort=name&order=desc`);
  await expect.poll(() => listedNames(page)).toEqual([third, second, first]);
  await expect(instanceTable(page).getByRole('columnheader', { name: '이름' })).toHaveAttribute('aria-sort', 'descending');
  await expect(page.getByText('1–3 / 전체 3개')).toBeVisible();

  // The header cycles to the list's own order, and the URL follows.
  await instanceTable(page).getByRole('columnheader', { name: '이름' }).getByRole('button').click();
  await expect(page).not.toHaveURL(/sort=/);
  await instanceTable(page).getByRole('columnheader', { name: '이름' }).getByRole('button').click();
  await expect(page).toHaveURL(/[?&]sort=name(&|$)/);
  await expect.poll(() => listedNames(page)).toEqual([first, second, third]);

  await page.goto(`${computeUrl()}?status=SHUTOFF`);
  await expect.poll(() => listedNames(page)).toEqual([second]);
  await expect(page.getByRole('combobox', { name: '상태로 거르기' })).toHaveValue('SHUTOFF');
  await expect(page.getByText('1–1 / 전체 1개')).toBeVisible();

  await page.goto(`${computeUrl()}?q=${third}`);
  await expect.poll(() => listedNames(page)).toEqual([third]);
  await expect(page.getByRole('searchbox', { name: '이름으로 검색' })).toHaveValue(third);

  await page.goto(`${computeUrl()}?q=no-such-instance`);
  await expect(page.getByText('조건에 맞는 항목이 없습니다. 검색어나 필터를 바꿔 보세요.')).toBeVisible();
  await page.getByRole('button', { name: '필터 지우기' }).click();
  await expect(page).not.toHaveURL(/[?&]q=/);
  await expect.poll(async () => (await listedNames(page)).sort()).toEqual([first, second, third]);
});

test('bulk Shutdown stops the two checked instances and leaves the third running', async ({ page, baseURL }) => {
  const { api, base, computeUrl } = await computeProject(baseURL!);
  const instances = await activeInstances(api, base, unique('bulk'), 3);
  const [first, second, third] = instances as [(typeof instances)[0], (typeof instances)[0], (typeof instances)[0]];

  await signInAs(page, api);
  await page.goto(computeUrl());
  await instanceTable(page).getByRole('checkbox', { name: `${first.name} 선택` }).check();
  await instanceTable(page).getByRole('checkbox', { name: `${third.name} 선택` }).check();
  await expect(page.getByText('2개 선택됨')).toBeVisible();
  await page.getByRole('button', { name: 'Shutdown', exact: true }).click();

  const dialog = page.getByRole('dialog', { name: 'Instance Shutdown' });
  await expect(dialog).toContainText('Instance 2개를 종료(Shutdown)합니다.');
  await dialog.getByRole('button', { name: 'Shutdown', exact: true }).click();
  await expect(page.getByText('Instance 2개: Shutdown 요청을 보냈습니다')).toBeVisible();

  await expect.poll(() => instanceStatus(api, base, first.id)).toBe('SHUTOFF');
  await expect.poll(() => instanceStatus(api, base, third.id)).toBe('SHUTOFF');
  expect(await instanceStatus(api, base, second.id)).toBe('ACTIVE');
  await expect(page.getByText('2개 선택됨')).toHaveCount(0);
});

/** Checks the first and the last of three rows, deletes them with one confirmation, and waits for its toast. */
async function deleteFirstAndLast(page: Page, table: Locator, names: readonly string[]) {
  await table.getByRole('checkbox', { name: `${names[0]} 선택` }).check();
  await table.getByRole('checkbox', { name: `${names[2]} 선택` }).check();
  await page.getByRole('button', { name: '선택 항목 삭제' }).click();
  const dialog = page.getByRole('dialog', { name: '2개 삭제' });
  await expect(dialog.getByRole('listitem')).toHaveText([names[0]!, names[2]!]);
  await dialog.getByRole('button', { name: '삭제', exact: true }).click();
  await expect(page.getByText('2개를 삭제했습니다.')).toBeVisible();
  await expect(dialog).toHaveCount(0);
}

test('two key pairs are deleted in one confirmation, the third stays', async ({ page, baseURL }) => {
  const { api, base, computeUrl } = await computeProject(baseURL!);
  const names = [unique('ka'), unique('kb'), unique('kc')];
  for (const name of names) await importKeyPair(api, base, name);

  await signInAs(page, api);
  await page.goto(computeUrl('key-pairs'));
  const table = page.getByRole('table', { name: 'Key Pairs' });
  await deleteFirstAndLast(page, table, names);

  await expect(table.getByRole('row').filter({ has: page.getByRole('cell', { name: names[1]!, exact: true }) })).toHaveCount(1);
  for (const gone of [names[0]!, names[2]!]) await expect(table.getByRole('cell', { name: gone, exact: true })).toHaveCount(0);
  const left = await api.get<{ items: { name: string }[] }>(`${base}/key-pairs`);
  expect(left.items.map((keyPair) => keyPair.name)).toEqual([names[1]]);
});

test('two volumes are deleted in one confirmation, the third stays', async ({ page, baseURL }) => {
  const { api, base, computeUrl } = await computeProject(baseURL!);
  const names = [unique('va'), unique('vb'), unique('vc')];
  for (const name of names) await api.post(`${base}/volumes`, { name, sizeGb: 10, volumeType: 'HDD', zone: 'kr-pub-a' });

  await signInAs(page, api);
  await page.goto(computeUrl('block-storage'));
  const table = page.getByRole('table', { name: 'Block Storage' });
  for (const name of names) await expect(table.getByRole('row').filter({ hasText: name }).getByText('사용 가능', { exact: true })).toBeVisible();
  await deleteFirstAndLast(page, table, names);
  await expect.poll(async () => (await api.get<{ items: { name: string }[] }>(`${base}/volumes`)).items.map((volume) => volume.name)).toEqual([names[1]]);
});

test("the wizard's image step searches on the server", async ({ page, baseURL }) => {
  const { api, computeUrl } = await computeProject(baseURL!);
  await signInAs(page, api);
  await page.goto(computeUrl('instances/new'));
  await expect(page.getByRole('radio', { name: /Ubuntu Server 22\.04/ })).toBeVisible();
  const searched = page.waitForRequest((request) => /\/images\?visibility=public&limit=500&q=ubuntu/.test(request.url()));
  await page.getByRole('searchbox', { name: '검색' }).fill('ubuntu');
  await searched;
  await expect(page.getByRole('radio', { name: /Ubuntu Server 22\.04/ })).toBeVisible();
  await expect(page.getByRole('radio', { name: /Rocky|CentOS|Debian|Windows/ })).toHaveCount(0);
  await page.getByRole('searchbox', { name: '검색' }).fill('no-such-image');
  await expect(page.getByText('조건에 맞는 항목이 없습니다. 검색어나 필터를 바꿔 보세요.')).toBeVisible();
});

test("the wizard's key pair picker searches on the server", async ({ page, baseURL }) => {
  const { api, base, computeUrl } = await computeProject(baseURL!);
  const [wanted, other] = [unique('kfind'), unique('kother')];
  await importKeyPair(api, base, wanted);
  await importKeyPair(api, base, other);
  await signInAs(page, api);
  await toAccessStep(page, computeUrl);

  const picker = page.getByLabel('Key Pair', { exact: true });
  await expect(picker.getByRole('option')).toHaveCount(3);
  const searched = page.waitForRequest((request) => request.url().includes(`/key-pairs?limit=500&q=${wanted}`));
  await page.getByRole('searchbox', { name: 'Key Pair 검색' }).fill(wanted);
  await searched;
  await expect(picker.getByRole('option')).toHaveText(['Key Pair 선택', new RegExp(`^${wanted} `)]);
});

test('two security group rules are deleted in one confirmation, the third stays', async ({ page, baseURL }) => {
  const { api, base, computeUrl } = await computeProject(baseURL!);
  for (const port of [22, 80, 443]) await allowTcpFromAnywhere(api, base, port);
  const groups = await api.get<{ items: { id: string; name: string }[] }>(`${base}/security-groups`);
  const group = groups.items.find((candidate) => candidate.name === 'default')!;

  await signInAs(page, api);
  await page.goto(computeUrl(`security-groups/${group.id}`));
  const rules = page.getByRole('table', { name: '규칙' });
  const summary = (port: number) => `Ingress IPv4 TCP ${port} from 0.0.0.0/0`;
  await rules.getByRole('checkbox', { name: `${summary(22)} 선택` }).check();
  await rules.getByRole('checkbox', { name: `${summary(443)} 선택` }).check();
  await page.getByRole('button', { name: '선택 항목 삭제' }).click();
  const dialog = page.getByRole('dialog', { name: '2개 삭제' });
  await expect(dialog.getByRole('listitem')).toHaveText([summary(22), summary(443)]);
  await dialog.getByRole('button', { name: '삭제', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await expect(rules.getByRole('row').filter({ hasText: 'TCP' })).toHaveText([new RegExp('TCP.*80')]);
});

test("the wizard's security group picker searches on the server and the summary names the chosen groups", async ({ page, baseURL }) => {
  const { api, base, computeUrl } = await computeProject(baseURL!);
  const wanted = unique('sgfind');
  await api.post(`${base}/security-groups`, { name: wanted, description: '' });
  await importKeyPair(api, base, unique('key'));
  await signInAs(page, api);
  await toAccessStep(page, computeUrl);

  await expect(page.getByRole('checkbox', { name: /^default/ })).toBeChecked();
  const searched = page.waitForRequest((request) => request.url().includes(`/security-groups?sort=name&limit=50&q=${wanted}`));
  await page.getByRole('searchbox', { name: 'Security Groups 검색' }).fill(wanted);
  await searched;
  // The match is offered, and the chosen default group stays listed (checked) above it.
  await page.getByRole('checkbox', { name: new RegExp(`^${wanted}`) }).check();
  await expect(page.getByRole('checkbox', { name: /^default/ })).toBeChecked();

  await page.getByRole('button', { name: '다음' }).click();
  await expect(page.getByRole('radio', { name: /Default Network/ })).toBeChecked();
  await page.getByRole('button', { name: '다음' }).click();
  await expect(page.getByRole('heading', { name: '생성할 Instance 확인' })).toBeVisible();
  await expect(page.getByText(`default, ${wanted}`, { exact: true })).toBeVisible();
});

/** The launch wizard from its start to the access step (key pair, security groups): an image, a name, a flavor. */
async function toAccessStep(page: Page, computeUrl: (path: string) => string) {
  await page.goto(computeUrl('instances/new'));
  await page.getByRole('radio', { name: /Ubuntu Server 22\.04/ }).click();
  await page.getByRole('button', { name: '다음' }).click();
  await page.getByLabel('이름', { exact: true }).fill(unique('web'));
  await page.getByRole('radio', { name: 'm2.c1m2', exact: true }).check();
  await page.getByRole('button', { name: '다음' }).click();
}
