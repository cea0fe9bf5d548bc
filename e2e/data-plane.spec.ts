import { expect, test, type Locator, type Page } from '@playwright/test';
import { chmodSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  activeInstances,
  allowTcpFromAnywhere,
  associatedFloatingIp,
  CENTOS_7,
  computeProject,
  createLoadBalancer,
  FLAVOR,
  powerAction,
  signInAs,
  SIMULATED_SPEED,
  type Api,
  type InstanceDto,
} from './support/arrange.ts';
import { unique } from './support/fixtures.ts';
import { CONNECT_TIMEOUT_S, consoleSshArgs, createdKeyPair, httpFailure, httpGet, ssh, SshTerminal, strangerKey } from './support/real-tools.ts';
import { cellUnder } from './support/tables.ts';
import { ConsoleTerminal, promptFor } from './support/terminal.ts';

// The guide from step 5's SSH to the end with real tools, against the real server's data plane:
// every floating IP a.b.c.d answers on this machine at 127.b.c.d, so OpenSSH's `ssh`, node's HTTP
// client and Chromium reach the guests as a user would. The console is used where it is what the
// user works with (the key pair download, the floating IPs and their endpoints, the rules, the load
// balancer's members); state the test is not about is arranged through the API.

// Wide enough that the instance list's `[추가기능]` column is on screen without a horizontal scroll.
test.use({ viewport: { width: 1600, height: 900 }, actionTimeout: 15_000 });
// Real connections, a dropped one timing out, and health checks on the server's clock.
test.describe.configure({ timeout: 120_000 });

/** Where traffic from this machine comes from inside the simulation (the guide's address). */
const CLIENT_PUBLIC_IP = '103.243.200.42';
/** The load balancer's TCP health check (the wizard's defaults): every 5 s, 3 failures in a row. */
const HEALTH_INTERVAL_S = 5;
const HEALTH_RETRIES = 3;
/** A stopped server goes OFFLINE after `retries + 1` intervals at the server's speed; doubled, plus room for the live update. */
const OFFLINE_TIMEOUT_MS = Math.round((2 * (HEALTH_RETRIES + 1) * HEALTH_INTERVAL_S * 1000) / SIMULATED_SPEED) + 15_000;

/** Interactive ssh sessions opened by the running test, hung up after it. */
const sessions: SshTerminal[] = [];
test.afterEach(() => {
  for (const session of sessions.splice(0)) session.close();
});

function login(name: string, args: string[], cwd: string): SshTerminal {
  const session = new SshTerminal(name, args, { cwd });
  sessions.push(session);
  return session;
}

// --- Page helpers --------------------------------------------------------------------------------

const computeMenu = (page: Page) => page.getByRole('navigation', { name: 'Compute & Network' });
const badge = (scope: Locator, status: string) => scope.getByText(status, { exact: true });
const instanceRow = (page: Page, name: string) =>
  page.getByRole('table', { name: 'Instance' }).getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
const floatingIpsTable = (page: Page) => page.getByRole('table', { name: 'Floating IP' });
const floatingIpRow = (page: Page, address: string) => floatingIpsTable(page).getByRole('row').filter({ has: page.getByText(address, { exact: true }) });
/** A member row of the load balancer page's Instance tab. */
const memberRow = (page: Page, name: string) =>
  page.getByRole('table', { name: 'Instance' }).getByRole('row').filter({ has: page.getByRole('cell', { name, exact: true }) });

