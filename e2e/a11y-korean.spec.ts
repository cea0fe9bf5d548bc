import { expect, test, type Page } from '@playwright/test';
import { activeInstances, computeProject, powerAction, signInAs, ZONE, type Api } from './support/arrange.ts';
import { unique } from './support/fixtures.ts';

// With 한국어 selected, what the server refuses reads in Korean (the API's messageCode and params
// through the console's catalogue), and dates read the Korean way. Each refusal is one the console
// would not offer on a fresh screen, so the screen is kept stale: live events are cut off and the
// change is made through the API behind its back (as another user or another tab would).

test.use({ viewport: { width: 1600, height: 900 } });

async function staleConsole(page: Page, api: Api) {
  await page.route('**/api/events', (route) => route.abort());
  await signInAs(page, api);
  await page.addInitScript(() => localStorage.setItem('sandcloud.language', 'ko'));
}

const errorToast = (page: Page) => page.getByRole('alert').last();

test('starting an instance that another tab already started reads in Korean', async ({ page, baseURL }) => {
  const { api, base, computeUrl } = await computeProject(baseURL!);
  const name = unique('web');
  const [instance] = await activeInstances(api, base, name);
  await powerAction(api, base, instance!.id, 'stop', 'SHUTOFF');
  await staleConsole(page, api);
  await page.goto(computeUrl());
  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row.getByText('SHUTOFF')).toBeVisible();

  await powerAction(api, base, instance!.id, 'start', 'ACTIVE');
  await row.getByRole('button', { name: `${name} 추가기능` }).click();
  await page.getByRole('menuitem', { name: 'Instance 시작' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Instance 시작' }).click();
  await expect(errorToast(page)).toHaveText(`${name} 인스턴스는 ACTIVE 상태라 시작할 수 없습니다.`);
});

test('attaching a volume that is already in use, and deleting a security group in use, read in Korean', async ({ page, baseURL }) => {
  const { api, base, computeUrl } = await computeProject(baseURL!);
  const [web, db] = await activeInstances(api, base, unique('web'), 2);
  const volumeName = unique('data');
  const volume = await api.post<{ id: string }>(`${base}/volumes`, { name: volumeName, sizeGb: 10, volumeType: 'HDD', zone: ZONE });
  await expect.poll(async () => (await api.get<{ status: string }>(`${base}/volumes/${volume.id}`)).status).toBe('available');
  const groupName = unique('sg');
  const group = await api.post<{ id: string }>(`${base}/security-groups`, { name: groupName });
  await staleConsole(page, api);

  // Block storage: the list still shows the volume available when another tab attaches it.
  await page.goto(computeUrl('block-storage'));
  const volumeRow = page.getByRole('row').filter({ hasText: volumeName });
  await expect(volumeRow.getByText('사용 가능', { exact: true })).toBeVisible();
  await api.post(`${base}/volumes/${volume.id}/attach`, { instanceId: web!.id });
  await expect.poll(async () => (await api.get<{ status: string }>(`${base}/volumes/${volume.id}`)).status).toBe('in-use');
  await volumeRow.getByRole('radio', { name: `${volumeName} 선택` }).check();
  await page.getByRole('button', { name: '연결관리', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Block Storage 연결 관리' });
  await dialog.getByLabel('Instance에 연결', { exact: true }).selectOption({ label: db!.name });
  await dialog.getByRole('button', { name: 'Instance에 연결' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(
    `${volumeName} 블록 스토리지는 이미 ${web!.name} 인스턴스에 /dev/vdb(으)로 연결되어 있습니다. 블록 스토리지는 한 번에 하나의 인스턴스에만 연결됩니다.`,
  );
  await page.keyboard.press('Escape');

  // Security groups: the list shows the group unused when another tab gives it to an instance.
  await page.goto(computeUrl('security-groups'));
  const groupRow = page.getByRole('row').filter({ hasText: groupName });
  await expect(groupRow).toBeVisible();
  await api.put(`${base}/instances/${web!.id}/security-groups`, { securityGroupIds: [group.id] });
  await groupRow.getByRole('button', { name: '삭제' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '삭제' }).click();
  await expect(errorToast(page)).toHaveText(`${groupName} 보안 그룹을 포트 1개가 사용하고 있습니다. 먼저 포트에서 제거하세요.`);
});

test('dates read the Korean way in Korean and the English way in English', async ({ page, baseURL }) => {
  const { api, base, computeUrl } = await computeProject(baseURL!);
  const [instance] = await activeInstances(api, base, unique('web'));
  await signInAs(page, api);
  await page.addInitScript(() => localStorage.setItem('sandcloud.language', 'ko'));
  await page.goto(computeUrl(`instances/${instance!.id}`));
  const created = page.getByRole('definition').filter({ hasText: /^\d{4}\. \d{1,2}\. \d{1,2}\. (오전|오후) \d{1,2}:\d{2}:\d{2}$/ });
  await expect(created.first()).toBeVisible();

  await page.getByRole('tab', { name: '이력' }).click();
  await expect(page.locator('time').first()).toHaveText(/^(\d+(초|분|시간) 전|지금)$/);

  // English chosen in the header: the same moment, the English way.
  await page.getByRole('combobox', { name: '언어' }).selectOption('en');
  await page.getByRole('tab', { name: 'Details' }).click();
  await expect(page.getByRole('definition').filter({ hasText: /^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}:\d{2}\s?(AM|PM)$/ }).first()).toBeVisible();

  // The choice is saved for the user (shared by the suite's other tests): back to 한국어.
  const saved = page.waitForResponse((response) => response.url().endsWith('/api/me') && response.request().method() === 'PATCH');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
  expect((await saved).ok()).toBe(true);
});
