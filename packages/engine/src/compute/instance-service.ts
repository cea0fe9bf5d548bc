import {
  DESCRIPTION_MAX_LENGTH,
  findFlavor,
  INSTANCE_LIFECYCLE,
  INSTANCE_METADATA_MAX_ITEMS,
  INSTANCE_NAME_MAX_LENGTH,
  instanceMetadataProblem,
  isZone,
  MAX_ROOT_DISK_GB,
  RESOURCE_NAME_PATTERN,
  userDataTooLarge,
  type InstanceAction,
  type InstanceTaskState,
} from '@sandcloud/domain';
import { currentRequest } from '../activity/activity-context.ts';
import { conflict, EngineError, forbidden, invalidInput, notFound, quotaExceeded } from '../core/errors.ts';
import { newId } from '../core/ids.ts';
import type { LifecycleMachine, LifecycleRunner } from '../core/lifecycle-runner.ts';
import type { QuotaGuard } from '../catalog/quota-guard.ts';
import type { Image } from '../images/image.ts';
import type { ImageService } from '../images/image-service.ts';
import type { KeyPairService } from '../key-pairs/key-pair-service.ts';
import type { NetworkService } from '../networking/network-service.ts';
import type { SecurityGroupService } from '../security-groups/security-group-service.ts';
import type { ResourceStore } from '../store/resource-store.ts';
import type { Instance, InstanceLock } from './instance.ts';

export interface CreateInstancesInput {
  name: string;
  imageId: string;
  flavorId: string;
  zone: string;
  rootDiskGb: number;
  count: number;
  /** The key pair installed for root; `''` launches without one (Nova's `key_name` is optional). */
  keyName: string;
  securityGroupIds: string[];
  networkId: string;
  /** The subnet of `networkId` to launch into; its first subnet when absent. */
  subnetId?: string;
  /** The fixed IP of the first interface (only with `count` 1). */
  fixedIp?: string;
  /** More interfaces, one per entry, after the first (NHN/Nova: several networks). */
  extraNetworks?: { networkId?: string; subnetId?: string; fixedIp?: string }[];
  description?: string;
  metadata?: Record<string, string>;
  /** A cloud-init script (at most 64 KiB) the guest runs as root on its first boot. */
  userData?: string;
  /**
   * Boot from this volume (Nova's boot from volume): its content is the root disk, `imageId` is
   * ignored (the OS is the volume's), `rootDiskGb` is the volume's size. Only with `count` 1.
   */
  bootVolume?: { volumeId: string; deleteOnTermination: boolean };
  /** Nova's reservation id of a multiple create: every instance of one request carries it. */
  reservationId?: string;
}

/** What booting from a volume needs of block storage (late-bound: volumes attach to instances). */
export interface BootVolumes {
  /** Checks the volume can be a root disk now; its size and the image it came from (the OS). */
  bootable(projectId: string, volumeId: string, zone: string): { sizeGb: number; imageId: string | null; imageName: string | null };
  /** The volume becomes the instance's root disk (`in-use` as `/dev/vda`), in the create's transaction. */
  claim(projectId: string, volumeId: string, instance: { id: string; name: string }, deleteOnTermination: boolean): void;
}

/** What a rename/edit may change; absent fields stay as they are. `metadata` replaces the whole map. */
export interface UpdateInstanceInput {
  name?: string;
  description?: string;
  metadata?: Record<string, string>;
}

/** Hooks other modules run when an instance goes away or changes power (floating IPs, volumes, guest). */
export interface InstanceLifecycleHooks {
  beforeDelete: ((instance: Instance) => void)[];
  /** After every status or task change (the guest boots on ACTIVE and halts when leaving it). */
  afterChange: ((instance: Instance) => void)[];
  /** A hard reboot cut the power: the guest stops at once, losing what it had not written out. */
  powerCut: ((instance: Instance) => void)[];
  /** A rebuild ends: the old root disk is thrown away, the next boot starts from the new image. */
  rebuilt: ((instance: Instance) => void)[];
}

/** Who locks or unlocks: the user, and whether they are an administrator. */
export interface LockActor {
  userId: string;
  admin: boolean;
}

/** What a rebuild may change besides the image; absent fields stay (Nova's rebuild body). */
export interface RebuildInstanceInput {
  imageId: string;
  /** Another key pair to install for root (Nova 2.54); absent keeps the instance's. */
  keyName?: string;
}

