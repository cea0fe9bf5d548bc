import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { allowTcpFromAnywhere, associatedFloatingIp, computeProject, createLoadBalancer, FLAVOR, importKeyPair, memberHealth, signInAs, type InstanceDto } from './support/arrange.ts';
import { unique } from './support/fixtures.ts';
import { httpGet } from './support/real-tools.ts';

// Issue 18 item 3: user data from the wizard (typed or a file of at most 64 KiB), #cloud-config
// with packages / write_files / runcmd, the console log tab, and two instances whose web servers
// come from user data alone answering through a load balancer — nobody logs in.

test.use({ viewport: { width: 1600, height: 900 } });

/** A cloud-config that installs nginx (which starts on Ubuntu), writes a page naming the host and enables the service. */
const CLOUD_CONFIG = [
  '#cloud-config',
  'packages:',
  '  - nginx',
  'write_files:',
  '  - path: /etc/motd',
  '    content: built by cloud-config',
  'runcmd:',
  '  - echo "<h1>$(hostname)</h1>" > /var/www/html/index.html',
  '  - echo web-page-written',
  '',
].join('\n');

const files = mkdtempSync(join(tmpdir(), 'sandcloud-user-data-'));

test('launch ×2 with a user data file: both web servers answer through a load balancer without ssh, and the console log shows the script', async ({ page, baseURL }) => {
  const { api, base, computeUrl } = await computeProject(baseURL!);
  const name = unique('web');
  await importKeyPair(api, base, unique('key'));
  await allowTcpFromAnywhere(api, base, 80);
  const scriptFile = join(files, 'web.yaml');
  writeFileSync(scriptFile, CLOUD_CONFIG);

  await signInAs(page, api);
  await page.goto(computeUrl());
  await page.getByRole('button', { name: '+ Instance 생성' }).first().click();
  await page.getByRole('radio', { name: /Ubuntu Server 22\.04/ }).click();
  await page.getByRole('button', { name: '다음' }).click();
  await page.getByLabel('이름', { exact: true }).fill(name);
  await page.getByLabel('Instance 수', { exact: true }).fill('2');
  await page.getByRole('radio', { name: FLAVOR, exact: true }).check();
  await page.getByRole('button', { name: '다음' }).click();
  await page.locator('input[type=file]').setInputFiles(scriptFile);
  await expect(page.getByLabel('사용자 스크립트', { exact: true })).toHaveValue(CLOUD_CONFIG);
  await page.getByRole('button', { name: '다음' }).click();
  await page.getByRole('button', { name: '다음' }).click();
  await page.getByRole('button', { name: 'Instance 생성', exact: true }).click();
  await expect(page).toHaveURL(/\/compute\/instances$/);

  let instances: InstanceDto[] = [];
  await expect
    .poll(async () => {
      instances = (await api.get<{ items: InstanceDto[] }>(`${base}/instances`)).items.filter((i) => i.name.startsWith(`${name}-`));
      return instances.map((i) => (i.taskState ? `${i.status}, ${i.taskState}` : i.status));
    })
    .toEqual(['ACTIVE', 'ACTIVE']);

  // The console log tab of the first: boot messages, then the cloud-config's output, live.
  await page.goto(computeUrl(`instances/${instances[0]!.id}`));
  await page.getByRole('tab', { name: '콘솔 로그' }).click();
  const log = page.getByTestId('console-log');
  await expect(log).toContainText('smpboot: Allowing 1 CPUs');
  await expect(log).toContainText('Setting up nginx (1.20.1) ...');
  await expect(log).toContainText('web-page-written');
  await expect(log).toContainText(/Cloud-init v\. 22\.1 finished at/);

  // A load balancer in front of both, reached through its floating IP on this machine.
  const lb = await createLoadBalancer(api, base, unique('web-lb'), instances);
  const lbDetail = await api.get<{ vipPortId: string }>(`${base}/load-balancers/${lb.id}`);
  const floatingIp = await associatedFloatingIp(api, base, lbDetail.vipPortId);
  await expect.poll(() => memberHealth(api, base, lb.id), { timeout: 30_000 }).toEqual(instances.map((i) => `${i.name}: ONLINE`).sort());
  const url = `http://${floatingIp.address.replace(/^\d+\./, '127.')}/`;
  const pages = new Set<string>();
  for (let request = 0; request < 4; request++) pages.add((await httpGet(url)).body);
  expect([...pages].sort()).toEqual(instances.map((i) => `<h1>host-${i.privateIp!.replace(/\./g, '-')}</h1>\n`).sort());
});

test('a user data file over 64 KiB is refused beside the field and nothing is launched', async ({ page, baseURL }) => {
  const { api, base, computeUrl } = await computeProject(baseURL!);
  await importKeyPair(api, base, unique('key'));
  const tooLarge = join(files, 'too-large.sh');
  writeFileSync(tooLarge, `#!/bin/bash\n${'#'.repeat(64 * 1024)}\n`);

  await signInAs(page, api);
  await page.goto(computeUrl());
  await page.getByRole('button', { name: '+ Instance 생성' }).first().click();
  await page.getByRole('radio', { name: /Ubuntu Server 22\.04/ }).click();
  await page.getByRole('button', { name: '다음' }).click();
  await page.getByLabel('이름', { exact: true }).fill(unique('big'));
  await page.getByRole('radio', { name: FLAVOR, exact: true }).check();
  await page.getByRole('button', { name: '다음' }).click();
  await page.locator('input[type=file]').setInputFiles(tooLarge);
  const field = page.getByLabel('사용자 스크립트', { exact: true });
  await expect(field).toHaveAccessibleDescription(/사용자 스크립트는 최대 64 KiB입니다/);
  await expect(field).toHaveValue('');

  // Typed past the limit: the wizard's step check refuses it beside the field too.
  await field.fill(`#!/bin/bash\n${'x'.repeat(64 * 1024)}`);
  await page.getByRole('button', { name: '다음' }).click();
  await expect(field).toHaveAccessibleDescription(/사용자 스크립트는 최대 64 KiB입니다/);
  expect((await api.get<{ items: InstanceDto[] }>(`${base}/instances`)).items).toEqual([]);
});
