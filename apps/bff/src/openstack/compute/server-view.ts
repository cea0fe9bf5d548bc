import type { AccessIps, Engine, FloatingIp, Instance, Port } from '@sandcloud/engine';
import { createHash } from 'node:crypto';
import { osTime } from '../common.ts';

/** What rendering servers needs, looked up once per response rather than once per server. */
export interface ServerLookups {
  base: string;
  ports: ReadonlyMap<string, Port>;
  floatingIpsByPort: ReadonlyMap<string, FloatingIp>;
  networkNames: ReadonlyMap<string, string>;
  /** Each server's ports besides its first, in the order they were made (eth1, eth2…). */
  extraPortsByDevice: ReadonlyMap<string, Port[]>;
  groupNames: ReadonlyMap<string, string>;
  volumesByInstance: ReadonlyMap<string, string[]>;
  /** Nova's accessIPv4/accessIPv6 a user recorded on a server. */
  accessIpsOf: (instanceId: string) => AccessIps;
}

export function serverLookups(engine: Engine, projectId: string, base: string): ServerLookups {
  const { network, floatingIps, securityGroups, volumes } = engine.modules;
  const floatingIpsByPort = new Map<string, FloatingIp>();
  for (const floatingIp of floatingIps.list(projectId)) if (floatingIp.portId) floatingIpsByPort.set(floatingIp.portId, floatingIp);
  const accessIps = engine.modules.accessIps.byInstance(projectId);
  const volumesByInstance = new Map<string, string[]>();
  for (const volume of volumes.list(projectId)) {
    const instanceId = volume.attachment?.instanceId;
    if (instanceId) volumesByInstance.set(instanceId, [...(volumesByInstance.get(instanceId) ?? []), volume.id]);
  }
  const ports = network.ports(projectId);
  const extraPortsByDevice = new Map<string, Port[]>();
  for (const port of [...ports].sort((a, b) => a.createdAt - b.createdAt || a.name.localeCompare(b.name, 'en', { numeric: true }))) {
    if (port.deviceId) extraPortsByDevice.set(port.deviceId, [...(extraPortsByDevice.get(port.deviceId) ?? []), port]);
  }
  return {
    base,
    ports: new Map(ports.map((port) => [port.id, port])),
    extraPortsByDevice,
    floatingIpsByPort,
    networkNames: new Map(network.networks(projectId).map((n) => [n.id, n.name])),
    groupNames: new Map(securityGroups.list(projectId).map((g) => [g.id, g.name])),
    volumesByInstance,
    accessIpsOf: (instanceId) => accessIps.get(instanceId) ?? { v4: '', v6: '' },
  };
}

/** Nova's vm_state and task_state for the engine's status and task. */
const VM_STATES: Record<string, string> = {
  BUILD: 'building',
  ACTIVE: 'active',
  SHUTOFF: 'stopped',
  REBOOT: 'active',
  HARD_REBOOT: 'active',
  ERROR: 'error',
  RESIZE: 'active',
  VERIFY_RESIZE: 'resized',
  REVERT_RESIZE: 'resized',
  REBUILD: 'active',
};
const STATUS_TASKS: Record<string, string> = {
  BUILD: 'spawning',
  REBOOT: 'rebooting',
  HARD_REBOOT: 'rebooting_hard',
  RESIZE: 'resize_migrating',
  REVERT_RESIZE: 'resize_reverting',
  REBUILD: 'rebuild_spawning',
};
/** libvirt power states as Nova numbers them: 0 NOSTATE, 1 RUNNING, 4 SHUTDOWN. */
const POWER_STATES: Record<string, number> = { NOSTATE: 0, RUNNING: 1, SHUTDOWN: 4 };

/**
 * A stable MAC for a port, with OpenStack's fa:16:3e prefix: the port id's first six hex digits
 * (random in a v4 UUID), hashed only for ids that are not hex.
 */
export const macOf = (portId: string): string => {
  const hex = /^[0-9a-f]{6}/.test(portId) ? portId : createHash('sha1').update(portId).digest('hex');
  return `fa:16:3e:${hex.slice(0, 2)}:${hex.slice(2, 4)}:${hex.slice(4, 6)}`;
};

/** Nova's hostId: a hash of the project and the host, the same for a project's servers on one host (zone). */
const hostIds = new Map<string, string>();
function hostIdOf(projectId: string, zone: string): string {
  const key = `${projectId}${zone}`;
  let id = hostIds.get(key);
  if (id === undefined) {
    id = createHash('sha224').update(key).digest('hex');
    if (hostIds.size > 10_000) hostIds.clear();
    hostIds.set(key, id);
  }
  return id;
}

