import { EngineError } from '../core/errors.ts';
import type { Clock } from '../core/clock.ts';
import type { Scheduler } from '../core/scheduler.ts';
import type { EngineModules } from '../modules.ts';
import type { Store } from '../store/kinds.ts';
import type { SecurityGroup } from '../security-groups/security-group.ts';
import { DEFAULT_GROUP_NAME } from '../security-groups/security-group-service.ts';
import { defaultSecurityGroupRules, RESET_PHASES, type ResetPhase, type SecurityGroupRule } from '@sandcloud/domain';

export interface ResetReport {
  projectId: string;
  state: 'running' | 'done';
  /** The phase being worked on (the last one once done). */
  phase: ResetPhase;
  /** How many resources each phase removed so far. */
  removed: Record<ResetPhase, number>;
  /** Resources of the current and later phases still present. */
  remaining: number;
  startedAt: number;
  finishedAt: number | null;
}

const STEP = 'sandbox.reset-step';
/** How often (simulated ms) a running reset looks again at what its deletes left. */
const STEP_MS = 500;

/**
 * Empties a project of everything a user made, through each service's own delete path, so guests
 * halt, the data plane unbinds and the console hears every deletion. Asynchronous deletes
 * (instances, volumes, load balancers) are awaited phase by phase by a step on the scheduler, so a
 * reset survives a restart and runs in simulated time in tests. What activation made stays: the
 * Default Network and the `default` security group (its added rules are taken out).
 */
export class ProjectReset {
  private readonly reports = new Map<string, ResetReport>();
  /** Per running reset, the ids each phase has met (what it removed is those no longer there). */
  private readonly seen = new Map<string, Map<ResetPhase, Set<string>>>();

  constructor(
    private readonly store: Store,
    private readonly scheduler: Scheduler,
    private readonly clock: Clock,
    private readonly modules: EngineModules,
  ) {
    scheduler.register(STEP, (payload) => this.step(String(payload.projectId)));
  }

  /** Starts (or joins) the reset of a project and takes its first step at once. */
  start(projectId: string): ResetReport {
    return this.store.transaction(() => {
      const running = this.reports.get(projectId);
      if (running?.state === 'running') return running;
      this.reports.set(projectId, this.fresh(projectId));
      this.seen.delete(projectId);
      return this.step(projectId);
    });
  }

  /** The last reset of a project (running or done), if there was one since start-up. */
  report(projectId: string): ResetReport | undefined {
    return this.reports.get(projectId);
  }

  /** How many of a project's resources a reset would remove now (0: nothing to reset). */
  resourceCount(projectId: string): number {
    return RESET_PHASES.reduce((sum, phase) => sum + this.pending(projectId, phase).length, 0);
  }

  private fresh(projectId: string): ResetReport {
    const removed = Object.fromEntries(RESET_PHASES.map((p) => [p, 0])) as Record<ResetPhase, number>;
    return { projectId, state: 'running', phase: RESET_PHASES[0], removed, remaining: 0, startedAt: this.clock.now(), finishedAt: null };
  }

  private step(projectId: string): ResetReport {
    // A step that outlived a restart picks the reset up again.
    const previous = this.reports.get(projectId) ?? this.fresh(projectId);
    const report: ResetReport = { ...previous, removed: { ...previous.removed } };
    const seen = this.seen.get(projectId) ?? new Map<ResetPhase, Set<string>>();
    this.seen.set(projectId, seen);
    for (const phase of RESET_PHASES.slice(RESET_PHASES.indexOf(report.phase))) {
      report.phase = phase;
      const ids = seen.get(phase) ?? new Set<string>();
      seen.set(phase, ids);
      for (const id of this.pending(projectId, phase)) {
        ids.add(id);
        this.remove(projectId, phase, id);
      }
      const left = this.pending(projectId, phase);
      report.removed[phase] = ids.size - left.length;
      if (left.length > 0) break;
    }
    report.remaining = RESET_PHASES.slice(RESET_PHASES.indexOf(report.phase)).reduce((sum, p) => sum + this.pending(projectId, p).length, 0);
    if (report.remaining === 0) {
      report.state = 'done';
      report.finishedAt = this.clock.now();
      this.seen.delete(projectId);
    } else {
      this.scheduler.schedule(STEP, { projectId }, STEP_MS);
    }
    this.reports.set(projectId, report);
    return report;
  }

