import { expect, test } from '@playwright/test';
import { activeInstances, associatedFloatingIp, signInAs, type Api } from './support/arrange.ts';
import { activatedProject } from './support/fixtures.ts';

// Sandbox lifecycle on the project page: reset empties the project, the Default Network stays.

const total = async (api: Api, path: string) => (await api.get<{ total: number }>(path)).total;

test('reset project: after typing the name, instances and floating IPs are gone and the Default Network remains', async ({ page, baseURL }) => {
  const { api, projectId, name } = await activatedProject(baseURL!);
  const base = `/projects/${projectId}`;
  const [instance] = await activeInstances(api, base, 'web');
  await associatedFloatingIp(api, base, instance!.portId!);
  await signInAs(page, api);

  await page.goto(base);
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
});
