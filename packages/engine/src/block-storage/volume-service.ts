import {
  isZone,
  MAX_VOLUME_GB,
  MIN_VOLUME_GB,
  VOLUME_ATTACHABLE_INSTANCE_STATUSES,
  VOLUME_LIFECYCLE,
  VOLUME_TYPES,
  ZONES,
  type VolumeAction,
  type VolumeType,
} from '@sandcloud/domain';
import { osProfile, provisionRootFilesystem } from '@sandcloud/guest';
import type { Clock } from '../core/clock.ts';
import { conflict, EngineError, invalidInput, notFound } from '../core/errors.ts';
import { newId } from '../core/ids.ts';
import type { LifecycleMachine, LifecycleRunner } from '../core/lifecycle-runner.ts';
import { canTransition } from '../core/state-machine.ts';
import type { QuotaGuard } from '../catalog/quota-guard.ts';
import type { Instance } from '../compute/instance.ts';
import type { BootVolumes, InstanceService } from '../compute/instance-service.ts';
import { guestOsFor } from '../guests/guest-images.ts';
import type { Image } from '../images/image.ts';
import { isUploaded } from '../images/image-uploads.ts';
import type { ImageService } from '../images/image-service.ts';
import type { ResourceStore } from '../store/resource-store.ts';
import { nextDevice, SNAPSHOT_TRANSITIONS, type Volume, type VolumeSnapshot } from './volume.ts';

export interface CreateVolumeInput {
  name: string;
  description?: string;
  sizeGb: number;
  /** HDD unless given (or the snapshot's type when created from one). */
  volumeType?: VolumeType;
  /** The first zone unless given (or the snapshot's zone when created from one). */
  zone?: string;
  /** Creates the volume as a copy of this snapshot (its size at least the snapshot's). */
  snapshotId?: string;
  /** Creates the volume from this image (Cinder's `imageRef`): its root disk becomes the content, bootable. */
  imageId?: string;
}

/** Cinder's `os-volume_upload_image`: the new image's name and format; `force` allows an in-use volume. */
export interface UploadVolumeInput {
  imageName: string;
  diskFormat?: string;
  force?: boolean;
}

/** What the guest needs to know of an attachment: which disk shows up as which device. */
export interface VolumeAttachmentFact {
  volumeId: string;
  instanceId: string;
  device: string;
  sizeGb: number;
  status: Volume['status'];
  content: unknown;
}

/** Why an instance cannot take a volume now, or null when it can. */
export type AttachProblem = 'OTHER_ZONE' | 'INSTANCE_STATE' | null;

/** Hooks the guest uses to plug disks in and out as attachments complete. */
export interface VolumeHooks {
  /** The attach completed: the device appears in the instance. */
  afterAttach: ((volume: Volume) => void)[];
  /** The device is about to disappear (a detach completed, or its instance is deleted). */
  beforeDetach: ((volume: Volume) => void)[];
}

/**
 * Cinder volumes: create (creating → available), attach (attaching → in-use), detach (detaching →
 * available), extend, delete, over simulated time (`VOLUME_LIFECYCLE`, run by the lifecycle runner).
 * A volume has at most one attachment, and only to an instance of its own zone.
 */
export class VolumeService implements BootVolumes {
  readonly hooks: VolumeHooks = { afterAttach: [], beforeDetach: [] };
  private readonly lifecycle: LifecycleMachine<Volume, VolumeAction | 'create'>;

