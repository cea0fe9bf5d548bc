import { createHash } from 'node:crypto';
import { conflict, invalidInput, notFound } from '../core/errors.ts';
import { newId } from '../core/ids.ts';
import type { ResourceStore } from '../store/resource-store.ts';
import { SideRecords } from '../store/side-records.ts';
import type { Image } from './image.ts';

/** Glance's disk and container formats; Sandcloud stores the bytes and does not read them. */
export const DISK_FORMATS = ['ami', 'ari', 'aki', 'vhd', 'vhdx', 'vmdk', 'raw', 'qcow2', 'vdi', 'iso', 'ploop'] as const;
export const CONTAINER_FORMATS = ['ami', 'ari', 'aki', 'bare', 'ovf', 'ova', 'docker', 'compressed'] as const;

/** The largest image a project may upload: the bytes live in the engine's database. */
export const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;

/** What an image registered through the API (not captured from an instance) carries besides `Image`. */
export interface ImageUpload {
  diskFormat: string | null;
  containerFormat: string | null;
  protected: boolean;
  /** Glance's `deactivated`: the record stays, its bytes cannot be downloaded until reactivated. */
  deactivated: boolean;
  tags: string[];
  /** Free-form string properties (Glance keeps them at the top level of an image). */
  properties: Record<string, string>;
  checksum: string | null;
  sha512: string | null;
  /** Glance's `shared` visibility (its default): other projects can be made members of it. */
  shared?: boolean;
}

export type UploadedImage = Image & { upload: ImageUpload };

export interface RegisterImageInput {
  name: string;
  diskFormat?: string | null;
  containerFormat?: string | null;
  minDiskGb?: number;
  minRamMb?: number;
  protected?: boolean;
  tags?: string[];
  properties?: Record<string, string>;
  /** Glance's `shared` visibility (members may be added) rather than `private`. */
  shared?: boolean;
}


export const isUploaded = (image: Image): image is UploadedImage => 'upload' in image && (image as UploadedImage).upload !== undefined;

/**
 * Images registered empty (`queued`) and then given their bytes (→ `active`, with size and hashes),
 * as Glance's `POST /v2/images` + `PUT /v2/images/{id}/file`. Private to their project; the bytes are
 * kept in the engine's store, at most `MAX_UPLOAD_BYTES`. Images captured from instances are the
 * image service's and are untouched here.
 */
export class ImageUploads {
  /** An uploaded image's bytes, one row per image. */
  private readonly bytes: SideRecords<{ base64: string }>;

  constructor(private readonly store: ResourceStore) {
    this.bytes = new SideRecords(store, 'image-data', 'stored');
  }

  register(projectId: string, input: RegisterImageInput): UploadedImage {
    if (input.diskFormat != null && !(DISK_FORMATS as readonly string[]).includes(input.diskFormat)) {
      throw invalidInput(`Invalid disk format '${input.diskFormat}'; one of ${DISK_FORMATS.join(', ')}`, 'diskFormat').coded('input.oneOf', { field: 'diskFormat', allowed: DISK_FORMATS.join(', ') });
    }
    if (input.containerFormat != null && !(CONTAINER_FORMATS as readonly string[]).includes(input.containerFormat)) {
      throw invalidInput(`Invalid container format '${input.containerFormat}'; one of ${CONTAINER_FORMATS.join(', ')}`, 'containerFormat').coded('input.oneOf', { field: 'containerFormat', allowed: CONTAINER_FORMATS.join(', ') });
    }
    for (const [field, value] of [['minDiskGb', input.minDiskGb], ['minRamMb', input.minRamMb]] as const) {
      if (value !== undefined && (!Number.isInteger(value) || value < 0)) throw invalidInput(`${field} is a whole number ≥ 0`, field).coded('input.wholeNumber', { field });
    }
    return this.store.transaction(() =>
      this.store.insert<UploadedImage>('image', {
        id: newId(),
        projectId,
        name: input.name,
        status: 'queued',
        description: '',
        visibility: 'private',
        osType: 'linux',
        osDistro: '',
        osVersion: '',
        minDiskGb: input.minDiskGb ?? 0,
        minRamMb: input.minRamMb ?? 0,
        sizeBytes: 0,
        sourceInstanceId: null,
        sourceInstanceName: null,
        rootDiskSnapshot: null,
        upload: {
          diskFormat: input.diskFormat ?? null,
          containerFormat: input.containerFormat ?? null,
          protected: input.protected ?? false,
          deactivated: false,
          tags: [...new Set(input.tags ?? [])],
          properties: input.properties ?? {},
          checksum: null,
          sha512: null,
          ...(input.shared ? { shared: true } : {}),
        },
      }),
    );
  }

