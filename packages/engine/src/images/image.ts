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
}