  constructor(
    private readonly store: ResourceStore,
    lifecycles: LifecycleRunner,
    private readonly quotas: QuotaGuard,
    private readonly instances: InstanceService,
    private readonly clock: Clock,
    /** Volumes are made from images (`imageRef`) and uploaded to images (`os-volume_upload_image`). */
    private readonly images?: ImageService,
  ) {
    this.lifecycle = lifecycles.define<Volume, VolumeAction | 'create'>({
      kind: 'volume',
      lifecycle: VOLUME_LIFECYCLE,
      tasks: {
        attach: {
          // The device appears in the instance.
          complete: (volume) => {
            const attachedAt = this.clock.now();
            for (const hook of this.hooks.afterAttach) hook(volume);
            return { changes: { attachment: volume.attachment && { ...volume.attachment, attachedAt } } };
          },
        },
        detach: {
          // The device disappears (the hooks may save the content first).
          complete: (volume) => {
            this.runBeforeDetach(volume);
            return { changes: { attachment: null }, note: `Detached from ${volume.attachment?.instanceName ?? 'its instance'}` };
          },
        },
        extend: {
          // Back to in-use, or to available when its instance was deleted meanwhile.
          complete: (volume) => ({ to: volume.attachment ? 0 : 1, changes: { sizeGb: volume.targetSizeGb ?? volume.sizeGb, targetSizeGb: null } }),
        },
        // The copy is made: back to available, or to in-use when it is attached.
        upload_image: { complete: (volume) => ({ to: volume.attachment ? 1 : 0, note: 'Uploaded to an image' }) },
      },
    });
  }

  list(projectId: string): Volume[] {
    return this.store.list<Volume>('volume', projectId);
  }

  get(projectId: string, id: string): Volume {
    const volume = this.store.get<Volume>('volume', id);
    if (!volume || volume.projectId !== projectId) throw notFound('volume', id);
    return volume;
  }

  /** The actions the console may offer now. */
  allowedActions(volume: Volume): VolumeAction[] {
    return this.lifecycle.allowed(volume).filter((action): action is VolumeAction => action !== 'create' && !API_ONLY_ACTIONS.has(action));
  }

  /** Throws the 409 the lifecycle table implies when the volume cannot take `action` now. */
  assertAction(volume: Volume, action: VolumeAction): void {
    this.lifecycle.assert(volume, action);
  }

  /** Total GB the project's volumes hold, counting extends in flight at their new size. */
  usedGb(projectId: string): number {
    return this.list(projectId).reduce((sum, volume) => sum + Math.max(volume.sizeGb, volume.targetSizeGb ?? 0), 0);
  }

  create(projectId: string, input: CreateVolumeInput): Volume {
    if (input.name.trim() === '') throw invalidInput('Enter a name for the block storage', 'name').coded('name.required');
    assertSize(input.sizeGb);
    if (input.volumeType !== undefined && !VOLUME_TYPES.includes(input.volumeType)) throw invalidInput('Volume type is HDD or SSD', 'volumeType').coded('volume.typeInvalid', { types: VOLUME_TYPES.join(', ') });
    if (input.zone !== undefined && !isZone(input.zone)) throw invalidInput(`No zone ${input.zone}; choose ${ZONES.join(' or ')}`, 'zone').coded('zone.invalid', { zone: input.zone, zones: ZONES.join(', ') });

    if (input.snapshotId !== undefined && input.imageId !== undefined) {
      throw invalidInput('A volume is made from a snapshot or from an image, not both', 'imageId').coded('volume.oneSource');
    }
    return this.store.transaction(() => {
      const snapshot = input.snapshotId ? this.sourceSnapshot(projectId, input.snapshotId) : undefined;
      const image = input.imageId !== undefined ? this.sourceImage(projectId, input.imageId) : undefined;
      if (image && input.sizeGb < image.minDiskGb) {
        throw invalidInput(`Image ${image.name} needs a volume of at least ${image.minDiskGb} GB`, 'sizeGb').coded('volume.imageTooLarge', { image: image.name, minDiskGb: image.minDiskGb });
      }
      if (snapshot && input.sizeGb < snapshot.sizeGb) {
        throw invalidInput(`A volume from snapshot ${snapshot.name} needs at least ${snapshot.sizeGb} GB`, 'sizeGb').coded('snapshot.tooSmallFor', { name: snapshot.name, sizeGb: snapshot.sizeGb });
      }
      if (snapshot && input.zone !== undefined && input.zone !== snapshot.zone) {
        throw invalidInput(`Snapshot ${snapshot.name} is in ${snapshot.zone}; a volume made from it is created in the same zone`, 'zone').coded('snapshot.otherZone', { name: snapshot.name, zone: snapshot.zone });
      }
      this.quotas.assertRoom(projectId, 'volumes', 1);
      this.quotas.assertRoom(projectId, 'volumeGb', input.sizeGb, 'sizeGb');
      return this.lifecycle.create('create', {
        id: newId(),
        projectId,
        name: input.name.trim(),
        status: 'creating',
        description: input.description ?? '',
        sizeGb: input.sizeGb,
        targetSizeGb: null,
        volumeType: input.volumeType ?? snapshot?.volumeType ?? 'HDD',
        zone: input.zone ?? snapshot?.zone ?? ZONES[0],
        sourceSnapshotId: snapshot?.id ?? null,
        attachment: null,
        content: snapshot?.content ?? (image ? this.imageRootDisk(image) : null),
        ...(image ? { sourceImageId: image.id, sourceImageName: image.name, bootable: true } : {}),
      });
    });
  }

