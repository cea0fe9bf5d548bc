import { ActivityLog } from './activity/activity-log.ts';
import { MetricsService } from './metrics/metrics-service.ts';
import { VolumeService } from './block-storage/volume-service.ts';
import { VolumeMetadataService } from './block-storage/volume-metadata-service.ts';
import { ServerGroupService } from './server-groups/server-group-service.ts';
import { ImageMembers } from './images/image-members.ts';
import { AccessIpService } from './access-ips/access-ip-service.ts';
import { VolumeSnapshotService } from './block-storage/volume-snapshot-service.ts';
import { QuotaGuard } from './catalog/quota-guard.ts';
import { DEFAULT_QUOTAS, type Quotas } from '@sandcloud/domain';
import { InstanceService, type BootVolumes } from './compute/instance-service.ts';
import { ConnectivityService } from './connectivity/connectivity-service.ts';
import type { Clock } from './core/clock.ts';
import type { EventBus } from './core/events.ts';
import { LifecycleRunner } from './core/lifecycle-runner.ts';
import type { Scheduler } from './core/scheduler.ts';
import type { ProjectService } from './projects/project-service.ts';
import type { SettingsService } from './settings/settings-service.ts';
import type { Store } from './store/kinds.ts';
import { FloatingIpService } from './floating-ips/floating-ip-service.ts';
import { FlowLogService } from './flow-logs/flow-log-service.ts';
import { DiskContents } from './guests/disk-contents.ts';
import { GuestNetwork } from './guests/guest-network.ts';
import { GuestService } from './guests/guest-service.ts';
import { ImageService } from './images/image-service.ts';
import { ImageUploads } from './images/image-uploads.ts';
import { KeyPairService } from './key-pairs/key-pair-service.ts';
import { LoadBalancerService } from './load-balancers/load-balancer-service.ts';
import { LoadBalancerRecords } from './load-balancers/load-balancer-records.ts';
import { L7Service } from './load-balancers/l7-service.ts';
import { NetworkService } from './networking/network-service.ts';
import { InterfaceService } from './networking/interface-service.ts';
import { SecurityGroupService } from './security-groups/security-group-service.ts';
import { LoadBalancerRouting } from './traffic/load-balancer-routing.ts';
import { MemberHealth } from './traffic/member-health.ts';
import { TrafficService } from './traffic/traffic-service.ts';

/**
 * The Compute & Network services, wired to the engine's store, clock and scheduler. Each module
 * registers what it creates when the product is activated in a project, and the usage it meters.
 */
export interface EngineModules {
  quotas: QuotaGuard;
  network: NetworkService;
  images: ImageService;
  /** Images registered and uploaded through Glance's API (queued → active with their bytes). */
  imageUploads: ImageUploads;
  keyPairs: KeyPairService;
  securityGroups: SecurityGroupService;
  instances: InstanceService;
  floatingIps: FloatingIpService;
  connectivity: ConnectivityService;
  volumes: VolumeService;
  volumeSnapshots: VolumeSnapshotService;
  /** Cinder volume and snapshot metadata (the OpenStack API's; the console does not show it). */
  volumeMetadata: VolumeMetadataService;
  loadBalancers: LoadBalancerService;
  guests: GuestService;
  /** The network as guests (and the data plane) see it: where an address leads, ingress verdicts. */
  guestNetwork: GuestNetwork;
  flowLogs: FlowLogService;
  /** Connection verdicts, load-balancer routing and member health, with their caches (see `traffic/`). */
  traffic: TrafficService;
  /** Who changed what, through which API, and how it ended (see `activity/`). */
  activity: ActivityLog;
  /** Instances' network interfaces: attach/detach of ports (VPC work, #18). */
  interfaces: InterfaceService;
  /** Nova server groups: a policy recorded with the instances launched into the group. */
  serverGroups: ServerGroupService;
  /** Glance image sharing: the projects a shared image is offered to, and their answers. */
  imageMembers: ImageMembers;
  /** The monitoring graphs: samples of instances and load balancers for the last hour, in memory. */
  metrics: MetricsService;
  /** Nova's accessIPv4/accessIPv6 of servers (recorded, not routed). */
  accessIps: AccessIpService;
  /** Octavia's L7 policies and rules on listeners; the routing asks it for each listener's compiled policies. */
  l7: L7Service;
}

