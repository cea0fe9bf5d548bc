/** Per-project limits, with defaults a learner will not hit while following the guide. */
export interface Quotas {
  instances: number;
  vcpus: number;
  ramMb: number;
  floatingIps: number;
  securityGroups: number;
  securityGroupRules: number;
  keyPairs: number;
  volumes: number;
  volumeGb: number;
}

export const DEFAULT_QUOTAS: Quotas = {
  instances: 10,
  vcpus: 20,
  ramMb: 50 * 1024,
  floatingIps: 10,
  securityGroups: 10,
  securityGroupRules: 100,
  keyPairs: 20,
  volumes: 10,
  volumeGb: 1000,
};

export type QuotaName = keyof Quotas;
export type QuotaUsage = Record<QuotaName, { limit: number; used: number }>;
