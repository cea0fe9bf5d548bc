import { IMAGE_LIFECYCLE, type ImageAction, type ImageVisibility, type InstanceAction, type InstanceTaskState } from '@sandcloud/domain';
import { conflict, EngineError, invalidInput, notFound } from '../core/errors.ts';
import { newId } from '../core/ids.ts';
import type { LifecycleMachine, LifecycleRunner } from '../core/lifecycle-runner.ts';
import { InvalidTransitionError } from '../core/state-machine.ts';
import type { Instance } from '../compute/instance.ts';
import type { ResourceStore } from '../store/resource-store.ts';
import type { Image } from './image.ts';
import { PUBLIC_IMAGES } from './public-images.ts';

export interface CaptureImageInput {
  instanceId: string;
  name: string;
  description?: string;
  /** Free-form properties recorded on the image (Nova's createImage `metadata`). */
  properties?: Record<string, string>;
  /**
   * Capture a running (ACTIVE) instance too, as Nova does. The console follows the guide and
   * captures only a SHUTOFF instance (the default), so what it holds is all written out.
   */
  allowRunning?: boolean;
  /**
   * Nova's createBackup: the image is a backup of this type (`daily`), and once it is saved only the
   * newest `rotation` backups of that type of the instance are kept (the older ones are deleted).
   */
  backup?: { type: string; rotation: number };
}

/** What an image made from a volume needs (Cinder's `os-volume_upload_image`). */
export interface VolumeImageInput {
  name: string;
  volumeId: string;
  volumeName: string;
  sizeGb: number;
  /** The volume's content: the new image's root disk. */
  content: unknown;
  /** The image the volume was created from, if any: the OS it boots. */
  base?: Image;
  diskFormat?: string;
}

const GiB = 1024 ** 3;

/**
 * What a capture needs of instances: the source, and its `image_snapshot` task. Narrow on purpose:
 * instances are launched from images (the instance service imports this module), so this module
 * names only the instance record, never the instance service.
 */
export interface CaptureSources {
  get(projectId: string, id: string): Instance;
  startTask(instance: Instance, action: InstanceAction, taskState: NonNullable<InstanceTaskState>, note?: string): Instance;
  endTask(instanceId: string, taskState: NonNullable<InstanceTaskState>, note?: string): Instance | undefined;
}

/**
 * Glance: the public catalog (seeded once) and each project's private images, captured from a
 * SHUTOFF instance (or a running one, for Nova's API) (queued → saving → active) with a copy of what
 * its root disk holds.
 */
export class ImageService {
  private readonly lifecycle: LifecycleMachine<Image, ImageAction | 'capture'>;

  constructor(
    private readonly store: ResourceStore,
    lifecycles: LifecycleRunner,
    /** Late-bound: instances are created from images, and images captured from instances. */
    private readonly instances: () => CaptureSources,
    /** Late-bound too: what an instance's root disk holds now (the guest layer knows). */
    private readonly rootDiskOf: (instanceId: string) => unknown = () => null,
  ) {
    this.lifecycle = lifecycles.define<Image, ImageAction | 'capture'>({
      kind: 'image',
      lifecycle: IMAGE_LIFECYCLE,
      tasks: {
        capture: {
          // queued → saving → active; the source instance's task ends with it, or with its failure.
          complete: (image) => {
            this.endSourceTask(image, `Image ${image.name} created`);
            if (image.backupRotation !== undefined) this.rotateBackups(image, image.backupRotation);
            return { changes: { sizeBytes: this.capturedSize(image) } };
          },
          failed: (image) => this.endSourceTask(image, `Image ${image.name} failed`),
        },
      },
    });
  }

  seedPublicImages(): void {
    this.store.transaction(() => {
      for (const seed of PUBLIC_IMAGES) {
        if (this.store.get<Image>('image', seed.id)) continue;
        this.store.insert<Image>('image', {
          ...seed,
          projectId: null,
          status: 'active',
          visibility: 'public',
          sourceInstanceId: null,
          sourceInstanceName: null,
          rootDiskSnapshot: null,
        });
      }
    });
  }

  /** Public images and the project's own private ones. */
  list(projectId: string, visibility?: ImageVisibility): Image[] {
    const publicImages = visibility === 'private' ? [] : this.store.list<Image>('image', null);
    const privateImages = visibility === 'public' ? [] : this.store.list<Image>('image', projectId);
    return [...publicImages, ...privateImages];
  }

  /** An image the project may use: public, or its own. */
  get(projectId: string, id: string): Image {
    const image = this.store.get<Image>('image', id);
    if (!image || (image.projectId !== null && image.projectId !== projectId)) throw notFound('image', id);
    return image;
  }

  /** What the console may offer: public images are read-only. */
  allowedActions(image: Image): ImageAction[] {
    return image.visibility === 'public' ? [] : this.lifecycle.allowed(image).filter((action): action is ImageAction => action !== 'capture');
  }