export interface ModuleOptions {
  floatingPool: { start: string; end: string };
  /** Overrides of the default per-project quotas. */
  quotas?: Partial<Quotas>;
}

/** What the modules are wired to (the engine gives its own; no import of the engine, so no cycle). */
export interface ModuleContext {
  store: Store;
  scheduler: Scheduler;
  clock: Clock;
  events: EventBus;
  projects: ProjectService;
  settings: SettingsService;
}

export function registerModules(engine: ModuleContext, options: ModuleOptions): EngineModules {
  const { store, scheduler } = engine;
  const lifecycles = new LifecycleRunner(store, scheduler);
  const activity = new ActivityLog(store, engine.clock, engine.events);
  lifecycles.observers.push(activity);
  const quotas = new QuotaGuard(store, { ...DEFAULT_QUOTAS, ...options.quotas });
  const network = new NetworkService(store, options.floatingPool);
  const images = new ImageService(store, lifecycles, (): InstanceService => instances, (id) => guests.rootDiskOf(id));
  const keyPairs = new KeyPairService(store, quotas);
  const securityGroups = new SecurityGroupService(store, quotas);
  const instances = new InstanceService(store, lifecycles, quotas, { images, keyPairs, network, securityGroups, bootVolumes: (): BootVolumes => volumes });
  const floatingIps = new FloatingIpService(store, network, quotas);
  const connectivity = new ConnectivityService(network, floatingIps, securityGroups, {
    isSimulated: (instance) => guests.isSimulated(instance),
    listeningPorts: (instanceId) => guests.listeningPorts(instanceId),
  });
  const volumes = new VolumeService(store, lifecycles, quotas, instances, engine.clock, images);
  const volumeSnapshots = new VolumeSnapshotService(store, lifecycles, volumes);
  const volumeMetadata = new VolumeMetadataService(store, volumes, volumeSnapshots);
  const lbRecords = new LoadBalancerRecords(store);
  const lbRouting = new LoadBalancerRouting(lbRecords);
  const lbHealth = new MemberHealth(store, scheduler, lbRecords, (lb) => loadBalancers.dependenciesPresent(lb), (instanceId, vipAddress) => {
    // PING monitors: the guest runs and its security groups admit ICMP from the VIP.
    const member = guestNetwork.locateInstance(instanceId);
    return member?.instance.status === 'ACTIVE' && guestNetwork.ingress(member, { kind: 'instance', ip: vipAddress, securityGroupIds: [] }, 'icmp').allowed;
  });
  const loadBalancers: LoadBalancerService = new LoadBalancerService(store, lifecycles, engine.clock, lbRecords, {
    network,
    floatingIps,
    health: lbHealth,
    routing: lbRouting,
    traffic: () => traffic,
  });
  const l7 = new L7Service(store, loadBalancers);
  lbRouting.useL7((listenerId) => l7.program(listenerId));
  const guestNetwork = new GuestNetwork(store, network, floatingIps, securityGroups, (id, port, request) => guests.deliverHttp(id, port, request), lbRouting);
  const guests: GuestService = new GuestService(store, engine.clock, new DiskContents(store), {
    instances,
    keyPairs,
    volumes,
    network: guestNetwork,
  });

  const flowLogs = new FlowLogService(store, engine.clock);
  const traffic: TrafficService = new TrafficService(store, engine.events, engine.settings, {
    network,
    floatingIps,
    securityGroups,
    connectivity,
    guests,
    guestNetwork,
    flowLogs,
    records: lbRecords,
    routing: lbRouting,
    health: lbHealth,
  });

  network.ensurePublicNetwork();
  images.seedPublicImages();
  engine.projects.onActivation((projectId) => {
    network.createDefaultNetwork(projectId);
    securityGroups.createDefault(projectId);
  });

  // Summed from the store's per-project list in memory (no copy, no SQL).
  const instancesOf = (projectId: string) => store.view('instance', projectId);
  quotas.meter('instances', (projectId) => store.count('instance', projectId));
  quotas.meter('vcpus', (projectId) => instancesOf(projectId).reduce((sum, i) => sum + i.vcpus, 0));
  quotas.meter('ramMb', (projectId) => instancesOf(projectId).reduce((sum, i) => sum + i.ramMb, 0));
  quotas.meter('floatingIps', (projectId) => store.count('floating-ip', projectId));
  quotas.meter('securityGroups', (projectId) => store.count('security-group', projectId));
  quotas.meter('securityGroupRules', (projectId) => securityGroups.ruleCount(projectId));
  quotas.meter('keyPairs', (projectId) => store.count('key-pair', projectId));
  quotas.meter('volumes', (projectId) => store.count('volume', projectId));
  quotas.meter('volumeGb', (projectId) => volumes.usedGb(projectId));
  quotas.meter('volumeSnapshots', (projectId) => store.count('volume-snapshot', projectId));
  quotas.meter('loadBalancers', (projectId) => store.count('load-balancer', projectId));
  quotas.meter('networks', (projectId) => store.count('network', projectId));

  securityGroups.countUsers((groupId) => store.countBy('port', 'securityGroupIds', groupId));
  // The guest goes first: it writes out what it can before its disks are taken away.
  instances.hooks.beforeDelete.push((instance) => guests.destroyed(instance));
  instances.hooks.afterChange.push((instance) => guests.statusChanged(instance));
  instances.hooks.powerCut.push((instance) => guests.powerCut(instance));
  instances.hooks.rebuilt.push((instance) => guests.rebuilt(instance));
  volumes.hooks.afterAttach.push((volume) => guests.volumeAttached(volume));
  volumes.hooks.beforeDetach.push((volume) => guests.volumeDetaching(volume));
  instances.hooks.beforeDelete.push((instance) => {
    const port = instance.portId ? network.getPort(instance.portId) : undefined;
    if (port) floatingIps.releasePort(port);
  });
  instances.hooks.beforeDelete.push((instance) => volumes.releaseInstance(instance));
  instances.hooks.beforeDelete.push((instance) => loadBalancers.removeInstance(instance));
  instances.hooks.beforeDelete.push((instance) => flowLogs.forget(instance.id));
  const interfaces = new InterfaceService(store, network);
  network.hooks.beforePortDelete.push((port) => floatingIps.releasePort(port));
  network.hooks.afterAddressChange.push((port) => floatingIps.followPort(port));
  instances.hooks.beforeDelete.push((instance) => interfaces.releaseSecondary(instance));
  interfaces.hooks.changed.push((instance) => guests.interfacesChanged(instance));

  engine.events.subscribe((event) => {
    if ((event.kind === 'volume' || event.kind === 'volume-snapshot') && event.change === 'deleted') volumeMetadata.forget(event.id);
  });

  const imageUploads = new ImageUploads(store);
  const serverGroups = new ServerGroupService(store);
  instances.hooks.beforeDelete.push((instance) => serverGroups.removeInstance(instance));
  const imageMembers = new ImageMembers(store, { find: (id) => store.get('image', id) });
  engine.events.subscribe((event) => {
    if (event.kind === 'image' && event.change === 'deleted') imageMembers.forget(event.id);
  });
  const metrics = new MetricsService(store, engine.clock, { guestOf: (instance) => guests.runningGuest(instance.id) });
  const accessIps = new AccessIpService(store, (projectId, id) => instances.get(projectId, id));
  instances.hooks.beforeDelete.push((instance) => accessIps.forget(instance.id));
  return { quotas, network, images, imageUploads, keyPairs, securityGroups, instances, floatingIps, connectivity, volumes, volumeSnapshots, volumeMetadata, loadBalancers, guests, guestNetwork, flowLogs, traffic, activity, interfaces, serverGroups, imageMembers, metrics, accessIps, l7 };
}