/**
 * Nova servers: create (BUILD → ACTIVE), stop, start, reboot, hard reboot, delete, over simulated
 * time. The states each action moves through are `INSTANCE_LIFECYCLE` (`@sandcloud/domain`), run by
 * the lifecycle runner; this service validates input and holds the actions' task functions.
 */
export class InstanceService {
  readonly hooks: InstanceLifecycleHooks = { beforeDelete: [], afterChange: [], powerCut: [], rebuilt: [] };
  private readonly lifecycle: LifecycleMachine<Instance, InstanceAction | 'create'>;

  constructor(
    private readonly store: ResourceStore,
    lifecycles: LifecycleRunner,
    private readonly quotas: QuotaGuard,
    private readonly deps: {
      images: ImageService;
      keyPairs: KeyPairService;
      network: NetworkService;
      securityGroups: SecurityGroupService;
      /** Late-bound: volumes are attached to instances, and instances boot from volumes. */
      bootVolumes?: () => BootVolumes;
    },
  ) {
    this.lifecycle = lifecycles.define<Instance, InstanceAction | 'create'>({
      kind: 'instance',
      lifecycle: INSTANCE_LIFECYCLE,
      // A task in flight (powering-off, deleting, image_snapshot…) blocks every action.
      busy: (instance) => instance.taskState,
      changed: (instance) => this.changed(instance),
      tasks: {
        'hard-reboot': { begin: (instance) => this.cutPower(instance) },
        delete: { complete: (instance) => this.release(instance) },
        // The to-state follows the power state the action started from: RUNNING → 0, SHUTDOWN → 1.
        resize: { complete: (instance) => ({ to: wasRunning(instance), note: `Resized to ${instance.flavorId}; confirm or revert` }) },
        confirm_resize: { complete: (instance) => ({ to: wasRunning(instance), changes: { resizeFrom: null }, note: `Resize to ${instance.flavorId} confirmed` }) },
        revert_resize: { complete: (instance) => this.revertFlavor(instance) },
        rebuild: { complete: (instance) => this.wipeRootDisk(instance) },
      },
    });
  }

  list(projectId: string): Instance[] {
    return this.store.list<Instance>('instance', projectId);
  }

  get(projectId: string, id: string): Instance {
    const instance = this.store.get<Instance>('instance', id);
    if (!instance || instance.projectId !== projectId) throw notFound('instance', id);
    return instance;
  }

  /** The actions the console may offer now: the status allows them and no task is in flight. */
  allowedActions(instance: Instance): InstanceAction[] {
    return this.lifecycle.allowed(instance).filter((action): action is InstanceAction => action !== 'create');
  }

  /** Validates everything first, then creates all `count` instances in one transaction — or none. */
  create(projectId: string, input: CreateInstancesInput): Instance[] {
    if (input.bootVolume) return this.createFromVolume(projectId, input, input.bootVolume);
    const image = this.imageFor(projectId, input.imageId);
    return this.createInstances(projectId, input, image, null);
  }

  /** One instance whose root disk is an existing bootable volume. */
  private createFromVolume(projectId: string, input: CreateInstancesInput, boot: NonNullable<CreateInstancesInput['bootVolume']>): Instance[] {
    if (input.count !== 1) throw invalidInput('Boot one instance from a volume at a time', 'count').coded('instance.countRange', { min: 1, max: 1 });
    const volumes = this.deps.bootVolumes?.();
    if (!volumes) throw new Error('InstanceService was built without boot volumes');
    return this.store.transaction(() => {
      const disk = volumes.bootable(projectId, boot.volumeId, input.zone);
      const image: Pick<Image, 'id' | 'name' | 'minRamMb' | 'minDiskGb'> = { id: disk.imageId ?? '', name: disk.imageName ?? '', minRamMb: 0, minDiskGb: disk.sizeGb };
      const created = this.createInstances(projectId, { ...input, rootDiskGb: disk.sizeGb }, image, boot.volumeId);
      volumes.claim(projectId, boot.volumeId, created[0]!, boot.deleteOnTermination);
      return created;
    });
  }

