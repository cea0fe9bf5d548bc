import { expect, test, type Locator, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { chmodSync } from 'node:fs';
import { activatedProject, apiAs, unique } from './support/fixtures.ts';

// The guide's steps 2 (instance), 4 (floating IP) and 5 (security group rules) through the console,
// plus the wizard's and the instance menu's edge cases. Each test gets its own project.

// Wide enough that the instance list's last column (`[추가기능]`) is on screen: clicking it must not
// need a horizontal scroll of the table, because the menu closes on any scroll event — including
// the one Playwright's scroll-into-view dispatches, which can arrive just after the click.
test.use({ viewport: { width: 1600, height: 900 } });

const UBUNTU_2204 = '6f1c0a00-0000-4000-8000-000000002204';
const FLAVOR = 'm2.c1m2';
/** A valid OpenSSH public key, for key pairs the test only needs to exist. */
const PUBLIC_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJ9aWnM0SMGRdlzrQCeSk0fSKl9xOqaz0Yi7wmiH5oHx e2e@sandcloud';

type Api = Awaited<ReturnType<typeof apiAs>>;
interface InstanceDto {
  id: string;
  name: string;
  status: string;
  privateIp: string | null;
}

/** A fresh activated project and an API client for arranging what the test is not about. */
async function project(baseURL: string) {
  const { api, projectId } = await activatedProject(baseURL);
  const base = `/projects/${projectId}`;
  return { api, projectId, base, computeUrl: (section = 'instances') => `${base}/compute/${section}` };
}

const importKeyPair = (api: Api, base: string, name: string) => api.post(`${base}/key-pairs/import`, { name, publicKey: PUBLIC_KEY });

async function defaultGroupId(api: Api, base: string): Promise<string> {
  const groups = await api.get<{ items: { id: string; name: string }[] }>(`${base}/security-groups`);
  const group = groups.items.find((candidate) => candidate.name === 'default');
  expect(group, 'the project has a default security group').toBeDefined();
  return group!.id;
}

/** Creates instances through the API and waits until they are ACTIVE. */
async function activeInstances(api: Api, base: string, name: string, count = 1): Promise<InstanceDto[]> {
  const keyName = unique('key');
  await importKeyPair(api, base, keyName);
  const networks = await api.get<{ items: { id: string }[] }>(`${base}/networks`);
  const { items } = await api.post<{ items: InstanceDto[] }>(`${base}/instances`, {
    name,
    imageId: UBUNTU_2204,
    flavorId: FLAVOR,
    zone: 'kr-pub-a',
    rootDiskGb: 20,
    count,
    keyName,
    securityGroupIds: [await defaultGroupId(api, base)],
    networkId: networks.items[0]!.id,
  });
  for (const instance of items) {
    await expect.poll(async () => (await api.get<InstanceDto>(`${base}/instances/${instance.id}`)).status).toBe('ACTIVE');
  }
  return items;
}

/** A rule from 0.0.0.0/0 on the default group, as the API takes it. */
const ingressRule = (protocol: 'tcp' | 'icmp', port: number | null) => ({
  direction: 'ingress',
  etherType: 'IPv4',
  protocol,
  portRangeMin: port,
  portRangeMax: port,
  remoteIpPrefix: '0.0.0.0/0',
  remoteGroupId: null,
  description: '',
});

/**
 * Signs the browser in with an API session's cookie: logging in through the form is the foundation
 * spec's subject, and skipping it keeps these tests on their own behaviour.
 */
async function signIn(page: Page, api: Api) {
  await page.context().addCookies((await api.context.storageState()).cookies);
}

/** DELETE through the admin's API session (apiAs has no helper for it). */
async function apiDelete(api: Api, path: string) {
  const { csrfToken } = await api.get<{ csrfToken: string }>('/auth/session');
  const response = await api.context.delete(`/api${path}`, { headers: { 'X-CSRF-Token': csrfToken } });
  expect(response.status(), `DELETE ${path}`).toBe(204);
}

// --- Page helpers --------------------------------------------------------------------------------

const computeMenu = (page: Page) => page.getByRole('navigation', { name: 'Compute & Network' });
const instanceRow = (page: Page, name: string) =>
  page.getByRole('table', { name: 'Instance' }).getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
/** The status badge of a row (its text is the status). */
const statusBadge = (row: Locator, status: string) => row.getByText(status, { exact: true });

async function openActions(page: Page, name: string) {
  const button = instanceRow(page, name).getByRole('button', { name: `${name} 추가기능` });
  await expect(button).toBeInViewport({ ratio: 1 });
  await button.click();
  return page.getByRole('menu', { name: `${name} 추가기능` });
}

/** Image step of `[+ Instance 생성]`: the Public tab is open; pick Ubuntu and go on. */
async function pickPublicImage(page: Page) {
  await expect(page.getByRole('tab', { name: 'Public' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('radio', { name: /Ubuntu Server 22\.04/ }).click();
  await page.getByRole('button', { name: '다음' }).click();
}

/** Details step: 이름, Flavor, Instance 수. */
async function fillDetails(page: Page, name: string, count = 1) {
  await expect(page.getByRole('heading', { name: 'Instance 정보' })).toBeVisible();
  await page.getByLabel('이름', { exact: true }).fill(name);
  await page.getByRole('radio', { name: FLAVOR, exact: true }).check();
  await page.getByLabel('Instance 수', { exact: true }).fill(String(count));
}

const next = (page: Page) => page.getByRole('button', { name: '다음' }).click();

async function runConnectivityTest(page: Page, test: 'ping' | 'SSH (22)' | 'HTTP (80)') {
  await page.getByRole('button', { name: test, exact: true }).click();
  const result = page.getByRole('region', { name: test });
  await expect(result.getByText(/^[✓✕] /)).toBeVisible();
  return result;
}

// --- The guide, steps 2, 4 and 5 ---------------------------------------------------------------------

test('step 2: the wizard creates a key pair (NAME.pem, once) and an instance that becomes ACTIVE live with only a private IP', async ({ page, baseURL }, testInfo) => {
  test.setTimeout(120_000); // the guide's whole step: a dozen screens
  const { api, computeUrl } = await project(baseURL!);
  const name = unique('web');
  const keyName = unique('my_keypair');

  await signIn(page, api);
  await page.goto(computeUrl());
  let reloads = 0;
  page.on('load', () => reloads++);

  await page.getByRole('button', { name: '+ Instance 생성' }).first().click();
  await expect(page.getByRole('heading', { name: 'Instance 생성' })).toBeVisible();
  await pickPublicImage(page);
  await fillDetails(page, name);
  await next(page);

  // Access & security: no key pair yet, so `[+ 생성]` one in place.
  await expect(page.getByText('가용 가능한 key pairs가 없습니다.')).toBeVisible();
  await page.getByRole('button', { name: '+ 생성', exact: true }).click();
  const keyDialog = page.getByRole('dialog', { name: 'Key Pair 생성' });
  await expect(keyDialog.getByText('개인 키는 한 번만 내려받을 수 있습니다')).toBeVisible();
  await keyDialog.getByLabel('이름', { exact: true }).fill(keyName);
  const downloading = page.waitForEvent('download');
  await keyDialog.getByRole('button', { name: 'Key Pair 생성' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${keyName}.pem`);
  const pemPath = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(pemPath);
  chmodSync(pemPath, 0o400);
  // The file is a real private key: ssh-keygen derives its public half from it.
  const derivedPublicKey = execFileSync('ssh-keygen', ['-y', '-f', pemPath], { encoding: 'utf8' }).trim();
  expect(derivedPublicKey).toMatch(/^ssh-ed25519 AAAA/); // the default type

  await expect(keyDialog.getByText(`${keyName}.pem 파일을 내려받았습니다.`)).toBeVisible();
  await expect(keyDialog.getByText('이 개인 키는 다시 내려받을 수 없습니다.', { exact: false })).toBeVisible();
  await keyDialog.getByRole('button', { name: '확인' }).click();
  await expect(keyDialog).toHaveCount(0);
  // The new key pair is selected; `default` is checked by default.
  await expect(page.getByLabel('Key Pair', { exact: true })).toHaveValue(keyName);
  await expect(page.getByRole('checkbox', { name: /^default/ })).toBeChecked();
  await next(page);

  await expect(page.getByRole('radio', { name: /Default Network\s*192\.168\.0\.0\/24/ })).toBeChecked();
  await next(page);

  await expect(page.getByRole('heading', { name: '생성할 Instance 확인' })).toBeVisible();
  await page.getByRole('button', { name: 'Instance 생성', exact: true }).click();

  // Back on the list, the row turns ACTIVE by itself (live events, no reload).
  await expect(page).toHaveURL(/\/compute\/instances$/);
  const row = instanceRow(page, name);
  await expect(statusBadge(row, 'ACTIVE')).toBeVisible();
  await expect(row.getByLabel(/^Private IP 192\.168\.0\.\d+$/)).toBeVisible();
  await expect(row.getByLabel('Floating IP', { exact: true })).toHaveText('—');
  await expect(row.getByRole('cell', { name: keyName, exact: true })).toBeVisible();
  expect(reloads).toBe(0);

  // Key Pairs shows the public key the downloaded file belongs to.
  await computeMenu(page).getByRole('link', { name: 'Key Pairs', exact: true }).click();
  const keyRow = page.getByRole('table', { name: 'Key Pairs' }).getByRole('row').filter({ has: page.getByRole('cell', { name: keyName, exact: true }) });
  await keyRow.getByRole('button', { name: '공개 키 보기' }).click();
  const publicKeyDialog = page.getByRole('dialog', { name: `${keyName}의 공개 키` });
  const shown = (await publicKeyDialog.getByText(/^ssh-ed25519 AAAA/).textContent())!.trim();
  const keyMaterial = (line: string) => line.split(/\s+/).slice(0, 2).join(' ');
  expect(keyMaterial(shown)).toBe(keyMaterial(derivedPublicKey));
  // Only the public half is on offer here; the private key is never sent again.
  await expect(publicKeyDialog.getByText(/PRIVATE KEY/)).toHaveCount(0);
});

test('steps 4 and 5: a floating IP through [추가기능], then ping, SSH and HTTP opened rule by rule', async ({ page, baseURL }) => {
  test.setTimeout(120_000); // the guide's steps 4 and 5 end to end: some sixty interactions
  const { api, base, computeUrl } = await project(baseURL!);
  const name = unique('web');
  const [instance] = await activeInstances(api, base, name);

  await signIn(page, api);
  await page.goto(computeUrl());
  const row = instanceRow(page, name);
  await expect(statusBadge(row, 'ACTIVE')).toBeVisible();
  await expect(row.getByLabel(`Private IP ${instance!.privateIp}`)).toBeVisible();

  // Step 4: [추가기능] > [Floating IP 연결]; none is free, so [+생성] one, then [확인].
  await (await openActions(page, name)).getByRole('menuitem', { name: 'Floating IP 연결', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Floating IP 연결' });
  await expect(dialog.getByText('현재 사용 가능한 IP 주소가 없습니다.')).toBeVisible();
  await expect(dialog.getByLabel('연결될 포트')).toContainText(`${name} (Instance) — ${instance!.privateIp}`);
  await dialog.getByRole('button', { name: '+생성' }).click();
  const ipSelect = dialog.getByLabel('IP 주소', { exact: true });
  await expect(ipSelect).toBeVisible();
  const floatingIp = (await ipSelect.locator('option:checked').textContent())!.trim();
  expect(floatingIp).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  expect(floatingIp).not.toMatch(/^192\.168\./);
  await dialog.getByRole('button', { name: '확인' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(row.getByLabel(`Floating IP ${floatingIp}`)).toBeVisible();
  await expect(row.getByLabel(`Private IP ${instance!.privateIp}`)).toBeVisible();

  // Step 5: ping times out — default lets nothing in from outside.
  await row.getByRole('link', { name, exact: true }).click();
  await page.getByRole('tab', { name: '연결 테스트' }).click();
  let ping = await runConnectivityTest(page, 'ping');
  await expect(ping.getByText('✕ 차단됨')).toBeVisible();
  await expect(ping.getByLabel('ping 결과')).toContainText(`PING ${floatingIp}`);
  await expect(ping.getByLabel('ping 결과')).toContainText('100% packet loss');

  // Security Groups > default > [+ Rule 추가]: ALL ICMP, Ingress, from 0.0.0.0/0.
  const addRule = async (rule: string) => {
    await page.getByRole('button', { name: '+ Rule 추가' }).click();
    const ruleDialog = page.getByRole('dialog', { name: 'Rule 추가 — default' });
    await ruleDialog.getByLabel('Rule', { exact: true }).selectOption({ label: rule });
    await expect(ruleDialog.getByLabel('Direction')).toHaveValue('ingress');
    await expect(ruleDialog.getByLabel('원격')).toHaveValue('cidr');
    await ruleDialog.getByLabel('CIDR', { exact: true }).fill('0.0.0.0/0');
    await expect(ruleDialog.getByText('가능하면 접속하는 곳의 IP 대역으로 좁히세요', { exact: false })).toBeVisible();
    await ruleDialog.getByRole('button', { name: '추가', exact: true }).click();
    await expect(ruleDialog).toHaveCount(0);
  };
  /** The rules table's row for an ingress rule from 0.0.0.0/0 (protocol and port columns as shown). */
  const ruleRow = (protocol: string, ports: string) =>
    page
      .getByRole('table', { name: '규칙' })
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: 'Ingress', exact: true }) })
      .filter({ has: page.getByRole('cell', { name: protocol, exact: true }) })
      .filter({ has: page.getByRole('cell', { name: ports, exact: true }) })
      .filter({ has: page.getByRole('cell', { name: '0.0.0.0/0', exact: true }) });
  await computeMenu(page).getByRole('link', { name: 'Security Groups', exact: true }).click();
  await page.getByRole('link', { name: 'default', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Security Group: default' })).toBeVisible();
  await expect(page.getByRole('table', { name: '규칙' }).getByRole('row').filter({ has: page.getByRole('cell', { name: '0.0.0.0/0', exact: true }) }).filter({ has: page.getByRole('cell', { name: 'Ingress', exact: true }) })).toHaveCount(0);
  await addRule('ALL ICMP');
  await expect(ruleRow('ICMP', '전체')).toHaveCount(1);

  const backToConnectivity = async () => {
    await computeMenu(page).getByRole('link', { name: 'Instance', exact: true }).click();
    await instanceRow(page, name).getByRole('link', { name, exact: true }).click();
    await page.getByRole('tab', { name: '연결 테스트' }).click();
  };
  await backToConnectivity();
  ping = await runConnectivityTest(page, 'ping');
  await expect(ping.getByText('✓ 접속됨')).toBeVisible();
  await expect(ping.getByLabel('ping 결과')).toContainText('0% packet loss');
  await expect(ping.getByLabel('ping 결과')).not.toContainText('100% packet loss');
  await expect(ping.getByText('허용한 규칙 (default):')).toBeVisible();
  await expect(ping.getByText('Ingress IPv4 ICMP from 0.0.0.0/0', { exact: true })).toBeVisible();
  // SSH is still closed: only ICMP was opened.
  const sshBefore = await runConnectivityTest(page, 'SSH (22)');
  await expect(sshBefore.getByText('✕ 차단됨')).toBeVisible();

  // Add SSH and HTTP: both open.
  await computeMenu(page).getByRole('link', { name: 'Security Groups', exact: true }).click();
  await page.getByRole('link', { name: 'default', exact: true }).click();
  await addRule('SSH');
  await addRule('HTTP');
  await expect(ruleRow('TCP', '22')).toHaveCount(1);
  await expect(ruleRow('TCP', '80')).toHaveCount(1);

  await backToConnectivity();
  const ssh = await runConnectivityTest(page, 'SSH (22)');
  await expect(ssh.getByText('✓ 접속됨')).toBeVisible();
  await expect(ssh.getByText('Ingress IPv4 TCP 22 from 0.0.0.0/0', { exact: true })).toBeVisible();
  const http = await runConnectivityTest(page, 'HTTP (80)');
  await expect(http.getByText('✓ 접속됨')).toBeVisible();
  await expect(http.getByText('Ingress IPv4 TCP 80 from 0.0.0.0/0', { exact: true })).toBeVisible();
});

// --- The wizard -------------------------------------------------------------------------------------------

test('the wizard shows a missing name and flavor beside their fields and will not go on', async ({ page, baseURL }) => {
  const { api, computeUrl } = await project(baseURL!);
  await signIn(page, api);
  await page.goto(computeUrl('instances/new'));

  // No image chosen yet.
  await next(page);
  await expect(page.getByRole('alert').filter({ hasText: 'Image를 선택하세요' })).toBeVisible();
  await pickPublicImage(page);

  await next(page);
  const nameInput = page.getByLabel('이름', { exact: true });
  await expect(nameInput).toHaveAttribute('aria-invalid', 'true');
  await expect(nameInput).toHaveAccessibleDescription('이름을 입력하세요');
  await expect(page.getByText('Flavor를 선택하세요')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Instance 정보' })).toBeVisible();

  await nameInput.fill('-starts-with-dash');
  await next(page);
  await expect(nameInput).toHaveAccessibleDescription('영문, 숫자, ".", "_", "-"만 쓸 수 있고 영문이나 숫자로 시작해야 합니다');

  const count = page.getByLabel('Instance 수', { exact: true });
  await nameInput.fill('web');
  await page.getByRole('radio', { name: FLAVOR, exact: true }).check();
  await count.fill('0');
  await next(page);
  await expect(count).toHaveAccessibleDescription(/^1 ~ \d+ 사이의 정수로 입력하세요$/);
  await expect(nameInput).toHaveAttribute('aria-invalid', 'false');

  // Fixing the field clears its message and the wizard moves on.
  await count.fill('1');
  await expect(count).toHaveAttribute('aria-invalid', 'false');
  await next(page);
  await expect(page.getByRole('heading', { name: '접근 및 보안' })).toBeVisible();
});

test('the server\'s objection shows beside the field it concerns: a key pair deleted meanwhile', async ({ page, baseURL }) => {
  const { api, base, computeUrl } = await project(baseURL!);
  const keyName = unique('gone');
  await importKeyPair(api, base, keyName);
  const keyPairs = await api.get<{ items: { id: string; name: string }[] }>(`${base}/key-pairs`);

  await signIn(page, api);
  await page.goto(computeUrl('instances/new'));
  await pickPublicImage(page);
  await fillDetails(page, unique('web'));
  await next(page);
  // The only key pair is selected by itself.
  await expect(page.getByLabel('Key Pair', { exact: true })).toHaveValue(keyName);
  await next(page);
  await next(page);
  await expect(page.getByRole('heading', { name: '생성할 Instance 확인' })).toBeVisible();

  // Someone else deletes the key pair before [Instance 생성].
  await apiDelete(api, `${base}/key-pairs/${keyPairs.items[0]!.id}`);
  const answer = page.waitForResponse((response) => response.url().endsWith('/instances') && response.request().method() === 'POST');
  await page.getByRole('button', { name: 'Instance 생성', exact: true }).click();
  expect((await answer).status()).toBe(400);

  // Back on the step of the field, with the server's message beside it.
  await expect(page.getByRole('heading', { name: '접근 및 보안' })).toBeVisible();
  const keyField = page.getByLabel('Key Pair', { exact: true });
  await expect(keyField).toHaveAttribute('aria-invalid', 'true');
  await expect(keyField).toHaveAccessibleDescription(`이름이 ${keyName}인 키페어가 없습니다.`);
  await expect(page).toHaveURL(/\/instances\/new$/);
});

test('Instance 수 = 2 creates name-1 and name-2', async ({ page, baseURL }) => {
  const { api, base, computeUrl } = await project(baseURL!);
  const name = unique('pair');
  await importKeyPair(api, base, unique('key'));

  await signIn(page, api);
  await page.goto(computeUrl('instances/new'));
  await pickPublicImage(page);
  await fillDetails(page, name, 2);
  await expect(page.getByText(`생성될 이름: ${name}-1, ${name}-2`)).toBeVisible();
  await next(page);
  await next(page);
  await next(page);
  await page.getByRole('button', { name: 'Instance 생성', exact: true }).click();

  await expect(page).toHaveURL(/\/compute\/instances$/);
  for (const created of [`${name}-1`, `${name}-2`]) await expect(statusBadge(instanceRow(page, created), 'ACTIVE')).toBeVisible();
  await expect(instanceRow(page, name)).toHaveCount(0);
  const first = await instanceRow(page, `${name}-1`).getByLabel(/^Private IP /).textContent();
  const second = await instanceRow(page, `${name}-2`).getByLabel(/^Private IP /).textContent();
  expect(first).toMatch(/^192\.168\.0\.\d+$/);
  expect(second).toMatch(/^192\.168\.0\.\d+$/);
  expect(first).not.toBe(second);
});

// --- [추가기능] -------------------------------------------------------------------------------------------

test('actions the instance cannot take now are disabled in the menu with the reason', async ({ page, baseURL }) => {
  const { api, base, computeUrl } = await project(baseURL!);
  const name = unique('web');
  await activeInstances(api, base, name);

  await signIn(page, api);
  await page.goto(computeUrl());
  await expect(statusBadge(instanceRow(page, name), 'ACTIVE')).toBeVisible();
  const menu = await openActions(page, name);
  const start = menu.getByRole('menuitem', { name: 'Instance 시작' });
  await expect(start).toBeDisabled();
  await expect(start).toHaveAttribute('title', 'ACTIVE 상태에서는 할 수 없습니다');
  const disassociate = menu.getByRole('menuitem', { name: 'Floating IP 연결 해제' });
  await expect(disassociate).toBeDisabled();
  await expect(disassociate).toHaveAttribute('title', '연결된 Floating IP가 없습니다');
  await expect(menu.getByRole('menuitem', { name: 'Instance Shutdown' })).toBeEnabled();

  // Choosing a disabled item does nothing.
  await start.click({ force: true });
  await expect(menu).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('Shutdown turns the instance SHUTOFF (grey); starting it makes it ACTIVE again', async ({ page, baseURL }) => {
  const { api, base, computeUrl } = await project(baseURL!);
  const name = unique('web');
  await activeInstances(api, base, name);

  await signIn(page, api);
  await page.goto(computeUrl());
  const row = instanceRow(page, name);
  await expect(statusBadge(row, 'ACTIVE')).toHaveClass(/bg-emerald-50/);

  await (await openActions(page, name)).getByRole('menuitem', { name: 'Instance Shutdown' }).click();
  const confirm = page.getByRole('dialog', { name: 'Instance Shutdown' });
  await expect(confirm).toContainText(`Instance ${name}을(를) 종료(Shutdown)합니다.`);
  await confirm.getByRole('button', { name: 'Instance Shutdown' }).click();

  const shutoff = statusBadge(row, 'SHUTOFF');
  await expect(shutoff).toBeVisible();
  await expect(shutoff).toHaveClass(/bg-slate-100/);
  await expect(row.getByTitle('전원 상태: SHUTDOWN')).toBeVisible();

  const menu = await openActions(page, name);
  await expect(menu.getByRole('menuitem', { name: 'Instance Shutdown' })).toHaveAttribute('title', 'SHUTOFF 상태에서는 할 수 없습니다');
  await menu.getByRole('menuitem', { name: 'Instance 시작' }).click();
  await page.getByRole('dialog', { name: 'Instance 시작' }).getByRole('button', { name: 'Instance 시작' }).click();
  await expect(statusBadge(row, 'ACTIVE')).toBeVisible();
  await expect(row.getByTitle('전원 상태: RUNNING')).toBeVisible();
});

test('하드 재부팅 cuts the power (HARD_REBOOT) and the instance comes back ACTIVE', async ({ page, baseURL }) => {
  const { api, base, computeUrl } = await project(baseURL!);
  const name = unique('web');
  const [instance] = await activeInstances(api, base, name);

  await signIn(page, api);
  await page.goto(computeUrl());
  const row = instanceRow(page, name);
  await expect(statusBadge(row, 'ACTIVE')).toBeVisible();

  await (await openActions(page, name)).getByRole('menuitem', { name: '하드 재부팅' }).click();
  const confirm = page.getByRole('dialog', { name: '하드 재부팅' });
  await expect(confirm).toContainText(`Instance ${name}의 전원을 끊었다가 다시 켭니다. 디스크에 기록되지 않은 데이터는 사라집니다.`);
  const accepted = page.waitForResponse((response) => response.url().endsWith(`/instances/${instance!.id}/actions`) && response.request().method() === 'POST');
  await confirm.getByRole('button', { name: '하드 재부팅' }).click();
  const response = await accepted;
  expect(response.status()).toBe(202);
  expect(await response.json()).toMatchObject({ status: 'HARD_REBOOT', allowedActions: ['update'] });
  await expect(page.getByText(`${name}을(를) 하드 재부팅하는 중입니다`)).toBeVisible();

  // HARD_REBOOT lasts 0.3 s at the suite's speed: wait for its end on the server, then on screen.
  await expect.poll(async () => (await api.get<InstanceDto>(`${base}/instances/${instance!.id}`)).status).toBe('ACTIVE');
  await expect(statusBadge(row, 'ACTIVE')).toBeVisible();
  await expect(row.getByTitle('전원 상태: RUNNING')).toBeVisible();
  const history = await api.get<{ items: { status: string; message: string }[] }>(`${base}/instances/${instance!.id}/history`);
  expect(history.items.slice(-2).map((entry) => `${entry.status}: ${entry.message}`)).toEqual(['HARD_REBOOT: hard reboot requested', 'ACTIVE: Status HARD_REBOOT → ACTIVE']);
});

test('deleting an instance asks first, says what is released, and removes it from the list', async ({ page, baseURL }) => {
  const { api, base, computeUrl } = await project(baseURL!);
  const name = unique('web');
  const [instance] = await activeInstances(api, base, name);

  await signIn(page, api);
  await page.goto(computeUrl());
  const row = instanceRow(page, name);
  await expect(statusBadge(row, 'ACTIVE')).toBeVisible();

  // Cancel keeps it.
  await (await openActions(page, name)).getByRole('menuitem', { name: 'Instance 삭제' }).click();
  let confirm = page.getByRole('dialog', { name: 'Instance 삭제' });
  await expect(confirm).toContainText(`Instance ${name}을(를) 삭제합니다. 되돌릴 수 없습니다.`);
  await expect(confirm).toContainText(`Private IP ${instance!.privateIp}가 반환됩니다.`);
  await confirm.getByRole('button', { name: '취소' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(statusBadge(row, 'ACTIVE')).toBeVisible();

  await (await openActions(page, name)).getByRole('menuitem', { name: 'Instance 삭제' }).click();
  confirm = page.getByRole('dialog', { name: 'Instance 삭제' });
  await confirm.getByRole('button', { name: 'Instance 삭제' }).click();
  await expect(row).toHaveCount(0);
  await expect(page.getByText('아직 Instance가 없습니다.', { exact: false })).toBeVisible();
  await expect.poll(async () => (await api.get<{ items: unknown[] }>(`${base}/instances`)).items.length).toBe(0);
});

// --- Security group rules -----------------------------------------------------------------------------------

test('adding a rule the group already has shows the server\'s 409 message in the dialog', async ({ page, baseURL }) => {
  const { api, base, computeUrl } = await project(baseURL!);
  const groupId = await defaultGroupId(api, base);
  await api.post(`${base}/security-groups/${groupId}/rules`, ingressRule('tcp', 22));

  await signIn(page, api);
  await page.goto(computeUrl(`security-groups/${groupId}`));
  await page.getByRole('button', { name: '+ Rule 추가' }).click();
  const dialog = page.getByRole('dialog', { name: 'Rule 추가 — default' });
  await dialog.getByLabel('Rule', { exact: true }).selectOption({ label: 'SSH' });
  const answer = page.waitForResponse((response) => response.url().endsWith(`/security-groups/${groupId}/rules`));
  await dialog.getByRole('button', { name: '추가', exact: true }).click();
  expect((await answer).status()).toBe(409);

  await expect(dialog.getByRole('alert')).toHaveText('default 보안 그룹에 이미 같은 규칙이 있습니다: Ingress IPv4 TCP 22 from 0.0.0.0/0');
  await dialog.getByRole('button', { name: '취소' }).click();
  await expect(page.getByRole('table', { name: '규칙' }).getByRole('row').filter({ hasText: 'TCP' })).toHaveCount(1);
});

// --- Permissions --------------------------------------------------------------------------------------------

test('a viewer sees the create button and the instance actions disabled with the reason', async ({ page, baseURL }) => {
  const { api, base, projectId, computeUrl } = await project(baseURL!);
  const name = unique('web');
  await activeInstances(api, base, name);
  const viewer = unique('viewer');
  await api.post('/users', { username: viewer, password: 'viewer-password' });
  await api.put(`/projects/${projectId}/members`, { username: viewer, role: 'viewer' });

  await signIn(page, await apiAs(baseURL!, viewer, 'viewer-password'));
  await page.goto(computeUrl());
  const reason = '조회 권한(viewer)으로는 변경할 수 없습니다';
  const create = page.getByRole('button', { name: '+ Instance 생성' });
  await expect(create).toBeDisabled();
  await expect(create).toHaveAttribute('title', reason);

  await expect(statusBadge(instanceRow(page, name), 'ACTIVE')).toBeVisible();
  const menu = await openActions(page, name);
  for (const action of ['Floating IP 연결', 'Instance Shutdown', 'Instance 삭제']) {
    await expect(menu.getByRole('menuitem', { name: action, exact: true })).toBeDisabled();
    await expect(menu.getByRole('menuitem', { name: action, exact: true })).toHaveAttribute('title', reason);
  }
});
