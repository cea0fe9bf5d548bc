import type { ImageStatus, ImageVisibility, OsType } from '@sandcloud/domain';
import type { ResourceBase } from '../store/resource-store.ts';

// The image record as the engine stores it; its vocabulary comes from `@sandcloud/domain`.

export interface Image extends ResourceBase {
  status: ImageStatus;
  description: string;
  visibility: ImageVisibility;
  osType: OsType;
  osDistro: string;
  osVersion: string;
  minDiskGb: number;
  minRamMb: number;
  sizeBytes: number;
  sourceInstanceId: string | null;
  sourceInstanceName: string | null;
  /** What the root disk held at capture time, for the guest to start from (a JSON snapshot). */
  rootDiskSnapshot: unknown;
  /** Free-form string properties of a captured image (Nova's createImage `metadata`, image metadata). */
  properties?: Record<string, string>;
  /** Glance's disk format of an image uploaded from a volume (Cinder's `disk_format`); `qcow2` otherwise. */
  diskFormat?: string;
  /** Nova's createBackup: how many backups of this type of the instance are kept once this one is saved. */
  backupRotation?: number;
  /** The volume an image was uploaded from (`os-volume_upload_image`). */
  sourceVolumeId?: string | null;
}

