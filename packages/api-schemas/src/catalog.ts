import { z } from 'zod';

export const ZONES = ['kr-pub-a', 'kr-pub-b'] as const;
export const zoneSchema = z.enum(ZONES, { error: 'Choose zone kr-pub-a or kr-pub-b' });
export type Zone = z.infer<typeof zoneSchema>;

/** Nova flavor, named family.cNmM as the real product names them. */
export interface FlavorDto {
  id: string;
  name: string;
  family: string;
  vcpus: number;
  ramMb: number;
  /** The largest root disk an instance of this flavor may have. */
  maxRootDiskGb: number;
  description: string;
}

export interface QuotaUsage {
  limit: number;
  used: number;
}

export interface QuotasDto {
  instances: QuotaUsage;
  vcpus: QuotaUsage;
  ramMb: QuotaUsage;
  floatingIps: QuotaUsage;
  securityGroups: QuotaUsage;
  securityGroupRules: QuotaUsage;
  keyPairs: QuotaUsage;
  volumes: QuotaUsage;
  volumeGb: QuotaUsage;
}
