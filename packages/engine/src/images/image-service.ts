import { notFound } from '../core/errors.ts';
import type { ResourceStore } from '../store/resource-store.ts';
import type { Image } from './image.ts';
import { PUBLIC_IMAGES } from './public-images.ts';

/** Glance: the public catalog (seeded once) and each project's private images. */
export class ImageService {
  constructor(private readonly store: ResourceStore) {}

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
  list(projectId: string, visibility?: 'public' | 'private'): Image[] {
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
}
