import { IMAGE_MEMBER_STATUSES, type ImageMemberStatus } from '@sandcloud/domain';
import { conflict, forbidden, invalidInput, notFound } from '../core/errors.ts';
import { newId } from '../core/ids.ts';
import type { Store } from '../store/kinds.ts';
import type { ResourceBase } from '../store/resource.ts';
import type { Image } from './image.ts';
import { isUploaded } from './image-uploads.ts';

/** One project an image is shared with, and whether that project accepted it. */
export interface ImageMember extends ResourceBase {
  /** The owner's project is `projectId`; `name` is the member project's id. */
  imageId: string;
  memberId: string;
  status: ImageMemberStatus;
}

const KIND = 'image-member';

/** Glance image sharing: what an image's members need of images. */
export interface SharedImages {
  /** Any image by id (the caller checks who may see it). */
  find(id: string): Image | undefined;
}

/**
 * Glance's image members: the owner of a `shared` image adds projects (pending); each member project
 * accepts or rejects it. An accepted image appears in the member's image list; a pending or rejected
 * one only when asked for (`visibility=shared&member_status=…`). Only the owner adds and removes
 * members; only the member changes its own status.
 */
export class ImageMembers {
  constructor(
    private readonly store: Store,
    private readonly images: SharedImages,
  ) {}

  /** The owner adds a project: the image must be the owner's and shared; a project is added once. */
  add(projectId: string, imageId: string, memberId: string): ImageMember {
    return this.store.transaction(() => {
      const image = this.owned(projectId, imageId);
      if (!isUploaded(image) || !image.upload.shared) throw forbidden(`Image ${image.id} is not shared: only an image of visibility shared has members`).coded('image.notShared', { id: image.id });
      if (memberId.trim() === '') throw invalidInput('Name the project to share the image with', 'member').coded('image.memberRequired');
      if (memberId === projectId) throw invalidInput('An image is not shared with its own project', 'member').coded('image.memberOwnProject');
      if (this.rows(imageId).some((row) => row.memberId === memberId)) throw conflict(`Project ${memberId} is already a member of image ${imageId}`, 'member').coded('image.memberExists', { project: memberId, id: imageId });
      return this.store.insert<ImageMember>(KIND, { id: newId(), projectId, name: memberId, status: 'pending', imageId, memberId });
    });
  }

  /** The owner sees every member; a member project sees only its own membership. */
  list(projectId: string, imageId: string): ImageMember[] {
    const image = this.visible(projectId, imageId);
    const rows = this.rows(image.id);
    return image.projectId === projectId ? rows : rows.filter((row) => row.memberId === projectId);
  }

  get(projectId: string, imageId: string, memberId: string): ImageMember {
    const row = this.list(projectId, imageId).find((member) => member.memberId === memberId);
    if (!row) throw notFound('image member', memberId);
    return row;
  }

  /** Only the member project accepts, rejects or sets its membership back to pending. */
  setStatus(projectId: string, imageId: string, memberId: string, status: string): ImageMember {
    if (!(IMAGE_MEMBER_STATUSES as readonly string[]).includes(status)) throw invalidInput(`No member status ${status}; choose one of ${IMAGE_MEMBER_STATUSES.join(', ')}`, 'status').coded('input.oneOf', { field: 'status', allowed: IMAGE_MEMBER_STATUSES.join(', ') });
    return this.store.transaction(() => {
      const row = this.get(projectId, imageId, memberId);
      if (memberId !== projectId) throw forbidden(`Only project ${memberId} can accept or reject its membership of image ${imageId}`).coded('image.memberStatusOwnOnly', { project: memberId, id: imageId });
      return this.store.update<ImageMember>(KIND, row, { status: status as ImageMemberStatus });
    });
  }

  /** Only the owner removes a member; the image leaves the member's list. */
  remove(projectId: string, imageId: string, memberId: string): void {
    this.store.transaction(() => {
      const row = this.get(projectId, imageId, memberId);
      if (this.images.find(imageId)?.projectId !== projectId) throw forbidden(`Only the owner of image ${imageId} removes its members`).coded('image.ownerOnly', { id: imageId });
      this.store.delete(KIND, row);
    });
  }

  /** Images shared with the project, with its membership status (any status, or those given). */
  sharedWith(projectId: string, statuses?: readonly string[]): { image: Image; member: ImageMember }[] {
    return this.store
      .list<ImageMember>(KIND)
      .filter((row) => row.memberId === projectId && (statuses === undefined || statuses.includes(row.status)))
      .flatMap((member) => {
        const image = this.images.find(member.imageId);
        return image ? [{ image, member }] : [];
      });
  }

  /** An image the project may read: its own, public, or shared with it (in any status). */
  visible(projectId: string, imageId: string): Image {
    const image = this.images.find(imageId);
    if (!image) throw notFound('image', imageId);
    if (image.projectId === null || image.projectId === projectId) return image;
    if (this.rows(imageId).some((row) => row.memberId === projectId)) return image;
    throw notFound('image', imageId);
  }

  /** Drops the memberships of an image that is gone. */
  forget(imageId: string): void {
    this.store.transaction(() => {
      for (const row of this.rows(imageId)) this.store.delete(KIND, row);
    });
  }

  private owned(projectId: string, imageId: string): Image {
    const image = this.visible(projectId, imageId);
    if (image.projectId !== projectId) throw forbidden(`Only the owner of image ${imageId} shares it`).coded('image.ownerOnly', { id: imageId });
    return image;
  }

  private rows(imageId: string): ImageMember[] {
    return this.store.list<ImageMember>(KIND).filter((row) => row.imageId === imageId);
  }
}
