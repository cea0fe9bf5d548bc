import { expect, type Page } from '@playwright/test';
import { activatedProject, unique, type apiAs } from './fixtures.ts';

// Arranging through the API the state a test is not about (instances, load balancers), so the
// browser spends its time on the screens under test. Each helper waits until the state is settled.

export type Api = Awaited<ReturnType<typeof apiAs>>;

/** The speed the e2e server runs simulated time at (`SANDCLOUD_SPEED` in playwright.config.ts). */
export const SIMULATED_SPEED = 10;

export const UBUNTU_2204 = '6f1c0a00-0000-4000-8000-000000002204';
/** The guide's OS: CentOS 7.9, with python 2 (`python -m SimpleHTTPServer 80`). */
export const CENTOS_7 = '6f1c0a00-0000-4000-8000-000000000007';
export const FLAVOR = 'm2.c1m2';
/** The zone API-made instances live in; `[+Block Storage 생성]` keeps the first zone as default. */
export const ZONE = 'kr-pub-a';
/** A valid OpenSSH public key, for key pairs the test only needs to exist. */
const PUBLIC_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJ9aWnM0SMGRdlzrQCeSk0fSKl9xOqaz0Yi7wmiH5oHx e2e@sandcloud';

export interface InstanceDto {
  id: string;
  name: string;
  status: string;
  taskState: string | null;
  privateIp: string | null;
  portId: string | null;
}

interface LoadBalancerDto {
  id: string;
  name: string;
  provisioningStatus: string;
  operatingStatus: string;
  vipAddress: string;
  listeners: { id: string; pool: { members: { id: string; instanceName: string; operatingStatus: string }[] } }[];
}

/**
 * Signs the browser in with the API client's session (the login screen is not under test here and
 * costs a page load), so the next `page.goto` opens the screen directly.
 */
export async function signInAs(page: Page, api: Api) {
  const { cookies } = await api.context.storageState();
  expect(cookies.map((cookie) => cookie.name), 'the API client has a session cookie').toContain('sandcloud_session');
  await page.context().addCookies(cookies);
}

/** A fresh project with Compute & Network activated, and where its screens are. */
export async function computeProject(baseURL: string) {
  const { api, projectId } = await activatedProject(baseURL);
  const base = `/projects/${projectId}`;
  return { api, projectId, base, computeUrl: (section = 'instances') => `${base}/compute/${section}` };
}

export const importKeyPair = (api: Api, base: string, name = unique('key')) => api.post(`${base}/key-pairs/import`, { name, publicKey: PUBLIC_KEY });

export async function defaultGroupId(api: Api, base: string): Promise<string> {
  const groups = await api.get<{ items: { id: string; name: string }[] }>(`${base}/security-groups`);
  const group = groups.items.find((candidate) => candidate.name === 'default');
  expect(group, 'the project has a default security group').toBeDefined();
  return group!.id;
}

/** The project's "Default Network" with its subnet. */
export async function defaultNetwork(api: Api, base: string) {
  const networks = await api.get<{ items: { id: string; name: string; subnetId: string; cidr: string }[] }>(`${base}/networks`);
  const network = networks.items.find((candidate) => candidate.name === 'Default Network') ?? networks.items[0];
  expect(network, 'the project has a default network').toBeDefined();
  return network!;
}

export async function instanceStatus(api: Api, base: string, id: string): Promise<string> {
  const instance = await api.get<InstanceDto>(`${base}/instances/${id}`);
  // "ACTIVE" only once no task is in flight, so the next action is allowed.
  return instance.taskState ? `${instance.status}, ${instance.taskState}` : instance.status;
}

/**
 * Creates `count` instances (NAME, or NAME-1…NAME-n; Ubuntu unless told) and waits until they are
 * ACTIVE. They get a fresh key pair unless `keyName` names one of the project's.
 */
export async function activeInstances(api: Api, base: string, name: string, count = 1, imageId = UBUNTU_2204, keyName?: string): Promise<InstanceDto[]> {
  if (!keyName) {
    keyName = unique('key');
    await importKeyPair(api, base, keyName);
  }
  const { items } = await api.post<{ items: InstanceDto[] }>(`${base}/instances`, {
    name,
    imageId,
    flavorId: FLAVOR,
    zone: ZONE,
    rootDiskGb: 20,
    count,
    keyName,
    securityGroupIds: [await defaultGroupId(api, base)],
    networkId: (await defaultNetwork(api, base)).id,
  });
  for (const instance of items) await expect.poll(() => instanceStatus(api, base, instance.id)).toBe('ACTIVE');
  // As they are now: the private IP is assigned while they build.
  return Promise.all(items.map((instance) => api.get<InstanceDto>(`${base}/instances/${instance.id}`)));
}

/** A new floating IP associated with `portId` (an instance's port or a load balancer's VIP port). */
export async function associatedFloatingIp(api: Api, base: string, portId: string): Promise<{ id: string; address: string }> {
  const floatingIp = await api.post<{ id: string; address: string }>(`${base}/floating-ips`);
  await api.post(`${base}/floating-ips/${floatingIp.id}/associate`, { portId });
  return floatingIp;
}