  /** Ids of what a phase still has to remove (including what is being deleted now). */
  private pending(projectId: string, phase: ResetPhase): string[] {
    const { store } = this;
    switch (phase) {
      case 'load-balancers':
        return store.list('load-balancer', projectId).map((r) => r.id);
      case 'floating-ips':
        return store.list('floating-ip', projectId).map((r) => r.id);
      case 'volume-attachments':
        return store.list('volume', projectId).filter((v) => v.attachment).map((r) => r.id);
      case 'volume-snapshots':
        return store.list('volume-snapshot', projectId).map((r) => r.id);
      case 'volumes':
        return store.list('volume', projectId).map((r) => r.id);
      case 'instances':
        return store.list('instance', projectId).map((r) => r.id);
      case 'images':
        return store.list('image', projectId).filter((i) => i.visibility !== 'public' && i.projectId === projectId).map((r) => r.id);
      case 'key-pairs':
        return store.list('key-pair', projectId).map((r) => r.id);
      case 'security-groups':
        return store
          .list('security-group', projectId)
          .filter((g) => g.name !== DEFAULT_GROUP_NAME || addedRules(g).length > 0)
          .map((r) => r.id);
    }
  }

  /** The `default` group stays with the rules activation gave it; any other group goes. */
  private removeGroup(projectId: string, id: string): void {
    const group = this.modules.securityGroups.get(projectId, id);
    if (group.name !== DEFAULT_GROUP_NAME) return this.modules.securityGroups.delete(projectId, id);
    for (const rule of addedRules(group)) this.modules.securityGroups.deleteRule(projectId, id, rule.id);
  }

  /** Asks the owning service to delete; a resource busy in another operation is left for the next step. */
  private remove(projectId: string, phase: ResetPhase, id: string): void {
    const m = this.modules;
    try {
      switch (phase) {
        case 'load-balancers': {
          if (this.store.get('load-balancer', id)?.status === 'PENDING_DELETE') return;
          m.loadBalancers.delete(projectId, id);
          return;
        }
        case 'floating-ips':
          return m.floatingIps.release(projectId, id);
        case 'volume-attachments':
          if (this.store.get('volume', id)?.status === 'in-use') m.volumes.detach(projectId, id);
          return;
        case 'volume-snapshots':
          if (this.store.get('volume-snapshot', id)?.status === 'deleting') return;
          m.volumeSnapshots.delete(projectId, id);
          return;
        case 'volumes':
          if (this.store.get('volume', id)?.status === 'deleting') return;
          m.volumes.delete(projectId, id);
          return;
        case 'instances':
          if (this.store.get('instance', id)?.taskState) return;
          m.instances.delete(projectId, id);
          return;
        case 'images':
          return m.images.delete(projectId, id);
        case 'key-pairs':
          return m.keyPairs.delete(projectId, id);
        case 'security-groups':
          return this.removeGroup(projectId, id);
      }
    } catch (error) {
      // The wrong state for now (still building, attaching…): the next step tries again.
      if (error instanceof EngineError && error.code === 'CONFLICT') return;
      throw error;
    }
  }
}

const ruleKey = (r: SecurityGroupRule) =>
  [r.direction, r.etherType, r.protocol, r.portRangeMin, r.portRangeMax, r.remoteIpPrefix, r.remoteGroupId].join('|');

/** Rules of a `default` group that activation did not put there. */
export function addedRules(group: Pick<SecurityGroup, 'id' | 'rules'>): SecurityGroupRule[] {
  const defaults = new Set(defaultSecurityGroupRules(group.id).map(ruleKey));
  return group.rules.filter((rule) => !defaults.has(ruleKey(rule)));
}