  update(projectId: string, id: string, changes: { name?: string; description?: string }): Volume {
    return this.store.transaction(() => {
      const volume = this.get(projectId, id);
      if (volume.status === 'deleting') throw conflict(`Volume ${volume.name} is being deleted`).coded('volume.beingDeleted', { name: volume.name });
      if (changes.name !== undefined && changes.name.trim() === '') throw invalidInput('Enter a name for the block storage', 'name').coded('name.required');
      return this.store.update<Volume>('volume', volume, {
        ...(changes.name !== undefined ? { name: changes.name.trim() } : {}),
        ...(changes.description !== undefined ? { description: changes.description } : {}),
      });
    });
  }

  /** Cinder's `os-set_bootable`: marks the volume bootable or not (refused while it is being deleted). */
  setBootable(projectId: string, id: string, bootable: boolean): Volume {
    return this.store.transaction(() => {
      const volume = this.get(projectId, id);
      if (volume.status === 'deleting') throw conflict(`Volume ${volume.name} is being deleted`).coded('volume.beingDeleted', { name: volume.name });
      return this.store.update<Volume>('volume', volume, { bootable });
    });
  }

  /** Cinder's `os-reserve`: the volume is held for an attach (`attaching`, with no attachment yet). */
  reserve(projectId: string, id: string): Volume {
    return this.store.transaction(() => {
      const volume = this.get(projectId, id);
      this.lifecycle.assert(volume, 'reserve');
      return this.store.update<Volume>('volume', volume, { status: 'attaching' }, 'Reserved for an attach');
    });
  }

  /** Cinder's `os-unreserve`: a reserved volume is free again; an attach in flight is not undone. */
  unreserve(projectId: string, id: string): Volume {
    return this.store.transaction(() => {
      const volume = this.get(projectId, id);
      this.lifecycle.assert(volume, 'unreserve');
      if (volume.attachment) {
        throw conflict(`Volume ${volume.name} is being attached to ${volume.attachment.instanceName}, not reserved`).coded('volume.notReserved', { name: volume.name, instance: volume.attachment.instanceName });
      }
      return this.store.update<Volume>('volume', volume, { status: 'available' }, 'Reservation released');
    });
  }

  /**
   * Cinder's `os-update_readonly_flag` (on an available volume, as Cinder): its next attachments are
   * made read-only (`ro` mode).
   */
  setReadOnly(projectId: string, id: string, readOnly: boolean): Volume {
    return this.store.transaction(() => {
      const volume = this.get(projectId, id);
      if (volume.status !== 'available') {
        throw conflict(`Volume ${volume.name} is ${volume.status}; its read-only flag changes only while it is available`).coded('volume.readOnlyNeedsAvailable', { name: volume.name, status: volume.status });
      }
      return this.store.update<Volume>('volume', volume, { readOnly }, readOnly ? 'Made read-only' : 'Made writable');
    });
  }

