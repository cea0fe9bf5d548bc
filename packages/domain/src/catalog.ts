// What the cloud offers, written once: availability zones, flavors and the default per-project
// quotas. The engine checks requests against them, the API schemas validate with them and the
// console lists them, so a new zone or flavor is one line here.

export const ZONES = ['kr-pub-a', 'kr-pub-b'] as const;
export type Zone = (typeof ZONES)[number];
export const isZone = (value: string): value is Zone => (ZONES as readonly string[]).includes(value);

/** Nova flavor in the product's naming scheme: family.cNmM (N vCPUs, M GB of RAM). */
export interface Flavor {
  id: string;
  name: string;
  family: string;
  vcpus: number;
  ramMb: number;
  /** The largest root disk an instance of this flavor may have. */
  maxRootDiskGb: number;
  description: string;
}

const flavor = (family: string, vcpus: number, ramGb: number, description: string): Flavor => {
  const name = `${family}.c${vcpus}m${ramGb}`;
  return { id: name, name, family, vcpus, ramMb: ramGb * 1024, maxRootDiskGb: 1024, description };
};

export const FLAVORS: readonly Flavor[] = [
  flavor('t2', 1, 1, 'Burstable, for tests and small tools'),
  flavor('m2', 1, 2, 'General purpose'),
  flavor('m2', 2, 4, 'General purpose'),
  flavor('m2', 4, 8, 'General purpose'),
  flavor('m2', 8, 16, 'General purpose'),
  flavor('c2', 2, 2, 'Compute optimised'),
  flavor('c2', 4, 4, 'Compute optimised'),
  flavor('r2', 2, 16, 'Memory optimised'),
  flavor('r2', 4, 32, 'Memory optimised'),
];

export const findFlavor = (id: string): Flavor | undefined => FLAVORS.find((f) => f.id === id);

/** What a project's quotas count. */
export const QUOTA_NAMES = ['instances', 'vcpus', 'ramMb', 'floatingIps', 'securityGroups', 'securityGroupRules', 'keyPairs', 'volumes', 'volumeGb'] as const;
export type QuotaName = (typeof QUOTA_NAMES)[number];
/** Per-project limits. */
export type Quotas = Record<QuotaName, number>;

/** How much of each quota a project uses, against its limit. */
export type QuotaUsage = Record<QuotaName, { limit: number; used: number }>;

/** Defaults a learner will not hit while following the guide. */
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