/** `[+ Instance 생성]` as the guide fills it: CentOS 7, the name, a key pair made in place and downloaded. */
async function createInstanceWithNewKeyPair(page: Page, name: string, keyName: string, saveTo: (file: string) => string): Promise<string> {
  await page.getByRole('button', { name: '+ Instance 생성' }).first().click();
  await page.getByRole('radio', { name: /CentOS 7\.9/ }).click();
  await page.getByRole('button', { name: '다음' }).click();
  await page.getByLabel('이름', { exact: true }).fill(name);
  await page.getByRole('radio', { name: FLAVOR, exact: true }).check();
  await page.getByRole('button', { name: '다음' }).click();

  await page.getByRole('button', { name: '+ 생성', exact: true }).click();
  const keyDialog = page.getByRole('dialog', { name: 'Key Pair 생성' });
  await keyDialog.getByLabel('이름', { exact: true }).fill(keyName);
  const downloading = page.waitForEvent('download');
  await keyDialog.getByRole('button', { name: 'Key Pair 생성' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${keyName}.pem`);
  // As the guide does it: the file, then `chmod 0400` (ssh refuses a key others can read).
  const pem = saveTo(download.suggestedFilename());
  await download.saveAs(pem);
  await keyDialog.getByRole('button', { name: '확인' }).click();
  await expect(page.getByLabel('Key Pair', { exact: true })).toHaveValue(keyName);
  await expect(page.getByRole('checkbox', { name: /^default/ })).toBeChecked();
  await page.getByRole('button', { name: '다음' }).click();
  await page.getByRole('button', { name: '다음' }).click();
  await page.getByRole('button', { name: 'Instance 생성', exact: true }).click();
  return pem;
}

/** Instances > `[추가기능]` > `[Floating IP 연결]`, `[+생성]`, `[확인]`; returns the new address. */
async function associateNewFloatingIp(page: Page, name: string): Promise<string> {
  await instanceRow(page, name).getByRole('button', { name: `${name} 추가기능` }).click();
  await page.getByRole('menu', { name: `${name} 추가기능` }).getByRole('menuitem', { name: 'Floating IP 연결', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Floating IP 연결' });
  await dialog.getByRole('button', { name: '+생성' }).click();
  const address = (await dialog.getByLabel('IP 주소', { exact: true }).locator('option:checked').textContent())!.trim();
  await dialog.getByRole('button', { name: '확인' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(instanceRow(page, name).getByLabel(`Floating IP ${address}`)).toBeVisible();
  return address;
}

/** Security Groups > default > `[+ Rule 추가]`: a template ("SSH", "HTTP") from 0.0.0.0/0. */
async function addRule(page: Page, template: string) {
  await computeMenu(page).getByRole('link', { name: 'Security Groups', exact: true }).click();
  await page.getByRole('link', { name: 'default', exact: true }).click();
  await page.getByRole('button', { name: '+ Rule 추가' }).click();
  const dialog = page.getByRole('dialog', { name: 'Rule 추가 — default' });
  await dialog.getByLabel('Rule', { exact: true }).selectOption({ label: template });
  await dialog.getByLabel('CIDR', { exact: true }).fill('0.0.0.0/0');
  await dialog.getByRole('button', { name: '추가', exact: true }).click();
  await expect(dialog).toHaveCount(0);
}

/**
 * The Floating IPs screen's "이 컴퓨터에서 접속" for an address: the loopback address, and the SSH
 * command and web URL a user copies from there.
 */
async function endpointFromConsole(page: Page, address: string) {
  await computeMenu(page).getByRole('link', { name: 'Floating IP', exact: true }).click();
  const cell = await cellUnder(floatingIpsTable(page), floatingIpRow(page, address), '이 컴퓨터에서 접속');
  const localAddress = address.replace(/^\d+\./, '127.');
  await expect(cell.getByText(localAddress, { exact: true })).toBeVisible();
  const web = cell.getByRole('link');
  await expect(web).toBeVisible();
  const sshCommand = cell.getByText(/^ssh /);
  return {
    localAddress,
    httpUrl: (await web.getAttribute('href'))!,
    sshCommand: (await sshCommand.count()) > 0 ? (await sshCommand.textContent())!.trim() : null,
  };
}

/** The SSH command and web URL the API gives for a floating IP (for instances arranged through the API). */
async function endpointFromApi(api: Api, base: string, floatingIpId: string): Promise<{ sshArgs: string[]; httpUrl: string }> {
  const endpoint = await api.get<{ sshCommand: string | null; httpUrl: string | null }>(`${base}/floating-ips/${floatingIpId}/endpoint`);
  expect(endpoint.sshCommand, 'an instance\'s floating IP has an SSH command').not.toBeNull();
  expect(endpoint.httpUrl, 'an instance\'s floating IP has a web URL').not.toBeNull();
  return { sshArgs: consoleSshArgs(endpoint.sshCommand!), httpUrl: endpoint.httpUrl! };
}

/**
 * A CentOS 7 instance of the guide reachable from this machine: a key pair whose NAME.pem we hold,
 * a floating IP, and ingress rules for `ports` on `default`.
 */
async function reachableInstance(api: Api, base: string, ports: number[], keyDir: string) {
  const keyName = unique('my_keypair');
  const pem = await createdKeyPair(api, base, keyName, keyDir);
  const [instance] = await activeInstances(api, base, unique('web'), 1, CENTOS_7, keyName);
  const floatingIp = await associatedFloatingIp(api, base, instance!.portId!);
  for (const port of ports) await allowTcpFromAnywhere(api, base, port);
  const { sshArgs, httpUrl } = await endpointFromApi(api, base, floatingIp.id);
  return { instance: instance!, floatingIp: floatingIp.address, keyDir: dirname(pem), sshArgs, url: httpUrl };
}

/** `cat > index.html`, the text, Enter, CTRL+D — the guide's way of writing the page. */
async function writeIndexHtml(session: SshTerminal, text: string) {
  await session.run('cat > index.html', `${text}\r\x04`);
}

/** Starts the guide's web server in the session and waits for its banner. */
async function startWebServer(session: SshTerminal) {
  session.type('python -m SimpleHTTPServer 80\r');
  await session.waitFor('Serving HTTP on 0.0.0.0 port 80 ...');
}

// --- The guide, from SSH to the end ----------------------------------------------------------------

test('the guide from SSH to the end: ssh -i with the downloaded key, the web page in Chromium, then a load balancer alternating between two servers and leaving out a stopped one', async ({
  page,
  context,
  baseURL,
}, testInfo) => {
  test.setTimeout(240_000); // the guide's steps 5–10: three instances, an image, a load balancer, five ssh sessions
  const { api, base, computeUrl } = await computeProject(baseURL!);
  const name = unique('web');
  const keyName = unique('my_keypair');

  await signInAs(page, api);
  await page.goto(computeUrl());

  // Step 2 as the guide does it: the key pair is made in the wizard and its .pem downloaded once.
  const pem = await createInstanceWithNewKeyPair(page, name, keyName, (file) => testInfo.outputPath(file));
  const keyDir = dirname(pem);
  chmodSync(pem, 0o400);
  const row = instanceRow(page, name);
  await expect(badge(row, 'ACTIVE')).toBeVisible();
  const privateIp = (await row.getByLabel(/^Private IP /).textContent())!.trim();
  expect(privateIp).toMatch(/^192\.168\.0\.\d+$/);

  // Step 4: a floating IP; the Floating IPs screen says where it answers on this machine.
  const floatingIp = await associateNewFloatingIp(page, name);
  const endpoint = await endpointFromConsole(page, floatingIp);
  expect(endpoint.sshCommand).toBe(`ssh -i ${keyName}.pem root@${endpoint.localAddress}`);
  expect(endpoint.httpUrl).toBe(`http://${endpoint.localAddress}/`);
  const sshArgs = consoleSshArgs(endpoint.sshCommand!);

  // Step 5, before the SSH rule: `default` lets nothing in, so the connection is dropped and ssh times out.
  const dropped = await ssh([...sshArgs, 'hostname'], { cwd: keyDir });
  expect(dropped.stderr).toMatch(/timed out/i);
  expect(dropped.code).toBe(255);
  expect(dropped.elapsedMs).toBeGreaterThanOrEqual(CONNECT_TIMEOUT_S * 1000 - 100);

  // The "SSH" rule from 0.0.0.0/0: the same command now logs in, with the downloaded key.
  await addRule(page, 'SSH');
  const hostname = await ssh([...sshArgs, 'hostname'], { cwd: keyDir });
  expect(hostname, hostname.stderr).toMatchObject({ code: 0, stdout: `host-${privateIp.replaceAll('.', '-')}\n` });

  // Step 6 in an interactive session: `cat > index.html`, then the web server, left running.
  const web = login(`ssh ${name}`, sshArgs, keyDir);
  await web.ready(promptFor(privateIp));
  await writeIndexHtml(web, 'hello world!');
  expect(await web.run('cat index.html')).toContain('hello world!\n');
  await addRule(page, 'HTTP');
  await startWebServer(web);

  // Chromium at the floating IP sees the page; the server logs the request from this machine's public address.
  await page.goto(endpoint.httpUrl);
  await expect(page.locator('body')).toHaveText('hello world!');
  await expect.poll(() => web.accessLog, { message: 'the web server logs the browser' }).toContain(CLIENT_PUBLIC_IP);

  // CTRL+C stops the server; exit ends the session.
  web.type('\x03');
  await web.waitFor('KeyboardInterrupt');
  web.type('exit\r');
  await expect.poll(() => web.exited !== undefined, { message: 'ssh ends with the session' }).toBe(true);

  // Steps 8 and 9, arranged: shut down, a private image, two instances from it with the same key pair,
  // and a floating IP each (the console's flows for these are other specs' subject).
  const { id: instanceId } = (await api.get<{ items: InstanceDto[] }>(`${base}/instances`)).items.find((instance) => instance.name === name)!;
  await powerAction(api, base, instanceId, 'stop', 'SHUTOFF');
  const image = await api.post<{ id: string }>(`${base}/images`, { instanceId, name: unique('web-image'), description: '' });
  await expect.poll(async () => (await api.get<{ status: string }>(`${base}/images/${image.id}`)).status).toBe('active');
  const members = await activeInstances(api, base, unique('web'), 2, image.id, keyName);

  // Each logs in with the same .pem and has the image's index.html; the guide's web server starts in both.
  const servers: SshTerminal[] = [];
  for (const member of members) {
    const { id } = await associatedFloatingIp(api, base, member.portId!);
    const server = login(`ssh ${member.name}`, (await endpointFromApi(api, base, id)).sshArgs, keyDir);
    await server.ready(promptFor(member.privateIp!));
    expect(await server.run('cat index.html')).toContain('hello world!\n');
    await startWebServer(server);
    servers.push(server);
  }

  // Step 10: the load balancer (arranged: its wizard is load-balancers.spec's), its floating IP through the console.
  const lb = await createLoadBalancer(api, base, unique('web-lb'), members);
  await page.goto(computeUrl('load-balancers'));
  const lbRow = page.getByRole('table', { name: 'Load Balancer' }).getByRole('row').filter({ has: page.getByRole('link', { name: lb.name, exact: true }) });
  await lbRow.getByRole('button', { name: 'Floating IP 연결' }).click();
  const fipDialog = page.getByRole('dialog', { name: 'Floating IP 연결' });
  await fipDialog.getByRole('button', { name: '+생성' }).click();
  const lbFloatingIp = (await fipDialog.getByLabel('IP 주소', { exact: true }).locator('option:checked').textContent())!.trim();
  await fipDialog.getByRole('button', { name: '연결', exact: true }).click();
  await expect(fipDialog).toHaveCount(0);
  const lbEndpoint = await endpointFromConsole(page, lbFloatingIp);
  expect(lbEndpoint.sshCommand).toBeNull();

  // Both members pass their real health checks (something listens on port 80).
  await page.goto(computeUrl(`load-balancers/${lb.id}?tab=instances`));
  for (const member of members) await expect(badge(memberRow(page, member.name), 'ONLINE')).toBeVisible({ timeout: OFFLINE_TIMEOUT_MS });

  // Twenty requests through the load balancer's floating IP: they alternate between the two servers'
  // logs (round robin), each logged as coming from the load balancer's VIP.
  const logged = () => servers.map((server) => server.accessLog.length);
  const order: number[] = [];
  for (let request = 0; request < 20; request++) {
    const before = logged();
    expect(await httpGet(lbEndpoint.httpUrl)).toMatchObject({ status: 200, body: 'hello world!\n' });
    await expect.poll(() => logged().reduce((sum, count) => sum + count), { message: `request ${request + 1} is logged` }).toBe(before[0]! + before[1]! + 1);
    order.push(logged().findIndex((count, index) => count > before[index]!));
  }
  expect(order.every((server, index) => index === 0 || server !== order[index - 1]), `alternating: ${order.join(' ')}`).toBe(true);
  for (const server of servers) expect(server.accessLog).toEqual(Array(10).fill(lb.vipAddress));

  // CTRL+C in the second server's session: its health checks fail until the console shows it OFFLINE.
  const [up, down] = servers as [SshTerminal, SshTerminal];
  down.type('\x03');
  await down.waitFor('KeyboardInterrupt');
  await expect(badge(memberRow(page, members[1]!.name), 'OFFLINE')).toBeVisible({ timeout: OFFLINE_TIMEOUT_MS });
  await expect(badge(memberRow(page, members[0]!.name), 'ONLINE')).toBeVisible();
  await expect(badge(page.locator('main'), 'DEGRADED')).toBeVisible();

  // From then on every request goes to the first server.
  const [upBefore, downBefore] = logged() as [number, number];
  for (let request = 0; request < 10; request++) expect(await httpGet(lbEndpoint.httpUrl)).toMatchObject({ status: 200, body: 'hello world!\n' });
  await expect.poll(() => up.accessLog.length, { message: 'the remaining server logs every request' }).toBe(upBefore + 10);
  expect(down.accessLog.length).toBe(downBefore);

  // And Chromium at the load balancer's floating IP still sees the page.
  const browser = await context.newPage();
  await browser.goto(lbEndpoint.httpUrl);
  await expect(browser.locator('body')).toHaveText('hello world!');
});

// --- What goes wrong, as a user sees it --------------------------------------------------------------

test('a key that is not the key pair\'s is refused: Permission denied (publickey), while the downloaded one logs in', async ({ baseURL }, testInfo) => {
  const { api, base } = await computeProject(baseURL!);
  const { instance, keyDir, sshArgs } = await reachableInstance(api, base, [22], testInfo.outputPath('keys'));

  const destination = sshArgs.at(-1)!;
  const stranger = await ssh(['-i', strangerKey(testInfo.outputPath('stranger')), destination, 'hostname']);
  expect(stranger.code).toBe(255);
  expect(stranger.stderr).toMatch(/Permission denied \(publickey\)/);
  expect(stranger.stdout).toBe('');

  // The same instance, the same moment, the key pair's own .pem: it is the key that was refused.
  const own = await ssh([...sshArgs, 'hostname'], { cwd: keyDir });
  expect(own, own.stderr).toMatchObject({ code: 0, stdout: `host-${instance.privateIp!.replaceAll('.', '-')}\n` });

  // Another key pair's .pem is a stranger here too.
  const other = await ssh(['-i', await createdKeyPair(api, base, unique('other'), testInfo.outputPath('other')), destination, 'hostname']);
  expect(other.code).toBe(255);
  expect(other.stderr).toMatch(/Permission denied \(publickey\)/);
});

test('without a rule the floating IP drops (ssh and HTTP time out); with the HTTP rule but no web server it refuses; the flow log says which', async ({ page, context, baseURL }, testInfo) => {
  const { api, base, computeUrl } = await computeProject(baseURL!);
  const { instance, floatingIp, keyDir, sshArgs, url } = await reachableInstance(api, base, [], testInfo.outputPath('keys'));

  // No rule: no answer at all, as behind a firewall — not a refusal.
  const dropped = await ssh([...sshArgs, 'hostname'], { cwd: keyDir });
  expect(dropped.code).toBe(255);
  expect(dropped.stderr).toMatch(/timed out/i);
  expect(dropped.elapsedMs).toBeGreaterThanOrEqual(CONNECT_TIMEOUT_S * 1000 - 100);
  expect(await httpFailure(url)).toBe('ETIMEDOUT');

  // The HTTP rule, but nothing listens on port 80: refused at once.
  await allowTcpFromAnywhere(api, base, 80);
  await expect.poll(() => httpFailure(url), { message: 'port 80 is refused once the rule admits it' }).toBe('ECONNREFUSED');
  // Chromium says so too (in a tab of its own: the error page would interrupt the next navigation).
  const tab = await context.newPage();
  await expect(tab.goto(url)).rejects.toThrow(/ERR_CONNECTION_REFUSED/);
  await tab.close();

  // The instance's Flow log tab shows the dropped connections and why.
  await signInAs(page, api);
  await page.goto(computeUrl(`instances/${instance.id}?tab=flow-log`));
  const log = page.getByRole('table', { name: 'Flow log' });
  for (const port of [22, 80]) {
    const entry = log
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: `TCP ${floatingIp}:${port}`, exact: true }) })
      .filter({ has: page.getByRole('cell', { name: 'DROP', exact: true }) });
    await expect(entry.first()).toBeVisible();
    await expect(entry.first()).toContainText(CLIENT_PUBLIC_IP);
    await expect(entry.first()).toContainText(`No ingress rule in security groups default allows TCP ${port}`);
  }
});

