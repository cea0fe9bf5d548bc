import type { FilesystemSnapshot } from '@sandcloud/guest';
import type { SecurityGroupRule, SecurityGroupRuleDraft } from '@sandcloud/domain';
import { LISTENER_PROTOCOLS, type ListenerProtocol } from '@sandcloud/domain';
import type { Clock } from '../core/clock.ts';
import { conflict, EngineError, invalidInput } from '../core/errors.ts';
import type { Scheduler } from '../core/scheduler.ts';
import { DiskContents } from '../guests/disk-contents.ts';
import type { EngineModules } from '../modules.ts';
import type { ProjectService } from '../projects/project-service.ts';
import type { Store, ResourceKind } from '../store/kinds.ts';
import { DEFAULT_GROUP_NAME } from '../security-groups/security-group-service.ts';
import { newId } from '../core/ids.ts';
import type { Image } from '../images/image.ts';
import type { Listener, Pool } from '../load-balancers/load-balancer.ts';
import type { HealthMonitorInput } from '../load-balancers/validation.ts';
import { PUBLIC_NETWORK_ID } from '../networking/network-service.ts';
import { addedRules } from './project-reset.ts';

export const STATE_FORMAT = 'sandcloud-state';
/** The version this Sandcloud writes and the newest it reads. */
export const STATE_VERSION = 1;

/** One project's resources, guest file systems and public keys, as `GET …/state` downloads them. */
export interface StateDocument {
  format: typeof STATE_FORMAT;
  version: number;
  exportedAt: string;
  project: { name: string; description: string };
  /** Every record of the project (volumes without their content, which is in `volumesContent`). */
  resources: StateResource[];
  /** Instance id → its root disk's flushed file system (`authorized_keys` included). */
  guestDisks: Record<string, unknown>;
  /** Volume id (or volume snapshot id) → what is written on it. */
  volumesContent: Record<string, unknown>;
  /** Private image id → the root disk it was captured with (absent in files written before). */
  imageDisks?: Record<string, unknown>;
  /** Public keys only: the private key never left the user's machine. */
  keyPairs: { name: string; publicKey: string }[];
}

export interface StateResource {
  kind: string;
  id: string;
  name: string;
  [field: string]: unknown;
}

export interface ImportReport {
  created: { keyPairs: number; securityGroups: number; rules: number; instances: number; volumes: number; floatingIps: number; images: number; loadBalancers: number; volumeSnapshots: number };
  /** Links made once both ends are ready (volume attachments, floating IP associations). */
  pendingLinks: number;
  /** What this version cannot recreate, with why. */
  skipped: { kind: string; name: string; reason: string }[];
}

const EXPORTED_KINDS: ResourceKind[] = ['network', 'subnet', 'router', 'security-group', 'image', 'instance', 'volume', 'volume-snapshot', 'floating-ip', 'load-balancer', 'lb-listener', 'lb-pool', 'lb-member'];
const LINK = 'sandbox.import-link';
const LINK_RETRY_MS = 1_000;
/** A link whose ends never become ready (an instance that failed to build) is given up after this many tries. */
const LINK_TRIES = 120;

type Link =
  | { type: 'attach'; projectId: string; volumeId: string; instanceId: string; tries: number }
  | { type: 'associate'; projectId: string; floatingIpId: string; instanceId: string; tries: number }
  /** A volume snapshot, taken once its volume is ready, then given the snapshot's own content. */
  | { type: 'snapshot'; projectId: string; volumeId: string; name: string; description: string; content: unknown; tries: number }
  /** A load balancer's floating IP, associated with its VIP once the load balancer is ACTIVE. */
  | { type: 'associate-lb'; projectId: string; floatingIpId: string; loadBalancerId: string; tries: number }
  /** An instance exported SHUTOFF is stopped again once it has booted (after its attachments). */
  | { type: 'stop'; projectId: string; instanceId: string; tries: number };

/**
 * Export and import of one project's state (LocalStack's state export is the model): a versioned
 * JSON document. Import recreates the resources through the services into an empty project, in
 * one transaction, so a refused file changes nothing; root disks and volume contents come back
 * with the file systems exported, so instances answer ssh with the same key.
 */
export class ProjectState {
  private readonly disks: DiskContents;