/** An ingress rule on the `default` group for TCP `port` from 0.0.0.0/0 (the guide's "HTTP" rule for 80). */
export async function allowTcpFromAnywhere(api: Api, base: string, port: number) {
  await api.post(`${base}/security-groups/${await defaultGroupId(api, base)}/rules`, {
    direction: 'ingress',
    etherType: 'IPv4',
    protocol: 'tcp',
    portRangeMin: port,
    portRangeMax: port,
    remoteIpPrefix: '0.0.0.0/0',
    remoteGroupId: null,
    description: '',
  });
}

/**
 * Runs `command` in a shell on the instance, through the console's WebSocket opened by `shellPage`
 * (a page of the signed-in browser context kept apart from the one under test, so navigating does
 * not hang the session up), and resolves once the output shows `started`. The session stays open,
 * like a terminal left running, until the page or its context closes.
 */
export async function runInGuest(shellPage: Page, projectId: string, instance: Pick<InstanceDto, 'id' | 'name'>, command: string, started: string) {
  if (!shellPage.url().startsWith('http')) await shellPage.goto('/api/auth/session');
  const path = `/api/projects/${projectId}/instances/${instance.id}/console`;
  const output = await shellPage.evaluate(
    ({ path, command, started }) =>
      new Promise<string>((resolve, reject) => {
        const socket = new WebSocket(`${location.origin.replace(/^http/, 'ws')}${path}`);
        socket.binaryType = 'arraybuffer';
        // Kept reachable for as long as the page lives.
        ((window as unknown as { shells?: WebSocket[] }).shells ??= []).push(socket);
        const decoder = new TextDecoder();
        let screen = '';
        let typed = false;
        const fail = (why: string) => reject(new Error(`${why}: ${screen.slice(-300)}`));
        const timer = setTimeout(() => fail(`no "${started}" after 20 s`), 20_000);
        socket.onmessage = (event: MessageEvent<ArrayBuffer | string>) => {
          screen += typeof event.data === 'string' ? event.data : decoder.decode(event.data, { stream: true });
          // eslint-disable-next-line no-control-regex
          const text = screen.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
          if (!typed && /\]#\s*$/.test(text)) {
            typed = true;
            socket.send(new TextEncoder().encode(`${command}\r`));
          }
          if (typed && text.includes(started)) {
            clearTimeout(timer);
            resolve(text);
          }
        };
        socket.onclose = (event) => fail(`console closed (${event.code} ${event.reason})`);
      }),
    { path, command, started },
  );
  expect(output, `${instance.name} runs ${command}`).toContain(started);
}

/** The guide's step 6 web server on port 80 (`python -m SimpleHTTPServer 80`, CentOS 7), left running. */
export const startWebServer = (shellPage: Page, projectId: string, instance: Pick<InstanceDto, 'id' | 'name'>) =>
  runInGuest(shellPage, projectId, instance, 'python -m SimpleHTTPServer 80', 'Serving HTTP on 0.0.0.0 port 80');

/** `stop` / `start` through the API; resolves once the instance has settled in `expected`. */
export async function powerAction(api: Api, base: string, id: string, action: 'stop' | 'start', expected: 'SHUTOFF' | 'ACTIVE') {
  await api.post(`${base}/instances/${id}/actions`, { action });
  await expect.poll(() => instanceStatus(api, base, id)).toBe(expected);
}

/**
 * The guide's load balancer through the API: ROUND_ROBIN, HTTP 80 → 80, a TCP health check on port
 * 80 with the default timing. Resolves once it is ACTIVE (its members' health is the caller's business).
 */
export async function createLoadBalancer(api: Api, base: string, name: string, instances: InstanceDto[]): Promise<LoadBalancerDto> {
  const { subnetId } = await defaultNetwork(api, base);
  const created = await api.post<LoadBalancerDto>(`${base}/load-balancers`, {
    name,
    subnetId,
    listener: { protocol: 'HTTP', protocolPort: 80 },
    pool: {
      lbAlgorithm: 'ROUND_ROBIN',
      memberPort: 80,
      members: instances.map((instance) => ({ instanceId: instance.id })),
      healthMonitor: { type: 'TCP', monitorPort: 80 },
    },
  });
  await expect.poll(async () => (await api.get<LoadBalancerDto>(`${base}/load-balancers/${created.id}`)).provisioningStatus).toBe('ACTIVE');
  return api.get<LoadBalancerDto>(`${base}/load-balancers/${created.id}`);
}

/** "NAME: ONLINE" for each member of the load balancer, sorted by name. */
export async function memberHealth(api: Api, base: string, loadBalancerId: string): Promise<string[]> {
  const lb = await api.get<LoadBalancerDto>(`${base}/load-balancers/${loadBalancerId}`);
  return lb.listeners
    .flatMap((listener) => listener.pool.members.map((member) => `${member.instanceName}: ${member.operatingStatus}`))
    .sort();
}
