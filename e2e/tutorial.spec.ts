import { expect, test, type Page } from '@playwright/test';
import { dirname } from 'node:path';
import {
  activeInstances,
  allowTcpFromAnywhere,
  associatedFloatingIp,
  CENTOS_7,
  createLoadBalancer,
  memberHealth,
  powerAction,
  runInGuest,
  signInAs,
  startWebServer,
  type InstanceDto,
} from './support/arrange.ts';
import { apiAs, unique } from './support/fixtures.ts';
import { CONNECT_TIMEOUT_S, consoleSshArgs, createdKeyPair, httpGet, ssh } from './support/real-tools.ts';

// The guided getting-started tutorial in Chromium: the panel stays beside the screens, and each
// step turns green only once the engine saw it really happen — ssh by OpenSSH's real `ssh`, HTTP by
// real requests to the floating IPs' loopback endpoints. The resources are arranged through the API
// (the wizards are other specs' subject): what is under test is that the panel follows the real
// state, not the clicks. The port-22 rule is skipped on purpose: its step stays open and explains
// itself (the flow log's dropped attempt) while the learner goes on.

test.use({ viewport: { width: 1600, height: 900 }, actionTimeout: 15_000 });

const panel = (page: Page) => page.getByTestId('tutorial-panel');
const step = (page: Page, id: string) => page.getByTestId(`tutorial-step-${id}`);
const expectDone = (page: Page, id: string, timeout = 20_000) => expect(step(page, id)).toHaveAttribute('data-state', 'done', { timeout });
const expectOpen = (page: Page, id: string) => expect(step(page, id)).toHaveAttribute('data-state', 'open');