  /**
   * `[Image 생성]`: from a SHUTOFF instance, or also an ACTIVE one with `allowRunning` (Nova's API).
   * The image records the root disk as it is now (of a running guest: what it has written out), and
   * the instance shows task state `image_snapshot` (blocking its actions) until the image is active.
   */
  capture(projectId: string, input: CaptureImageInput): Image {
    const name = input.name.trim();
    if (name === '') throw invalidInput('Enter a name for the image', 'name').coded('name.required');
    const instances = this.instances();
    return this.store.transaction(() => {
      const instance = this.sourceInstance(projectId, input.instanceId);
      const shutDownFirst = () =>
        conflict(`Shut instance ${instance.name} down first: an image is made from a SHUTOFF instance, and it is ${instance.status}`, 'instanceId').coded('image.needsShutoff', { instance: instance.name, status: instance.status });
      if (instance.status === 'ACTIVE' && !instance.taskState && !input.allowRunning) throw shutDownFirst();
      try {
        instances.startTask(instance, 'create_image', 'image_snapshot', `Image ${name} requested`);
      } catch (error) {
        if (error instanceof InvalidTransitionError && !instance.taskState) {
          throw input.allowRunning ? conflict(`Instance ${instance.name} is ${instance.status}; an image is made from an ACTIVE or SHUTOFF instance`, 'instanceId').coded('image.needsActiveOrShutoff', { instance: instance.name, status: instance.status }) : shutDownFirst();
        }
        throw error;
      }
      const base = this.store.get<Image>('image', instance.imageId);
      const id = newId();
      return this.lifecycle.create('capture', {
        id,
        projectId,
        name,
        status: 'queued',
        description: input.description ?? '',
        visibility: 'private',
        osType: base?.osType ?? 'linux',
        osDistro: base?.osDistro ?? '',
        osVersion: base?.osVersion ?? '',
        minDiskGb: instance.rootDiskGb,
        minRamMb: base?.minRamMb ?? 512,
        sizeBytes: base?.sizeBytes ?? GiB,
        sourceInstanceId: instance.id,
        sourceInstanceName: instance.name,
        rootDiskSnapshot: this.rootDiskOf(instance.id) ?? null,
        ...(input.properties && Object.keys(input.properties).length > 0 ? { properties: { ...input.properties } } : {}),
        ...(input.backup
          ? { properties: { ...input.properties, image_type: 'backup', backup_type: input.backup.type, instance_uuid: instance.id }, backupRotation: input.backup.rotation }
          : {}),
      });
    });
  }

  /**
   * A private image from a volume's content (queued → saving → active, as a capture): a server
   * booted from it starts from what the volume held.
   */
  fromVolume(projectId: string, input: VolumeImageInput): Image {
    const name = input.name.trim();
    if (name === '') throw invalidInput('Enter a name for the image', 'name').coded('name.required');
    return this.store.transaction(() =>
      this.lifecycle.create('capture', {
        id: newId(),
        projectId,
        name,
        status: 'queued',
        description: `Uploaded from volume ${input.volumeName}`,
        visibility: 'private',
        osType: input.base?.osType ?? 'linux',
        osDistro: input.base?.osDistro ?? '',
        osVersion: input.base?.osVersion ?? '',
        minDiskGb: input.sizeGb,
        minRamMb: input.base?.minRamMb ?? 512,
        sizeBytes: input.base?.sizeBytes ?? 0,
        sourceInstanceId: null,
        sourceInstanceName: null,
        rootDiskSnapshot: input.content ?? null,
        sourceVolumeId: input.volumeId,
        ...(input.diskFormat ? { diskFormat: input.diskFormat } : {}),
      }),
    );
  }

  /** Rename or describe a private image, or replace its free-form properties. */
  update(projectId: string, id: string, changes: { name?: string; description?: string; properties?: Record<string, string> }): Image {
    return this.store.transaction(() => {
      const image = this.ownImage(projectId, id, 'changed');
      if (changes.name !== undefined && changes.name.trim() === '') throw invalidInput('Enter a name for the image', 'name').coded('name.required');
      return this.store.update<Image>('image', image, {
        ...(changes.name !== undefined ? { name: changes.name.trim() } : {}),
        ...(changes.description !== undefined ? { description: changes.description } : {}),
        ...(changes.properties !== undefined ? { properties: { ...changes.properties } } : {}),
      });
    });
  }

  /**
   * Deletes a private image. Instances launched from it keep running (they have their own disks).
   * Deleting an image still being captured stops the capture: its instance's task ends.
   */
  delete(projectId: string, id: string): void {
    this.store.transaction(() => {
      const image = this.ownImage(projectId, id, 'deleted');
      this.lifecycle.assert(image, 'delete');
      this.store.delete('image', image);
      if (image.status === 'queued' || image.status === 'saving') this.endSourceTask(image, `Image ${image.name} deleted before it was saved`);
    });
  }

  private ownImage(projectId: string, id: string, verb: string): Image {
    const image = this.get(projectId, id);
    if (image.visibility === 'public') throw conflict(`${image.name} is a public image and cannot be ${verb}; only private images can`).coded('image.publicImmutable', { name: image.name });
    return image;
  }

  private sourceInstance(projectId: string, instanceId: string): Instance {
    try {
      return this.instances().get(projectId, instanceId);
    } catch (error) {
      if (error instanceof EngineError && error.code === 'NOT_FOUND') throw invalidInput(`No instance with id ${instanceId} in this project`, 'instanceId').coded('resource.notInProject', { kind: 'instance', id: instanceId });
      throw error;
    }
  }

  private endSourceTask(image: Image, note: string): void {
    if (image.sourceInstanceId) this.instances().endTask(image.sourceInstanceId, 'image_snapshot', note);
  }

  /** A backup is saved: the instance's backups of its type beyond the newest `rotation` are deleted. */
  private rotateBackups(saved: Image, rotation: number): void {
    const props = saved.properties ?? {};
    const sameKind = this.store
      .list<Image>('image', saved.projectId)
      .filter((image) => image.id === saved.id || (image.status === 'active' && image.properties?.image_type === 'backup' && image.properties.backup_type === props.backup_type && image.properties.instance_uuid === props.instance_uuid))
      .sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
    for (const old of sameKind.slice(rotation)) {
      if (old.id !== saved.id) this.store.delete('image', old);
    }
  }

  /** The base image's size plus what the instance wrote to its disk. */
  private capturedSize(image: Image): number {
    const written = image.rootDiskSnapshot == null ? 0 : JSON.stringify(image.rootDiskSnapshot).length;
    return image.sizeBytes + written;
  }
}
