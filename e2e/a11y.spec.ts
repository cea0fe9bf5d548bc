import { expect, test, type Page } from '@playwright/test';
import { activeInstances, computeProject, createLoadBalancer, importKeyPair, signInAs } from './support/arrange.ts';
import { expectAccessible } from './support/axe.ts';
import { unique } from './support/fixtures.ts';

// axe on every screen of the guide's walk: the list pages, the launch wizard on each step, dialogs
// and menus open, detail pages and the topology. Zero serious or critical violations (WCAG 2.1 AA).

test.use({ viewport: { width: 1600, height: 900 } });

const h1 = (page: Page, name: string | RegExp) => expect(page.getByRole('heading', { level: 1, name })).toBeVisible();

/** Opens the page's `[+ …]` create button's dialog, checks it, and closes it with Escape. */
async function checkCreateDialog(page: Page, button: string | RegExp, screen: string) {
  await page.getByRole('button', { name: button }).first().click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectAccessible(page, `${screen}: create dialog`);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
}

test('the login screen', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByRole('button', { name: /로그인|Sign in/ })).toBeVisible();
  await expectAccessible(page, 'login');
});

test('list pages, detail pages, menus and dialogs of the guide', async ({ page, baseURL }) => {
  test.setTimeout(240_000);
  const { api, base, computeUrl } = await computeProject(baseURL!);
  const name = unique('web');
  const [instance] = await activeInstances(api, base, name);
  await createLoadBalancer(api, base, unique('lb'), [instance!]);
  await signInAs(page, api);

  await page.goto('/projects');
  await h1(page, 'Project List');
  await expectAccessible(page, 'project list');
  await checkCreateDialog(page, /프로젝트 생성|\+/, 'project list');

  await page.goto(base);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectAccessible(page, 'project overview');

  await page.goto(computeUrl('instances'));
  await expect(page.getByRole('button', { name: `${name} 추가기능` })).toBeVisible();
  await expectAccessible(page, 'instances');
  await page.getByRole('button', { name: `${name} 추가기능` }).click();
  await expect(page.getByRole('menu')).toBeVisible();
  await expectAccessible(page, 'instances: actions menu open');
  await page.getByRole('menuitem', { name: '이름 변경' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectAccessible(page, 'instances: rename dialog');
  await page.keyboard.press('Escape');

  await page.goto(computeUrl(`instances/${instance!.id}`));
  await expect(page.getByRole('tab').first()).toBeVisible();
  await expectAccessible(page, 'instance detail');
  for (const tab of await page.getByRole('tab').all()) {
    await tab.click();
    await expectAccessible(page, `instance detail: ${await tab.textContent()} tab`);
  }

  for (const [section, button] of [
    ['key-pairs', '+ 생성'],
    ['images', null],
    ['block-storage', '+Block Storage 생성'],
    ['security-groups', '+ Security Group 생성'],
    ['floating-ips', null],
    ['network/vpc', null],
    ['load-balancers', null],
  ] as const) {
    await page.goto(computeUrl(section));
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectAccessible(page, section);
    if (button) await checkCreateDialog(page, button, section);
  }

  await page.goto(computeUrl('security-groups'));
  await page.getByRole('link', { name: 'default', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: /default/ })).toBeVisible();
  await expectAccessible(page, 'security group detail');

  await page.goto(computeUrl('load-balancers'));
  await page.getByRole('table').first().getByRole('link').first().click();
  await expect(page.getByRole('tab').first()).toBeVisible();
  for (const tab of await page.getByRole('tab').all()) {
    await tab.click();
    await expectAccessible(page, `load balancer detail: ${await tab.textContent()} tab`);
  }

  await page.goto(computeUrl('network/topology'));
  await expect(page.getByText(name).first()).toBeVisible();
  await expectAccessible(page, 'topology');

  await page.goto('/admin/users');
  await h1(page, '사용자 관리');
  await expectAccessible(page, 'users');
  await checkCreateDialog(page, '+ 사용자 추가', 'users');
});

test('the launch wizard on each step', async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const { api, base, computeUrl } = await computeProject(baseURL!);
  await importKeyPair(api, base);
  await signInAs(page, api);
  await page.goto(computeUrl('instances/new'));

  await expect(page.getByRole('tab', { name: 'Public' })).toHaveAttribute('aria-selected', 'true');
  await expectAccessible(page, 'wizard: image');
  await page.getByRole('radio', { name: /Ubuntu Server 22\.04/ }).click();
  await page.getByRole('button', { name: '다음' }).click();

  await expect(page.getByRole('heading', { name: 'Instance 정보' })).toBeVisible();
  await page.getByRole('button', { name: '다음' }).click();
  await expect(page.getByLabel('이름', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'wizard: details with errors shown');
  await page.getByLabel('이름', { exact: true }).fill(unique('web'));
  await page.getByRole('radio', { name: 'm2.c1m2', exact: true }).check();
  await page.getByRole('button', { name: '다음' }).click();

  await expect(page.getByLabel('Key Pair', { exact: true })).toBeVisible();
  await expectAccessible(page, 'wizard: access & security');
  await page.getByRole('button', { name: '+ 생성', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Key Pair 생성' })).toBeVisible();
  await expectAccessible(page, 'wizard: key pair dialog');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: '다음' }).click();

  await expect(page.getByRole('radio', { name: /Default Network/ })).toBeChecked();
  await expectAccessible(page, 'wizard: network');
  await page.getByRole('button', { name: '다음' }).click();

  await expect(page.getByRole('heading', { name: '생성할 Instance 확인' })).toBeVisible();
  await expectAccessible(page, 'wizard: review');
});