test('the XSS boundary: a page written in the guest runs on the floating IP\'s origin and cannot read the console\'s cookies', async ({ page, context, baseURL }, testInfo) => {
  const { api, base, computeUrl } = await computeProject(baseURL!);
  const { instance, keyDir, sshArgs, url } = await reachableInstance(api, base, [22, 80], testInfo.outputPath('keys'));
  const consoleOrigin = new URL(baseURL!).origin;

  // A hostile index.html: it shows its cookies and what the console's API tells it.
  const html =
    `<title>guest</title><p id=guest-marker>hello world!</p><p id=cookies></p><p id=api></p>` +
    `<script>document.getElementById("cookies").textContent="cookies:["+document.cookie+"]";` +
    `fetch("${consoleOrigin}/api/auth/session",{credentials:"include"}).then(r=>r.text()).then(t=>{document.getElementById("api").textContent="api:"+t},()=>{document.getElementById("api").textContent="api:blocked"})</script>`;
  const session = login(`ssh ${instance.name}`, sshArgs, keyDir);
  await session.ready(promptFor(instance.privateIp!));
  await writeIndexHtml(session, html);
  await startWebServer(session);

  // Signed in to the console, which also holds a cookie its own scripts may read.
  await signInAs(page, api);
  await context.addCookies([{ name: 'console_readable', value: 'console-secret', url: consoleOrigin }]);
  const consoleResponses: { url: string; body: Promise<string> }[] = [];
  page.on('response', (response) => {
    if (response.url().startsWith(consoleOrigin) && (response.headers()['content-type'] ?? '').includes('text/html')) consoleResponses.push({ url: response.url(), body: response.text() });
  });
  await page.goto(computeUrl(`instances/${instance.id}?tab=connect`));
  // On the console's origin a script sees its readable cookie, never the HttpOnly session.
  const consoleCookies = await page.evaluate(() => document.cookie);
  expect(consoleCookies).toContain('console_readable=console-secret');
  expect(consoleCookies).not.toContain('sandcloud_session');
  const sessionCookie = (await context.cookies(consoleOrigin)).find((cookie) => cookie.name === 'sandcloud_session');
  expect(sessionCookie).toMatchObject({ domain: '127.0.0.1', httpOnly: true });

  // The web link of "접속 정보" opens the guest's page in a new tab, on the floating IP's origin.
  const link = page.getByRole('link', { name: url, exact: true });
  await expect(link).toBeVisible();
  const [guest] = await Promise.all([context.waitForEvent('page'), link.click()]);
  await guest.waitForLoadState();
  expect(new URL(guest.url()).origin).toBe(new URL(url).origin);
  await expect(guest.locator('#guest-marker')).toHaveText('hello world!');
  // Its script ran and found no cookie of the console, and the console's API did not answer it.
  await expect(guest.locator('#cookies')).toHaveText('cookies:[]');
  await expect(guest.locator('#api')).toHaveText('api:blocked');
  // It cannot reach back into the console's window either.
  expect(await guest.evaluate(() => window.opener === null)).toBe(true);
  await expect.poll(() => session.accessLog).toContain(CLIENT_PUBLIC_IP);

  // The console shows the guest's HTML only as text: in its web terminal the markup is printed, not run.
  await page.goto(computeUrl(`instances/${instance.id}?tab=console`));
  const terminal = new ConsoleTerminal(page, instance.name);
  await terminal.ready();
  await terminal.type('cat index.html');
  await page.keyboard.press('Enter');
  await terminal.expectScreen('<p id=guest-marker>hello world!</p>');
  await expect(page.locator('#guest-marker')).toHaveCount(0);
  await expect(page.locator('#cookies')).toHaveCount(0);

  // Nothing the console's origin served was the guest's HTML.
  expect(consoleResponses.length).toBeGreaterThan(0);
  for (const response of consoleResponses) expect(await response.body, response.url).not.toContain('guest-marker');
});
