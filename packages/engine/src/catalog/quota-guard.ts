import { DEFAULT_QUOTAS, QUOTA_LABELS, QUOTA_NAMES, quotaLimitProblem, type QuotaName, type QuotaUsage, type Quotas } from '@sandcloud/domain';
import { invalidInput, quotaExceeded } from '../core/errors.ts';
import type { ResourceStore } from '../store/resource-store.ts';

/** Kinds counted one row per unit whose services do not check the quota themselves: the store's insert guard does. */
const GUARDED_KINDS: Partial<Record<string, QuotaName>> = {
  'volume-snapshot': 'volumeSnapshots',
  'load-balancer': 'loadBalancers',
  network: 'networks',
};

/** Settings keys: the cloud-wide defaults an administrator set, and one project's own limits. */
const DEFAULTS_KEY = 'quotas.defaults';
const projectKey = (projectId: string) => `quotas.project.${projectId}`;

/**
 * Checks requests against each project's quotas. A project's limit is, from strongest to weakest:
 * its own limit (set by an administrator), the defaults set in the admin settings, the defaults the
 * server was started with (`SANDCLOUD_DEFAULT_QUOTAS`), `DEFAULT_QUOTAS`. Limits are kept in the
 * settings table and cached here (the process is the store's only writer). Usage is counted by the
 * modules that own each resource (registered as meters), always inside the creating transaction, so
 * two concurrent creates cannot both slip under the limit.
 */
export class QuotaGuard {
  private readonly meters = new Map<QuotaName, (projectId: string) => number>();
  private readonly cache = new Map<string, Partial<Quotas>>();

  constructor(
    private readonly store: ResourceStore,
    private readonly startDefaults: Quotas = DEFAULT_QUOTAS,
  ) {
    store.insertGuards.push((kind, fields) => {
      const name = GUARDED_KINDS[kind];
      if (name && fields.projectId) this.assertRoom(fields.projectId, name, 1);
    });
  }

  meter(name: QuotaName, used: (projectId: string) => number): void {
    this.meters.set(name, used);
  }

  /** The defaults new and untouched projects get. */
  defaults(): Quotas {
    return { ...this.startDefaults, ...this.read(DEFAULTS_KEY) };
  }

  /** The project's limits in force. */
  limits(projectId: string): Quotas {
    return { ...this.defaults(), ...this.read(projectKey(projectId)) };
  }

  usage(projectId: string): QuotaUsage {
    const limits = this.limits(projectId);
    const entries = QUOTA_NAMES.map((name) => [name, { limit: limits[name], used: this.used(projectId, name) }]);
    return Object.fromEntries(entries) as QuotaUsage;
  }

  /**
   * Sets some of the project's limits. A limit below what the project already uses is refused
   * (400, naming the quota) and nothing changes.
   */
  setLimits(projectId: string, changes: Partial<Record<string, unknown>>): QuotaUsage {
    const valid = this.validate(changes);
    for (const [name, value] of Object.entries(valid) as [QuotaName, number][]) {
      const used = this.used(projectId, name);
      if (value < used) {
        throw invalidInput(`The ${QUOTA_LABELS[name]} quota cannot be ${value}: the project already uses ${used}; delete some first or choose at least ${used}`, name).coded('quota.belowUsage', {
          resource: name,
          value,
          used,
        });
      }
    }
    this.write(projectKey(projectId), { ...this.read(projectKey(projectId)), ...valid }, projectId);
    return this.usage(projectId);
  }

  /** Sets cloud-wide defaults (admin settings); projects with their own limit keep it. */
  setDefaults(changes: Partial<Record<string, unknown>>): Quotas {
    this.write(DEFAULTS_KEY, { ...this.read(DEFAULTS_KEY), ...this.validate(changes) }, null);
    return this.defaults();
  }

  assertRoom(projectId: string, name: QuotaName, wanted: number, field?: string): void {
    const used = this.used(projectId, name);
    const limit = this.limits(projectId)[name];
    if (used + wanted <= limit) return;
    const left = Math.max(0, limit - used);
    throw quotaExceeded(`Quota exceeded for ${QUOTA_LABELS[name]} (limit ${limit}): this needs ${wanted}, but only ${left} of ${limit} are left`, field).coded('quota.exceeded', {
      resource: name,
      wanted,
      left,
      limit,
    });
  }

  private used(projectId: string, name: QuotaName): number {
    return this.meters.get(name)?.(projectId) ?? 0;
  }

  private validate(changes: Partial<Record<string, unknown>>): Partial<Quotas> {
    const valid: Partial<Quotas> = {};
    for (const [name, value] of Object.entries(changes)) {
      const problem = quotaLimitProblem(name, value);
      if (problem) throw invalidInput(problem, name).coded('input.invalid', { field: name, detail: problem });
      valid[name as QuotaName] = value as number;
    }
    return valid;
  }

  private read(key: string): Partial<Quotas> {
    let limits = this.cache.get(key);
    if (!limits) {
      const text = this.store.settings.read(key);
      limits = text ? (JSON.parse(text) as Partial<Quotas>) : {};
      this.cache.set(key, limits);
    }
    return limits;
  }

  private write(key: string, limits: Partial<Quotas>, projectId: string | null): void {
    this.store.transaction(() => {
      this.store.settings.write(key, JSON.stringify(limits));
      this.store.emit('quota', { id: projectId ?? 'defaults', projectId, status: null, name: projectId ? 'project quotas' : 'default quotas' }, 'updated');
    });
    this.cache.set(key, limits);
  }
}