  private createInstances(projectId: string, input: CreateInstancesInput, image: Pick<Image, 'id' | 'name' | 'minRamMb' | 'minDiskGb'>, bootVolumeId: string | null): Instance[] {
    const { keyPairs, network, securityGroups } = this.deps;
    const flavor = findFlavor(input.flavorId);
    if (!flavor) throw invalidInput(`No flavor ${input.flavorId}`, 'flavorId').coded('instance.flavorUnknown', { flavor: input.flavorId });
    if (!isZone(input.zone)) throw invalidInput(`No zone ${input.zone}; choose kr-pub-a or kr-pub-b`, 'zone').coded('zone.invalid', { zone: input.zone, zones: 'kr-pub-a, kr-pub-b' });
    if (flavor.ramMb < image.minRamMb) {
      throw invalidInput(`${image.name} needs at least ${image.minRamMb / 1024} GB of RAM; ${flavor.name} has ${flavor.ramMb / 1024} GB`, 'flavorId').coded('instance.ramTooSmall', { image: image.name, minRamGb: image.minRamMb / 1024, flavor: flavor.name, ramGb: flavor.ramMb / 1024 });
    }
    if (!Number.isInteger(input.rootDiskGb) || input.rootDiskGb < image.minDiskGb || input.rootDiskGb > MAX_ROOT_DISK_GB) {
      throw invalidInput(`The root disk of ${image.name} is ${image.minDiskGb}–${MAX_ROOT_DISK_GB} GB`, 'rootDiskGb').coded('instance.rootDiskRange', { image: image.name, min: image.minDiskGb, max: MAX_ROOT_DISK_GB });
    }
    if (!Number.isInteger(input.count) || input.count < 1 || input.count > 10) throw invalidInput('Create 1 to 10 instances at once', 'count').coded('instance.countRange', { min: 1, max: 10 });
    if (input.description !== undefined) assertDescription(input.description);
    if (input.metadata !== undefined) assertMetadata(input.metadata);
    if (input.userData !== undefined && userDataTooLarge(input.userData)) throw invalidInput('User data is at most 64 KiB', 'userData').coded('instance.userDataTooLarge', { maxKib: 64 });

    return this.store.transaction(() => {
      if (input.keyName !== '' && !keyPairs.findByName(projectId, input.keyName)) throw invalidInput(`No key pair named ${input.keyName}`, 'keyName').coded('keyPair.unknownName', { name: input.keyName });
      const groups = securityGroups.getMany(projectId, input.securityGroupIds);
      const net = network.networks(projectId).find((n) => n.id === input.networkId);
      if (!net) throw invalidInput(`No network with id ${input.networkId} in this project`, 'networkId').coded('resource.notInProject', { kind: 'network', id: input.networkId });
      if (input.count > 1 && (input.fixedIp || input.extraNetworks?.some((extra) => extra.fixedIp))) {
        throw invalidInput('A fixed IP can only be chosen when launching one instance', 'fixedIp').coded('instance.fixedIpNeedsOne');
      }
      this.quotas.assertRoom(projectId, 'instances', input.count, 'count');
      this.quotas.assertRoom(projectId, 'vcpus', flavor.vcpus * input.count, 'flavorId');
      this.quotas.assertRoom(projectId, 'ramMb', flavor.ramMb * input.count, 'flavorId');

      return Array.from({ length: input.count }, (_, index) => {
        const id = newId();
        const name = input.count > 1 ? `${input.name}-${index + 1}` : input.name;
        const port = network.createPort({
          projectId,
          networkId: net.id,
          ...(input.subnetId ? { subnetId: input.subnetId } : {}),
          ...(input.fixedIp ? { fixedIp: input.fixedIp } : {}),
          name: `${name}-port`,
          deviceOwner: `compute:${input.zone}`,
          deviceId: id,
          securityGroupIds: groups.map((g) => g.id),
        });
        (input.extraNetworks ?? []).forEach((extra, at) =>
          network.createPort({
            projectId,
            ...extra,
            name: `${name}-port-${at + 2}`,
            deviceOwner: `compute:${input.zone}`,
            deviceId: id,
            securityGroupIds: groups.map((g) => g.id),
            autoDelete: true,
          }),
        );
        return this.lifecycle.create('create', {
          id,
          projectId,
          name,
          status: 'BUILD',
          taskState: null,
          powerState: 'NOSTATE',
          imageId: image.id,
          imageName: image.name,
          flavorId: flavor.id,
          vcpus: flavor.vcpus,
          ramMb: flavor.ramMb,
          zone: input.zone,
          rootDiskGb: input.rootDiskGb,
          keyName: input.keyName,
          networkId: net.id,
          portId: port.id,
          securityGroupIds: groups.map((g) => g.id),
          description: input.description ?? '',
          metadata: { ...input.metadata },
          ...(input.userData ? { userData: input.userData } : {}),
          ...(bootVolumeId ? { bootVolumeId } : {}),
          ...(input.reservationId ? { reservationId: input.reservationId } : {}),
        });
      });
    });
  }