  /** Stores the bytes of a queued image: it becomes `active` with their size, MD5 and SHA-512. */
  upload(projectId: string, id: string, data: Buffer): UploadedImage {
    if (data.length > MAX_UPLOAD_BYTES) throw invalidInput(`An image is at most ${MAX_UPLOAD_BYTES} bytes`, 'data').coded('image.uploadTooLarge', { maxBytes: MAX_UPLOAD_BYTES });
    return this.store.transaction(() => {
      const image = this.own(projectId, id);
      if (image.status !== 'queued') throw conflict(`Image ${image.id} is ${image.status}: only a queued image takes data`).coded('image.notQueued', { id: image.id, status: image.status });
      this.bytes.put(projectId, image.id, { base64: data.toString('base64') });
      return this.store.update<UploadedImage>('image', image, {
        status: 'active',
        sizeBytes: data.length,
        upload: {
          ...image.upload,
          checksum: createHash('md5').update(data).digest('hex'),
          sha512: createHash('sha512').update(data).digest('hex'),
        },
      });
    });
  }

  /** Deactivates (`true`) or reactivates an active uploaded image. */
  setDeactivated(projectId: string, id: string, deactivated: boolean): UploadedImage {
    const image = this.own(projectId, id);
    if (image.status !== 'active') throw conflict(`Image ${image.id} is ${image.status}: only an active image can be deactivated or reactivated`).coded('image.toggleNeedsActive', { id: image.id, status: image.status });
    return this.update(projectId, id, { deactivated });
  }

  /** The bytes of an uploaded image, or undefined while it has none; a deactivated image's are refused. */
  data(projectId: string, id: string): Buffer | undefined {
    const image = this.own(projectId, id);
    if (image.upload.deactivated) throw conflict(`Image ${image.id} is deactivated: its data cannot be downloaded`).coded('image.deactivated', { id: image.id });
    const row = this.bytes.get(image.id);
    return row ? Buffer.from(row.base64, 'base64') : undefined;
  }

  /** Changes what an uploaded image records (name, formats, limits, protection, tags, properties). */
  update(projectId: string, id: string, changes: Partial<Pick<Image, 'name' | 'minDiskGb' | 'minRamMb'>> & Partial<ImageUpload>): UploadedImage {
    return this.store.transaction(() => {
      const image = this.own(projectId, id);
      const { name, minDiskGb, minRamMb, ...upload } = changes;
      return this.store.update<UploadedImage>('image', image, {
        ...(name !== undefined ? { name } : {}),
        ...(minDiskGb !== undefined ? { minDiskGb } : {}),
        ...(minRamMb !== undefined ? { minRamMb } : {}),
        upload: { ...image.upload, ...upload },
      });
    });
  }

  addTag(projectId: string, id: string, tag: string): UploadedImage {
    const image = this.own(projectId, id);
    return image.upload.tags.includes(tag) ? image : this.update(projectId, id, { tags: [...image.upload.tags, tag] });
  }

  removeTag(projectId: string, id: string, tag: string): UploadedImage {
    const image = this.own(projectId, id);
    if (!image.upload.tags.includes(tag)) throw notFound('tag', tag);
    return this.update(projectId, id, { tags: image.upload.tags.filter((t) => t !== tag) });
  }

  /** Deletes an uploaded image in any status, and its bytes; a protected image first needs unprotecting. */
  delete(projectId: string, id: string): void {
    this.store.transaction(() => {
      const image = this.own(projectId, id);
      if (image.upload.protected) throw conflict(`Image ${image.id} is protected and cannot be deleted`).coded('image.protected', { id: image.id });
      this.bytes.forget(image.id);
      this.store.delete('image', image);
    });
  }

  /** An uploaded image of the project (public and captured images are not this module's). */
  private own(projectId: string, id: string): UploadedImage {
    const image = this.store.get<Image>('image', id);
    if (!image || image.projectId !== projectId || !isUploaded(image)) throw notFound('image', id);
    return image;
  }
}