export const serverLinks = (base: string, projectId: string, id: string) => [
  { rel: 'self', href: `${base}/compute/v2.1/servers/${id}` },
  { rel: 'bookmark', href: `${base}/compute/servers/${id}` },
];

/** `addresses`: the fixed IP on its network, and the floating IP forwarding to it. */
export function addressesOf(instance: Instance, lookups: ServerLookups): Record<string, object[]> {
  const port = instance.portId ? lookups.ports.get(instance.portId) : undefined;
  if (!port) return {};
  // The first interface, then the others in order; a network with two interfaces lists both.
  const all = [port, ...(lookups.extraPortsByDevice.get(instance.id) ?? []).filter((p) => p.id !== port.id && p.fixedIp)];
  const addresses: Record<string, object[]> = {};
  for (const each of all) {
    const mac = macOf(each.id);
    const floatingIp = lookups.floatingIpsByPort.get(each.id);
    const label = lookups.networkNames.get(each.networkId) ?? each.networkId;
    const entries = (addresses[label] ??= []);
    entries.push({ version: 4, addr: each.fixedIp, 'OS-EXT-IPS:type': 'fixed', 'OS-EXT-IPS-MAC:mac_addr': mac });
    if (floatingIp) entries.push({ version: 4, addr: floatingIp.address, 'OS-EXT-IPS:type': 'floating', 'OS-EXT-IPS-MAC:mac_addr': mac });
  }
  return addresses;
}

/** A server as Nova 2.1 shows it in `GET /servers/{id}` and `/servers/detail`. */
export function serverView(instance: Instance, lookups: ServerLookups) {
  const { base } = lookups;
  const projectId = instance.projectId ?? '';
  return {
    id: instance.id,
    name: instance.name,
    status: instance.status,
    tenant_id: projectId,
    user_id: '',
    metadata: { ...instance.metadata },
    hostId: hostIdOf(projectId, instance.zone),
    // A server booted from a volume has no image (Nova answers an empty string).
    image: instance.bootVolumeId ? '' : { id: instance.imageId, links: [{ rel: 'bookmark', href: `${base}/compute/images/${instance.imageId}` }] },
    flavor: { id: instance.flavorId, links: [{ rel: 'bookmark', href: `${base}/compute/flavors/${instance.flavorId}` }] },
    created: osTime(instance.createdAt),
    updated: osTime(instance.updatedAt),
    addresses: addressesOf(instance, lookups),
    accessIPv4: lookups.accessIpsOf(instance.id).v4,
    accessIPv6: lookups.accessIpsOf(instance.id).v6,
    links: serverLinks(base, projectId, instance.id),
    'OS-DCF:diskConfig': 'MANUAL',
    progress: 0,
    'OS-EXT-AZ:availability_zone': instance.zone,
    config_drive: '',
    key_name: instance.keyName || null,
    'OS-SRV-USG:launched_at': instance.status === 'BUILD' ? null : new Date(instance.createdAt).toISOString().replace('Z', '000'),
    'OS-SRV-USG:terminated_at': null,
    // Nova leaves the key out when a server has no security group.
    ...(instance.securityGroupIds.length > 0 ? { security_groups: instance.securityGroupIds.map((id) => ({ name: lookups.groupNames.get(id) ?? id })) } : {}),
    'OS-EXT-STS:task_state': instance.taskState ?? STATUS_TASKS[instance.status] ?? null,
    'OS-EXT-STS:vm_state': VM_STATES[instance.status] ?? 'error',
    'OS-EXT-STS:power_state': POWER_STATES[instance.powerState] ?? 0,
    'os-extended-volumes:volumes_attached': (lookups.volumesByInstance.get(instance.id) ?? []).map((id) => ({ id })),
  };
}

/** The attributes Nova 2.1's update and rebuild answers hold (their schemas forbid the extensions a GET has). */
const CORE_ATTRIBUTES = new Set(['id', 'name', 'status', 'image', 'flavor', 'user_id', 'tenant_id', 'created', 'updated', 'metadata', 'links', 'addresses', 'hostId', 'accessIPv4', 'accessIPv6', 'OS-DCF:diskConfig', 'progress']);

/** A server as Nova's update and rebuild answer it: `serverView` cut to the core attributes. */
export function coreServerView(instance: Instance, lookups: ServerLookups): Record<string, unknown> {
  return Object.fromEntries(Object.entries(serverView(instance, lookups)).filter(([key]) => CORE_ATTRIBUTES.has(key)));
}
