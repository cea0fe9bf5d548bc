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
export const QUOTA_NAMES = [
  'instances',
  'vcpus',
  'ramMb',
  'floatingIps',
  'securityGroups',
  'securityGroupRules',
  'keyPairs',
  'volumes',
  'volumeGb',
  'volumeSnapshots',
  'loadBalancers',
  'networks',
] as const;
export type QuotaName = (typeof QUOTA_NAMES)[number];
export const isQuotaName = (value: string): value is QuotaName => (QUOTA_NAMES as readonly string[]).includes(value);
/**
 * Each quota as an English sentence names it ("Quota exceeded for MB of RAM"): the engine's own
 * messages and the console's English error catalogue both read it from here.
 */
export const QUOTA_LABELS: Readonly<Record<QuotaName, string>> = {
  instances: 'instances',
  vcpus: 'vCPUs',
  ramMb: 'MB of RAM',
  floatingIps: 'floating IPs',
  securityGroups: 'security groups',
  securityGroupRules: 'security group rules',
  keyPairs: 'key pairs',
  volumes: 'volumes',
  volumeGb: 'GB of block storage',
  volumeSnapshots: 'volume snapshots',
  loadBalancers: 'load balancers',
  networks: 'networks',
};
/** Per-project limits. */
export type Quotas = Record<QuotaName, number>;

/** How much of each quota a project uses, against its limit. */
export type QuotaUsage = Record<QuotaName, { limit: number; used: number }>;

/** The largest limit anyone may set (keeps sums of RAM in MB far from floating-point trouble). */
export const QUOTA_MAX = 10_000_000;

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
  volumeSnapshots: 10,
  loadBalancers: 10,
  networks: 10,
};

/** Why a limit is not acceptable, or undefined when it is (a whole number from 0 to QUOTA_MAX). */
export function quotaLimitProblem(name: string, value: unknown): string | undefined {
  if (!isQuotaName(name)) return `Unknown quota ${name}; quotas are ${QUOTA_NAMES.join(', ')}`;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > QUOTA_MAX) {
    return `Quota ${name} must be a whole number from 0 to ${QUOTA_MAX}, not ${JSON.stringify(value)}`;
  }
  return undefined;
}

/**
 * Reads default quotas written as JSON (`{"instances": 20}`) or as `key=value,...`
 * (`instances=20,vcpus=40`), as `SANDCLOUD_DEFAULT_QUOTAS` takes them. Returns the limits, or a
 * sentence saying what is wrong.
 */
export function parseQuotaSpec(text: string): Partial<Quotas> | string {
  const trimmed = text.trim();
  let entries: [string, unknown][];
  if (trimmed.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch {
      return 'not valid JSON; write {"instances": 20} or instances=20,vcpus=40';
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return 'must be a JSON object of quota names to numbers';
    entries = Object.entries(parsed);
  } else {
    entries = [];
    for (const part of trimmed.split(',').map((p) => p.trim()).filter(Boolean)) {
      const eq = part.indexOf('=');
      if (eq < 0) return `"${part}" is not key=value; write instances=20,vcpus=40`;
      const raw = part.slice(eq + 1).trim();
      entries.push([part.slice(0, eq).trim(), /^\d+$/.test(raw) ? Number(raw) : raw]);
    }
  }
  const quotas: Partial<Quotas> = {};
  for (const [name, value] of entries) {
    const problem = quotaLimitProblem(name, value);
    if (problem) return problem;
    quotas[name as QuotaName] = value as number;
  }
  return quotas;
}