  /**
   * Rename, describe, retag: checked against the domain's rules, refused (409) while a task is in
   * flight, as the lifecycle's `update` row says. Only the record changes: the guest keeps its
   * hostname, as in Nova.
   */
  update(projectId: string, id: string, input: UpdateInstanceInput): Instance {
    if (input.name !== undefined) assertInstanceName(input.name);
    if (input.description !== undefined) assertDescription(input.description);
    if (input.metadata !== undefined) assertMetadata(input.metadata);
    return this.store.transaction(() => {
      const instance = this.get(projectId, id);
      this.lifecycle.assert(instance, 'update');
      const changes: Partial<Instance> = {};
      const notes: string[] = [];
      if (input.name !== undefined && input.name !== instance.name) {
        changes.name = input.name;
        notes.push(`Renamed ${instance.name} → ${input.name}`);
      }
      if (input.description !== undefined && input.description !== (instance.description ?? '')) {
        changes.description = input.description;
        notes.push('Description changed');
      }
      if (input.metadata !== undefined) {
        const before = instance.metadata ?? {};
        const after = { ...input.metadata };
        const set = Object.keys(after).filter((key) => before[key] !== after[key]);
        const removed = Object.keys(before).filter((key) => !(key in after));
        if (set.length > 0 || removed.length > 0) {
          changes.metadata = after;
          notes.push(['Metadata', set.length > 0 ? ` set ${set.join(', ')}` : '', removed.length > 0 ? ` removed ${removed.join(', ')}` : ''].join(''));
        }
      }
      if (notes.length === 0) return instance;
      return this.store.update<Instance>('instance', instance, changes, notes.join('; '));
    });
  }

  /** Nova's metadata calls: `replace` (PUT) swaps the whole map, otherwise (POST, PUT of one key) the items merge in. */
  setMetadata(projectId: string, id: string, items: Record<string, string>, replace: boolean): Instance {
    const current = replace ? {} : (this.get(projectId, id).metadata ?? {});
    return this.update(projectId, id, { metadata: { ...current, ...items } });
  }

  deleteMetadataItem(projectId: string, id: string, key: string): Instance {
    const { [key]: removed, ...rest } = this.get(projectId, id).metadata ?? {};
    if (removed === undefined) throw new EngineError('NOT_FOUND', `Metadata item ${key} was not found`, 'metadata').coded('instance.metadataKeyNotFound', { key });
    return this.update(projectId, id, { metadata: rest });
  }

  stop(projectId: string, id: string): Instance {
    return this.act(projectId, id, 'stop');
  }

  start(projectId: string, id: string): Instance {
    return this.act(projectId, id, 'start');
  }

  /** Soft reboot: the guest halts cleanly, then boots. */
  reboot(projectId: string, id: string): Instance {
    return this.act(projectId, id, 'reboot');
  }

  /** Hard reboot: the power is cut (unflushed writes are lost), then the guest boots. */
  hardReboot(projectId: string, id: string): Instance {
    return this.act(projectId, id, 'hard-reboot');
  }

  delete(projectId: string, id: string): Instance {
    return this.act(projectId, id, 'delete');
  }

  /** Any action of the lifecycle table by its name (`hard-reboot`), for adapters that take it as data. */
  act(projectId: string, id: string, action: 'stop' | 'start' | 'reboot' | 'hard-reboot' | 'delete'): Instance {
    return this.store.transaction(() => this.begin(this.get(projectId, id), action));
  }

  /**
   * Nova's lock: the instance refuses every action (power, resize, rebuild, delete, volumes) until
   * it is unlocked, except from an administrator. Locking a locked instance changes nothing.
   */
  lock(projectId: string, id: string, by: LockActor, reason?: string): Instance {
    return this.store.transaction(() => {
      const instance = this.get(projectId, id);
      if (instance.locked) return instance;
      const locked: InstanceLock = { byUserId: by.userId, byAdmin: by.admin, reason: reason ?? null };
      currentRequest()?.actions.set(`instance:${instance.id}`, 'lock');
      return this.store.update<Instance>('instance', instance, { locked }, reason ? `Locked: ${reason}` : 'Locked');
    });
  }