  /**
   * Cinder's `os-volume_upload_image`: a new private image whose root disk is the volume's content
   * (so a server boots from it), saved while the volume is `uploading`. An attached volume only
   * with `force`, as Cinder: what its guest has not written out is not in the copy.
   */
  uploadToImage(projectId: string, id: string, input: UploadVolumeInput): { volume: Volume; image: Image } {
    const images = this.imageService();
    return this.store.transaction(() => {
      const volume = this.get(projectId, id);
      this.lifecycle.assert(volume, 'upload_image');
      if (volume.status === 'in-use' && !input.force) {
        throw conflict(`Volume ${volume.name} is attached to ${volume.attachment?.instanceName ?? 'an instance'}; detach it first or upload with force`).coded('volume.uploadInUse', { name: volume.name });
      }
      const source = volume.sourceImageId ? this.store.get<Image>('image', volume.sourceImageId) : undefined;
      const image = images.fromVolume(projectId, {
        name: input.imageName,
        volumeId: volume.id,
        volumeName: volume.name,
        sizeGb: volume.sizeGb,
        content: volume.content,
        ...(source ? { base: source } : {}),
        ...(input.diskFormat ? { diskFormat: input.diskFormat } : {}),
      });
      const uploading = this.lifecycle.begin(volume, 'upload_image', {}, `Uploading to image ${image.name}`);
      return { volume: uploading, image };
    });
  }

  /** `[Instance에 연결]`: reserves the next free device on the instance, then attaches over a few seconds. */
  attach(projectId: string, id: string, instanceId: string): Volume {
    return this.store.transaction(() => {
      const volume = this.get(projectId, id);
      if (volume.attachment) {
        throw conflict(
          `Volume ${volume.name} is already attached to ${volume.attachment.instanceName} as ${volume.attachment.device}; a volume attaches to one instance at a time`,
        ).coded('volume.alreadyAttached', { name: volume.name, instance: volume.attachment.instanceName, device: volume.attachment.device });
      }
      this.lifecycle.assert(volume, 'attach');
      const instance = this.attachTarget(projectId, instanceId);
      const problem = this.attachProblem(volume, instance);
      if (problem === 'OTHER_ZONE') {
        throw conflict(`Volume ${volume.name} is in ${volume.zone} but instance ${instance.name} is in ${instance.zone}; attach it to an instance of the same zone`, 'instanceId').coded('volume.otherZone', { name: volume.name, zone: volume.zone, instance: instance.name, instanceZone: instance.zone });
      }
      this.instances.assertUnlocked(instance);
      this.assertInstanceReady(instance, 'attach a volume to');
      const device = nextDevice(this.attachedTo(instance.id).map((v) => v.attachment!.device));
      if (!device) throw conflict(`Instance ${instance.name} has no free device left for another volume`, 'instanceId').coded('volume.noFreeDevice', { instance: instance.name });
      return this.lifecycle.begin(
        volume,
        'attach',
        { attachment: { instanceId: instance.id, instanceName: instance.name, device, attachedAt: null, mode: volume.readOnly ? 'ro' : 'rw' } },
        `Attaching to ${instance.name} as ${device}`,
      );
    });
  }

  /** `[Block Storage 연결 해제]`. Unmount first: what the guest had not written out is lost. */
  detach(projectId: string, id: string, instanceId?: string): Volume {
    return this.store.transaction(() => {
      const volume = this.get(projectId, id);
      if (!volume.attachment && volume.status === 'available') throw conflict(`Volume ${volume.name} is not attached to any instance`).coded('volume.notAttached', { name: volume.name });
      if (instanceId !== undefined && volume.attachment && volume.attachment.instanceId !== instanceId) {
        throw conflict(`Volume ${volume.name} is attached to ${volume.attachment.instanceName}, not to that instance`, 'instanceId').coded('volume.attachedElsewhere', { name: volume.name, instance: volume.attachment.instanceName });
      }
      this.lifecycle.assert(volume, 'detach');
      const instance = this.store.get<Instance>('instance', volume.attachment!.instanceId);
      if (instance) this.instances.assertUnlocked(instance);
      if (volume.bootOf && instance) {
        throw conflict(`Volume ${volume.name} is the root disk of instance ${instance.name} and cannot be detached`).coded('volume.bootVolume', { name: volume.name, instance: instance.name });
      }
      if (instance?.taskState && instance.taskState !== 'deleting') {
        throw conflict(`Cannot detach a volume from instance ${instance.name} while it is ${instance.taskState}`).coded('instance.busy', { name: instance.name, action: 'detach', status: instance.taskState });
      }
      return this.lifecycle.begin(volume, 'detach', {}, `Detaching from ${volume.attachment!.instanceName}`);
    });
  }

