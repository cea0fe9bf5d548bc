import { expect, test, type Page } from '@playwright/test';
import { activeInstances, computeProject, defaultNetwork, signInAs, FLAVOR, UBUNTU_2204, ZONE, type Api } from './support/arrange.ts';
import { apiAs, unique } from './support/fixtures.ts';

// Issue 18.4 and 18.5 in the browser: an administrator lowers a project's instance quota on the
// project overview, the launch wizard (and the API) refuse the next instance naming the limit, and
// the project's activity log lists those changes with the user who made each.

test.use({ viewport: { width: 1600, height: 900 }, actionTimeout: 15_000 });
test.describe.configure({ timeout: 120_000 });

/** A member `kim-…` of the project, with an API client of their own. */
async function memberOf(admin: Api, baseURL: string, projectId: string) {
  const username = unique('kim');
  const password = 'kim-e2e-password';
  await admin.post('/users', { username, password });
  await admin.put(`/projects/${projectId}/members`, { username, role: 'member' });
  return { username, api: await apiAs(baseURL, username, password) };
}

const quotaDialog = (page: Page) => page.getByRole('dialog', { name: '프로젝트 할당량 변경' });

test('a quota lowered by the administrator blocks the next launch with a message, and the activity log names who did what', async ({ page, baseURL }) => {
  const { api, base, projectId, computeUrl } = await computeProject(baseURL!);
  const kim = await memberOf(api, baseURL!, projectId);
  // kim launches the project's one instance through the API.
  const [web] = await activeInstances(kim.api, base, unique('web'));

  await signInAs(page, api);
  await page.goto(base);
  const usage = page.getByRole('region', { name: '할당량 사용 현황' });
  await expect(usage.getByTestId('quota-instances')).toHaveText('1 / 10');

  // Below what is used: refused beside the field, nothing changes.
  await usage.getByRole('button', { name: '할당량 변경' }).click();
  await quotaDialog(page).getByLabel('인스턴스', { exact: true }).fill('0');
  await quotaDialog(page).getByRole('button', { name: '저장' }).click();
  await expect(quotaDialog(page).getByText('현재 사용량(1)보다 작게 설정할 수 없습니다')).toBeVisible();
  await quotaDialog(page).getByLabel('인스턴스', { exact: true }).fill('1');
  await quotaDialog(page).getByRole('button', { name: '저장' }).click();
  await expect(quotaDialog(page)).toBeHidden();
  await expect(usage.getByTestId('quota-instances')).toHaveText('1 / 1');
  await expect(usage.getByRole('meter', { name: '인스턴스' })).toHaveAttribute('aria-valuemax', '1');

  // The wizard's quota panel reads the same numbers and refuses the count beside its field.
  await page.goto(computeUrl('instances/new'));
  await page.getByRole('radio', { name: /Ubuntu Server 22\.04/ }).click();
  await page.getByRole('button', { name: '다음' }).click();
  await page.getByLabel('이름', { exact: true }).fill(unique('one-more'));
  await page.getByRole('radio', { name: FLAVOR, exact: true }).check();
  await expect(page.getByRole('region', { name: '남은 할당량' }).locator('[data-quota="instances"]')).toContainText('0 남음 / 한도 1');
  await page.getByRole('button', { name: '다음' }).click();
  await expect(page.getByText('인스턴스 할당량(1개)을 초과합니다: 1개 필요, 0개 남음')).toBeVisible();

  // The API refuses it as well, naming the limit; the refusal is kim's line in the log.
  const refused = await kim.api.context.post(`/api${base}/instances`, {
    headers: { 'X-CSRF-Token': await csrfOf(kim.api) },
    data: {
      name: unique('api-more'),
      imageId: UBUNTU_2204,
      flavorId: FLAVOR,
      zone: ZONE,
      rootDiskGb: 20,
      count: 1,
      keyName: (await kim.api.get<{ items: { name: string }[] }>(`${base}/key-pairs`)).items[0]!.name,
      securityGroupIds: (await kim.api.get<{ items: { id: string; name: string }[] }>(`${base}/security-groups`)).items.filter((g) => g.name === 'default').map((g) => g.id),
      networkId: (await defaultNetwork(kim.api, base)).id,
    },
  });
  expect(refused.status()).toBe(409);
  expect(((await refused.json()) as { error: { message: string } }).error.message).toBe('Quota exceeded for instances (limit 1): this needs 1, but only 0 of 1 are left');

  // 활동 로그: kim's launch (done) and refusal (failed, with the reason), the administrator's quota change.
  await page.goto(computeUrl('activity'));
  const log = page.getByRole('table', { name: '활동 로그' });
  // (The instance's port, `<name>-port`, is a line of its own: the row of kind 인스턴스 is the launch.)
  const launch = log.getByRole('row').filter({ hasText: web!.name }).filter({ hasText: '인스턴스' });
  await expect(launch).toContainText(kim.username);
  await expect(launch).toContainText('create');
  await expect(launch).toContainText('완료');
  const failure = log.getByRole('row').filter({ hasText: 'Quota exceeded for instances (limit 1)' });
  await expect(failure).toContainText(kim.username);
  await expect(failure).toContainText('실패');
  const quotaChange = log.getByRole('row').filter({ hasText: '할당량' });
  await expect(quotaChange.first()).toContainText('admin');

  // Filters run on the server: by user, and by resource kind.
  await page.getByRole('textbox', { name: '사용자', exact: true }).fill(kim.username);
  await expect(log.getByRole('row').filter({ hasText: 'admin' })).toHaveCount(0);
  await expect(log.getByRole('row').filter({ hasText: web!.name }).filter({ hasText: '인스턴스' })).toBeVisible();
  await page.getByLabel('리소스 종류').selectOption('quota');
  await expect(page.getByText('조건에 맞는 활동이 없습니다.')).toBeVisible();

  // The instance's own Activity tab.
  await page.goto(`${computeUrl('instances')}/${web!.id}?tab=activity`);
  await expect(page.getByRole('table', { name: '활동 로그' }).getByRole('row').filter({ hasText: kim.username })).toContainText('create');
});

async function csrfOf(api: Api): Promise<string> {
  const session = (await (await api.context.get('/api/auth/session')).json()) as { csrfToken: string };
  return session.csrfToken;
}
