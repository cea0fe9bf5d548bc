import { expect, test, type Page } from '@playwright/test';
import { computeProject, defaultNetwork, FLAVOR, importKeyPair, instanceStatus, ZONE, type Api, type InstanceDto } from './support/arrange.ts';
import { loginInBrowser, unique } from './support/fixtures.ts';
import { ConsoleTerminal, promptFor } from './support/terminal.ts';

// The guide's steps 5–7 inside the instance, through the instance page's web console ("콘솔"): the
// shell prompt, a web server answering a second session, and a block storage formatted, mounted,
// written, moved to another instance and read back there. The guest is the CentOS 7 image, so the
// output is the guide's. Instances and volumes the test is not about are made through the API.

// Wide enough that the terminal is not wrapped below the guide's `df -h` columns.
test.use({ viewport: { width: 1600, height: 900 } });
// Every command is typed key by key and read back from the screen: more interactions than a form.
test.describe.configure({ timeout: 90_000 });

/** The public "CentOS 7.9" image (the guide's OS: mke2fs 1.42, python 2, `[root@host-… ~]#`). */
const CENTOS_7 = '6f1c0a00-0000-4000-8000-000000000007';

const STILL_MOUNTED = (device: string, mountPoint: string) =>
  `${device}가 Instance 안의 ${mountPoint}에 마운트되어 있습니다. 지금 연결을 해제하면 디스크에 기록되지 않은 데이터를 잃습니다. 먼저 Instance에서 umount ${mountPoint} 를 실행하세요.`;
const UNMOUNT_WARNING = (device: string) =>
  `언마운트를 하지 않으면 데이터가 유실되므로 Block Storage 해제 전 반드시 언마운트를 수행해 주십시오. (예: umount ${device})`;

// --- Arranging through the API -------------------------------------------------------------------

/** Creates `count` CentOS 7 instances (NAME, or NAME-1…NAME-n) and waits until they are ACTIVE. */
async function activeCentosInstances(api: Api, base: string, name: string, count = 1): Promise<InstanceDto[]> {
  const image = await api.get<{ name: string }>(`${base}/images/${CENTOS_7}`);
  expect(image.name, 'the CentOS 7 public image').toMatch(/^CentOS 7/);
  const keyName = unique('key');
  await importKeyPair(api, base, keyName);
  const groups = await api.get<{ items: { id: string; name: string }[] }>(`${base}/security-groups`);
  const defaultGroup = groups.items.find((group) => group.name === 'default');
  expect(defaultGroup, 'the project has a default security group').toBeDefined();
  const { items } = await api.post<{ items: InstanceDto[] }>(`${base}/instances`, {
    name,
    imageId: CENTOS_7,
    flavorId: FLAVOR,
    zone: ZONE,
    rootDiskGb: 20,
    count,
    keyName,
    securityGroupIds: [defaultGroup!.id],
    networkId: (await defaultNetwork(api, base)).id,
  });
  for (const instance of items) await expect.poll(() => instanceStatus(api, base, instance.id)).toBe('ACTIVE');
  return Promise.all(items.map((instance) => api.get<InstanceDto>(`${base}/instances/${instance.id}`)));
}

interface VolumeDto {
  id: string;
  name: string;
  status: string;
  attachment: { instanceId: string; device: string; mountPoint: string | null } | null;
}

const volumeOf = (api: Api, base: string, id: string) => api.get<VolumeDto>(`${base}/volumes/${id}`);
const volumeStatus = async (api: Api, base: string, id: string) => (await volumeOf(api, base, id)).status;

/** A 10 GB volume in the instances' zone, once it is available. */
async function availableVolume(api: Api, base: string, name: string): Promise<VolumeDto> {
  const volume = await api.post<VolumeDto>(`${base}/volumes`, { name, sizeGb: 10, zone: ZONE });
  await expect.poll(() => volumeStatus(api, base, volume.id)).toBe('available');
  return volume;
}

async function attachVolume(api: Api, base: string, volumeId: string, instanceId: string) {
  await api.post(`${base}/volumes/${volumeId}/attach`, { instanceId });
  await expect.poll(() => volumeStatus(api, base, volumeId)).toBe('in-use');
}