  /** Grows a volume; volumes never shrink. */
  extend(projectId: string, id: string, sizeGb: number): Volume {
    assertSize(sizeGb);
    return this.store.transaction(() => {
      const volume = this.get(projectId, id);
      this.lifecycle.assert(volume, 'extend');
      if (sizeGb <= volume.sizeGb) {
        throw conflict(`Volume ${volume.name} is ${volume.sizeGb} GB and can only grow; choose more than ${volume.sizeGb} GB`, 'sizeGb').coded('volume.canOnlyGrow', { name: volume.name, sizeGb: volume.sizeGb });
      }
      this.quotas.assertRoom(projectId, 'volumeGb', sizeGb - volume.sizeGb, 'sizeGb');
      return this.lifecycle.begin(volume, 'extend', { targetSizeGb: sizeGb }, `Extending ${volume.sizeGb} GB → ${sizeGb} GB`);
    });
  }

  delete(projectId: string, id: string): Volume {
    return this.store.transaction(() => {
      const volume = this.get(projectId, id);
      if (volume.attachment) {
        throw conflict(`Volume ${volume.name} is attached to ${volume.attachment.instanceName} as ${volume.attachment.device}; detach it before deleting`).coded('volume.inUse', { name: volume.name, instance: volume.attachment.instanceName, device: volume.attachment.device });
      }
      this.lifecycle.assert(volume, 'delete');
      const snapshots = this.store.list<VolumeSnapshot>('volume-snapshot', projectId).filter((s) => s.volumeId === volume.id);
      if (snapshots.length > 0) {
        throw conflict(`Volume ${volume.name} has ${snapshots.length} snapshot(s); delete them before deleting the volume`).coded('volume.hasSnapshots', { name: volume.name, count: snapshots.length });
      }
      return this.lifecycle.begin(volume, 'delete');
    });
  }

  /** The project's instances, each with whether this volume could be attached to it now. */
  attachableInstances(projectId: string, id: string): { instance: Instance; problem: AttachProblem }[] {
    const volume = this.get(projectId, id);
    return this.instances.list(projectId).map((instance) => ({ instance, problem: this.attachProblem(volume, instance) }));
  }

  /** Nova's boot from volume: an available, bootable volume of the instance's zone can be its root disk. */
  bootable(projectId: string, volumeId: string, zone: string): { sizeGb: number; imageId: string | null; imageName: string | null } {
    const volume = this.store.get<Volume>('volume', volumeId);
    if (!volume || volume.projectId !== projectId) throw invalidInput(`No volume with id ${volumeId} in this project`, 'volumeId').coded('resource.notInProject', { kind: 'volume', id: volumeId });
    if (volume.status !== 'available' || volume.attachment) {
      throw conflict(`Volume ${volume.name} is ${volume.status}; an instance boots from an available volume`, 'volumeId').coded('lifecycle.invalidState', { kind: 'volume', name: volume.name, action: 'boot from', status: volume.status });
    }
    if (!volume.bootable) throw invalidInput(`Volume ${volume.name} is not bootable`, 'volumeId').coded('volume.notBootable', { name: volume.name });
    if (volume.zone !== zone) {
      throw conflict(`Volume ${volume.name} is in ${volume.zone}; boot the instance in the same zone`, 'volumeId').coded('volume.otherZone', { name: volume.name, zone: volume.zone, instance: 'new', instanceZone: zone });
    }
    return { sizeGb: volume.sizeGb, imageId: volume.sourceImageId ?? null, imageName: volume.sourceImageName ?? null };
  }

  /** The volume becomes the instance's root disk at once (`in-use` as `/dev/vda`); the instance's build covers the attach. */
  claim(projectId: string, volumeId: string, instance: { id: string; name: string }, deleteOnTermination: boolean): void {
    const volume = this.get(projectId, volumeId);
    this.store.update<Volume>(
      'volume',
      volume,
      {
        status: 'in-use',
        attachment: { instanceId: instance.id, instanceName: instance.name, device: '/dev/vda', attachedAt: this.clock.now(), mode: volume.readOnly ? 'ro' : 'rw' },
        bootOf: { instanceId: instance.id, deleteOnTermination },
      },
      `Root disk of ${instance.name}`,
    );
  }

