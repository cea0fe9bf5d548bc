import { expect, test } from '@playwright/test';
import { activeInstances, computeProject, signInAs } from './support/arrange.ts';
import { unique } from './support/fixtures.ts';

// The administrator's reset of the whole sandbox, from the console: typed RESET, a progress bar,
// then every project empty (users and projects stay). It empties every project on the e2e server:
// keep it in a file of its own, so it never runs in the middle of another spec's test.

test('an administrator resets the whole sandbox from the console: RESET typed, progress, every project emptied', async ({ page, baseURL }) => {
  const { api, base } = await computeProject(baseURL!);
  await activeInstances(api, base, unique('web'), 1);
  await signInAs(page, api);
  await page.goto('/admin/classroom');
  const panel = page.getByTestId('sandbox-reset');

  await panel.getByLabel(/RESET을 입력|Type RESET/).fill('reset');
  await panel.getByRole('button', { name: /전체 초기화|Reset everything/ }).click();
  // The server's refusal, in the admin's language (coded as input.invalidEnum since validation errors carry codes).
  await expect(panel.getByRole('alert')).toHaveText(/^(Type RESET to confirm the reset of the whole sandbox|confirm 값은 RESET 중 하나여야 합니다\.)$/);
  expect((await api.get<{ total: number }>(`${base}/instances`)).total).toBe(1);

  await panel.getByLabel(/RESET을 입력|Type RESET/).fill('RESET');
  await panel.getByRole('button', { name: /전체 초기화|Reset everything/ }).click();
  await expect(page.getByTestId('sandbox-reset-progress')).toContainText(/초기화 완료|Reset done/, { timeout: 30_000 });
  expect((await api.get<{ total: number }>(`${base}/instances`)).total).toBe(0);
  expect((await api.get<{ total: number }>(`${base}/key-pairs`)).total).toBe(0);
});