// --- Page helpers ------------------------------------------------------------------------------------

/** Opens the instance page's 콘솔 tab and waits for the first session's prompt. */
async function openConsole(page: Page, base: string, instance: InstanceDto): Promise<ConsoleTerminal> {
  await page.goto(`${base}/compute/instances/${instance.id}?tab=console`);
  await expect(page.getByRole('tab', { name: '콘솔', exact: true })).toHaveAttribute('aria-selected', 'true');
  const terminal = new ConsoleTerminal(page, instance.name);
  await terminal.ready();
  return terminal;
}

const instanceTab = (page: Page, label: string) => page.getByRole('tab', { name: label, exact: true });

/** The `df -h` row of a filesystem, split into its columns. */
function dfRow(output: string[], filesystem: string): string[] | undefined {
  return output.find((line) => line.startsWith(`${filesystem} `))?.split(/\s+/);
}

// --- Step 7: block storage inside the guest ----------------------------------------------------------

test('step 7: a 10 GB block storage is formatted, mounted and written in one instance, then read back in another', async ({ page, baseURL }) => {
  test.setTimeout(150_000); // two instances and some twenty commands typed in their consoles
  const { api, base } = await computeProject(baseURL!);
  const name = unique('web');
  const [first, second] = await activeCentosInstances(api, base, name, 2);
  const volumeName = unique('data');
  const volume = await availableVolume(api, base, volumeName);
  const note = `written on ${first!.name}`;

  await loginInBrowser(page);
  const terminal = await openConsole(page, base, first!);

  // The root disk and tmpfs, as in the guide: /dev/vda2 about 18G mounted on /.
  let df = await terminal.run('df -h');
  expect(df[0]).toBe('Filesystem      Size  Used Avail Use% Mounted on');
  expect(dfRow(df, '/dev/vda2')).toEqual(['/dev/vda2', '18G', expect.stringMatching(/^\d+M$/), '16G', expect.stringMatching(/^\d+%$/), '/']);
  expect(dfRow(df, 'tmpfs')?.at(-1)).toBe('/dev/shm');
  expect(dfRow(df, '/dev/vdb')).toBeUndefined();

  // Attach it from the instance's Block Storage tab.
  await instanceTab(page, 'Block Storage').click();
  await page.getByRole('button', { name: 'Block Storage 연결', exact: true }).click();
  const attach = page.getByRole('dialog', { name: `${first!.name}에 Block Storage 연결` });
  await attach.getByLabel('Block Storage', { exact: true }).selectOption({ label: `${volumeName} (10 GB, HDD)` });
  await attach.getByRole('button', { name: '연결', exact: true }).click();
  await expect(attach).toHaveCount(0);
  await expect.poll(() => volumeStatus(api, base, volume.id)).toBe('in-use');
  const attached = page.getByRole('table', { name: 'Block Storage' }).getByRole('row').filter({ hasText: volumeName });
  await expect(attached.getByRole('cell', { name: '/dev/vdb', exact: true })).toBeVisible();

  // Back in the console (the same shell: the tab kept it), make a filesystem and mount it.
  await instanceTab(page, '콘솔').click();
  const mkfs = await terminal.run('mkfs.ext4 /dev/vdb');
  expect(mkfs[0]).toBe('mke2fs 1.42.9 (28-Dec-2013)');
  expect(mkfs).toContain('655360 inodes, 2621440 blocks');
  expect(mkfs).toContain('Creating journal (32768 blocks): done');
  expect(mkfs).toContain('Writing superblocks and filesystem accounting information: done');
  expect(await terminal.run('mkdir external')).toEqual([]);
  expect(await terminal.run('mount /dev/vdb external')).toEqual([]);
  df = await terminal.run('df -h');
  expect(dfRow(df, '/dev/vdb')).toEqual(['/dev/vdb', '9.9G', '151M', '9.2G', '2%', '/root/external']);

  // Write a file on it, then unmount before detaching, as the guide insists.
  expect(await terminal.run(`echo "${note}" > external/note.txt`)).toEqual([]);
  expect(await terminal.run('cat external/note.txt')).toEqual([note]);
  expect(await terminal.run('umount external/')).toEqual([]);
  expect(dfRow(await terminal.run('df -h'), '/dev/vdb')).toBeUndefined();

  // Detach from the instance's Block Storage tab: unmounted, so only the general warning shows.
  await instanceTab(page, 'Block Storage').click();
  await attached.getByRole('button', { name: `${volumeName} 연결 해제` }).click();
  const confirm = page.getByRole('dialog', { name: 'Block Storage 연결 해제' });
  await expect(confirm.getByText(UNMOUNT_WARNING('/dev/vdb'))).toBeVisible();
  await expect(confirm.getByText('아직 마운트되어 있습니다')).toHaveCount(0);
  await confirm.getByRole('button', { name: 'Block Storage 연결 해제' }).click();
  await expect(confirm).toHaveCount(0);
  await expect.poll(() => volumeStatus(api, base, volume.id)).toBe('available');
  await expect(page.getByText('연결된 Block Storage가 없습니다.')).toBeVisible();

  // The device is gone from the first instance.
  await instanceTab(page, '콘솔').click();
  expect(await terminal.run('ls /dev/vdb')).toEqual(['ls: cannot access /dev/vdb: No such file or directory']);

  // Attached to the second instance, the same filesystem mounts there with the file on it.
  await attachVolume(api, base, volume.id, second!.id);
  expect((await volumeOf(api, base, volume.id)).attachment?.device).toBe('/dev/vdb');
  const other = await openConsole(page, base, second!);
  expect(await other.run('mkdir external')).toEqual([]);
  expect(await other.run('mount /dev/vdb external')).toEqual([]);
  expect(dfRow(await other.run('df -h'), '/dev/vdb')).toEqual(['/dev/vdb', '9.9G', expect.stringMatching(/^\d+M$/), '9.2G', '2%', '/root/external']);
  expect(await other.run('cat external/note.txt')).toEqual([note]);
});