test('the getting-started guide turns each step green only after the real check, and a skipped port-22 rule stays open with its cause', async ({ page, context, baseURL }, testInfo) => {
  test.setTimeout(300_000);
  const api = await apiAs(baseURL!);
  const project = await api.post<{ id: string }>('/projects', { name: unique('learn') });
  const base = `/projects/${project.id}`;
  await signInAs(page, api);
  // A page of its own for the guest's console sessions (web servers left running).
  const shellPage = await context.newPage();

  // Opened from the project overview: the tutorial starts, step 1 is open and says why.
  await page.goto(base);
  await page.getByTestId('tutorial-open-overview').click();
  await expect(panel(page)).toBeVisible();
  await expectOpen(page, 'activate');
  await expect(page.getByTestId('tutorial-hint-activate')).toHaveAttribute('data-hint', 'product-not-activated');

  // "Show me" rings the control; pressing it activates the product and the step turns green.
  await step(page, 'activate').getByRole('button', { name: /위치 보기|Show me/ }).click();
  await expect(page.locator('[data-tour="activate-compute"]')).toHaveAttribute('data-tour-highlight', 'true');
  await page.locator('[data-tour="activate-compute"]').click();
  await expectDone(page, 'activate');
  await expectOpen(page, 'instance');

  // The panel stays beside the screens while navigating (the help button is on every one).
  await page.goto(`${base}/compute/instances`);
  await expect(panel(page)).toBeVisible();
  await expect(page.getByTestId('tutorial-help')).toHaveAttribute('aria-pressed', 'true');

  // Step 2: an instance with a key pair whose .pem was downloaded; step 3 follows (on the Default Network).
  const keyName = unique('my_keypair');
  const pem = await createdKeyPair(api, base, keyName, testInfo.outputPath('keys'));
  const keyDir = dirname(pem);
  const [web] = (await activeInstances(api, base, unique('web'), 1, CENTOS_7, keyName)) as [InstanceDto];
  await expectDone(page, 'instance');
  await expectDone(page, 'topology');
  await expectOpen(page, 'floating-ip');

  // Step 4: a floating IP.
  const floatingIp = await associatedFloatingIp(api, base, web.portId!);
  const endpoint = await api.get<{ sshCommand: string; httpUrl: string }>(`${base}/floating-ips/${floatingIp.id}/endpoint`);
  await expectDone(page, 'floating-ip');

  // Step 5 skipped: no SSH rule. The real ssh is dropped (it times out), and the step says why,
  // naming the group and the dropped attempt, with links to the flow log and the rule dialog.
  const sshArgs = consoleSshArgs(endpoint.sshCommand);
  const dropped = await ssh([...sshArgs, 'hostname'], { cwd: keyDir });
  expect(dropped.code).toBe(255);
  expect(dropped.elapsedMs).toBeGreaterThanOrEqual(CONNECT_TIMEOUT_S * 1000 - 100);
  const sshHint = page.getByTestId('tutorial-hint-ssh');
  await expect(sshHint).toHaveAttribute('data-hint', 'port-closed-dropped', { timeout: 20_000 });
  await expect(sshHint).toContainText('default');
  await expect(sshHint).toContainText(/Flow log/i);
  await expect(sshHint.getByRole('button', { name: /Flow log/ })).toBeVisible();
  await expect(sshHint.getByRole('button', { name: /Rule 추가/ })).toBeVisible();
  await expectOpen(page, 'ssh');

  // Step 6: the HTTP rule and the guide's web server (through the console: port 22 is closed).
  await allowTcpFromAnywhere(api, base, 80);
  await expect(page.getByTestId('tutorial-hint-web-server')).toHaveAttribute('data-hint', 'nothing-listens', { timeout: 20_000 });
  await runInGuest(shellPage, project.id, web, "echo 'hello world!' > index.html && echo writ''ten", 'written');
  await startWebServer(shellPage, project.id, web);
  await expectOpen(page, 'web-server'); // listening is not enough: a request must come through the floating IP
  expect(await httpGet(endpoint.httpUrl)).toMatchObject({ status: 200, body: 'hello world!\n' });
  await expectDone(page, 'web-server');
  await expectOpen(page, 'ssh');

  // Step 7: a volume attached, then mounted in the guest (its mount table is what counts).
  const volume = await api.post<{ id: string }>(`${base}/volumes`, { name: unique('data'), sizeGb: 10 });
  await expect.poll(async () => (await api.get<{ status: string }>(`${base}/volumes/${volume.id}`)).status).toBe('available');
  await api.post(`${base}/volumes/${volume.id}/attach`, { instanceId: web.id });
  await expect.poll(async () => (await api.get<{ status: string }>(`${base}/volumes/${volume.id}`)).status).toBe('in-use');
  await expect(page.getByTestId('tutorial-hint-volume')).toHaveAttribute('data-hint', 'volume-not-mounted', { timeout: 20_000 });
  await runInGuest(shellPage, project.id, web, 'mkfs.ext4 /dev/vdb && mkdir external && mount /dev/vdb external && echo mount""ed', 'mounted');
  await expectDone(page, 'volume');

  // Steps 8 and 9: an image of the stopped instance, two instances from it.
  await powerAction(api, base, web.id, 'stop', 'SHUTOFF');
  const image = await api.post<{ id: string }>(`${base}/images`, { instanceId: web.id, name: unique('web-image'), description: '' });
  await expect.poll(async () => (await api.get<{ status: string }>(`${base}/images/${image.id}`)).status).toBe('active');
  await expectDone(page, 'image');
  const members = await activeInstances(api, base, unique('web'), 2, image.id, keyName);
  await expectDone(page, 'instances-from-image');

  // Step 10: the load balancer with both, its floating IP, both web servers up; requests alternate.
  const lb = await createLoadBalancer(api, base, unique('web-lb'), members);
  for (const member of members) await startWebServer(shellPage, project.id, member);
  const lbIp = await associatedFloatingIp(api, base, (await api.get<{ vipPortId: string }>(`${base}/load-balancers/${lb.id}`)).vipPortId);
  await expect.poll(() => memberHealth(api, base, lb.id), { timeout: 30_000 }).toEqual(members.map((m) => `${m.name}: ONLINE`).sort());
  await expectOpen(page, 'load-balancer');
  const lbUrl = (await api.get<{ httpUrl: string }>(`${base}/floating-ips/${lbIp.id}/endpoint`)).httpUrl;
  for (let request = 0; request < 4; request++) expect(await httpGet(lbUrl)).toMatchObject({ status: 200, body: 'hello world!\n' });
  await expectDone(page, 'load-balancer');

  // The skipped step is the only one left, still open with its explanation (for the running
  // instance with a floating IP, as the guide gives one to each).
  const [first] = members as [InstanceDto];
  const firstIp = await associatedFloatingIp(api, base, first.portId!);
  await expect(page.getByTestId('tutorial-progress')).toHaveText(/9 \/ 10|9 of 10/);
  await expectOpen(page, 'ssh');
  await expect(sshHint).toHaveAttribute('data-hint', 'port-closed');
  await expect(sshHint).toContainText(firstIp.address);

  // The rule, then a real login: the tutorial completes with each step's time.
  await allowTcpFromAnywhere(api, base, 22);
  const firstSsh = consoleSshArgs((await api.get<{ sshCommand: string }>(`${base}/floating-ips/${firstIp.id}/endpoint`)).sshCommand);
  const login = await ssh([...firstSsh, 'hostname'], { cwd: keyDir });
  expect(login, login.stderr).toMatchObject({ code: 0 });
  await expectDone(page, 'ssh');
  const summary = page.getByTestId('tutorial-summary');
  await expect(summary).toBeVisible();
  await expect(summary.getByRole('row')).toHaveCount(10);

  // Progress survives a reload.
  await page.reload();
  await expect(page.getByTestId('tutorial-summary')).toBeVisible();
});