  constructor(
    private readonly store: Store,
    private readonly scheduler: Scheduler,
    private readonly clock: Clock,
    private readonly projects: ProjectService,
    private readonly modules: EngineModules,
    private readonly isEmpty: (projectId: string) => boolean,
  ) {
    this.disks = new DiskContents(store);
    scheduler.register(LINK, (payload) => this.link(payload as unknown as Link));
  }

  /** A project by its name, for the command line (`--project NAME`). */
  projectNamed(name: string): { id: string; name: string } {
    const project = this.store.list('project').find((p) => p.name === name);
    if (!project) throw invalidInput(`No project named ${name}`, 'project').coded('project.unknownName', { name });
    return project;
  }

  export(projectId: string): StateDocument {
    const project = this.projects.get(projectId);
    const resources: StateResource[] = [];
    const guestDisks: Record<string, unknown> = {};
    const volumesContent: Record<string, unknown> = {};
    const imageDisks: Record<string, unknown> = {};
    for (const kind of EXPORTED_KINDS) {
      for (const record of this.store.list(kind, projectId)) {
        if (kind === 'image' && (record as { visibility?: string }).visibility === 'public') continue;
        const { content, rootDiskSnapshot: disk, ...fields } = record as unknown as Record<string, unknown>;
        resources.push({ kind, ...fields } as StateResource);
        if ((kind === 'volume' || kind === 'volume-snapshot') && content != null) volumesContent[record.id] = content;
        if (kind === 'image' && disk != null) imageDisks[record.id] = disk;
        if (kind === 'instance') {
          const disk = this.modules.guests.rootDiskOf(record.id);
          if (disk) guestDisks[record.id] = disk;
        }
      }
    }
    const keyPairs = this.modules.keyPairs.list(projectId).map((k) => ({ name: k.name, publicKey: k.publicKey }));
    return {
      format: STATE_FORMAT,
      version: STATE_VERSION,
      exportedAt: new Date(this.clock.now()).toISOString(),
      project: { name: project.name, description: project.description },
      resources,
      guestDisks,
      volumesContent,
      imageDisks,
      keyPairs,
    };
  }

  /** Checks a document and recreates it in an empty project; a refused document changes nothing. */
  import(projectId: string, input: unknown): ImportReport {
    const doc = parseState(input);
    return this.store.transaction(() => {
      if (!this.isEmpty(projectId)) throw conflict('A state is imported into an empty project: reset the project first').coded('state.importNeedsEmptyProject');
      try {
        return this.recreate(projectId, doc);
      } catch (error) {
        // A record the services refuse (unknown image, bad rule) makes the file invalid, not the request.
        if (error instanceof EngineError && error.code === 'NOT_FOUND') throw invalidInput(`The state file does not fit this sandbox: ${error.message}`, 'state').coded('state.doesNotFit', { detail: error.message });
        throw error;
      }
    });
  }

