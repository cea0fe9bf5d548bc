import { expect, test } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allowTcpFromAnywhere, computeProject, defaultGroupId, FLAVOR, importKeyPair, instanceStatus, signInAs, UBUNTU_2204, ZONE, type Api } from './support/arrange.ts';
import { unique } from './support/fixtures.ts';
import { consoleSshArgs, createdKeyPair, ssh } from './support/real-tools.ts';

// Issue 18 part 1 through the console: a second VPC with two subnets and a routing table, an
// instance with two interfaces in it, and reachability that follows the internet gateway.

interface SubnetRow {
  id: string;
  name: string;
  vpcId: string;
}

async function subnetsOf(api: Api, base: string): Promise<SubnetRow[]> {
  return (await api.get<{ items: SubnetRow[] }>(`${base}/subnets`)).items;
}

/** One instance launched through the API on a subnet of a VPC (its own key pair, the default group), once ACTIVE. */
async function activeInstanceOn(api: Api, base: string, name: string, networkId: string, subnetId: string): Promise<{ id: string; name: string }> {
  const keyName = unique('key');
  await importKeyPair(api, base, keyName);
  const { items } = await api.post<{ items: { id: string; name: string }[] }>(`${base}/instances`, {
    name,
    imageId: UBUNTU_2204,
    flavorId: FLAVOR,
    zone: ZONE,
    rootDiskGb: 20,
    count: 1,
    keyName,
    securityGroupIds: [await defaultGroupId(api, base)],
    networkId,
    subnetId,
  });
  const instance = items[0]!;
  await expect.poll(() => instanceStatus(api, base, instance.id)).toBe('ACTIVE');
  return instance;
}