  /** Unlocks; what an administrator locked only an administrator unlocks (403 otherwise). */
  unlock(projectId: string, id: string, by: LockActor): Instance {
    return this.store.transaction(() => {
      const instance = this.get(projectId, id);
      if (!instance.locked) return instance;
      if (instance.locked.byAdmin && !by.admin) throw forbidden(`Instance ${instance.name} was locked by an administrator; only an administrator unlocks it`).coded('instance.locked', { name: instance.name });
      currentRequest()?.actions.set(`instance:${instance.id}`, 'unlock');
      return this.store.update<Instance>('instance', instance, { locked: null }, 'Unlocked');
    });
  }

  /** Throws Nova's 409 when the instance is locked and the request is not an administrator's. */
  assertUnlocked(instance: Instance): void {
    if (instance.locked && !currentRequest()?.admin?.()) {
      throw conflict(`Instance ${instance.name} is locked; unlock it first`).coded('instance.locked', { name: instance.name });
    }
  }

  /** Starts a lifecycle action a user asked for: refused on a locked instance. */
  private begin(instance: Instance, action: InstanceAction, changes: Partial<Instance> = {}, note?: string): Instance {
    this.assertUnlocked(instance);
    return this.lifecycle.begin(instance, action, changes, note);
  }

  /**
   * Resize (OpenStack's rule: from ACTIVE or SHUTOFF, then VERIFY_RESIZE until confirm or revert).
   * The new flavor is written at once, so the quota counts it while the resize waits; the old one
   * is kept for a revert. Refused: the same flavor, a flavor too small for the image or the root
   * disk, more vCPUs or RAM than the quota leaves.
   */
  resize(projectId: string, id: string, flavorId: string): Instance {
    return this.store.transaction(() => {
      const instance = this.get(projectId, id);
      const flavor = findFlavor(flavorId);
      if (!flavor) throw invalidInput(`No flavor ${flavorId}`, 'flavorId').coded('instance.flavorUnknown', { flavor: flavorId });
      this.lifecycle.assert(instance, 'resize');
      if (flavor.id === instance.flavorId) {
        throw invalidInput(`Instance ${instance.name} already has flavor ${flavor.name}; choose another flavor`, 'flavorId').coded('instance.sameFlavor', { name: instance.name, flavor: flavor.name });
      }
      if (flavor.maxRootDiskGb < instance.rootDiskGb) {
        throw invalidInput(`${flavor.name} allows a root disk of at most ${flavor.maxRootDiskGb} GB; ${instance.name}'s is ${instance.rootDiskGb} GB and cannot shrink`, 'flavorId').coded(
          'instance.flavorDiskTooSmall',
          { flavor: flavor.name, maxGb: flavor.maxRootDiskGb, name: instance.name, rootDiskGb: instance.rootDiskGb },
        );
      }
      const image = this.store.get<Image>('image', instance.imageId);
      if (image && flavor.ramMb < image.minRamMb) {
        throw invalidInput(`${image.name} needs at least ${image.minRamMb / 1024} GB of RAM; ${flavor.name} has ${flavor.ramMb / 1024} GB`, 'flavorId').coded('instance.ramTooSmall', {
          image: image.name,
          minRamGb: image.minRamMb / 1024,
          flavor: flavor.name,
          ramGb: flavor.ramMb / 1024,
        });
      }
      if (flavor.vcpus > instance.vcpus) this.quotas.assertRoom(projectId, 'vcpus', flavor.vcpus - instance.vcpus, 'flavorId');
      if (flavor.ramMb > instance.ramMb) this.quotas.assertRoom(projectId, 'ramMb', flavor.ramMb - instance.ramMb, 'flavorId');
      return this.begin(
        instance,
        'resize',
        { flavorId: flavor.id, vcpus: flavor.vcpus, ramMb: flavor.ramMb, resizeFrom: { flavorId: instance.flavorId, vcpus: instance.vcpus, ramMb: instance.ramMb } },
        `Resize ${instance.flavorId} → ${flavor.id} requested`,
      );
    });
  }

