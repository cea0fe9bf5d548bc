import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { activeInstances, computeProject, signInAs } from '../support/arrange.ts';
import { unique } from '../support/fixtures.ts';

// The console teaches the API: a confirm dialog shows the equivalent `openstack` command with the
// real name, and the project overview offers the user's clouds.yaml.
test.use({ viewport: { width: 1600, height: 900 } });

test("a row action's confirm dialog shows the equivalent openstack command, copyable", async ({ page, baseURL }) => {
  const { api, base, computeUrl } = await computeProject(baseURL!);
  const name = unique('web');
  await activeInstances(api, base, name);

  await signInAs(page, api);
  await page.goto(computeUrl());
  const row = page.getByRole('table', { name: 'Instance' }).getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
  await row.getByRole('button', { name: `${name} 추가기능` }).click();
  await page.getByRole('menu', { name: `${name} 추가기능` }).getByRole('menuitem', { name: 'Instance Shutdown' }).click();
  const dialog = page.getByRole('dialog', { name: 'Instance Shutdown' });
  await expect(dialog.getByRole('textbox', { name: 'OpenStack CLI로 같은 작업' })).toHaveValue(`openstack server stop ${name}`);
  await expect(dialog.getByRole('button', { name: `복사 openstack server stop ${name}` })).toBeVisible();
  await dialog.getByRole('button', { name: '취소' }).click();
});

test('the project overview offers clouds.yaml for the signed-in user and project', async ({ page, baseURL }) => {
  const { api, projectId } = await computeProject(baseURL!);
  await signInAs(page, api);
  await page.goto(`/projects/${projectId}`);
  const link = page.getByRole('link', { name: 'clouds.yaml 내려받기' });
  await expect(link).toHaveAttribute('href', `/api/clouds.yaml?projectId=${projectId}`);
  const download = page.waitForEvent('download');
  await link.click();
  const file = await (await download).path();
  const yaml = readFileSync(file, 'utf8');
  expect(yaml).toContain(`project_id: "${projectId}"`);
  expect(yaml).toContain(`auth_url: "${baseURL}/identity/v3"`);
});
