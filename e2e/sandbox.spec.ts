import { expect, test } from '@playwright/test';
import { activeInstances, associatedFloatingIp, signInAs, type Api } from './support/arrange.ts';
import { activatedProject } from './support/fixtures.ts';

// Sandbox lifecycle on the project page: export the state, reset (the Default Network stays), import it back.

const total = async (api: Api, path: string) => (await api.get<{ total: number }>(path)).total;

test('export state, reset project after typing its name (instances and floating IPs gone, Default Network left), import the state back', async ({ page, baseURL }) => {
  const { api, projectId, name } = await activatedProject(baseURL!);
  const base = `/projects/${projectId}`;
  const [instance] = await activeInstances(api, base, 'web');
  await associatedFloatingIp(api, base, instance!.portId!);
  await signInAs(page, api);

  await page.goto(base);
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: /상태 내보내기|Export state/ }).click();
  const stateFile = await (await downloading).path();

  await page.getByRole('button', { name: /프로젝트 초기화|Reset project/ }).click();
  const dialog = page.getByRole('dialog');
  const confirm = dialog.getByRole('button', { name: /^(초기화|Reset)$/ });
  await expect(confirm).toBeDisabled();
  await dialog.getByRole('textbox').fill(name);
  await confirm.click();

  await expect(page.getByTestId('reset-progress')).toContainText(/초기화 완료|Reset complete/, { timeout: 15_000 });
  expect(await total(api, `${base}/instances`)).toBe(0);
  expect(await total(api, `${base}/floating-ips`)).toBe(0);
  const networks = await api.get<{ items: { name: string }[] }>(`${base}/networks`);
  expect(networks.items.map((network) => network.name)).toEqual(['Default Network']);

  // The exported state comes back into the empty project: the instance and its floating IP return.
  await page.getByLabel(/상태 가져오기|Import state/).setInputFiles(stateFile);
  await expect(page.getByTestId('import-result')).toContainText(/인스턴스 1개|1 instances/);
  await expect.poll(async () => (await api.get<{ items: { status: string }[] }>(`${base}/instances`)).items.map((i) => i.status), { timeout: 15_000 }).toEqual(['ACTIVE']);
  await expect.poll(async () => (await api.get<{ items: { fixedIp: string | null }[] }>(`${base}/floating-ips`)).items.map((f) => f.fixedIp !== null), { timeout: 15_000 }).toEqual([true]);
});