  /** The root disk of an instance booted from a volume, for the guest: its content; null otherwise. */
  bootDiskOf(instanceId: string): { volumeId: string; content: unknown } | null {
    const volume = this.attachedTo(instanceId).find((v) => v.bootOf?.instanceId === instanceId);
    return volume ? { volumeId: volume.id, content: volume.content } : null;
  }

  /** Volumes attached (or attaching, or detaching) to an instance, by device. */
  attachedTo(instanceId: string): Volume[] {
    return this.store
      .list<Volume>('volume')
      .filter((volume) => volume.attachment?.instanceId === instanceId)
      .sort((a, b) => a.attachment!.device.localeCompare(b.attachment!.device));
  }

  /** Volume id → instance id + device, for the guest. Null when the volume is not attached. */
  attachmentOf(volumeId: string): VolumeAttachmentFact | null {
    const volume = this.store.get<Volume>('volume', volumeId);
    return volume?.attachment ? toFact(volume) : null;
  }

  /** Every attachment of an instance but its root disk, for the guest to plug its disks in at boot. */
  attachmentsOf(instanceId: string): VolumeAttachmentFact[] {
    return this.attachedTo(instanceId).filter((volume) => !volume.bootOf).map(toFact);
  }

  /** The guest wrote the volume's filesystem out (mkfs, sync, umount): it lives with the volume. */
  saveContent(volumeId: string, content: unknown): void {
    this.store.transaction(() => {
      const volume = this.store.get<Volume>('volume', volumeId);
      if (volume) this.store.update<Volume>('volume', volume, { content });
    });
  }

  /** An instance is going away: its volumes come off it at once (Nova detaches them on delete). */
  releaseInstance(instance: Instance): void {
    for (const volume of this.attachedTo(instance.id)) {
      if (!volume.bootOf && (volume.status === 'in-use' || volume.status === 'detaching' || volume.status === 'extending')) this.runBeforeDetach(volume);
      const released = this.store.update<Volume>(
        'volume',
        volume,
        { status: volume.status === 'extending' ? 'extending' : volume.status === 'uploading' ? 'uploading' : 'available', attachment: null, bootOf: null },
        `Detached: instance ${instance.name} was deleted`,
      );
      // A root volume mapped with delete_on_termination goes with its instance (it has no snapshots to keep it).
      if (volume.bootOf?.deleteOnTermination && released.status === 'available' && !this.store.list<VolumeSnapshot>('volume-snapshot', volume.projectId).some((s) => s.volumeId === volume.id)) {
        this.lifecycle.beginBySystem(released, 'delete', {}, `Deleted with instance ${instance.name}`);
      }
    }
  }

  private attachProblem(volume: Volume, instance: Instance): AttachProblem {
    if (instance.zone !== volume.zone) return 'OTHER_ZONE';
    if (instance.taskState || !VOLUME_ATTACHABLE_INSTANCE_STATUSES.includes(instance.status)) return 'INSTANCE_STATE';
    return null;
  }

  private assertInstanceReady(instance: Instance, what: string): void {
    if (instance.taskState === 'deleting') throw conflict(`Instance ${instance.name} is being deleted; cannot ${what} it`, 'instanceId').coded('instance.beingDeleted', { name: instance.name });
    if (instance.taskState) throw conflict(`Cannot ${what} instance ${instance.name} while it is ${instance.taskState}`, 'instanceId').coded('instance.busy', { name: instance.name, action: what, status: instance.taskState });
    if (!VOLUME_ATTACHABLE_INSTANCE_STATUSES.includes(instance.status)) {
      throw conflict(`Cannot ${what} instance ${instance.name} while it is ${instance.status}; wait until it is ACTIVE or SHUTOFF`, 'instanceId').coded('instance.needsActiveOrShutoff', { name: instance.name, action: what, status: instance.status });
    }
  }

