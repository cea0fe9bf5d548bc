import { createHash } from 'node:crypto';
import type { Volume, VolumeSnapshot } from '@sandcloud/engine';
import { osTime } from '../common.ts';

/** Sandcloud's two volume types as Cinder types, with fixed ids; HDD is the default (`__DEFAULT__`'s role). */
export const VOLUME_TYPE_IDS: Record<string, string> = {
  HDD: '7b9f0c3e-4a51-4d0b-9a1e-000000000001',
  SSD: '7b9f0c3e-4a51-4d0b-9a1e-000000000002',
};
export const DEFAULT_VOLUME_TYPE = 'HDD';

export const volumeTypeView = (name: string) => ({
  id: VOLUME_TYPE_IDS[name]!,
  name,
  description: name === 'HDD' ? 'Standard block storage (the default type)' : 'Solid-state block storage',
  is_public: true,
  'os-volume-type-access:is_public': true,
  extra_specs: {},
  qos_specs_id: null,
});

/** A stable UUID naming one attachment (volume + server), as Cinder's attachment ids are UUIDs. */
export function attachmentId(volumeId: string, instanceId: string): string {
  const hex = createHash('sha256').update(`${volumeId}/${instanceId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export const volumeLinks = (base: string, projectId: string, id: string) => [
  { rel: 'self', href: `${base}/volume/v3/${projectId}/volumes/${id}` },
  { rel: 'bookmark', href: `${base}/volume/${projectId}/volumes/${id}` },
];

/** Cinder 3.0's volume body, field for field as Tempest's `volumes.show_volume` schema holds it. */
export function volumeView(volume: Volume, ctx: { base: string; userId: string; metadata: Record<string, string> }, shape: 'show' | 'create' = 'show') {
  const attachment = volume.attachment;
  return {
    id: volume.id,
    name: volume.name,
    description: volume.description,
    status: volume.status,
    size: volume.sizeGb,
    availability_zone: volume.zone,
    created_at: osTime(volume.createdAt),
    updated_at: osTime(volume.updatedAt),
    attachments: attachment
      ? [
          {
            id: volume.id,
            attachment_id: attachmentId(volume.id, attachment.instanceId),
            volume_id: volume.id,
            server_id: attachment.instanceId,
            host_name: null,
            device: attachment.device,
            attached_at: attachment.attachedAt === null ? null : osTime(attachment.attachedAt),
          },
        ]
      : [],
    links: volumeLinks(ctx.base, volume.projectId!, volume.id),
    encrypted: false,
    multiattach: false,
    replication_status: null,
    migration_status: null,
    consistencygroup_id: null,
    source_volid: null,
    snapshot_id: volume.sourceSnapshotId,
    bootable: volume.bootable ? 'true' : 'false',
    volume_type: volume.volumeType,
    // Cinder shows its admin metadata beside the owner's: the read-only flag and an attachment's mode.
    metadata: {
      ...ctx.metadata,
      ...(volume.readOnly !== undefined ? { readonly: volume.readOnly ? 'True' : 'False' } : {}),
      ...(attachment ? { attached_mode: attachment.mode ?? 'rw' } : {}),
    },
    // A volume made from an image names it in show and list (Cinder's `volume_image_metadata`; not in create's answer).
    ...(volume.sourceImageId && shape === 'show' ? { volume_image_metadata: { image_id: volume.sourceImageId, image_name: volume.sourceImageName ?? '' } } : {}),
    user_id: ctx.userId,
    // Show and list carry the project (the os-vol-tenant-attr extension); create and update answers do not.
    ...(shape === 'show' ? { 'os-vol-tenant-attr:tenant_id': volume.projectId! } : {}),
  };
}

export function snapshotView(snapshot: VolumeSnapshot, metadata: Record<string, string>, shape: 'show' | 'create' = 'show') {
  return {
    id: snapshot.id,
    name: snapshot.name,
    description: snapshot.description,
    status: snapshot.status,
    size: snapshot.sizeGb,
    volume_id: snapshot.volumeId,
    created_at: osTime(snapshot.createdAt),
    updated_at: osTime(snapshot.updatedAt),
    metadata,
    ...(shape === 'show'
      ? { 'os-extended-snapshot-attributes:progress': snapshot.status === 'available' ? '100%' : '0%', 'os-extended-snapshot-attributes:project_id': snapshot.projectId! }
      : {}),
  };
}

/** Nova 2.1's volume attachment (its `id` is the volume's id). */
export const novaAttachmentView = (volume: Volume) => ({
  id: volume.id,
  serverId: volume.attachment!.instanceId,
  volumeId: volume.id,
  device: volume.attachment!.device,
});