test('a learners CSV the server refuses reads in Korean beside the CSV, and nobody is enrolled', async ({ page, baseURL }) => {
  const admin = await apiAs(baseURL!);
  await signInAs(page, admin);
  await page.addInitScript(() => localStorage.setItem('sandcloud.language', 'ko'));
  await page.goto('/admin/classroom');
  const suffix = unique('c').slice(-6);
  const className = `bad-${suffix}`;
  await page.getByLabel('교실 이름').fill(className);
  await page.getByLabel('학습자 CSV').fill(`name,email\nAnn Lee,ann-${suffix}@example.org\nBob Kim,not-mail\n`);
  await page.getByRole('button', { name: '학습자 등록' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '번째 학습자' })).toHaveText('2번째 학습자(Bob Kim): "not-mail"은(는) 올바른 이메일 주소가 아닙니다.');
  const classrooms = await admin.get<{ items: { name: string }[] }>('/classrooms');
  expect(classrooms.items.map((classroom) => classroom.name)).not.toContain(className);
});

test('the classroom: a CSV enrols learners with their passwords shown once, and the teacher\'s view follows a learner live', async ({ page, baseURL }, testInfo) => {
  const admin = await apiAs(baseURL!);
  await signInAs(page, admin);
  await page.goto('/admin/classroom');
  const suffix = unique('c').slice(-6);
  const [ann, bob] = [`ann-${suffix}`, `bob-${suffix}`];
  await page.getByLabel(/교실 이름|Classroom name/).fill(`class-${suffix}`);
  await page.getByLabel(/학습자 CSV|Learners \(CSV\)/).fill(`name,login\nAnn Lee,${ann}\nBob Kim,${bob}\n`);
  await page.getByRole('button', { name: /학습자 등록|Enrol learners/ }).click();

  const passwords = page.getByRole('table', { name: /초기 비밀번호|Initial passwords/ });
  await expect(passwords.getByRole('row')).toHaveCount(3);
  const annPassword = (await passwords.getByRole('row').filter({ hasText: ann }).getByRole('cell').nth(1).textContent())!.trim();
  const annRow = page.getByTestId(`learner-${ann}`);
  await expect(annRow.getByTestId('learner-step')).toHaveText(/시작 전|Not started/);
  await expect(page.getByTestId(`learner-${bob}`)).toBeVisible();

  // Ann signs in with the password she was given and starts the guide in her own project.
  const learner = await apiAs(baseURL!, ann, annPassword);
  const [project] = (await learner.get<{ items: { id: string; name: string; computeActivated: boolean }[] }>('/projects')).items;
  expect(project).toMatchObject({ name: `${ann}-lab`, computeActivated: true });
  const base = `/projects/${project!.id}`;
  await learner.post(`${base}/tutorials/getting-started/start`);
  await expect(annRow.getByTestId('learner-step')).toContainText(/2\. (Instance 생성|Create an instance)/);
  await expect(annRow.getByTestId('learner-hint')).toHaveText(/인스턴스가 없습니다|No instance is running yet/);

  // She creates her key pair and instance: the teacher's row moves on by itself.
  const keyName = unique('key');
  await createdKeyPair(learner, base, keyName, testInfo.outputPath('keys'));
  await activeInstances(learner, base, unique('web'), 1, CENTOS_7, keyName);
  await expect(annRow.getByTestId('learner-step')).toContainText(/4\. (Floating IP 연결|Associate a floating IP)/);
  await expect(annRow.getByTestId('learner-hint')).toContainText('Floating IP');
});