  /** The instance to attach to; one that existed and was deleted is a conflict, an unknown id bad input. */
  private attachTarget(projectId: string, instanceId: string): Instance {
    const instance = this.store.get<Instance>('instance', instanceId);
    if (instance && instance.projectId === projectId) return instance;
    if (!instance && this.store.history(instanceId).length > 0) throw conflict(`Instance ${instanceId} has been deleted`, 'instanceId').coded('instance.deleted', { id: instanceId });
    throw invalidInput(`No instance with id ${instanceId} in this project`, 'instanceId').coded('resource.notInProject', { kind: 'instance', id: instanceId });
  }

  private sourceSnapshot(projectId: string, snapshotId: string): VolumeSnapshot {
    const snapshot = this.store.get<VolumeSnapshot>('volume-snapshot', snapshotId);
    if (!snapshot || snapshot.projectId !== projectId) throw invalidInput(`No snapshot with id ${snapshotId} in this project`, 'snapshotId').coded('resource.notInProject', { kind: 'snapshot', id: snapshotId });
    if (!canTransition(SNAPSHOT_TRANSITIONS, 'create_volume', snapshot.status)) throw conflict(`Snapshot ${snapshot.name} is ${snapshot.status}; wait until it is available`, 'snapshotId').coded('snapshot.notAvailable', { name: snapshot.name, status: snapshot.status });
    return snapshot;
  }

  private imageService(): ImageService {
    if (!this.images) throw new Error('VolumeService was built without the image service');
    return this.images;
  }

  /** The image a volume is made from: one the project may use, and active. */
  private sourceImage(projectId: string, imageId: string): Image {
    let image: Image;
    try {
      image = this.imageService().get(projectId, imageId);
    } catch (error) {
      if (error instanceof EngineError && error.code === 'NOT_FOUND') throw invalidInput(`No image with id ${imageId}`, 'imageId').coded('resource.notInProject', { kind: 'image', id: imageId });
      throw error;
    }
    if (isUploaded(image) && image.upload.deactivated) {
      throw conflict(`Image ${image.name} is deactivated; reactivate it to make a volume of it`, 'imageId').coded('image.deactivated', { id: image.id });
    }
    if (image.status !== 'active') throw conflict(`Image ${image.name} is ${image.status}; wait until it is active`, 'imageId').coded('image.notActive', { name: image.name, status: image.status });
    return image;
  }

  /**
   * What an image puts on a volume: a captured image's root disk as it was saved, a public image's
   * freshly installed OS (the same root filesystem a server booted from it starts with). An
   * uploaded image of another kind holds no filesystem the guest reads: the volume starts blank.
   */
  private imageRootDisk(image: Image): unknown {
    if (image.rootDiskSnapshot != null) return image.rootDiskSnapshot;
    const os = guestOsFor(image);
    if (!os) return null;
    return provisionRootFilesystem(osProfile(os), { rootUuid: newId(), now: () => this.clock.now() }).toSnapshot();
  }

  private runBeforeDetach(volume: Volume): void {
    for (const hook of this.hooks.beforeDetach) hook(volume);
  }

}

/** Cinder's attach protocol (reserve, unreserve) and the upload to an image: the OpenStack API's, not the console's menu. */
const API_ONLY_ACTIONS: ReadonlySet<string> = new Set(['reserve', 'unreserve', 'upload_image']);

function assertSize(sizeGb: number): void {
  if (!Number.isInteger(sizeGb) || sizeGb < MIN_VOLUME_GB || sizeGb > MAX_VOLUME_GB) {
    throw invalidInput(`Block storage is ${MIN_VOLUME_GB}–${MAX_VOLUME_GB} GB, in whole GB`, 'sizeGb').coded('volume.sizeRange', { min: MIN_VOLUME_GB, max: MAX_VOLUME_GB });
  }
}

const toFact = (volume: Volume): VolumeAttachmentFact => ({
  volumeId: volume.id,
  instanceId: volume.attachment!.instanceId,
  device: volume.attachment!.device,
  sizeGb: volume.sizeGb,
  status: volume.status,
  content: volume.content,
});