  private recreate(projectId: string, doc: StateDocument): ImportReport {
    const m = this.modules;
    const report: ImportReport = { created: { keyPairs: 0, securityGroups: 0, rules: 0, instances: 0, volumes: 0, floatingIps: 0, images: 0, loadBalancers: 0, volumeSnapshots: 0 }, pendingLinks: 0, skipped: [] };
    const of = (kind: string) => doc.resources.filter((r) => r.kind === kind);

    for (const key of doc.keyPairs) {
      m.keyPairs.import(projectId, key.name, key.publicKey);
      report.created.keyPairs++;
    }

    // Groups first (instances name them), then their rules (a rule may name another group).
    const groupIds = new Map<string, string>();
    const defaultGroup = m.securityGroups.list(projectId).find((g) => g.name === DEFAULT_GROUP_NAME)!;
    const groups = of('security-group') as unknown as { id: string; name: string; description: string; rules: (SecurityGroupRuleDraft & { description: string })[] }[];
    for (const group of groups) {
      if (group.name === DEFAULT_GROUP_NAME) groupIds.set(group.id, defaultGroup.id);
      else {
        groupIds.set(group.id, m.securityGroups.create(projectId, { name: group.name, description: group.description ?? '' }).id);
        report.created.securityGroups++;
      }
    }
    for (const group of groups) {
      const newId = groupIds.get(group.id)!;
      // A new group gets Neutron's default egress rules; only what the user added is replayed.
      const existing = new Set(m.securityGroups.get(projectId, newId).rules.map((r) => ruleKey({ ...r, remoteGroupId: r.remoteGroupId })));
      for (const rule of addedRules({ id: group.id, rules: group.rules as SecurityGroupRule[] })) {
        const draft: SecurityGroupRuleDraft & { description?: string } = {
          direction: rule.direction,
          etherType: rule.etherType,
          protocol: rule.protocol,
          portRangeMin: rule.portRangeMin,
          portRangeMax: rule.portRangeMax,
          remoteIpPrefix: rule.remoteIpPrefix,
          remoteGroupId: rule.remoteGroupId ? (groupIds.get(rule.remoteGroupId) ?? null) : null,
          description: rule.description ?? '',
        };
        if (existing.has(ruleKey(draft))) continue;
        m.securityGroups.addRule(projectId, newId, draft);
        report.created.rules++;
      }
    }

    // Private images (made from an instance): the captured root disk comes with the record.
    const imageIds = new Map<string, string>();
    for (const image of of('image') as unknown as (Image & { kind: string })[]) {
      if (image.visibility !== 'private' || image.status !== 'active') {
        report.skipped.push({ kind: 'image', name: image.name, reason: image.visibility === 'private' ? `it was ${image.status}, not active` : 'public images are the sandbox\'s own' });
        continue;
      }
      const { kind: _kind, createdAt: _createdAt, updatedAt: _updatedAt, ...fields } = image;
      const created = this.store.insert<Image>('image', { ...fields, id: newId(), projectId, sourceInstanceId: null, rootDiskSnapshot: doc.imageDisks?.[image.id] ?? null });
      imageIds.set(image.id, created.id);
      report.created.images++;
    }

    const networksByOldId = new Map(of('network').map((n) => [n.id, n.name]));
    const targetNetworks = m.network.networks(projectId);
    const instanceIds = new Map<string, string>();
    const stops: string[] = [];
    const instanceByPort = new Map<string, string>();
    for (const instance of of('instance') as unknown as OldInstance[]) {
      if (instance.portId) instanceByPort.set(instance.portId, instance.id);
      const network = targetNetworks.find((n) => n.name === networksByOldId.get(instance.networkId));
      if (!network) {
        report.skipped.push({ kind: 'instance', name: instance.name, reason: `its network ${networksByOldId.get(instance.networkId) ?? instance.networkId} is not in this project` });
        continue;
      }
      const imageId = imageIds.get(instance.imageId) ?? instance.imageId;
      const image = this.store.get('image', imageId);
      if (!image || (image.visibility !== 'public' && image.projectId !== projectId)) {
        report.skipped.push({ kind: 'instance', name: instance.name, reason: 'its image is not in the file or this sandbox' });
        continue;
      }
      const [created] = m.instances.create(projectId, {
        name: instance.name,
        imageId,
        flavorId: instance.flavorId,
        zone: instance.zone,
        rootDiskGb: instance.rootDiskGb,
        count: 1,
        keyName: instance.keyName,
        securityGroupIds: instance.securityGroupIds.map((id) => groupIds.get(id)).filter((id): id is string => id !== undefined),
        networkId: network.id,
      });
      instanceIds.set(instance.id, created!.id);
      const disk = doc.guestDisks[instance.id];
      // Written before the first boot, so the guest boots from it (with its authorized_keys).
      if (disk) this.disks.write(created!.id, disk as FilesystemSnapshot);
      report.created.instances++;
      if ((instance as { status?: string }).status === 'SHUTOFF') stops.push(created!.id);
    }

    for (const volume of of('volume') as unknown as OldVolume[]) {
      const created = m.volumes.create(projectId, { name: volume.name, description: volume.description ?? '', sizeGb: volume.sizeGb, volumeType: volume.volumeType, zone: volume.zone });
      const content = doc.volumesContent[volume.id];
      if (content !== undefined) m.volumes.saveContent(created.id, content);
      report.created.volumes++;
      // Its snapshots are taken once it is ready (before any attachment), each with its own content.
      for (const snapshot of of('volume-snapshot') as unknown as { id: string; name: string; description?: string; volumeId: string }[]) {
        if (snapshot.volumeId !== volume.id) continue;
        this.scheduleLink({ type: 'snapshot', projectId, volumeId: created.id, name: snapshot.name, description: snapshot.description ?? '', content: doc.volumesContent[snapshot.id] ?? null, tries: 0 });
        report.created.volumeSnapshots++;
        report.pendingLinks++;
      }
      const instanceId = volume.attachment ? instanceIds.get(volume.attachment.instanceId) : undefined;
      if (instanceId) {
        this.scheduleLink({ type: 'attach', projectId, volumeId: created.id, instanceId, tries: 0 });
        report.pendingLinks++;
      }
    }

    // Load balancers (one listener, its pool and members, as the console makes them), on the Default Network.
    const balancerByVipPort = new Map<string, string>();
    const subnet = m.network.subnets(projectId)[0];
    for (const lb of of('load-balancer') as unknown as { id: string; name: string; description?: string; vipPortId: string | null }[]) {
      const listener = of('lb-listener').find((l) => l.loadBalancerId === lb.id) as unknown as OldListener | undefined;
      const pool = listener ? (of('lb-pool').find((p) => p.id === listener.poolId) as unknown as OldPool | undefined) : undefined;
      const members = (of('lb-member') as unknown as { poolId: string; instanceId: string; weight: number }[]).filter((member) => member.poolId === pool?.id);
      const memberIds = members.map((member) => instanceIds.get(member.instanceId));
      // Octavia-only listeners (UDP, SCTP) and address members without a server are not the console's to import.
      const consoleProtocol = listener && (LISTENER_PROTOCOLS as readonly string[]).includes(listener.protocol) ? (listener.protocol as ListenerProtocol) : null;
      if (!listener || !pool || !subnet || memberIds.some((id) => id === undefined) || listener.certificate || !consoleProtocol) {
        report.skipped.push({ kind: 'load-balancer', name: lb.name, reason: !listener || !pool ? 'its listener or pool is not in the file' : listener.certificate ? 'a TERMINATED_HTTPS listener (its certificate is not exported)' : 'a member instance was not imported' });
        continue;
      }
      const created = m.loadBalancers.create(projectId, {
        name: lb.name,
        description: lb.description ?? '',
        subnetId: subnet.id,
        listener: { protocol: consoleProtocol, protocolPort: listener.protocolPort, connectionLimit: listener.connectionLimit, keepAliveTimeoutSeconds: listener.keepAliveTimeoutSeconds, allowedCidrs: listener.allowedCidrs },
        pool: {
          lbAlgorithm: pool.lbAlgorithm,
          memberPort: pool.memberPort,
          sessionPersistence: pool.sessionPersistence,
          members: members.map((member, index) => ({ instanceId: memberIds[index]!, weight: member.weight })),
          healthMonitor: monitorInput(pool.healthMonitor, pool.memberPort),
        },
      });
      if (lb.vipPortId) balancerByVipPort.set(lb.vipPortId, created.id);
      report.created.loadBalancers++;
    }

    // A floating IP keeps its address when it is free in this sandbox (same pool), else takes the next.
    // Those whose address is free go first, so an address handed out meanwhile is not one of theirs.
    const floatingIps = of('floating-ip') as unknown as { portId: string | null; name: string; address?: string }[];
    const free = (f: { address?: string }) => f.address !== undefined && !this.store.ipAllocations.isTaken(PUBLIC_NETWORK_ID, f.address);
    for (const floatingIp of [...floatingIps.filter(free), ...floatingIps.filter((f) => !free(f))]) {
      let created = m.floatingIps.allocate(projectId);
      const wanted = floatingIp.address;
      if (wanted && wanted !== created.address && sameSlash24(wanted, created.address) && !this.store.ipAllocations.isTaken(PUBLIC_NETWORK_ID, wanted)) {
        this.store.ipAllocations.releaseOwner(created.id, PUBLIC_NETWORK_ID);
        this.store.ipAllocations.take(PUBLIC_NETWORK_ID, wanted, created.id);
        created = this.store.update('floating-ip', created, { address: wanted, name: wanted });
      }
      report.created.floatingIps++;
      const oldInstance = floatingIp.portId ? instanceByPort.get(floatingIp.portId) : undefined;
      const instanceId = oldInstance ? instanceIds.get(oldInstance) : undefined;
      const loadBalancerId = floatingIp.portId ? balancerByVipPort.get(floatingIp.portId) : undefined;
      if (instanceId) {
        this.scheduleLink({ type: 'associate', projectId, floatingIpId: created.id, instanceId, tries: 0 });
        report.pendingLinks++;
      } else if (loadBalancerId) {
        this.scheduleLink({ type: 'associate-lb', projectId, floatingIpId: created.id, loadBalancerId, tries: 0 });
        report.pendingLinks++;
      }
    }

    for (const instanceId of stops) {
      this.scheduleLink({ type: 'stop', projectId, instanceId, tries: 0 }, LINK_RETRY_MS * 3);
      report.pendingLinks++;
    }

    const importedVolumes = new Set(of('volume').map((v) => v.id));
    for (const snapshot of of('volume-snapshot')) {
      if (!importedVolumes.has(snapshot.volumeId as string)) report.skipped.push({ kind: 'volume-snapshot', name: snapshot.name, reason: 'its volume is not in the file' });
    }
    for (const network of of('network')) {
      if (!targetNetworks.some((n) => n.name === network.name)) report.skipped.push({ kind: 'network', name: network.name, reason: 'only the Default Network is imported' });
    }
    return report;
  }