// --- Step 6: a web server, and a second console session ------------------------------------------------

test('step 6: index.html typed with cat and CTRL+D is served by SimpleHTTPServer to curl in a second session, which the first logs', async ({ page, baseURL }) => {
  const { api, base } = await computeProject(baseURL!);
  const [instance] = await activeCentosInstances(api, base, unique('web'));

  await loginInBrowser(page);
  const first = await openConsole(page, base, instance!);

  // `cat > index.html`, the text, Enter, CTRL+D: the shell is back and the file holds the line.
  await first.clear();
  await first.type('cat > index.html');
  await first.press('Enter');
  await first.type('hello world!');
  await first.press('Enter');
  await expect.poll(() => first.lastLine()).toBe('hello world!');
  await first.press('Control+d');
  await expect.poll(() => first.lastLine()).toMatch(/^\[root@\S+ ~\]#$/);
  expect(await first.run('cat index.html')).toEqual(['hello world!']);

  // The guide's web server; it keeps the session busy.
  await first.clear();
  await first.type('python -m SimpleHTTPServer 80');
  await first.press('Enter');
  await expect.poll(() => first.lastLine()).toBe('Serving HTTP on 0.0.0.0 port 80 ...');

  // [+ 새 세션]: another login, its own shell, while the server runs in the first.
  await page.getByRole('button', { name: '+ 새 세션' }).click();
  const second = new ConsoleTerminal(page, instance!.name, 2);
  await expect(second.tab).toHaveAttribute('aria-selected', 'true');
  await expect(first.region).toBeHidden();
  await second.ready();
  expect(await second.run('curl http://localhost/')).toEqual(['hello world!']);
  expect(await second.run(`curl http://${instance!.privateIp}/`)).toEqual(['hello world!']);

  // The first session, still connected, printed an access log line per request.
  await first.tab.click();
  await expect(first.region).toBeVisible();
  const accessLog = /^\S+ - - \[\d{2}\/[A-Z][a-z]{2}\/\d{4} \d{2}:\d{2}:\d{2}\] "GET \/ HTTP\/1\.1" 200 -$/;
  await expect.poll(async () => (await first.lines()).filter((line) => accessLog.test(line)).length).toBe(2);
  expect(await first.lastLine()).toMatch(accessLog);

  // CTRL+C stops the server; curl is then refused.
  await first.press('Control+c');
  await first.expectScreen('KeyboardInterrupt');
  await first.ready();
  await second.tab.click();
  expect(await second.run('curl http://localhost/')).toEqual(['curl: (7) Failed connect to localhost:80; Connection refused']);
});

// --- Step 5 prompt, and the detach warning while mounted ------------------------------------------------

test('the prompt names the host after its private IP, and detaching a mounted block storage warns it is still mounted', async ({ page, context, baseURL }) => {
  const { api, base } = await computeProject(baseURL!);
  const [instance] = await activeCentosInstances(api, base, unique('web'));
  const volumeName = unique('data');
  const volume = await availableVolume(api, base, volumeName);
  await attachVolume(api, base, volume.id, instance!.id);

  await loginInBrowser(page);
  const terminal = await openConsole(page, base, instance!);
  expect(instance!.privateIp).toMatch(/^192\.168\.0\.\d+$/);
  expect(await terminal.lastLine()).toBe(promptFor(instance!.privateIp!));
  expect(await terminal.run('hostname')).toEqual([`host-${instance!.privateIp!.replaceAll('.', '-')}`]);

  expect((await terminal.run('mkfs.ext4 /dev/vdb'))[0]).toBe('mke2fs 1.42.9 (28-Dec-2013)');
  expect(await terminal.run('mkdir external')).toEqual([]);
  expect(await terminal.run('mount /dev/vdb external')).toEqual([]);

  // Block Storage screen, in a second browser tab so the console stays open.
  const storage = await context.newPage();
  await storage.goto(`${base}/compute/block-storage`);
  const row = storage.getByRole('table', { name: 'Block Storage' }).getByRole('row').filter({ has: storage.getByRole('radio', { name: `${volumeName} 선택` }) });
  await row.getByRole('radio', { name: `${volumeName} 선택` }).check();
  const openDetach = async () => {
    await storage.getByRole('button', { name: '연결관리', exact: true }).click();
    const manage = storage.getByRole('dialog', { name: 'Block Storage 연결 관리' });
    await manage.getByRole('button', { name: 'Block Storage 연결 해제' }).click();
    const confirm = storage.getByRole('dialog', { name: 'Block Storage 연결 해제' });
    await expect(confirm.getByText(`${instance!.name}에서 ${volumeName}(/dev/vdb)의 연결을 해제합니다.`)).toBeVisible();
    return confirm;
  };

  // Mounted: the dialog says where, and that detaching now loses data.
  let confirm = await openDetach();
  await expect(confirm.getByText('아직 마운트되어 있습니다')).toBeVisible();
  await expect(confirm.getByText(STILL_MOUNTED('/dev/vdb', '/root/external'))).toBeVisible();
  await confirm.getByRole('button', { name: '취소' }).click();
  await expect(confirm).toHaveCount(0);
  expect(await volumeStatus(api, base, volume.id)).toBe('in-use');

  // After `umount external/` the dialog only gives the general warning; the detach goes through.
  await page.bringToFront();
  expect(await terminal.run('umount external/')).toEqual([]);
  await expect.poll(async () => (await volumeOf(api, base, volume.id)).attachment?.mountPoint).toBeNull();
  await storage.bringToFront();
  // No reload: the dialog asks the API afresh whether the device is still mounted.
  confirm = await openDetach();
  await expect(confirm.getByText(UNMOUNT_WARNING('/dev/vdb'))).toBeVisible();
  await expect(confirm.getByText('아직 마운트되어 있습니다')).toHaveCount(0);
  await confirm.getByRole('button', { name: 'Block Storage 연결 해제' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(row.getByText('사용 가능', { exact: true })).toBeVisible();
  await expect.poll(() => volumeStatus(api, base, volume.id)).toBe('available');
});
