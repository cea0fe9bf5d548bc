import { DEFAULT_QUOTAS, type QuotaName, type QuotaUsage, type Quotas } from '@sandcloud/domain';
import { quotaExceeded } from '../core/errors.ts';

const LABELS: Record<QuotaName, string> = {
  instances: 'instances',
  vcpus: 'vCPUs',
  ramMb: 'MB of RAM',
  floatingIps: 'floating IPs',
  securityGroups: 'security groups',
  securityGroupRules: 'security group rules',
  keyPairs: 'key pairs',
  volumes: 'volumes',
  volumeGb: 'GB of block storage',
};

/**
 * Checks requests against the project's quotas. Usage is counted by the modules that own each
 * resource (registered as meters), always inside the creating transaction, so two concurrent
 * creates cannot both slip under the limit.
 */
export class QuotaGuard {
  private readonly meters = new Map<QuotaName, (projectId: string) => number>();

  constructor(private readonly limits: Quotas = DEFAULT_QUOTAS) {}

  meter(name: QuotaName, used: (projectId: string) => number): void {
    this.meters.set(name, used);
  }

  usage(projectId: string): QuotaUsage {
    const entries = (Object.keys(this.limits) as QuotaName[]).map((name) => [
      name,
      { limit: this.limits[name], used: this.meters.get(name)?.(projectId) ?? 0 },
    ]);
    return Object.fromEntries(entries) as QuotaUsage;
  }

  assertRoom(projectId: string, name: QuotaName, wanted: number, field?: string): void {
    const used = this.meters.get(name)?.(projectId) ?? 0;
    const limit = this.limits[name];
    if (used + wanted > limit) {
      throw quotaExceeded(
        `Quota exceeded: this needs ${wanted} ${LABELS[name]}, but only ${Math.max(0, limit - used)} of ${limit} are left`,
        field,
      ).coded('quota.exceeded', { resource: name, wanted, left: Math.max(0, limit - used), limit });
    }
  }
}