test('a second VPC with two subnets and a routing table; ssh via the floating IP stops when the internet gateway is detached, and the test says why', async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  const { api, base, computeUrl } = await computeProject(baseURL!);
  await signInAs(page, api);
  await page.addInitScript(() => localStorage.setItem('sandcloud.language', 'ko'));
  const vpcName = unique('vpc');

  // VPC 생성: the VPC comes with its routing table (internet gateway attached).
  await page.goto(computeUrl('network/vpc'));
  await page.getByRole('button', { name: 'VPC 생성' }).first().click();
  const vpcDialog = page.getByRole('dialog');
  await vpcDialog.getByLabel('이름').fill(vpcName);
  await vpcDialog.getByLabel('IP 버전 4 CIDR').fill('10.20.0.0/16');
  await vpcDialog.getByRole('button', { name: 'VPC 생성' }).click();
  await expect(page.getByRole('row').filter({ hasText: vpcName })).toContainText('10.20.0.0/16');

  // 서브넷 생성 ×2 on that VPC.
  await page.goto(computeUrl('network/subnets'));
  for (const [name, cidr] of [
    ['sub-a', '10.20.1.0/24'],
    ['sub-b', '10.20.2.0/24'],
  ] as const) {
    await page.getByRole('button', { name: '서브넷 생성' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('VPC').selectOption({ label: `${vpcName} (10.20.0.0/16)` });
    await dialog.getByLabel('이름').fill(name);
    await dialog.getByLabel('CIDR').fill(cidr);
    await dialog.getByRole('button', { name: '서브넷 생성' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('row').filter({ hasText: cidr })).toContainText(`${vpcName}-rt`);
  }

  // A third subnet overlapping sub-a: the server's refusal reads in Korean beside the CIDR, nothing is made.
  await page.getByRole('button', { name: '서브넷 생성' }).first().click();
  const overlapDialog = page.getByRole('dialog');
  await overlapDialog.getByLabel('VPC').selectOption({ label: `${vpcName} (10.20.0.0/16)` });
  await overlapDialog.getByLabel('이름').fill('sub-x');
  await overlapDialog.getByLabel('CIDR').fill('10.20.1.128/25');
  await overlapDialog.getByRole('button', { name: '서브넷 생성' }).click();
  await expect(overlapDialog.getByRole('alert')).toHaveText(`10.20.1.128/25은(는) ${vpcName} VPC의 sub-a 서브넷(10.20.1.0/24)과 겹칩니다.`);
  await page.keyboard.press('Escape');
  await expect(overlapDialog).toBeHidden();
  expect((await subnetsOf(api, base)).map((subnet) => subnet.name)).not.toContain('sub-x');

  // An instance launched into sub-a with a second interface on sub-b, a key we hold, SSH open.
  const keyName = unique('key');
  const keyDir = mkdtempSync(join(tmpdir(), 'vpc-e2e-'));
  await createdKeyPair(api, base, keyName, keyDir);
  await allowTcpFromAnywhere(api, base, 22);
  // Launched through the wizard: sub-a with a chosen fixed IP, and "네트워크 인터페이스 추가" on sub-b.
  const webName = unique('web');
  await page.goto(computeUrl('instances/new'));
  await expect(page.getByRole('tab', { name: 'Public' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('radio', { name: /Ubuntu Server 22\.04/ }).click();
  await page.getByRole('button', { name: '다음' }).click();
  await page.getByLabel('이름', { exact: true }).fill(webName);
  await page.getByRole('radio', { name: FLAVOR, exact: true }).check();
  await page.getByRole('button', { name: '다음' }).click();
  await page.getByLabel('Key Pair', { exact: true }).selectOption(keyName);
  await expect(page.getByRole('checkbox', { name: /^default/ })).toBeChecked();
  await page.getByRole('button', { name: '다음' }).click();
  await page.getByRole('radio', { name: new RegExp(`^${vpcName}`) }).check();
  await page.getByRole('radio', { name: /sub-a\s*10\.20\.1\.0\/24/ }).check();
  await page.getByLabel('고정 IP (선택)').fill('10.20.1.10');
  await page.getByRole('button', { name: '네트워크 인터페이스 추가' }).click();
  await page.getByLabel('인터페이스 2 서브넷').selectOption({ label: `${vpcName} / sub-b (10.20.2.0/24)` });
  await page.getByLabel('인터페이스 2 고정 IP').fill('10.20.2.10');
  await page.getByRole('button', { name: '다음' }).click();
  await expect(page.getByRole('heading', { name: '생성할 Instance 확인' })).toBeVisible();
  await expect(page.getByTestId('openstack-cli-command').locator('input')).toHaveValue(/--nic net-id=\S+,v4-fixed-ip=10\.20\.1\.10 --nic net-id=\S+,v4-fixed-ip=10\.20\.2\.10 /);
  await page.getByRole('button', { name: 'Instance 생성', exact: true }).click();
  await expect(page).toHaveURL(/\/instances$/);
  const launched = await api.get<{ items: { id: string; name: string }[] }>(`${base}/instances`);
  const web = launched.items.find((instance) => instance.name === webName)!;
  await expect.poll(() => instanceStatus(api, base, web.id)).toBe('ACTIVE');

  // 네트워크 인터페이스: both interfaces, on their subnets; a floating IP goes to the first.
  await page.goto(computeUrl('network/interfaces'));
  await expect(page.locator('tr[data-interface-ip="10.20.1.10"]')).toContainText(web.name);
  await expect(page.locator('tr[data-interface-ip="10.20.2.10"]')).toContainText('sub-b');
  const floatingIp = await api.post<{ id: string; address: string }>(`${base}/floating-ips`);
  await page.getByRole('button', { name: 'Floating IP 이동 10.20.1.10' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Floating IP 이동' }).click();
  await expect(page.locator('tr[data-interface-ip="10.20.1.10"]')).toContainText(floatingIp.address);

  const endpoint = await api.get<{ sshCommand: string }>(`${base}/floating-ips/${floatingIp.id}/endpoint`);
  const sshArgs = consoleSshArgs(endpoint.sshCommand);
  const reached = await ssh([...sshArgs, 'hostname'], { cwd: keyDir });
  expect(reached.code, reached.stderr).toBe(0);

  // 라우팅 테이블: detach the internet gateway; ssh no longer gets through.
  await page.goto(computeUrl('network/routing-tables'));
  const gateway = page.getByRole('switch', { name: `인터넷 게이트웨이 ${vpcName}-rt` });
  await expect(gateway).toBeChecked();
  // The switch follows the server: it turns off once the routing table has changed.
  await gateway.click();
  await expect(gateway).not.toBeChecked();
  const blocked = await ssh([...sshArgs, 'hostname'], { cwd: keyDir });
  expect(blocked.code).not.toBe(0);
  const verdict = await api.post<{ allowed: boolean; reason: { code: string; message: string } }>(`${base}/instances/${web.id}/connectivity-test`, { test: 'ssh' });
  expect(verdict.allowed).toBe(false);
  expect(verdict.reason.code).toBe('NO_INTERNET_GATEWAY');
  expect(verdict.reason.message).toContain('no route to an internet gateway');

  // The instance's flow log records the dropped ssh attempt, with the same reason.
  await page.goto(computeUrl(`instances/${web.id}?tab=flow-log`));
  const dropped = page
    .getByRole('table', { name: 'Flow log' })
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: `TCP ${floatingIp.address}:22`, exact: true }) })
    .filter({ has: page.getByRole('cell', { name: 'DROP', exact: true }) });
  await expect(dropped.first()).toContainText('no route to an internet gateway');
});

test('bad input gets a clear error and changes nothing: an overlapping CIDR, detaching the last interface', async ({ page, baseURL }) => {
  const { api, base, computeUrl } = await computeProject(baseURL!);
  await signInAs(page, api);
  const vpc = await api.post<{ id: string; name: string }>(`${base}/vpcs`, { name: unique('vpc'), cidr: '10.30.0.0/16' });
  await api.post(`${base}/subnets`, { vpcId: vpc.id, name: 'taken', cidr: '10.30.1.0/24' });

  await page.goto(computeUrl('network/subnets'));
  await page.getByRole('button', { name: '서브넷 생성' }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('VPC').selectOption({ label: `${vpc.name} (10.30.0.0/16)` });
  await dialog.getByLabel('이름').fill('clash');
  await dialog.getByLabel('CIDR').fill('10.30.1.128/25');
  await dialog.getByRole('button', { name: '서브넷 생성' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(`10.30.1.128/25은(는) ${vpc.name} VPC의 taken 서브넷(10.30.1.0/24)과 겹칩니다.`);
  await dialog.getByRole('button', { name: '취소' }).click();
  expect((await subnetsOf(api, base)).map((subnet) => subnet.name).sort()).toEqual(['Default Subnet', 'taken']);

  // One instance with one interface: detaching it is refused, and it stays attached.
  const subnet = (await subnetsOf(api, base)).find((s) => s.name === 'taken')!;
  const solo = await activeInstanceOn(api, base, unique('solo'), vpc.id, subnet.id);
  await page.goto(computeUrl('network/interfaces'));
  await page.getByRole('button', { name: '연결 해제 10.30.1.2' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '연결 해제' }).click();
  await expect(page.getByText(`${solo.name} 인스턴스의 네트워크 인터페이스는 이것(10.30.1.2) 하나뿐입니다. 인스턴스에는 네트워크 인터페이스가 하나 이상 있어야 하므로 연결을 해제할 수 없습니다.`)).toBeVisible();
  const interfaces = await api.get<{ items: { fixedIp: string }[] }>(`${base}/instances/${solo.id}/interfaces`);
  expect(interfaces.items.map((item) => item.fixedIp)).toEqual(['10.30.1.2']);
});

test('from the topology: "Launch instance here" on a subnet opens the wizard with it chosen; "Associate floating IP" on an instance opens the dialog with its port', async ({ page, baseURL }) => {
  const { api, base, computeUrl } = await computeProject(baseURL!);
  const vpc = await api.post<{ id: string; name: string }>(`${base}/vpcs`, { name: unique('vpc'), cidr: '10.40.0.0/16' });
  const subnet = await api.post<{ id: string }>(`${base}/subnets`, { vpcId: vpc.id, name: 'front', cidr: '10.40.1.0/24' });
  const app = await activeInstanceOn(api, base, unique('app'), vpc.id, subnet.id);
  await signInAs(page, api);
  await page.goto(computeUrl('network/topology'));
  const canvas = page.getByTestId('topology-canvas');

  await canvas.locator(`[data-id="${app.id}"]`).first().click({ button: 'right' });
  await page.getByRole('menuitem', { name: '플로팅 IP 연결' }).click();
  await expect(page.getByRole('dialog')).toContainText(app.name);
  await expect(page.getByRole('dialog')).toContainText('10.40.1.2');
  await page.getByRole('dialog').getByRole('button', { name: '취소' }).click();

  // On the network's header: its instances cover the middle of the node.
  await canvas.locator(`[data-id="${vpc.id}"]`).first().click({ button: 'right', position: { x: 12, y: 8 } });
  await page.getByRole('menuitem', { name: '여기에 인스턴스 생성: front (10.40.1.0/24)' }).click();
  await expect(page).toHaveURL(new RegExp(`instances/new\\?networkId=${vpc.id}&subnetId=${subnet.id}$`));
});
