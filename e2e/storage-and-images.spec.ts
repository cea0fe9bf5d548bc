import { expect, test, type Page } from '@playwright/test';
import { activeInstances, computeProject, FLAVOR, powerAction, signInAs, ZONE } from './support/arrange.ts';
import { unique } from './support/fixtures.ts';
import { cellUnder } from './support/tables.ts';

// The guide's steps 7 (Block Storage), 8 (a private image from a shut-down instance) and 9 (instances
// from that image) through the console. Each test gets its own project; instances the test is not
// about are made through the API.

// Wide enough that the instance list's `[추가기능]` column is on screen without a horizontal scroll
// (the menu closes on any scroll event, including the one a scroll-into-view dispatches).
test.use({ viewport: { width: 1600, height: 900 } });

const UNMOUNT_WARNING = (device: string) =>
  `언마운트를 하지 않으면 데이터가 유실되므로 Block Storage 해제 전 반드시 언마운트를 수행해 주십시오. (예: umount ${device})`;

// --- Page helpers --------------------------------------------------------------------------------

const computeMenu = (page: Page) => page.getByRole('navigation', { name: 'Compute & Network' });

const volumesTable = (page: Page) => page.getByRole('table', { name: 'Block Storage' });
const volumeRow = (page: Page, name: string) => volumesTable(page).getByRole('row').filter({ has: page.getByRole('radio', { name: `${name} 선택` }) });

const volumeCell = (page: Page, name: string, header: string) => cellUnder(volumesTable(page), volumeRow(page, name), header);

const instanceRow = (page: Page, name: string) =>
  page.getByRole('table', { name: 'Instance' }).getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });

async function openActions(page: Page, name: string) {
  const button = instanceRow(page, name).getByRole('button', { name: `${name} 추가기능` });
  await expect(button).toBeInViewport({ ratio: 1 });
  await button.click();
  const menu = page.getByRole('menu', { name: `${name} 추가기능` });
  await expect(menu).toBeVisible();
  return menu;
}

// --- Step 7: Block Storage -----------------------------------------------------------------------------

test('step 7: a 10 GB block storage becomes available, attaches to an ACTIVE instance as /dev/vdb and detaches after the unmount warning', async ({ page, baseURL }) => {
  const { api, base, computeUrl } = await computeProject(baseURL!);
  const instanceName = unique('web');
  await activeInstances(api, base, instanceName);
  const volumeName = unique('data');

  await signInAs(page, api);
  await page.goto(computeUrl('block-storage'));
  const manage = page.getByRole('button', { name: '연결관리', exact: true });
  await expect(manage).toBeDisabled();
  await expect(manage).toHaveAttribute('title', 'Block Storage를 먼저 선택하세요');

  // [+Block Storage 생성]: name, 10 GB, the zone left as it is.
  await page.getByRole('button', { name: '+Block Storage 생성' }).click();
  const create = page.getByRole('dialog', { name: 'Block Storage 생성' });
  await create.getByLabel('Block Storage 이름', { exact: true }).fill(volumeName);
  await create.getByLabel('크기(GB)', { exact: true }).fill('10');
  await expect(create.getByLabel('Zone', { exact: true })).toHaveValue(ZONE);
  await create.getByRole('button', { name: 'Block Storage 생성' }).click();
  await expect(create).toHaveCount(0);

  const row = volumeRow(page, volumeName);
  await expect(row.getByText('사용 가능', { exact: true })).toBeVisible();
  await expect(row.getByRole('cell', { name: '10 GB', exact: true })).toBeVisible();
  const attachment = await volumeCell(page, volumeName, '연결 정보');
  await expect(attachment).toBeEmpty();

  // Select it, [연결관리], [Instance에 연결] the instance.
  await row.getByRole('radio', { name: `${volumeName} 선택` }).check();
  await manage.click();
  let dialog = page.getByRole('dialog', { name: 'Block Storage 연결 관리' });
  await dialog.getByLabel('Instance에 연결', { exact: true }).selectOption({ label: instanceName });
  await dialog.getByRole('button', { name: 'Instance에 연결' }).click();
  await expect(dialog).toHaveCount(0);

  await expect(attachment).toHaveText(`${instanceName} (/dev/vdb)`);
  await expect(attachment.getByRole('link', { name: instanceName, exact: true })).toBeVisible();
  await expect(row.getByText('사용 중', { exact: true })).toBeVisible();

  // [연결관리] again: the instance and device, the unmount warning, [Block Storage 연결 해제].
  await manage.click();
  dialog = page.getByRole('dialog', { name: 'Block Storage 연결 관리' });
  const attachedTo = dialog.getByRole('table', { name: '연결된 Instance' });
  await expect(attachedTo.getByRole('row').filter({ hasText: instanceName })).toContainText('/dev/vdb');
  await expect(dialog.getByText(UNMOUNT_WARNING('/dev/vdb'))).toBeVisible();
  await dialog.getByRole('button', { name: 'Block Storage 연결 해제' }).click();

  // The confirmation repeats the warning before anything is detached.
  const confirm = page.getByRole('dialog', { name: 'Block Storage 연결 해제' });
  await expect(confirm.getByText(`${instanceName}에서 ${volumeName}(/dev/vdb)의 연결을 해제합니다.`)).toBeVisible();
  await expect(confirm.getByText(UNMOUNT_WARNING('/dev/vdb'))).toBeVisible();
  // Still attached: the list behind the modal dialog is hidden from assistive technology while it is open.
  await expect(page.getByRole('table', { name: 'Block Storage', includeHidden: true }).getByRole('row', { includeHidden: true }).filter({ hasText: volumeName })).toContainText(`${instanceName} (/dev/vdb)`);
  await confirm.getByRole('button', { name: 'Block Storage 연결 해제' }).click();
  await expect(confirm).toHaveCount(0);

  await expect(row.getByText('사용 가능', { exact: true })).toBeVisible();
  await expect(attachment).toBeEmpty();
});