  /** Keep the new flavor (VERIFY_RESIZE → ACTIVE, or SHUTOFF if it was off). */
  confirmResize(projectId: string, id: string): Instance {
    return this.store.transaction(() => this.begin(this.get(projectId, id), 'confirm_resize'));
  }

  /** Back to the old flavor (VERIFY_RESIZE → REVERT_RESIZE → ACTIVE, or SHUTOFF): the guest boots on it again. */
  revertResize(projectId: string, id: string): Instance {
    return this.store.transaction(() => this.begin(this.get(projectId, id), 'revert_resize'));
  }

  /**
   * Rebuild from another image (or the same one): REBUILD, then ACTIVE with a fresh root disk. The
   * ID, name, port (so the fixed and floating IP), volumes, flavor and user data stay; cloud-init runs
   * again on the new disk, so the key pair is installed again (`keyName` may name another).
   */
  rebuild(projectId: string, id: string, input: RebuildInstanceInput): Instance {
    return this.store.transaction(() => {
      const instance = this.get(projectId, id);
      this.lifecycle.assert(instance, 'rebuild');
      const image = this.imageFor(projectId, input.imageId);
      if (image.minDiskGb > instance.rootDiskGb) {
        throw invalidInput(`${image.name} needs a root disk of at least ${image.minDiskGb} GB; ${instance.name}'s is ${instance.rootDiskGb} GB`, 'imageId').coded('instance.rootDiskTooSmall', {
          image: image.name,
          minGb: image.minDiskGb,
          name: instance.name,
          rootDiskGb: instance.rootDiskGb,
        });
      }
      if (image.minRamMb > instance.ramMb) {
        throw invalidInput(`${image.name} needs at least ${image.minRamMb / 1024} GB of RAM; ${instance.flavorId} has ${instance.ramMb / 1024} GB`, 'imageId').coded('instance.ramTooSmall', {
          image: image.name,
          minRamGb: image.minRamMb / 1024,
          flavor: instance.flavorId,
          ramGb: instance.ramMb / 1024,
        });
      }
      if (input.keyName !== undefined && input.keyName !== '' && !this.deps.keyPairs.findByName(projectId, input.keyName)) {
        throw invalidInput(`No key pair named ${input.keyName}`, 'keyName').coded('keyPair.unknownName', { name: input.keyName });
      }
      return this.begin(
        instance,
        'rebuild',
        {
          imageId: image.id,
          imageName: image.name,
          // A stopped instance stays stopped; ACTIVE and ERROR end ACTIVE (the task reads this).
          powerState: instance.status === 'SHUTOFF' ? 'SHUTDOWN' : 'RUNNING',
          ...(input.keyName !== undefined ? { keyName: input.keyName } : {}),
        },
        `Rebuild from ${image.name} requested`,
      );
    });
  }

  changeSecurityGroups(projectId: string, id: string, securityGroupIds: string[]): Instance {
    return this.store.transaction(() => {
      const instance = this.get(projectId, id);
      this.assertAction(instance, 'change_security_groups');
      const groups = this.deps.securityGroups.getMany(projectId, securityGroupIds);
      const port = instance.portId ? this.deps.network.getPort(instance.portId) : undefined;
      if (port) this.deps.network.updatePortSecurityGroups(port, groups.map((g) => g.id));
      return this.store.update<Instance>(
        'instance',
        instance,
        { securityGroupIds: groups.map((g) => g.id) },
        `Security groups: ${groups.map((g) => g.name).join(', ')}`,
      );
    });
  }

  /** Power changes requested from inside the guest (`poweroff`, `reboot`) take the same path. */
  assertAction(instance: Instance, action: InstanceAction): void {
    this.lifecycle.assert(instance, action);
  }

  /**
   * Starts a task another module runs on the instance (an image capture): the state machine checks
   * the action, then the task state blocks every other action until `endTask`.
   */
  startTask(instance: Instance, action: InstanceAction, taskState: NonNullable<InstanceTaskState>, note?: string): Instance {
    this.assertAction(instance, action);
    return this.store.update<Instance>('instance', instance, { taskState }, note ?? `${action.replace(/_/g, ' ')} started`);
  }

  /** Clears the task state if that task is still the one in flight (the instance may be gone). */
  endTask(instanceId: string, taskState: NonNullable<InstanceTaskState>, note?: string): Instance | undefined {
    const instance = this.store.get<Instance>('instance', instanceId);
    if (!instance || instance.taskState !== taskState) return undefined;
    return this.store.update<Instance>('instance', instance, { taskState: null }, note);
  }

