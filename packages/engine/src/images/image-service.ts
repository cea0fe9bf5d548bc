import type { ImageAction, ImageVisibility } from '@sandcloud/domain';
import { conflict, EngineError, invalidInput, notFound } from '../core/errors.ts';
import { newId } from '../core/ids.ts';
import type { Scheduler } from '../core/scheduler.ts';
import { allowedActions, assertTransition, InvalidTransitionError } from '../core/state-machine.ts';
import type { Instance } from '../compute/instance.ts';
import type { InstanceService } from '../compute/instance-service.ts';
import type { ResourceStore } from '../store/resource-store.ts';
import { IMAGE_DURATIONS, IMAGE_TRANSITIONS, type Image } from './image.ts';
import { PUBLIC_IMAGES } from './public-images.ts';

export interface CaptureImageInput {
  instanceId: string;
  name: string;
  description?: string;
}

const GiB = 1024 ** 3;

/**
 * Glance: the public catalog (seeded once) and each project's private images, captured from a
 * SHUTOFF instance (queued → saving → active) with a copy of what its root disk holds.
 */
export class ImageService {
  constructor(
    private readonly store: ResourceStore,
    private readonly scheduler: Scheduler,
    /** Late-bound: instances are created from images, and images captured from instances. */
    private readonly instances: () => InstanceService,
    /** Late-bound too: what an instance's root disk holds now (the guest layer knows). */
    private readonly rootDiskOf: (instanceId: string) => unknown = () => null,
  ) {
    scheduler.register('image.capture-saving', ({ id, instanceId }) => {
      const image = this.store.get<Image>('image', String(id));
      if (image?.status !== 'queued') return;
      this.store.update<Image>('image', image, { status: 'saving' });
      this.scheduler.schedule('image.capture-complete', { id, instanceId }, IMAGE_DURATIONS.saving);
    });
    scheduler.register('image.capture-complete', ({ id, instanceId }) => {
      const image = this.store.get<Image>('image', String(id));
      if (image?.status === 'saving') this.store.update<Image>('image', image, { status: 'active', sizeBytes: this.capturedSize(image) });
      this.instances().endTask(String(instanceId), 'image_snapshot', `Image ${image?.name ?? String(id)} created`);
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
    return image.visibility === 'public' ? [] : allowedActions(IMAGE_TRANSITIONS, image.status);
  }

  /**
   * `[Image 생성]`: only from a SHUTOFF instance. The image records the root disk as it is now, and
   * the instance shows task state `image_snapshot` (blocking its actions) until the image is active.
   */
  capture(projectId: string, input: CaptureImageInput): Image {
    const name = input.name.trim();
    if (name === '') throw invalidInput('Enter a name for the image', 'name');
    const instances = this.instances();
    return this.store.transaction(() => {
      const instance = this.sourceInstance(projectId, input.instanceId);
      try {
        instances.startTask(instance, 'create_image', 'image_snapshot', `Image ${name} requested`);
      } catch (error) {
        if (error instanceof InvalidTransitionError && !instance.taskState) {
          throw conflict(`Shut instance ${instance.name} down first: an image is made from a SHUTOFF instance, and it is ${instance.status}`, 'instanceId');
        }
        throw error;
      }
      const base = this.store.get<Image>('image', instance.imageId);
      const id = newId();
      const image = this.store.insert<Image>('image', {
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
      });
      this.scheduler.schedule('image.capture-saving', { id, instanceId: instance.id }, IMAGE_DURATIONS.queued);
      return image;
    });
  }

  /** Rename or describe a private image. */
  update(projectId: string, id: string, changes: { name?: string; description?: string }): Image {
    return this.store.transaction(() => {
      const image = this.ownImage(projectId, id, 'changed');
      if (changes.name !== undefined && changes.name.trim() === '') throw invalidInput('Enter a name for the image', 'name');
      return this.store.update<Image>('image', image, {
        ...(changes.name !== undefined ? { name: changes.name.trim() } : {}),
        ...(changes.description !== undefined ? { description: changes.description } : {}),
      });
    });
  }

  /** Deletes a private image. Instances launched from it keep running (they have their own disks). */
  delete(projectId: string, id: string): void {
    this.store.transaction(() => {
      const image = this.ownImage(projectId, id, 'deleted');
      assertTransition(IMAGE_TRANSITIONS, 'image', image, 'delete');
      this.store.delete('image', image);
    });
  }

  private ownImage(projectId: string, id: string, verb: string): Image {
    const image = this.get(projectId, id);
    if (image.visibility === 'public') throw conflict(`${image.name} is a public image and cannot be ${verb}; only private images can`);
    return image;
  }

  private sourceInstance(projectId: string, instanceId: string): Instance {
    try {
      return this.instances().get(projectId, instanceId);
    } catch (error) {
      if (error instanceof EngineError && error.code === 'NOT_FOUND') throw invalidInput(`No instance with id ${instanceId} in this project`, 'instanceId');
      throw error;
    }
  }

  /** The base image's size plus what the instance wrote to its disk. */
  private capturedSize(image: Image): number {
    const written = image.rootDiskSnapshot == null ? 0 : JSON.stringify(image.rootDiskSnapshot).length;
    return image.sizeBytes + written;
  }
}
