import { activatedProject, createTestApi, login, type Client } from './test-api.ts';

/** Public images of the catalog that the API tests launch. */
export const IMAGES = {
  ubuntu: '6f1c0a00-0000-4000-8000-000000002204',
  centos7: '6f1c0a00-0000-4000-8000-000000000007',
  windows: '6f1c0a00-0000-4000-8000-000000002022',
} as const;

/** An OpenSSH public key, imported as the guide's `my_keypair`. */
const TEST_PUBLIC_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJ9aWnM0SMGRdlzrQCeSk0fSKl9xOqaz0Yi7wmiH5oHx test@example';

/** The fields of a created instance that tests read. */
export interface TestInstance {
  id: string;
  name: string;
  zone: string;
  imageId: string;
  portId: string;
  privateIp: string;
}

export interface ComputeProject {
  projectId: string;
  /** `/projects/:projectId`, the prefix of the project's resources. */
  base: string;
  /** The Default Network. */
  networkId: string;
  defaultGroupId: string;
  /** The guide's instance (web, Ubuntu, m2.c1m2, kr-pub-a, 20 GB, my_keypair, default group, Default Network) with overrides. */
  instanceRequest: (overrides?: object) => Record<string, unknown>;
  /** Creates `instanceRequest(overrides)` (201 expected) and answers the instances (at least one), in BUILD. */
  createInstances: (overrides?: object) => Promise<[TestInstance, ...TestInstance[]]>;
}

/**
 * Makes an activated project ready for instances: imports `my_keypair` and finds the Default Network
 * and the `default` security group. Most route tests repeated these steps before their first instance.
 */
export async function prepareComputeProject(client: Client, projectId: string): Promise<ComputeProject> {
  const base = `/projects/${projectId}`;
  await client.post(`${base}/key-pairs/import`, { name: 'my_keypair', publicKey: TEST_PUBLIC_KEY }).expect(201);
  const networkId = (await client.get(`${base}/networks`).expect(200)).body.items[0].id as string;
  const groups = (await client.get(`${base}/security-groups`).expect(200)).body.items as { id: string; name: string }[];
  const defaultGroupId = groups.find((group) => group.name === 'default')!.id;
  const instanceRequest = (overrides: object = {}) => ({
    name: 'web',
    imageId: IMAGES.ubuntu,
    flavorId: 'm2.c1m2',
    zone: 'kr-pub-a',
    rootDiskGb: 20,
    count: 1,
    keyName: 'my_keypair',
    securityGroupIds: [defaultGroupId],
    networkId,
    ...overrides,
  });
  const createInstances = async (overrides: object = {}) =>
    (await client.post(`${base}/instances`, instanceRequest(overrides)).expect(201)).body.items as [TestInstance, ...TestInstance[]];
  return { projectId, base, networkId, defaultGroupId, instanceRequest, createInstances };
}

/** A fresh API (in-memory engine, manual clock), the admin logged in, and one project prepared as above. */
export async function computeTestApi() {
  const api = createTestApi();
  const client = await login(api.app);
  const projectId = await activatedProject(client);
  return { ...api, client, ...(await prepareComputeProject(client, projectId)) };
}