  private scheduleLink(link: Link, afterMs = LINK_RETRY_MS): void {
    this.scheduler.schedule(LINK, link, afterMs);
  }

  /** Attaches or associates once both ends are ready; tries again a little later otherwise. */
  private link(link: Link): void {
    if (link.type === 'associate-lb') return this.linkBalancer(link);
    if (link.type === 'snapshot') return this.linkSnapshot(link);
    const instance = this.store.get('instance', link.instanceId);
    if (!instance) return; // deleted meanwhile: nothing to link
    // Built (running, or already stopped again) and not in the middle of another operation.
    const ready = !instance.taskState && (instance.status === 'ACTIVE' || instance.status === 'SHUTOFF');
    try {
      if (link.type === 'stop') {
        // Attachments first: a volume attaches to a running instance as well as to a stopped one, but it must have started.
        const attaching = this.store.list('volume', link.projectId).some((v) => v.attachment?.instanceId === link.instanceId && v.status === 'attaching');
        if (instance.status === 'SHUTOFF') return;
        if (ready && !attaching) return void this.modules.instances.stop(link.projectId, link.instanceId);
      } else if (link.type === 'attach') {
        const volume = this.store.get('volume', link.volumeId);
        if (!volume) return;
        if (ready && volume.status === 'available') return void this.modules.volumes.attach(link.projectId, link.volumeId, link.instanceId);
      } else {
        if (!this.store.get('floating-ip', link.floatingIpId)) return;
        if (ready && instance.portId) return void this.modules.floatingIps.associate(link.projectId, link.floatingIpId, instance.portId);
      }
    } catch (error) {
      if (!(error instanceof EngineError && error.code === 'CONFLICT')) throw error;
    }
    if (link.tries + 1 < LINK_TRIES) this.scheduleLink({ ...link, tries: link.tries + 1 });
  }