test('a block storage size outside 10–1000 GB shows its error beside the field and creates nothing', async ({ page, baseURL }) => {
  const { api, computeUrl } = await computeProject(baseURL!);

  await signInAs(page, api);
  await page.goto(computeUrl('block-storage'));
  await expect(page.getByText('Block Storage가 없습니다.', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: '+Block Storage 생성' }).click();
  const dialog = page.getByRole('dialog', { name: 'Block Storage 생성' });
  await dialog.getByLabel('Block Storage 이름', { exact: true }).fill(unique('data'));
  const size = dialog.getByLabel('크기(GB)', { exact: true });
  await expect(size).toHaveAccessibleDescription('10–1000 GB, 1 GB 단위');

  for (const wrong of ['9', '1001']) {
    await size.fill(wrong);
    await dialog.getByRole('button', { name: 'Block Storage 생성' }).click();
    await expect(size).toHaveAttribute('aria-invalid', 'true');
    await expect(size).toHaveAccessibleDescription('10–1000 GB 사이의 정수를 입력하세요');
    await expect(dialog).toBeVisible();
  }
  await expect(dialog.getByLabel('Block Storage 이름', { exact: true })).toHaveAttribute('aria-invalid', 'false');

  await dialog.getByRole('button', { name: '취소' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText('Block Storage가 없습니다.', { exact: false })).toBeVisible();
});

// --- Step 8: a private image --------------------------------------------------------------------------

test('step 8: [Image 생성] waits for Shutdown, then the image becomes active under Images > Private', async ({ page, baseURL }) => {
  const { api, base, computeUrl } = await computeProject(baseURL!);
  const name = unique('web');
  await activeInstances(api, base, name);
  const imageName = unique('web-image');

  await signInAs(page, api);
  await page.goto(computeUrl());
  const row = instanceRow(page, name);
  await expect(row.getByText('ACTIVE', { exact: true })).toBeVisible();

  // While ACTIVE, [Image 생성] is disabled and says why.
  let menu = await openActions(page, name);
  const createImage = menu.getByRole('menuitem', { name: 'Image 생성' });
  await expect(createImage).toBeDisabled();
  await expect(createImage).toHaveAttribute(
    'title',
    `Image는 Shutdown(SHUTOFF)된 Instance로만 만들 수 있습니다. 지금 ${name}은(는) ACTIVE 상태입니다. [추가기능] > [Instance Shutdown]으로 정지한 뒤 다시 시도하세요.`,
  );

  // [추가기능] > [Instance Shutdown]: SHUTOFF, power state SHUTDOWN.
  await menu.getByRole('menuitem', { name: 'Instance Shutdown' }).click();
  const shutdown = page.getByRole('dialog', { name: 'Instance Shutdown' });
  await shutdown.getByRole('button', { name: 'Instance Shutdown' }).click();
  await expect(row.getByText('SHUTOFF', { exact: true })).toBeVisible();
  await expect(row.getByTitle('전원 상태: SHUTDOWN')).toBeVisible();

  // [추가기능] > [Image 생성]: [이름], [Image 생성].
  menu = await openActions(page, name);
  await expect(menu.getByRole('menuitem', { name: 'Image 생성' })).toBeEnabled();
  await menu.getByRole('menuitem', { name: 'Image 생성' }).click();
  const dialog = page.getByRole('dialog', { name: 'Image 생성' });
  await expect(dialog.getByText(`Instance ${name}의 Root Disk(20 GB)를 Private image로 만듭니다.`)).toBeVisible();
  await dialog.getByLabel('이름', { exact: true }).fill(imageName);
  await dialog.getByRole('button', { name: 'Image 생성' }).click();
  await expect(dialog).toHaveCount(0);

  // [Images] > Private: the image, made from the instance, becomes active.
  await computeMenu(page).getByRole('link', { name: 'Images', exact: true }).click();
  await page.getByRole('tab', { name: 'Private' }).click();
  await expect(page.getByRole('tab', { name: 'Private' })).toHaveAttribute('aria-selected', 'true');
  const imageRow = page.getByRole('table', { name: 'Private' }).getByRole('row').filter({ has: page.getByRole('link', { name: imageName, exact: true }) });
  await expect(imageRow.getByText('사용 가능', { exact: true })).toBeVisible();
  await expect(imageRow.getByRole('link', { name, exact: true })).toBeVisible();
  // It is private: the Public tab does not list it.
  await page.getByRole('tab', { name: 'Public' }).click();
  await expect(page.getByRole('table', { name: 'Public' })).toBeVisible();
  await expect(page.getByRole('link', { name: imageName, exact: true })).toHaveCount(0);

  // The instance is back to SHUTOFF with no task in flight.
  await computeMenu(page).getByRole('link', { name: 'Instance', exact: true }).click();
  await expect(row.getByText('SHUTOFF', { exact: true })).toBeVisible();
  await expect(row.getByText('image_snapshot…')).toHaveCount(0);
});

// --- Step 9: instances from the image -------------------------------------------------------------------

test('step 9: the wizard\'s Private tab launches Instance 수 = 2 from the image: name-1 and name-2 become ACTIVE', async ({ page, baseURL }) => {
  const { api, base, computeUrl } = await computeProject(baseURL!);
  const [source] = await activeInstances(api, base, unique('web'));
  await powerAction(api, base, source!.id, 'stop', 'SHUTOFF');
  const imageName = unique('web-image');
  const image = await api.post<{ id: string }>(`${base}/images`, { instanceId: source!.id, name: imageName, description: '' });
  await expect.poll(async () => (await api.get<{ status: string }>(`${base}/images/${image.id}`)).status).toBe('active');
  const name = unique('from-image');

  await signInAs(page, api);
  await page.goto(computeUrl());
  await page.getByRole('button', { name: '+ Instance 생성' }).first().click();
  await expect(page.getByRole('heading', { name: 'Instance 생성' })).toBeVisible();

  // Private tab: the image made in step 8.
  await page.getByRole('tab', { name: 'Private' }).click();
  const imageCard = page.getByRole('radio', { name: imageName });
  await expect(imageCard).toBeEnabled();
  await imageCard.click();
  await expect(imageCard).toHaveAttribute('aria-checked', 'true');
  await page.getByRole('button', { name: '다음' }).click();

  // [이름], [Flavor], [Instance 수] = 2.
  await expect(page.getByRole('heading', { name: 'Instance 정보' })).toBeVisible();
  await page.getByLabel('이름', { exact: true }).fill(name);
  await page.getByRole('radio', { name: FLAVOR, exact: true }).check();
  await page.getByLabel('Instance 수', { exact: true }).fill('2');
  await expect(page.getByText(`생성될 이름: ${name}-1, ${name}-2`)).toBeVisible();
  await page.getByRole('button', { name: '다음' }).click();
  // Key pair (the project's only one is selected), security groups and network keep their defaults.
  await expect(page.getByRole('heading', { name: '접근 및 보안' })).toBeVisible();
  await page.getByRole('button', { name: '다음' }).click();
  await page.getByRole('button', { name: '다음' }).click();
  await expect(page.getByRole('heading', { name: '생성할 Instance 확인' })).toBeVisible();
  await page.getByRole('button', { name: 'Instance 생성', exact: true }).click();

  await expect(page).toHaveURL(/\/compute\/instances$/);
  for (const created of [`${name}-1`, `${name}-2`]) {
    const row = instanceRow(page, created);
    await expect(row.getByText('ACTIVE', { exact: true })).toBeVisible();
    await expect(row.getByRole('cell', { name: imageName, exact: true })).toBeVisible();
  }
  await expect(instanceRow(page, name)).toHaveCount(0);
});
