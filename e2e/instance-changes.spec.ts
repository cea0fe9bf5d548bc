import { expect, test, type Page } from '@playwright/test';
import { activeInstances, associatedFloatingIp, CENTOS_7, computeProject, FLAVOR, importKeyPair, runInGuest, signInAs, type Api, type InstanceDto } from './support/arrange.ts';
import { unique } from './support/fixtures.ts';

// Issue 18 item 2: rename / description and metadata of an instance, from the list's and the
// detail page's actions; item 3 (first part): a user data script from the launch wizard, run by the
// guest on its first boot. Each test gets its own project.

test.use({ viewport: { width: 1600, height: 900 } });

const instanceRow = (page: Page, name: string) =>
  page.getByRole('table', { name: 'Instance' }).getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });

/** PATCH through the API session (another user or the OpenStack API changing the instance). */
async function apiPatch(api: Api, path: string, data: object) {
  const { csrfToken } = await api.get<{ csrfToken: string }>('/auth/session');
  const response = await api.context.patch(`/api${path}`, { data, headers: { 'X-CSRF-Token': csrfToken } });
  expect(response.status(), `PATCH ${path}: ${await response.text()}`).toBe(200);
}

test('이름 변경 renames from the row menu, a bad name shows its error beside the field, and a rename elsewhere shows live', async ({ page, baseURL }) => {
  const { api, base, computeUrl } = await computeProject(baseURL!);
  const name = unique('web');
  const [instance] = await activeInstances(api, base, name);

  await signInAs(page, api);
  await page.goto(computeUrl());
  const button = instanceRow(page, name).getByRole('button', { name: `${name} 추가기능` });
  await expect(button).toBeInViewport({ ratio: 1 });
  await button.click();
  await page.getByRole('menu', { name: `${name} 추가기능` }).getByRole('menuitem', { name: '이름 변경' }).click();

  const dialog = page.getByRole('dialog', { name: `이름 변경 — ${name}` });
  const nameField = dialog.getByLabel('이름', { exact: true });
  await expect(nameField).toHaveValue(name);
  await expect(nameField).toHaveAccessibleDescription('게스트의 호스트 이름(hostname)은 바뀌지 않습니다.');
  await nameField.fill('bad name!');
  await dialog.getByRole('button', { name: '저장' }).click();
  await expect(nameField).toHaveAccessibleDescription('영문, 숫자, ".", "_", "-"만 쓸 수 있고 영문이나 숫자로 시작해야 합니다');
  expect((await api.get<{ name: string }>(`${base}/instances/${instance!.id}`)).name).toBe(name);

  const renamed = unique('api');
  await nameField.fill(renamed);
  await dialog.getByLabel('설명').fill('the API server');
  await dialog.getByRole('button', { name: '저장' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText(`Instance ${renamed}의 정보를 변경했습니다`)).toBeVisible();
  await expect(instanceRow(page, renamed)).toHaveCount(1);
  await expect(instanceRow(page, name)).toHaveCount(0);
  expect(await api.get<{ name: string; description: string }>(`${base}/instances/${instance!.id}`)).toMatchObject({ name: renamed, description: 'the API server' });

  // Someone else renames it (the API): the open list follows without a reload.
  const again = unique('db');
  await apiPatch(api, `${base}/instances/${instance!.id}`, { name: again });
  await expect(instanceRow(page, again)).toHaveCount(1);
  await expect(instanceRow(page, renamed)).toHaveCount(0);
});

test('the detail page shows the description and keeps metadata: add, refuse a bad key beside the field, remove', async ({ page, baseURL }) => {
  const { api, base, computeUrl } = await computeProject(baseURL!);
  const name = unique('web');
  const [instance] = await activeInstances(api, base, name);
  await apiPatch(api, `${base}/instances/${instance!.id}`, { description: 'front end' });

  await signInAs(page, api);
  await page.goto(computeUrl());
  await instanceRow(page, name).getByRole('link', { name, exact: true }).click();
  await expect(page.getByText('front end', { exact: true })).toBeVisible();
  await expect(page.getByText('메타데이터가 없습니다')).toBeVisible();

  const keyField = page.getByLabel('키', { exact: true });
  const valueField = page.getByLabel('값', { exact: true });
  const add = page.getByRole('button', { name: '추가', exact: true });
  await keyField.fill('bad/key');
  await valueField.fill('x');
  await add.click();
  await expect(keyField).toHaveAccessibleDescription('영문, 숫자, 공백과 - _ : . 만 쓸 수 있습니다');

  await keyField.fill('env');
  await valueField.fill('prod');
  await add.click();
  const table = page.getByRole('table', { name: '메타데이터' });
  await expect(table.getByRole('row').filter({ hasText: 'env' })).toContainText('prod');
  await expect(keyField).toHaveValue('');
  await keyField.fill('team');
  await valueField.fill('core');
  await add.click();
  await expect(table.getByRole('row').filter({ hasText: 'team' })).toContainText('core');
  await expect.poll(async () => (await api.get<{ metadata: object }>(`${base}/instances/${instance!.id}`)).metadata).toEqual({ env: 'prod', team: 'core' });

  await table.getByRole('button', { name: 'env 삭제' }).click();
  await expect(table.getByRole('row').filter({ hasText: 'env' })).toHaveCount(0);
  await expect.poll(async () => (await api.get<{ metadata: object }>(`${base}/instances/${instance!.id}`)).metadata).toEqual({ team: 'core' });
});

test('the wizard takes a user data script that the guest runs as root on its first boot', async ({ page, context, baseURL }) => {
  const { api, base, projectId, computeUrl } = await computeProject(baseURL!);
  const name = unique('web');
  await importKeyPair(api, base, unique('key'));

  await signInAs(page, api);
  await page.goto(computeUrl());
  await page.getByRole('button', { name: '+ Instance 생성' }).first().click();
  // CentOS 7.9, the guide's image (runInGuest waits for its `[root@host ~]#` prompt).
  await page.getByRole('radio', { name: /CentOS 7\.9/ }).click();
  await page.getByRole('button', { name: '다음' }).click();
  await page.getByLabel('이름', { exact: true }).fill(name);
  await page.getByRole('radio', { name: FLAVOR, exact: true }).check();
  await page.getByRole('button', { name: '다음' }).click();

  const script = page.getByLabel('사용자 스크립트', { exact: true });
  await expect(script).toHaveAccessibleDescription(
    '첫 부팅 때 root로 실행됩니다 (#!/bin/bash 스크립트 또는 #cloud-config의 packages, write_files, runcmd, 최대 64 KiB). 출력은 /var/log/cloud-init-output.log와 콘솔 로그에 남습니다.',
  );
  await script.fill('#!/bin/bash\necho "user data ran as $(whoami)"');
  await page.getByRole('button', { name: '다음' }).click();
  await page.getByRole('button', { name: '다음' }).click();
  await expect(page.getByRole('heading', { name: '생성할 Instance 확인' })).toBeVisible();
  await page.getByRole('button', { name: 'Instance 생성', exact: true }).click();
  await expect(page).toHaveURL(/\/compute\/instances$/);

  let instance: InstanceDto | undefined;
  await expect
    .poll(async () => {
      instance = (await api.get<{ items: InstanceDto[] }>(`${base}/instances`)).items.find((i) => i.name === name);
      return instance?.status;
    })
    .toBe('ACTIVE');
  const shell = await context.newPage();
  // Resolves once the log shows the script's output (the script's text itself says `$(whoami)`).
  await runInGuest(shell, projectId, instance!, 'cat /var/log/cloud-init-output.log', 'user data ran as root');
});

/** The detail page's `[추가기능]` menu item `label` of instance `name`. */
async function detailMenu(page: Page, name: string, label: string) {
  await page.getByRole('button', { name: `${name} 추가기능` }).click();
  await page.getByRole('menu', { name: `${name} 추가기능` }).getByRole('menuitem', { name: label }).click();
}

test('Flavor 변경 (resize): the same flavor is refused beside the field; a new one waits in VERIFY_RESIZE, is confirmed, and nproc follows in the guest', async ({ page, context, baseURL }) => {
  const { api, base, projectId, computeUrl } = await computeProject(baseURL!);
  const name = unique('web');
  const [instance] = await activeInstances(api, base, name, 1, CENTOS_7);
  await signInAs(page, api);
  const shell = await context.newPage();
  await runInGuest(shell, projectId, instance!, 'echo cpus=$(nproc)', 'cpus=1');

  await page.goto(computeUrl(`instances/${instance!.id}`));
  await detailMenu(page, name, 'Flavor 변경');
  const dialog = page.getByRole('dialog', { name: `${name}의 Flavor 변경` });
  const flavor = dialog.getByLabel('Flavor', { exact: true });
  await expect(flavor).toHaveValue(FLAVOR);
  await dialog.getByRole('button', { name: 'Flavor 변경' }).click();
  await expect(flavor).toHaveAccessibleDescription(/m2\.c1m2은\(는\) 지금 Flavor입니다\. 다른 Flavor를 고르세요/);
  expect(await api.get<{ status: string; flavorId: string }>(`${base}/instances/${instance!.id}`)).toMatchObject({ status: 'ACTIVE', flavorId: FLAVOR });

  await flavor.selectOption('m2.c2m4');
  await dialog.getByRole('button', { name: 'Flavor 변경' }).click();
  await expect(dialog).toHaveCount(0);
  const banner = page.getByRole('note').filter({ hasText: 'Flavor 변경 확인 대기 (VERIFY_RESIZE)' });
  await expect(banner).toContainText('m2.c1m2 → m2.c2m4로 변경되었습니다');
  await banner.getByRole('button', { name: '변경 확정' }).click();
  await expect(banner).toHaveCount(0);
  await expect.poll(async () => api.get<{ status: string; flavorId: string; vcpus: number }>(`${base}/instances/${instance!.id}`)).toMatchObject({ status: 'ACTIVE', flavorId: 'm2.c2m4', vcpus: 2 });

  const after = await context.newPage();
  await runInGuest(after, projectId, instance!, 'echo cpus=$(nproc)', 'cpus=2');
});

test('Instance 재구성 (rebuild): another image on a fresh disk, the private and floating IP stay', async ({ page, context, baseURL }) => {
  const { api, base, projectId, computeUrl } = await computeProject(baseURL!);
  const name = unique('web');
  const [instance] = await activeInstances(api, base, name, 1, CENTOS_7);
  const floatingIp = await associatedFloatingIp(api, base, instance!.portId!);
  await signInAs(page, api);
  const shell = await context.newPage();
  await runInGuest(shell, projectId, instance!, 'echo old > /root/old.txt; sync; echo written', 'written');

  await page.goto(computeUrl(`instances/${instance!.id}`));
  await detailMenu(page, name, 'Instance 재구성');
  const dialog = page.getByRole('dialog', { name: `${name} 재구성` });
  await expect(dialog.getByRole('note')).toContainText('Root 디스크의 파일은 모두 사라집니다');
  await dialog.getByLabel('Image', { exact: true }).selectOption({ label: 'Rocky Linux 9.4 (2024.06)' });
  await dialog.getByRole('button', { name: 'Instance 재구성' }).click();
  await expect(dialog).toHaveCount(0);
  await expect
    .poll(async () => api.get<InstanceDto & { imageName: string; floatingIp: string | null }>(`${base}/instances/${instance!.id}`))
    .toMatchObject({ id: instance!.id, name, status: 'ACTIVE', taskState: null, imageName: 'Rocky Linux 9.4 (2024.06)', privateIp: instance!.privateIp, floatingIp: floatingIp.address });

  const after = await context.newPage();
  // The old root disk is gone (its file with it); the new one is Rocky's, reached by the same key.
  await runInGuest(after, projectId, instance!, 'ls /root/old.txt 2>/dev/null || echo "gone on $(grep ^ID= /etc/os-release)"', 'gone on ID="rocky"');
});