  private linkSnapshot(link: Extract<Link, { type: 'snapshot' }>): void {
    const volume = this.store.get('volume', link.volumeId);
    if (!volume) return;
    if (volume.status === 'available' || volume.status === 'in-use') {
      const snapshot = this.modules.volumeSnapshots.create(link.projectId, { volumeId: link.volumeId, name: link.name, description: link.description });
      if (link.content !== null) this.store.transaction(() => this.store.update('volume-snapshot', snapshot, { content: link.content }));
      return;
    }
    if (link.tries + 1 < LINK_TRIES) this.scheduleLink({ ...link, tries: link.tries + 1 });
  }

  private linkBalancer(link: Extract<Link, { type: 'associate-lb' }>): void {
    const lb = this.store.get('load-balancer', link.loadBalancerId);
    if (!lb || !this.store.get('floating-ip', link.floatingIpId)) return;
    if (lb.status === 'ACTIVE' && lb.vipPortId) {
      try {
        return void this.modules.floatingIps.associate(link.projectId, link.floatingIpId, lb.vipPortId);
      } catch (error) {
        if (!(error instanceof EngineError && error.code === 'CONFLICT')) throw error;
      }
    }
    if (link.tries + 1 < LINK_TRIES) this.scheduleLink({ ...link, tries: link.tries + 1 });
  }
}