  history(projectId: string, id: string) {
    return this.store.history(this.get(projectId, id).id);
  }

  private imageFor(projectId: string, imageId: string) {
    try {
      const image = this.deps.images.get(projectId, imageId);
      if (image.status !== 'active') throw conflict(`Image ${image.name} is ${image.status}; wait until it is active`, 'imageId').coded('image.notActive', { name: image.name, status: image.status });
      return image;
    } catch (error) {
      if (error instanceof Error && 'code' in error && error.code === 'NOT_FOUND') throw invalidInput(`No image with id ${imageId}`, 'imageId').coded('resource.notInProject', { kind: 'image', id: imageId });
      throw error;
    }
  }

  private changed(instance: Instance): void {
    for (const hook of this.hooks.afterChange) hook(instance);
  }

  // --- task functions of the lifecycle's actions -------------------------------------------

  /** Hard reboot begins: the power goes at once, before the status change halts anything cleanly. */
  private cutPower(instance: Instance): void {
    for (const hook of this.hooks.powerCut) hook(instance);
  }

  /** Revert completes: the old flavor comes back (the guest boots on it at ACTIVE). */
  private revertFlavor(instance: Instance) {
    const from = instance.resizeFrom;
    return {
      to: wasRunning(instance),
      changes: { ...(from ? { flavorId: from.flavorId, vcpus: from.vcpus, ramMb: from.ramMb } : {}), resizeFrom: null },
      note: `Resize reverted to ${from?.flavorId ?? instance.flavorId}`,
    };
  }

  /** Rebuild completes: the guest boots from the new image's disk on its way to ACTIVE. */
  private wipeRootDisk(instance: Instance) {
    for (const hook of this.hooks.rebuilt) hook(instance);
    return { to: wasRunning(instance), note: `Rebuilt from ${instance.imageName}` };
  }

  /** Delete completes: the other modules let go (guest, floating IP, volumes…), then the port goes. */
  private release(instance: Instance): void {
    for (const hook of this.hooks.beforeDelete) hook(instance);
    const port = instance.portId ? this.deps.network.getPort(instance.portId) : undefined;
    if (port) this.deps.network.deletePort(port);
  }
}

/** Index of the to-state of resize, confirm, revert and rebuild: 0 if the instance ran, 1 if it was off. */
const wasRunning = (instance: Instance): number => (instance.powerState === 'SHUTDOWN' ? 1 : 0);

function assertInstanceName(name: string): void {
  if (name.length === 0) throw invalidInput('Enter a name', 'name').coded('name.required');
  if (name.length > INSTANCE_NAME_MAX_LENGTH) throw invalidInput(`Instance names have at most ${INSTANCE_NAME_MAX_LENGTH} characters`, 'name').coded('name.tooLong', { max: INSTANCE_NAME_MAX_LENGTH });
  if (!RESOURCE_NAME_PATTERN.test(name)) {
    throw invalidInput('Use letters, digits, ".", "_" and "-", starting with a letter or digit', 'name').coded('name.invalid');
  }
}

function assertDescription(description: string): void {
  if (description.length > DESCRIPTION_MAX_LENGTH) throw invalidInput(`Descriptions have at most ${DESCRIPTION_MAX_LENGTH} characters`, 'description').coded('description.tooLong', { max: DESCRIPTION_MAX_LENGTH });
  if (/\p{Cc}/u.test(description.replace(/[\n\t]/g, ''))) throw invalidInput('Descriptions may not contain control characters', 'description').coded('description.controlCharacters');
}

/** Too many items is Nova's `metadata_items` quota (403 in Nova); a bad key or value is bad input. */
function assertMetadata(metadata: Record<string, string>): void {
  if (Object.keys(metadata).length > INSTANCE_METADATA_MAX_ITEMS) {
    throw quotaExceeded(`Quota exceeded for metadata_items: an instance has at most ${INSTANCE_METADATA_MAX_ITEMS} metadata items`, 'metadata').coded('instance.metadataTooMany', { max: INSTANCE_METADATA_MAX_ITEMS });
  }
  const problem = instanceMetadataProblem(metadata);
  if (problem) throw invalidInput(problem, 'metadata').coded('instance.metadataInvalid', { detail: problem });
}
