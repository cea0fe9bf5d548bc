import { expect, test } from '@playwright/test';
import { apiAs, loginInBrowser, unique } from './support/fixtures.ts';

test('a user logs in, sees only their projects, activates Compute & Network and switches language', async ({ page, baseURL }) => {
  const admin = await apiAs(baseURL!);
  const mine = unique('mine');
  await admin.post('/projects', { name: mine });
  // Another user's project must not appear in the admin's list.
  const other = unique('other-user');
  await admin.post('/users', { username: other, password: 'other-password' });
  const otherApi = await apiAs(baseURL!, other, 'other-password');
  const theirs = unique('theirs');
  await otherApi.post('/projects', { name: theirs });

  await loginInBrowser(page);
  await expect(page.getByRole('link', { name: mine })).toBeVisible();
  await expect(page.getByRole('link', { name: theirs })).toHaveCount(0);

  await page.getByRole('link', { name: mine }).click();
  await expect(page.getByRole('heading', { name: mine })).toBeVisible();
  await page.getByRole('button', { name: '상품이용' }).click();
  await expect(page.getByText('Compute & Network를 이용할 수 있습니다').first()).toBeVisible();

  await page.getByRole('link', { name: /Compute & Network →/ }).click();
  await expect(page).toHaveURL(/\/compute\/instances$/);
  const menu = page.getByRole('navigation', { name: 'Compute & Network' });
  await expect(menu.getByRole('link', { name: 'Instance', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: '+ Instance 생성' }).first()).toBeVisible();

  await page.getByRole('combobox', { name: '언어' }).selectOption('en');
  await expect(menu.getByRole('link', { name: 'Instances', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(page.getByRole('button', { name: '+ Create Instance' }).first()).toBeVisible();
  await expect(page.getByText('로그아웃')).toHaveCount(0);

  // The choice is remembered for the user: a fresh page load comes back in English.
  await page.reload();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
  await expect(page.getByRole('button', { name: '로그아웃' })).toBeVisible();
});

test('a second browser sees the activation made in the first without reloading', async ({ browser, baseURL }) => {
  const admin = await apiAs(baseURL!);
  const name = unique('live');
  const project = await admin.post<{ id: string }>('/projects', { name });

  const first = await (await browser.newContext()).newPage();
  const second = await (await browser.newContext()).newPage();
  await loginInBrowser(first);
  await loginInBrowser(second);
  await second.goto(`/projects/${project.id}/compute/instances`);
  await expect(second.getByRole('button', { name: '상품이용' })).toBeVisible();

  await first.goto(`/projects/${project.id}`);
  await first.getByRole('button', { name: '상품이용' }).click();

  // No reload in the second context: the live stream brings the change.
  await expect(second.getByRole('button', { name: '상품이용' })).toHaveCount(0);
  await expect(second.getByRole('button', { name: '+ Instance 생성' }).first()).toBeVisible();
});

test('a viewer sees change buttons disabled with the reason', async ({ page, baseURL }) => {
  const admin = await apiAs(baseURL!);
  const viewer = unique('viewer');
  await admin.post('/users', { username: viewer, password: 'viewer-password' });
  const project = await admin.post<{ id: string }>('/projects', { name: unique('viewed') });
  await admin.put(`/projects/${project.id}/members`, { username: viewer, role: 'viewer' });

  await loginInBrowser(page, viewer, 'viewer-password');
  await page.goto(`/projects/${project.id}`);
  const activate = page.getByRole('button', { name: '상품이용' });
  await expect(activate).toBeDisabled();
  await expect(activate).toHaveAttribute('title', '프로젝트 관리자만 상품 이용을 신청할 수 있습니다');
});

test('logout ends the session and protects deep links', async ({ page }) => {
  await loginInBrowser(page);
  await page.getByRole('button', { name: '로그아웃' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto('/projects');
  await expect(page).toHaveURL(/\/login$/);
});
