import type { Clock } from '../core/clock.ts';
import type { Store } from '../store/kinds.ts';
import type { TutorialService } from '../tutorials/tutorial-service.ts';
import type { ProjectReset } from './project-reset.ts';

export interface SandboxResetReport {
  state: 'running' | 'done';
  /** Projects being emptied, and how many are done. */
  projects: number;
  projectsDone: number;
  /** Resources removed so far and still present, over every project. */
  removed: number;
  remaining: number;
  /** Tutorial progress rows forgotten (every learner starts the guides over). */
  tutorialsCleared: number;
  startedAt: number;
  finishedAt: number | null;
}

/**
 * The whole sandbox back to a clean start, by an administrator (a class's next lesson): every
 * project is emptied by its own `ProjectReset` (in dependency order, through the services, on the
 * scheduler — all at once), and every tutorial's progress is forgotten. Users, projects with their
 * Default Network and `default` group, memberships and classrooms stay.
 */
export class SandboxReset {
  private current: { projectIds: string[]; startedAt: number; tutorialsCleared: number; finishedAt: number | null } | null = null;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly resets: ProjectReset,
    private readonly tutorials: TutorialService,
  ) {}

  start(): SandboxResetReport {
    const running = this.report();
    if (running?.state === 'running') return running;
    const projectIds = this.store.list('project').map((project) => project.id);
    const tutorialsCleared = this.tutorials.forgetAll();
    for (const projectId of projectIds) this.resets.start(projectId);
    this.current = { projectIds, startedAt: this.clock.now(), tutorialsCleared, finishedAt: null };
    return this.report()!;
  }

  /** The last whole-sandbox reset since start-up, if any. */
  report(): SandboxResetReport | undefined {
    const current = this.current;
    if (!current) return undefined;
    const reports = current.projectIds.flatMap((id) => this.resets.report(id) ?? []);
    const done = reports.filter((report) => report.state === 'done');
    const finished = done.length === current.projectIds.length;
    if (finished && current.finishedAt === null) current.finishedAt = Math.max(current.startedAt, ...done.map((report) => report.finishedAt ?? 0));
    return {
      state: finished ? 'done' : 'running',
      projects: current.projectIds.length,
      projectsDone: done.length,
      removed: reports.reduce((sum, report) => sum + Object.values(report.removed).reduce((a, b) => a + b, 0), 0),
      remaining: reports.reduce((sum, report) => sum + (report.state === 'done' ? 0 : report.remaining), 0),
      tutorialsCleared: current.tutorialsCleared,
      startedAt: current.startedAt,
      finishedAt: finished ? current.finishedAt : null,
    };
  }
}
