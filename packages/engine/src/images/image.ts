import type { ResourceBase } from '../store/resource-store.ts';

/** Glance image statuses: a capture moves queued → saving → active. */
export type ImageStatus = 'queued' | 'saving' | 'active' | 'deleted' | 'killed';

export interface Image extends ResourceBase {
  status: ImageStatus;
  description: string;
  visibility: 'public' | 'private';
  osType: 'linux' | 'windows';
  osDistro: string;
  osVersion: string;
  minDiskGb: number;
  minRamMb: number;
  sizeBytes: number;
  sourceInstanceId: string | null;
  sourceInstanceName: string | null;
  /** What the root disk held at capture time, for the guest to start from (a JSON snapshot). */
  rootDiskSnapshot: unknown;
}

export type ImageAction = 'delete';