/** A stored health monitor as the service's input (absent fields are undefined, not null). */
function monitorInput(monitor: Pool['healthMonitor'], memberPort: number): HealthMonitorInput {
  if (!monitor) return { type: 'TCP', monitorPort: memberPort };
  return {
    type: monitor.type,
    monitorPort: monitor.monitorPort,
    delaySeconds: monitor.delaySeconds,
    timeoutSeconds: monitor.timeoutSeconds,
    maxRetries: monitor.maxRetries,
    httpMethod: monitor.httpMethod ?? undefined,
    urlPath: monitor.urlPath ?? undefined,
    expectedCodes: monitor.expectedCodes ?? undefined,
  };
}

const sameSlash24 = (a: string, b: string) => a.split('.').slice(0, 3).join('.') === b.split('.').slice(0, 3).join('.');

interface OldListener {
  id: string;
  loadBalancerId: string;
  poolId: string;
  protocol: Listener['protocol'];
  protocolPort: number;
  connectionLimit: number;
  keepAliveTimeoutSeconds: number;
  allowedCidrs: string[];
  certificate: unknown;
}

interface OldPool {
  id: string;
  lbAlgorithm: Pool['lbAlgorithm'];
  memberPort: number;
  sessionPersistence: Pool['sessionPersistence'];
  healthMonitor: Pool['healthMonitor'];
}

interface OldInstance {
  id: string;
  name: string;
  imageId: string;
  flavorId: string;
  zone: string;
  rootDiskGb: number;
  keyName: string;
  networkId: string;
  portId: string | null;
  securityGroupIds: string[];
}

interface OldVolume {
  id: string;
  name: string;
  description?: string;
  sizeGb: number;
  volumeType: 'HDD' | 'SSD';
  zone: string;
  attachment: { instanceId: string } | null;
}

const ruleKey = (r: Omit<SecurityGroupRuleDraft, 'description'>) =>
  [r.direction, r.etherType, r.protocol, r.portRangeMin, r.portRangeMax, r.remoteIpPrefix, r.remoteGroupId].join('|');

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Refuses anything but a state document this version can read, saying what is wrong. */
export function parseState(value: unknown): StateDocument {
  if (!isObject(value)) throw invalidInput('The file is not a Sandcloud state: expected a JSON object', 'state').coded('state.notObject');
  if (value.format !== STATE_FORMAT) throw invalidInput(`The file is not a Sandcloud state (format ${JSON.stringify(value.format ?? null)}, expected "${STATE_FORMAT}")`, 'state').coded('state.wrongFormat', { format: JSON.stringify(value.format ?? null), expected: STATE_FORMAT });
  const version = value.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) throw invalidInput('The state file has no valid version number', 'state').coded('state.versionInvalid');
  if (version > STATE_VERSION) {
    throw invalidInput(`The state file is version ${version}, written by a newer Sandcloud; this one reads version ${STATE_VERSION} at most`, 'state').coded('state.versionTooNew', { version, max: STATE_VERSION });
  }
  const { resources, guestDisks, volumesContent, keyPairs, project } = value;
  if (!isObject(project) || typeof project.name !== 'string') throw invalidInput('The state file is damaged: no project', 'state').coded('state.damaged', { part: 'no project' });
  if (!Array.isArray(resources) || !resources.every((r) => isObject(r) && typeof r.kind === 'string' && typeof r.id === 'string' && typeof r.name === 'string')) {
    throw invalidInput('The state file is damaged: resources must be a list of records with kind, id and name', 'state').coded('state.damaged', { part: 'resources must be a list of records with kind, id and name' });
  }
  if (!isObject(guestDisks) || !isObject(volumesContent)) throw invalidInput('The state file is damaged: guestDisks and volumesContent must be objects', 'state').coded('state.damaged', { part: 'guestDisks and volumesContent must be objects' });
  if (!Array.isArray(keyPairs) || !keyPairs.every((k) => isObject(k) && typeof k.name === 'string' && typeof k.publicKey === 'string')) {
    throw invalidInput('The state file is damaged: keyPairs must be a list of name and publicKey', 'state').coded('state.damaged', { part: 'keyPairs must be a list of name and publicKey' });
  }
  return value as unknown as StateDocument;
}
