import { expect, test, type Locator, type Page } from '@playwright/test';
import { computeProject, importKeyPair, signInAs } from './support/arrange.ts';
import { unique } from './support/fixtures.ts';

// The guide's instance launch with the keyboard alone: Tab to move, Enter/Space to press, arrows
// in radio groups and selects, typing in fields. No click anywhere (the mouse is never used).

test.use({ viewport: { width: 1600, height: 900 } });

const isFocused = (target: Locator) => target.evaluate((element) => element === document.activeElement);

/** Presses Tab until `target` has focus (it must be reachable by Tab within `max` presses). */
async function tabTo(page: Page, target: Locator, max = 100) {
  await expect(target).toBeVisible();
  for (let presses = 0; presses < max; presses++) {
    if (await isFocused(target)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${String(target)}`);
}

/** Tabs into a native radio group, then arrows to `target` (which checks it). */
async function chooseRadio(page: Page, target: Locator) {
  const group = await target.getAttribute('name');
  for (let presses = 0; presses < 100; presses++) {
    const inGroup = await page.evaluate((name) => {
      const active = document.activeElement;
      return active instanceof HTMLInputElement && active.type === 'radio' && active.name === name;
    }, group);
    if (inGroup) break;
    await page.keyboard.press('Tab');
  }
  for (let presses = 0; presses < 30 && !(await isFocused(target)); presses++) await page.keyboard.press('ArrowDown');
  await expect(target).toBeChecked();
}

test('one full instance launch with the keyboard only', async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const { api, base, computeUrl } = await computeProject(baseURL!);
  const keyName = unique('key');
  await importKeyPair(api, base, keyName);
  await signInAs(page, api);
  await page.goto(computeUrl());
  const name = unique('kbd');

  await tabTo(page, page.getByRole('button', { name: '+ Instance 생성' }).first());
  await page.keyboard.press('Enter');

  // Image: the Public tab is selected; Tab to Ubuntu's card and press Space.
  await expect(page.getByRole('tab', { name: 'Public' })).toHaveAttribute('aria-selected', 'true');
  const ubuntu = page.getByRole('radio', { name: /Ubuntu Server 22\.04/ });
  await tabTo(page, ubuntu);
  await page.keyboard.press('Space');
  await expect(ubuntu).toHaveAttribute('aria-checked', 'true');
  await tabTo(page, page.getByRole('button', { name: '다음' }));
  await page.keyboard.press('Enter');

  // Details: type the name, arrow to the flavor.
  await expect(page.getByRole('heading', { name: 'Instance 정보' })).toBeVisible();
  const nameField = page.getByLabel('이름', { exact: true });
  await tabTo(page, nameField);
  await page.keyboard.type(name);
  await chooseRadio(page, page.getByRole('radio', { name: 'm2.c1m2', exact: true }));
  await tabTo(page, page.getByRole('button', { name: '다음' }));
  await page.keyboard.press('Enter');

  // Access & security: the key pair from the select, by arrow keys.
  const keyPair = page.getByLabel('Key Pair', { exact: true });
  await tabTo(page, keyPair);
  for (let presses = 0; presses < 10 && (await keyPair.inputValue()) !== keyName; presses++) await page.keyboard.press('ArrowDown');
  await expect(keyPair).toHaveValue(keyName);
  await expect(page.getByRole('checkbox', { name: /^default/ })).toBeChecked();
  await tabTo(page, page.getByRole('button', { name: '다음' }));
  await page.keyboard.press('Enter');

  // Network: the default network is chosen already.
  await expect(page.getByRole('radio', { name: /Default Network/ })).toBeChecked();
  await tabTo(page, page.getByRole('button', { name: '다음' }));
  await page.keyboard.press('Enter');

  // Review, then create.
  await expect(page.getByRole('heading', { name: '생성할 Instance 확인' })).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: 'Instance 생성', exact: true }));
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(/\/compute\/instances$/);
  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row.getByText('ACTIVE')).toBeVisible({ timeout: 30_000 });

  // The row's menu by keyboard: Enter opens it on its first item, Escape gives focus back.
  const actions = row.getByRole('button', { name: `${name} 추가기능` });
  await tabTo(page, actions, 200);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem').first()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(actions).toBeFocused();
});
